"""The queue table, driven by keys in a small app that answers its page requests from a list."""

from dataclasses import replace
from datetime import datetime, timedelta

from conftest import TODAY
from rich.cells import cell_len
from textual.app import App, ComposeResult

from daicho.data.dates import clock
from daicho.data.records import RequestRecord
from daicho.i18n import set_language
from daicho.widgets.queue_table import PAGE_SIZE, QueueTable

BANDS = ("overdue", "today", "soon", "none", "closed")


def request(index: int, **changes) -> RequestRecord:
    """Request `index`: alternate directions, due dates from two days ago onwards."""
    fields = dict(
        id=index + 1,
        direction="outbound" if index % 2 == 0 else "inbound",
        vendor_id=1,
        vendor_name=f"Vendor {index}",
        contact_id=None,
        contact_name="",
        call_id=None,
        subject=f"Subject {index}",
        body="",
        internal_notes="",
        due=TODAY + timedelta(days=index - 2),
        priority="normal",
        status="open",
        answer="",
        created_at=datetime(2026, 11, 10, 12),
        updated_at=datetime(2026, 11, 10, 12),
    )
    return RequestRecord(**(fields | changes))


class QueueApp(App):
    """Stands in for the main screen: answers RowsNeeded from `rows`, records what it saw."""

    def __init__(self, rows: list[RequestRecord], *, answer: bool = True) -> None:
        super().__init__()
        self.rows = rows
        self.answer = answer
        self.asked: list[tuple[int, int]] = []
        self.highlighted: list[RequestRecord | None] = []
        self.opened: list[RequestRecord] = []

    def compose(self) -> ComposeResult:
        yield QueueTable()

    def on_mount(self) -> None:
        self.table.today = TODAY  # as the main screen hands down the app's today
        self.table.focus()
        self.table.reset(len(self.rows))

    @property
    def table(self) -> QueueTable:
        return self.query_one(QueueTable)

    def on_queue_table_rows_needed(self, event: QueueTable.RowsNeeded) -> None:
        self.asked.append((event.offset, event.limit))
        if self.answer:
            page = self.rows[event.offset : event.offset + event.limit]
            self.table.set_rows(event.offset, page, len(self.rows))

    def on_queue_table_highlighted(self, event: QueueTable.Highlighted) -> None:
        self.highlighted.append(event.request)

    def on_queue_table_opened(self, event: QueueTable.Opened) -> None:
        self.opened.append(event.request)


def lines(table: QueueTable) -> list[str]:
    return [table.render_line(y).text for y in range(table.size.height)]


MANY = [request(i) for i in range(20_000)]


async def test_a_queue_of_20000_asks_only_for_the_page_on_screen():
    app = QueueApp(MANY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.asked == [(0, PAGE_SIZE)]
        assert app.table.total == 20_000
        assert "Subject 27" in "\n".join(lines(app.table))


async def test_paging_down_and_jumping_to_the_end_ask_for_further_pages():
    app = QueueApp(MANY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("pagedown", "pagedown", "pagedown")
        await pilot.pause()
        assert app.asked == [(0, PAGE_SIZE), (PAGE_SIZE, PAGE_SIZE)]
        await pilot.press("end")
        await pilot.pause()
        assert app.asked[-1] == (19_900, PAGE_SIZE)
        assert len(app.asked) == 3
        assert app.table.cursor_row == 19_999
        assert "Subject 19999" in lines(app.table)[-1]
        await pilot.press("home")
        await pilot.pause()
        assert len(app.asked) == 3  # page 0 is still in the cache


async def test_moving_the_cursor_highlights_each_request_and_enter_opens_it():
    app = QueueApp(MANY[:50])
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("down", "down", "up")
        await pilot.pause()
        assert app.table.cursor_row == 1
        assert app.highlighted == [MANY[0], MANY[1], MANY[2], MANY[1]]
        await pilot.press("enter")
        await pilot.pause()
        assert app.opened == [MANY[1]] == [app.table.current]


async def test_the_cursor_row_stays_in_view():
    app = QueueApp(MANY[:500])
    async with app.run_test(size=(100, 10)) as pilot:
        await pilot.press(*["down"] * 12)
        await pilot.pause()
        assert app.table.cursor_row == 12
        assert "Subject 12 " in lines(app.table)[-1]
        await pilot.press("pageup")
        await pilot.pause()
        assert app.table.cursor_row == 12 - 9  # a page is the height less the header
        assert "Subject 3 " in lines(app.table)[1]


async def test_rows_show_direction_due_band_and_subject_as_typed():
    rows = [
        request(0, subject="[bold]x[/]", priority="urgent"),
        request(1, priority="high"),
        request(2, due=None, status="answered"),
    ]
    app = QueueApp(rows)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        header, *shown = lines(app.table)
        assert header.split() == ["Due", "Chased", "Vendor", "Subject", "Age", "Priority"]
        assert shown[0].startswith("→ 11/18 ‼2d late ") and shown[0].split()[4] == "Vendor"
        assert "[bold]x[/]" in shown[0] and "10d ‼urgent" in shown[0]
        assert shown[1].startswith("← 11/19 ‼1d late") and "!high" in shown[1]
        assert shown[2].startswith("→ —") and "answered · Subject 2" in shown[2]


async def test_japanese_names_keep_the_columns_aligned():
    rows = [
        request(0, vendor_name="株式会社ヤマダ電機システムズ東日本", subject="見積もりの件"),
        request(1, vendor_name="NTT東日本", subject="回線工事の日程"),
        request(2),
    ]
    app = QueueApp(rows)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        header, *shown = lines(app.table)[:4]
        column = header.index("Subject")
        for line, row in zip(shown, rows, strict=True):
            assert cell_len(line[: line.index(row.subject)]) == column
            assert cell_len(line) == cell_len(header)
        assert "…" in shown[0]


async def test_in_japanese_the_header_and_cells_speak_japanese():
    set_language("ja")
    app = QueueApp([request(0, priority="urgent")])
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        header, first = lines(app.table)[:2]
        assert header.split() == ["期限", "催促", "業者", "件名", "経過", "優先度"]
        assert first.startswith("→ 11/18 ‼2日超過") and "10日 ‼至急" in first


async def test_at_50_columns_direction_due_vendor_and_subject_still_show():
    rows = [request(0, vendor_name="Fujitsu Business Solutions West", subject="Quote")]
    app = QueueApp(rows)
    async with app.run_test(size=(50, 20)) as pilot:
        await pilot.pause()
        header, first = lines(app.table)[:2]
        assert header.split() == ["Due", "Vendor", "Subject"]
        assert first.startswith("→ 11/18 ‼2d late  Fujitsu B… Quote")


async def test_how_often_and_how_long_ago_it_was_chased_in_its_column_or_the_subject():
    """Days count local dates: a chase late last night was yesterday (issue 18)."""
    late_last_night = clock.to_utc(datetime(2026, 11, 19, 23, 50))
    rows = [
        request(0, times_chased=2, last_chased=late_last_night),
        request(2, times_chased=1, last_chased=clock.to_utc(datetime(2026, 11, 20, 8, 0))),
        request(4),
    ]
    for width, language, said in [
        (100, "en", ("2× · 1d ago", "1× · today")),
        (100, "ja", ("2× · 1日前", "1× · 今日")),
        (50, "en", ("2× · 1d ago · Subj", "1× · today · Subje")),
    ]:
        set_language(language)
        app = QueueApp(rows)
        async with app.run_test(size=(width, 20)) as pilot:
            await pilot.pause()
            header, *shown = lines(app.table)[:4]
            for line, words in zip(shown, said, strict=False):
                assert words in line
            assert "×" not in shown[2]
            if width == 100:
                column = cell_len(header[: header.index("Chased" if language == "en" else "催促")])
                assert cell_len(shown[0][: shown[0].index("2×")]) == column


async def test_rows_not_yet_loaded_show_a_placeholder_and_open_nothing():
    app = QueueApp(MANY[:10], answer=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert lines(app.table)[1].strip() == "…"
        assert app.table.current is None
        assert app.opened == [] and app.highlighted == []


async def test_reset_forgets_the_rows_asks_again_and_keeps_the_cursor():
    app = QueueApp(MANY[:300])
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("down", "down", "down")
        app.rows = [replace(row, subject=f"Filtered {row.id}") for row in MANY[:200]]
        app.table.reset(len(app.rows))
        await pilot.pause()
        assert app.asked == [(0, PAGE_SIZE), (0, PAGE_SIZE)]
        assert app.table.cursor_row == 3
        assert app.table.current.subject == "Filtered 4"
        assert app.highlighted[-1] == app.table.current
        app.rows = app.rows[:2]
        app.table.reset(2)
        await pilot.pause()
        assert app.table.cursor_row == 1


async def test_an_empty_queue_says_so():
    app = QueueApp(MANY[:5])
    async with app.run_test(size=(60, 11)) as pilot:
        await pilot.pause()
        app.table.empty_text = "Nothing open — nice."
        app.rows = []
        app.table.reset(0)
        await pilot.pause()
        shown = lines(app.table)
        assert shown[5].strip() == "Nothing open — nice."
        assert shown[5].index("N") == (app.table.scrollable_content_region.width - 20) // 2
        assert app.highlighted[-1] is None
        app.table.empty_text = "No answered requests"
        await pilot.pause()
        assert lines(app.table)[5].strip() == "No answered requests"


async def test_deadline_bands_look_different_in_every_builtin_theme():
    app = QueueApp([])
    async with app.run_test(size=(40, 5)) as pilot:
        for theme in app.available_themes:
            app.theme = theme
            await pilot.pause()
            styles = {
                app.table.get_component_rich_style(f"deadline--{band}", partial=True)
                for band in BANDS
            }
            assert len(styles) == len(BANDS), theme
