"""Adding a note to a request's history (`m`): the history keeps it with the time it was added."""

from textual.app import ComposeResult
from textual.widgets import TextArea

from daicho.data import requests
from daicho.data.records import RequestRecord
from daicho.i18n import _
from daicho.screens.bases.form import block, row
from daicho.screens.bases.request_prompt import RequestPrompt


class NotePrompt(RequestPrompt):
    """Dismisses with the RequestRecord the note was added to, or None when cancelled."""

    AUTO_FOCUS = "#note"
    DRAFT_FORM = "note"

    def __init__(self, request: RequestRecord) -> None:
        super().__init__(_("Add a note"), request)

    def compose_prompt(self) -> ComposeResult:
        yield from row(_("Note"), block(id="note"))

    def save(self) -> RequestRecord:
        note = self.query_one("#note", TextArea).text
        # Whatever changed meanwhile: a note is added to the history and overwrites nothing.
        return requests.add_request_note(self.request.id, note)
