"""The date style (`[display] date_style`): short, ISO or 和暦, on screen and in mails;
exports stay ISO whatever the style."""

import json
from datetime import date, datetime, timedelta

import pytest
from conftest import TODAY, settle, shown
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len
from test_cli import daicho, home  # noqa: F401 (a fixture)
from test_copying import FakeClipboard, app_with
from test_main_screen import small_ledger

from daicho.config import Config
from daicho.data import requests
from daicho.data.dates import clock
from daicho.data.dates.deadlines import Deadline
from daicho.data.dates.notes import describe_due
from daicho.data.dates.parse import parse_due
from daicho.data.dates.settings import set_date_settings
from daicho.data.dates.style import full_date, wareki, wareki_short
from daicho.data.mail import summaries
from daicho.data.mail.format import day_text, moment_text
from daicho.data.transfer.export import export_ledger
from daicho.i18n import language, set_language
from daicho.screens.request_detail import RequestDetailScreen
from daicho.widgets.ledger_header import LedgerHeader
from daicho.widgets.queue_columns import DUE_WIDTHS
from daicho.widgets.queue_table import QueueTable

STYLES = ("short", "iso", "wareki")


def use_style(style: str) -> None:
    set_date_settings(Config(date_style=style).as_date_settings())


# --- 和暦 ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "day, long, short",
    [
        (date(2026, 11, 30), "令和8年11月30日(月)", "R8.11.30"),
        (date(2019, 5, 1), "令和元年5月1日(水)", "R1.5.1"),
        (date(2019, 4, 30), "平成31年4月30日(火)", "H31.4.30"),
        (date(1989, 1, 8), "平成元年1月8日(日)", "H1.1.8"),
        (date(1989, 1, 7), "1989-01-07", "1989-01-07"),  # 昭和: never a due date, so ISO
        (date(2040, 1, 1), "令和22年1月1日(日)", "R22.1.1"),
    ],
)
def test_wareki_across_the_era_boundaries(day, long, short):
    assert (wareki(day), wareki_short(day)) == (long, short)


@pytest.mark.parametrize(
    "text, due",
    [
        ("令和8年11月30日", date(2026, 11, 30)),
        ("令和元年5月1日", date(2019, 5, 1)),
        ("平成31年4月30日", date(2019, 4, 30)),
        ("R8.11.30", date(2026, 11, 30)),
        ("ｒ８／１１／３０", date(2026, 11, 30)),
        ("H31.4.30", date(2019, 4, 30)),
    ],
)
def test_a_date_typed_in_wareki_is_read(text, due):
    assert parse_due(text, TODAY) == due


@pytest.mark.parametrize("text", ["令和元年4月30日", "平成31年5月1日", "R0.1.1", "平成32年1月1日"])
def test_a_wareki_date_outside_its_era_is_no_date(text):
    with pytest.raises(Exception, match=r"^No such date: "):
        parse_due(text, TODAY)


@given(st.dates(min_value=date(1989, 1, 8), max_value=date(2117, 12, 31)))
def test_any_short_wareki_date_reads_back_as_itself(day):
    assert parse_due(wareki_short(day), TODAY) == day


# --- each style in the data layer ---------------------------------------------------------


def due_text(due: date, band: str, today: date) -> str:
    """The cell of a deadline put in `band` whatever its date."""
    return Deadline(due, today, band, (due - today).days).cell


@pytest.mark.parametrize(
    "style, overdue, later, far, full",
    [
        ("short", "11/18 ‼2d late", "12/10", "2027/9/1", "2026-11-18"),
        ("iso", "2026-11-18 ‼2d late", "2026-12-10", "2027-09-01", "2026-11-18"),
        ("wareki", "R8.11.18 ‼2d late", "R8.12.10", "R9.9.1", "令和8年11月18日(水)"),
    ],
)
def test_the_due_cell_and_the_full_date_in_each_style(style, overdue, later, far, full):
    use_style(style)
    assert due_text(date(2026, 11, 18), "overdue", TODAY) == overdue
    assert due_text(date(2026, 12, 10), "later", TODAY) == later
    assert due_text(date(2027, 9, 1), "later", TODAY) == far
    assert full_date(date(2026, 11, 18)) == full


@pytest.mark.parametrize(
    "style, english, japanese",
    [
        ("short", "Mon 2026-11-30 (in 10 days)", "2026-11-30(月) 10日後"),
        ("iso", "Mon 2026-11-30 (in 10 days)", "2026-11-30(月) 10日後"),
        ("wareki", "令和8年11月30日(月) (in 10 days)", "令和8年11月30日(月) 10日後"),
    ],
)
def test_the_confirmation_beside_a_date_field_in_each_style(style, english, japanese):
    use_style(style)
    assert describe_due(date(2026, 11, 30), TODAY) == english
    set_language("ja")
    assert describe_due(date(2026, 11, 30), TODAY) == japanese


@pytest.mark.parametrize(
    "style, english, japanese",
    [
        ("short", "Mon 30 Nov", "11月30日(月)"),
        ("iso", "Mon 2026-11-30", "2026-11-30(月)"),
        ("wareki", "Mon 30 Nov", "令和8年11月30日(月)"),  # English mails keep their own form
    ],
)
def test_mail_dates_in_each_style(style, english, japanese):
    use_style(style)
    with language("en"):
        assert day_text(date(2026, 11, 30), TODAY) == english
    with language("ja"):
        assert day_text(date(2026, 11, 30), TODAY) == japanese


def test_mail_times_in_each_style():
    at = clock.to_utc(datetime(2026, 11, 27, 14, 5))
    expected = {
        "short": ("Fri 27 Nov 2026 14:05", "2026年11月27日(金) 14:05"),
        "iso": ("Fri 2026-11-27 14:05", "2026-11-27(金) 14:05"),
        "wareki": ("Fri 27 Nov 2026 14:05", "令和8年11月27日(金) 14:05"),
    }
    for style, (english, japanese) in expected.items():
        use_style(style)
        with language("en"):
            assert moment_text(at) == english
        with language("ja"):
            assert moment_text(at) == japanese


@given(
    day=st.dates(min_value=date(1989, 1, 8), max_value=date(2117, 12, 31)),
    days=st.integers(min_value=1, max_value=99),
    lang=st.sampled_from(["en", "ja"]),
)
def test_a_due_cell_fits_the_queue_column_in_every_style(day, days, lang):
    """Up to 99 days late, and up to 令和99年, which is as far as anyone types."""
    before, after = day - timedelta(days=days), day + timedelta(days=days)
    with language(lang):
        for style in STYLES:
            use_style(style)
            for band, today in (("overdue", after), ("today", day), ("soon", before)):
                assert cell_len(due_text(day, band, today)) <= DUE_WIDTHS[style]
            assert cell_len(due_text(day, "later", before)) <= DUE_WIDTHS[style]


# --- on screen ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "style, row, header",
    [
        ("short", "→ 11/18 ‼2d late", "2026-11-20 (Fri)"),
        ("iso", "→ 2026-11-18 ‼2d late", "2026-11-20 (Fri)"),
        ("wareki", "→ R8.11.18 ‼2d late", "令和8年11月20日(金)"),
    ],
)
async def test_the_queue_shows_due_dates_in_the_configured_style(ledger, style, row, header):
    small_ledger()
    app = app_with(ledger, FakeClipboard(), Config(date_style=style))
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        lines = shown(app.screen.query_one(QueueTable)).split("\n")
        assert lines[1].startswith(row)
        assert header in shown(app.screen.query_one(LedgerHeader))


@pytest.mark.parametrize("lang", ["en", "ja"])
async def test_wareki_fits_the_queue_at_80_columns(ledger, lang):
    """The longest style still leaves the vendor and the subject readable at 80×24."""
    small_ledger()
    set_language(lang)
    app = app_with(ledger, FakeClipboard(), Config(date_style="wareki"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(QueueTable)
        first, second = shown(table).split("\n")[1:3]
        late = "‼2d late" if lang == "en" else "‼2日超過"
        assert first.startswith(f"→ R8.11.18 {late}") and "Acme Dev" in first and "Quote" in first
        assert second.startswith("← R8.11.20 ") and "ひかり" in second and "回線" in second
        assert table.size.width <= 80


async def test_the_request_screen_shows_the_due_date_and_its_history_in_the_style(ledger):
    ids = small_ledger()
    requests.redate_request(ids["asked"].id, date(2026, 12, 4))
    app = app_with(ledger, FakeClipboard(), Config(date_style="wareki"))
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        app.push_screen(RequestDetailScreen(ids["asked"].id))
        await settle(pilot)
        fields = shown(app.screen.query_one("#request-fields"))
        assert "R8.12.4 · 令和8年12月4日(金)" in fields  # 9 business days on: not soon
        history = shown(app.screen.query_one("#history-lines"))
        assert "令和8年11月18日(水) → 令和8年12月4日(金)" in history


# --- in a copied mail ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "style, lang, due",
    [
        # The overdue request gets the polite reminder: its due date without "overdue".
        ("short", "en", "Due: Wed 18 Nov"),
        ("iso", "en", "Due: Wed 2026-11-18"),
        ("wareki", "en", "Due: Wed 18 Nov"),
        ("short", "ja", "■期限：11月18日(水)"),
        ("iso", "ja", "■期限：2026-11-18(水)"),
        ("wareki", "ja", "■期限：令和8年11月18日(水)"),
    ],
)
async def test_a_copied_mail_writes_dates_in_the_configured_style(ledger, style, lang, due):
    small_ledger()
    set_language(lang)
    clipboard = FakeClipboard()
    app = app_with(ledger, clipboard, Config(date_style=style))
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("2", "y")
        await settle(pilot)
    [copied] = clipboard.copied
    assert due in copied.split("\n")


@pytest.mark.both_engines
def test_a_template_may_ask_for_a_style_of_its_own(ledger):
    """A template for a public office writes 和暦 whatever the configured style."""
    ids = small_ledger()
    use_style("iso")
    templates = {"request_office": "{subject}（{due:wareki}）\n{today:short} {today:iso} {due}"}
    mail = summaries.request_mail(ids["asked"].id, templates, "request_office")
    assert mail.problems == ()
    assert mail.subject == "Quote for 10 laptops（令和8年11月18日(水) (overdue)）"
    assert mail.text.split("\n")[1] == "Fri 20 Nov Fri 2026-11-20 Wed 2026-11-18 (overdue)"


@pytest.mark.both_engines
def test_a_template_asking_for_an_unknown_style_is_reported_and_replaced(ledger):
    ids = small_ledger()
    mail = summaries.request_mail(ids["asked"].id, {"request_x": "{due:heisei}\n"}, "request_x")
    assert mail.template == "request_en" and "cannot be used" in str(mail.problems[0])


# --- exports stay ISO ----------------------------------------------------------------------


@pytest.mark.both_engines
def test_exports_and_the_ledger_stay_iso_in_every_style(ledger, tmp_path):
    ids = small_ledger()
    use_style("wareki")
    set_language("ja")
    toml, as_json = export_ledger("toml"), export_ledger("json")
    export_ledger("csv", tmp_path / "csv")
    as_csv = (tmp_path / "csv" / "requests.csv").read_text("utf-8-sig")
    for text in (toml, as_json, as_csv):
        assert "2026-11-18" in text and "令和" not in text and "R8." not in text
    assert requests.get_request(ids["asked"].id).due == date(2026, 11, 18)


@pytest.mark.both_engines
def test_the_export_command_stays_iso_with_wareki_configured(home, tmp_path, ledger):  # noqa: F811
    small_ledger()
    config = tmp_path / "config" / "daicho" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text('language = "ja"\n[display]\ndate_style = "wareki"\n', "utf-8")
    result = daicho(home, "--db", ledger, "export", "--format", "json")
    assert result.returncode == 0, result.stderr
    dues = [r["due"] for r in json.loads(result.stdout)["requests"]]
    assert sorted(dues) == ["2026-11-18", "2026-11-20"]


@pytest.mark.both_engines
def test_the_weekly_report_command_follows_the_style(home, tmp_path, ledger):  # noqa: F811
    config = tmp_path / "config" / "daicho" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text('language = "ja"\n[display]\ndate_style = "wareki"\n', "utf-8")
    result = daicho(home, "--db", ledger, "report", "--week")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("【週次報告】業者対応状況（令和"), result.stdout[:80]
