"""What the small prompts about one request share: which request it is, then their fields.

They are forms (ctrl+s saves, escape closes, refusals show inside), so they build on FormModal.
"""

from textual.app import ComposeResult
from textual.widgets import Label, Static

from daicho.data.records import RequestRecord
from daicho.i18n import _
from daicho.screens.bases.form import ExistingRequestForm
from daicho.screens.support.rendering import request_summary


class RequestPrompt(ExistingRequestForm):
    """A form about `request`; subclasses add their rows in `compose_prompt`."""

    def __init__(self, title: str, request: RequestRecord) -> None:
        super().__init__(title)
        self.request = request
        self.read_version = request.version

    def compose_fields(self) -> ComposeResult:
        yield Label(_("Request"), classes="form-label")
        yield Static(request_summary(self.request))
        yield from self.compose_prompt()

    def compose_prompt(self) -> ComposeResult:
        """The prompt's own rows, after the line naming the request."""
        raise NotImplementedError
