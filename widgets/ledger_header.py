"""The top line: today's date and what needs attention, always in view."""

from datetime import date

from rich.cells import cell_len
from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from daicho.data.dates.settings import current_style
from daicho.data.dates.style import wareki, weekday_name
from daicho.data.records import QueueCounts
from daicho.i18n import _


def today_text(day: date) -> str:
    """`2026-11-20 (Fri)`, or `令和8年11月20日(金)` in the wareki date style."""
    if current_style() == "wareki":
        return wareki(day)
    return f"{day.isoformat()} ({weekday_name(day)})"


class LedgerHeader(Widget):
    """One line: app name, today, then overdue / due today / we owe / waiting counts."""

    DEFAULT_CSS = """
    LedgerHeader { height: 1; background: $panel; color: $foreground; }
    """

    counts: reactive[QueueCounts] = reactive(QueueCounts)
    today: reactive[date] = reactive(date.today)

    def render(self) -> Text:
        """The counts always; the app's name too when the line has room for it."""
        counts = self.counts
        text = Text(f" {today_text(self.today)}  ")
        parts = [
            (_("overdue {n}", n=counts.overdue), "bold red" if counts.overdue else ""),
            (_("due today {n}", n=counts.due_today), "bold yellow" if counts.due_today else ""),
            (_("← we owe {n}", n=counts.we_owe), ""),
            (_("→ waiting {n}", n=counts.waiting), ""),
        ]
        for index, (part, style) in enumerate(parts):
            if index:
                text.append(" · ", style="dim")
            text.append(part, style=style)
        name = " " + _("Daicho") + " "
        if cell_len(name) + text.cell_len <= self.size.width:
            text = Text.assemble((name, "bold reverse"), text)
        text.truncate(self.size.width, overflow="ellipsis")
        return text
