"""Help: every key by where it works, and what a date field accepts (DESIGN §4)."""

from collections.abc import Iterable
from typing import ClassVar

from rich.cells import cell_len
from rich.table import Table
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from daicho.i18n import N_, _
from daicho.screens.bases.screen import DaichoModal
from daicho.widgets.key_bar import KeyBar

# What a due-date field understands, as typed (left) and what it means (right).
DATE_FORMS = (
    ("2026-11-30", N_("that date")),
    ("11/30  11月30日", N_("that day; the year may be left out")),
    ("+3  +2w", N_("in 3 days, in 2 weeks")),
    ("today  今日", N_("today")),
    ("tomorrow  明日", N_("tomorrow")),
    ("明後日", N_("the day after tomorrow")),
    ("fri", N_("the next Friday (any weekday's name)")),
    ("来週金曜", N_("Friday next week")),
    ("再来週月曜", N_("Monday the week after next")),
    ("来月10日", N_("the 10th of next month")),
    ("月末  来月末", N_("the end of this month, of next month")),
    ("週明け", N_("the first business day after the weekend")),
    ("年内", N_("the last business day of this year")),
    ("+3bd  3営業日後", N_("3 business days on: weekends and holidays skipped")),
    ("令和8年11月30日  R8.11.30", N_("that date in the Japanese era")),
)
KEY_WIDTH_MAX = 24
WIDE_FROM = 150  # columns from which sections sit side by side


class HelpScreen(DaichoModal):
    """Sections of (title, bindings) as given, then the date forms; scrolls, closes with ?/f1."""

    DEFAULT_CSS = """
    HelpScreen .help-section { height: auto; margin-bottom: 1; }
    HelpScreen.-wide .help-section { margin-bottom: 0; }
    HelpScreen .help-title { color: $text-accent; text-style: bold; }
    """
    BINDINGS: ClassVar = [
        Binding("escape,question_mark,f1", "close", N_("Close"), id="help.close"),
    ]
    AUTO_FOCUS = "#help-body"

    def __init__(self, sections: list[tuple[str, list[Binding]]]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        tables = [(title, self._key_rows(bindings)) for title, bindings in self.sections]
        tables.append((_("Date fields"), [(typed, _(meaning)) for typed, meaning in DATE_FORMS]))
        width = min(KEY_WIDTH_MAX, max(cell_len(key) for _t, rows in tables for key, _d in rows))
        with VerticalScroll(id="help-body", classes="dialog") as body:
            body.border_title = _("Help")
            for title, rows in tables:
                with Vertical(classes="help-section"):
                    yield Static(title, classes="help-title", markup=False)
                    yield Static(_table(rows, width))
        yield KeyBar()

    def on_resize(self, event: events.Resize) -> None:
        """Two columns of sections when the terminal is wide enough for them."""
        self.set_class(event.size.width >= WIDE_FROM, "-wide")

    def _key_rows(self, bindings: Iterable[BindingType]) -> list[tuple[str, str]]:
        """One row per action: its keys joined (`? / f1`) and its description translated."""
        keys: dict[tuple[str, str], list[str]] = {}
        for binding in Binding.make_bindings(bindings):
            shown = keys.setdefault((binding.action, binding.description), [])
            if (display := self.app.get_key_display(binding)) not in shown:
                shown.append(display)
        return [
            (" / ".join(shown), _(description) if description else action)
            for (action, description), shown in keys.items()
        ]

    def action_close(self) -> None:
        self.dismiss(None)


def _table(rows: list[tuple[str, str]], key_width: int) -> Table:
    """Keys and descriptions as plain Text, so nothing in them is read as markup."""
    table = Table.grid(padding=(0, 2))
    table.add_column(width=key_width, no_wrap=True, overflow="ellipsis", style="bold")
    table.add_column(ratio=1)
    for key, description in rows:
        table.add_row(Text(key), Text(description))
    return table
