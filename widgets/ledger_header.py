"""The top line: today's date and what needs attention, always in view."""

from datetime import date
from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from daicho.data.dates.settings import current_style
from daicho.data.dates.style import wareki, weekday_name
from daicho.data.records import QueueCounts
from daicho.data.today_words import day_with_weekday
from daicho.i18n import _
from daicho.widgets.deadline_look import BAND_CLASSES, BAND_CSS, band_style


def today_text(day: date, short: bool = False) -> str:
    """`2026-11-20 (Fri)`, or `令和8年11月20日(金)` in the wareki date style; `short`, where
    the line is narrow: `Fri 11/20`, `11/20(金)`."""
    if short:
        return day_with_weekday(day)
    if current_style() == "wareki":
        return wareki(day)
    return f"{day.isoformat()} ({weekday_name(day)})"


class LedgerHeader(Widget):
    """One line: app name, today, then the day's list (今日やること) / overdue / due today /
    we owe / waiting counts."""

    COMPONENT_CLASSES: ClassVar = {
        "ledger-header--name",
        "ledger-header--separator",
        "ledger-header--today",
        *BAND_CLASSES,
    }
    DEFAULT_CSS = (
        """
    LedgerHeader { height: 1; background: $panel; color: $foreground; }
    LedgerHeader > .ledger-header--name { text-style: bold reverse; }
    LedgerHeader > .ledger-header--separator { text-style: dim; }
    LedgerHeader > .ledger-header--today { text-style: bold; }
    """
        + BAND_CSS
    )

    counts: reactive[QueueCounts] = reactive(QueueCounts)
    today: reactive[date] = reactive(date.min)
    """The app's today, set by the screen (it moves at midnight)."""
    shared: reactive[str] = reactive("")
    """A shared ledger's name (its URL without scheme or password), shown when there is room."""

    def render(self) -> Text:
        """The counts always, after today's date (short when the line is narrow); the app's
        name too when the line has room for it."""
        text = self._figures(today_text(self.today))
        if text.cell_len > self.size.width:
            text = self._figures(today_text(self.today, short=True))
        where = "  " + _("shared: {ledger}", ledger=self.shared)
        separator = self.get_component_rich_style("ledger-header--separator", partial=True)
        if self.shared and text.cell_len + cell_len(where) <= self.size.width:
            text.append(where, style=separator)
        name = " " + _("Daicho") + " "
        if cell_len(name) + text.cell_len <= self.size.width:
            style = self.get_component_rich_style("ledger-header--name", partial=True)
            text = Text.assemble((name, style), text)
        text.truncate(self.size.width, overflow="ellipsis")
        return text

    def _figures(self, day: str) -> Text:
        """The date, then the day's list, overdue, due today, we owe and waiting counts."""
        counts = self.counts
        text = Text(f" {day}  ")
        to_do = self.get_component_rich_style("ledger-header--today", partial=True)
        text.append(_("Today {n}", n=counts.today), style=to_do if counts.today else "")
        text.append("  ")
        parts = [
            (_("overdue {n}", n=counts.overdue), "overdue" if counts.overdue else ""),
            (_("due today {n}", n=counts.due_today), "today" if counts.due_today else ""),
            (_("← we owe {n}", n=counts.we_owe), ""),
            (_("→ waiting {n}", n=counts.waiting), ""),
        ]
        separator = self.get_component_rich_style("ledger-header--separator", partial=True)
        for index, (part, band) in enumerate(parts):
            if index:
                text.append(" · ", style=separator)
            text.append(part, style=band_style(self, band))
        return text
