"""The queue pane's table: a virtual view over the two-way request queue.

Like Toolong's log view it draws only the visible lines and holds a small cache of rows
by index. It never reads the ledger: it asks for pages with `RowsNeeded` and the screen
answers with `set_rows`, so 20,000 requests cost no more than fifty.
"""

from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from daicho.data.dates.deadlines import Deadline
from daicho.data.dates.settings import current_style
from daicho.data.records import RequestRecord
from daicho.i18n import N_, current_language
from daicho.widgets.deadline_look import BAND_CLASSES, BAND_CSS, band_style
from daicho.widgets.narrow_cells import fit
from daicho.widgets.queue_columns import Column, cell_text, layout, titles
from daicho.widgets.scrolling import set_virtual_height

PAGE_SIZE = 100
CACHE_PAGES = 20  # rows kept around the view; the rest are asked for again if needed


class QueueTable(ScrollView, can_focus=True):
    """Requests of both directions, one per line, coloured and worded by deadline band."""

    COMPONENT_CLASSES: ClassVar = {
        "queue-table--header",
        "queue-table--cursor",
        "queue-table--loading",
        "queue-table--priority",
        *BAND_CLASSES,
    }
    DEFAULT_CSS = (
        """
    QueueTable {
        height: 1fr; overflow-x: hidden; overflow-y: scroll; scrollbar-size-vertical: 1;
    }
    QueueTable > .queue-table--header { color: $text-muted; text-style: bold; }
    QueueTable > .queue-table--cursor { background: $block-cursor-blurred-background; }
    QueueTable:focus > .queue-table--cursor {
        background: $block-cursor-background; color: $block-cursor-foreground;
        text-style: $block-cursor-text-style;
    }
    QueueTable > .queue-table--loading { color: $text-disabled; }
    QueueTable > .queue-table--priority { text-style: bold; }
    """
        + BAND_CSS
    )
    BINDINGS: ClassVar = [
        Binding("enter", "open", N_("Open"), id="queue.open"),
        Binding("up", "move(-1)", N_("Up"), show=False, id="queue.up"),
        Binding("down", "move(1)", N_("Down"), show=False, id="queue.down"),
        Binding("pageup", "page(-1)", N_("Page up"), show=False, id="queue.page_up"),
        Binding("pagedown", "page(1)", N_("Page down"), show=False, id="queue.page_down"),
        Binding("home", "first", N_("First"), show=False, id="queue.first"),
        Binding("end", "last", N_("Last"), show=False, id="queue.last"),
    ]

    soon_days: reactive[int] = reactive(3)
    today: reactive[date] = reactive(date.min)
    """The app's today, set by the screen (it moves at midnight)."""
    empty_text: reactive[str] = reactive("")
    """What an empty queue says: its screen knows which filters emptied it."""
    cursor_row: reactive[int] = reactive(0)
    show_assignee: reactive[bool] = reactive(False)
    """Whether a column says who takes care of each request (a shared ledger, or assignees)."""

    @dataclass
    class RowsNeeded(Message):
        """Rows `offset` to `offset + limit` would be on screen soon: answer with `set_rows`."""

        offset: int
        limit: int

    @dataclass
    class Highlighted(Message):
        """The cursor is on `request` (None once the queue is empty)."""

        request: RequestRecord | None

    @dataclass
    class Opened(Message):
        """Enter on a loaded row: show `request` in full."""

        request: RequestRecord

    def __init__(self, **kwargs) -> None:
        self._total = 0
        super().__init__(**kwargs)
        self._rows: dict[int, RequestRecord] = {}
        self._asked: set[int] = set()  # pages asked for since the last reset
        self._known = False  # nothing is said about an empty queue before the first answer
        self._announced: RequestRecord | None = None

    # --- what the screen calls ------------------------------------------------------

    @property
    def total(self) -> int:
        return self._total

    @property
    def current(self) -> RequestRecord | None:
        """The request under the cursor; None while its page is loading or when empty."""
        return self._rows.get(self.cursor_row)

    def reset(self, total: int) -> None:
        """Forget every row (the filters changed); the cursor keeps its place where it can."""
        self._rows.clear()
        self._asked.clear()
        self._set_total(total)
        self._changed()

    def set_rows(self, offset: int, rows: list[RequestRecord], total: int) -> None:
        """The answer to `RowsNeeded` (or any page the screen already has)."""
        self._set_total(total)
        self._rows.update((index, row) for index, row in enumerate(rows, offset) if index < total)
        if len(self._rows) > CACHE_PAGES * PAGE_SIZE:
            self._trim_cache()
        self._changed()

    # --- keys and mouse -------------------------------------------------------------

    def action_move(self, rows: int) -> None:
        self.cursor_row += rows

    def action_page(self, pages: int) -> None:
        self.cursor_row += pages * self._page_height

    def action_first(self) -> None:
        self.cursor_row = 0

    def action_last(self) -> None:
        self.cursor_row = self._total - 1

    def action_open(self) -> None:
        if self.current is not None:
            self.post_message(self.Opened(self.current))

    def on_click(self, event: events.Click) -> None:
        """Click picks a row (the header is line 0); a double click opens it."""
        if event.y >= 1 and self._total:
            self.cursor_row = self.scroll_offset.y + event.y - 1
            if event.chain == 2:
                self.action_open()

    # --- keeping rows, cursor and scroll in step ------------------------------------

    @property
    def _page_height(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def validate_cursor_row(self, row: int) -> int:
        return max(0, min(row, self._total - 1))

    def watch_cursor_row(self, old: int, new: int) -> None:
        """Scroll just enough to keep the cursor in view; redraw only the two rows."""
        top = self.scroll_offset.y
        if new < top:
            self.scroll_to(y=new, animate=False, force=True)
        elif new >= top + self._page_height:
            self.scroll_to(y=new - self._page_height + 1, animate=False, force=True)
        self.refresh_line(old + 1)
        self.refresh_line(new + 1)
        self._announce()

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        self.call_later(self._ask_for_missing_rows)

    def on_resize(self) -> None:
        self.call_later(self._ask_for_missing_rows)

    def _set_total(self, total: int) -> None:
        self._known = True
        if total != self._total:
            self._total = total
            self._rows = {index: row for index, row in self._rows.items() if index < total}
            set_virtual_height(self, total + 1)
            self.cursor_row = self.cursor_row  # clamped to the new total

    def _changed(self) -> None:
        """Rows or their count changed: redraw, ask for what is missing once the caller is done."""
        self.refresh()
        self.call_later(self._ask_for_missing_rows)
        self._announce()

    def _announce(self) -> None:
        """Say which request is under the cursor, once it is loaded and when it changes."""
        request = self.current
        if (request is None and self._total) or request == self._announced:
            return
        self._announced = request
        self.post_message(self.Highlighted(request))

    def _ask_for_missing_rows(self) -> None:
        """Ask once per page for rows in view or a screenful either side of it.

        The request runs from the page's first missing row to its end, so rows the
        screen handed over unasked (its first page) are not read twice.
        """
        top, margin = self.scroll_offset.y, self._page_height
        for index in range(max(0, top - margin), min(self._total, top + 2 * margin)):
            page = index // PAGE_SIZE
            if index not in self._rows and page not in self._asked:
                self._asked.add(page)
                start = page * PAGE_SIZE
                end = min(start + PAGE_SIZE, self._total)
                start = next(i for i in range(start, end) if i not in self._rows)
                self.post_message(self.RowsNeeded(start, end - start))

    def _trim_cache(self) -> None:
        """Keep whole pages around the view, so a kept page is never half missing."""
        first = max(0, self.scroll_offset.y // PAGE_SIZE - CACHE_PAGES // 2)
        keep = range(first * PAGE_SIZE, (first + CACHE_PAGES) * PAGE_SIZE)
        self._rows = {index: row for index, row in self._rows.items() if index in keep}
        self._asked = {page for page in self._asked if page * PAGE_SIZE in keep}

    # --- drawing --------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.visual_style.rich_style
        if not self._total:
            segments = []
            if self._known and y == self.scrollable_content_region.height // 2:
                message = fit(self.empty_text, width).rstrip()
                centred = " " * ((width - cell_len(message)) // 2) + message
                segments = [Segment(centred, base + Style(italic=True))]
        elif y == 0:
            names, header = titles(), base + self._style("header")
            columns = self._layout(width)
            segments = self._cells([(names[c.key], c, header) for c in columns], base)
        else:
            segments = self._row(self.scroll_offset.y + y - 1, width, base)
        return Strip(segments).adjust_cell_length(width, base)

    def _layout(self, width: int) -> tuple[Column, ...]:
        return layout(width, current_language(), current_style(), self.show_assignee)

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"queue-table--{name}", partial=True)

    @staticmethod
    def _cells(cells: list[tuple[str, Column, Style]], base: Style) -> list[Segment]:
        """Cells fitted to their columns, one space apart."""
        segments = []
        for value, column, style in cells:
            segments += [Segment(fit(value, column.width, column.right), style), Segment(" ", base)]
        return segments[:-1]

    def _row(self, index: int, width: int, base: Style) -> list[Segment]:
        """A request: due cell coloured by band, closed rows dimmed, the cursor on top."""
        if index >= self._total:
            return []
        request = self._rows.get(index)
        if request is None:
            return [Segment("  …", base + self._style("loading"))]
        deadline = Deadline.of(request.due, request.status, self.today, self.soon_days)
        band = deadline.band
        row = base
        if band == "closed":
            row += band_style(self, "closed")
        if index == self.cursor_row:
            row += self._style("cursor")
        styles = {"priority": row + self._style("priority")}
        if band not in ("later", "closed"):
            styles["due"] = row + band_style(self, band)
        cells = [
            (cell_text(column, request, deadline), column, styles.get(column.key, row))
            for column in self._layout(width)
        ]
        return self._cells(cells, row)
