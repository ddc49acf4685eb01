"""The request a call is about, when the call is a chase of it (DESIGN §12): `n` on an open
request we wait on starts the call linked to it, and saving the call chases the request.

The form only shows and carries the link; the screen hands it in (`CallForm.start`) and
reads it back out with the call's values.
"""

from dataclasses import asdict, dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.widgets import Label, Static

from daicho.i18n import _


@dataclass(frozen=True)
class ChaseLink:
    """The open request we wait on that the call chases, and its vendor as the form shows it."""

    request_id: int
    subject: str
    vendor_name: str

    def draft(self) -> dict:
        """As a draft keeps it (plain JSON)."""
        return asdict(self)

    @classmethod
    def from_draft(cls, kept: object) -> "ChaseLink | None":
        """The link a draft kept; None for none, or for anything unreadable."""
        try:
            return cls(int(kept["request_id"]), str(kept["subject"]), str(kept["vendor_name"]))
        except (TypeError, KeyError, ValueError):
            return None


class ChaseLine(Horizontal):
    """`Chasing  #12 Quote for 10 laptops  ctrl+g: not a chase`, only while linked."""

    DEFAULT_CSS = """
    ChaseLine { height: 1; display: none; }
    ChaseLine.-linked { display: block; }
    ChaseLine > #chasing { width: 1fr; text-wrap: nowrap; text-overflow: ellipsis; }
    ChaseLine > #chase-hint { width: auto; padding-left: 1; color: $text-muted; }
    """

    link: reactive[ChaseLink | None] = reactive(None, init=False)

    def compose(self) -> ComposeResult:
        yield Label(_("Chasing"), classes="name", markup=False)
        yield Static(id="chasing", markup=False)
        yield Static(_("ctrl+g: not a chase"), id="chase-hint", markup=False)

    def watch_link(self, link: ChaseLink | None) -> None:
        self.set_class(link is not None, "-linked")
        if link is not None:
            shown = Text(f"#{link.request_id} {link.subject}")
            self.query_one("#chasing", Static).update(shown)
