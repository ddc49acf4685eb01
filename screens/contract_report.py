"""The 年度 report on screen (DESIGN §13): the text `daicho report --contracts` prints, in the
user's language; `[` and `]` move a 年度, `y` copies it, `Y` previews it with a template."""

from datetime import MAXYEAR, MINYEAR
from functools import partial
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from daicho.data.dates.fiscal_year import fiscal_year_of
from daicho.data.mail.compose import Mail
from daicho.data.mail.contracts_report import contracts_report
from daicho.i18n import N_, _
from daicho.screens.bases.detail import DetailScreen
from daicho.screens.mixins.follows_ledger import FollowsLedger
from daicho.screens.support.copying import MailSource
from daicho.screens.support.ledger_access import read_ledger
from daicho.widgets.key_bar import KeyBar

TITLE = N_("Contracts report for the 年度")


def contracts_source(year: int) -> MailSource:
    return MailSource(("contracts",), partial(contracts_report, year=year))


class ContractReport(FollowsLedger, DetailScreen):
    """One 年度's contracts, costs and decisions as literal text; escape goes back."""

    DEFAULT_CSS = """
    ContractReport #report-pane { height: 1fr; }
    ContractReport #report-text { padding: 0 1; }
    """
    BINDINGS: ClassVar = [
        Binding("left_square_bracket", "year(-1)", N_("Previous 年度"), id="report.previous"),
        Binding("right_square_bracket", "year(1)", N_("Next 年度"), id="report.next"),
    ]
    HELP_TITLE = TITLE
    AUTO_FOCUS = "#report-pane"

    def __init__(self, year: int | None = None) -> None:
        super().__init__()
        self.year = fiscal_year_of(self.today) if year is None else year
        self.text: str | None = None
        """The report as last read and shown (None until the first read is in)."""

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="report-pane", classes="pane") as pane:
            pane.border_title = _(TITLE)
            yield Static("", id="report-text", markup=False)
        yield KeyBar(first=("left_square_bracket", "right_square_bracket", "y"))

    def on_mount(self) -> None:
        self.reload()

    def reload(self) -> None:
        make = partial(self.mail_source().make, self.app.config.templates, None)
        read = partial(make, self.today, self.app.config.sender)
        read_ledger(self, read, self._show, kind="report")

    def ledger_changed(self) -> None:
        self.reload()

    def _show(self, mail: Mail) -> None:
        self.text = mail.text
        self.query_one("#report-text", Static).update(mail.text)

    def mail_source(self) -> MailSource:
        return contracts_source(self.year)

    def action_year(self, step: int) -> None:
        """Another 年度, as far as dates go."""
        self.year = min(max(self.year + step, MINYEAR), MAXYEAR - 1)
        self.reload()
