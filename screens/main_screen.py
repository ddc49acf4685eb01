"""The main screen: the ledger at a glance."""

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Footer, Header, Static

from daicho.data.queue import queue_counts
from daicho.data.vendors import list_vendors
from daicho.i18n import _
from daicho.screens.base import DaichoScreen


class MainScreen(DaichoScreen):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="summary")
        yield Footer()

    def on_mount(self) -> None:
        counts = queue_counts()
        vendors = list_vendors(limit=20)
        summary = Text(
            _(
                "Overdue {overdue} · due today {due_today} · we owe {we_owe} · waiting {waiting}",
                overdue=counts.overdue,
                due_today=counts.due_today,
                we_owe=counts.we_owe,
                waiting=counts.waiting,
            )
            + "\n\n"
        )
        for vendor in vendors:
            summary.append(f"{vendor.name}  ({vendor.open_count})\n")
        self.query_one("#summary", Static).update(summary)
