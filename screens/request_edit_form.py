"""Editing a request's subject, priority, assignee, details and memo (`e` on request detail).

Only what changed is written, so the history names exactly the fields that were edited, and
a save made after someone else's change (refused once, then made knowing) keeps what they
changed in the other fields.
"""

from textual.app import ComposeResult

from daicho.data import requests
from daicho.data.records import REQUEST_PRIORITIES, RequestRecord
from daicho.i18n import _
from daicho.screens.bases.form import ExistingRequestForm, block, choice, line, row
from daicho.screens.support.people import assignee_field, suggest_people


class RequestEditForm(ExistingRequestForm):
    """Dismisses with the saved RequestRecord (unchanged when nothing was), or None."""

    AUTO_FOCUS = "#subject"
    DRAFT_FORM = "request-edit"

    def __init__(self, request: RequestRecord) -> None:
        super().__init__(_("Edit request"))
        self.request = request
        self.read_version = request.version

    def compose_fields(self) -> ComposeResult:
        yield from row(_("Subject"), line(id="subject"))
        yield from row(_("Priority"), choice(REQUEST_PRIORITIES, "normal", id="priority"))
        yield from row(_("Details (goes into mails to the vendor)"), block(id="body"))
        yield from row(_("Internal memo (never in a mail)"), block(id="internal_notes"))
        yield from row(_("Assignee"), assignee_field())

    def on_mount(self) -> None:
        self.load(_editable(self.request))
        suggest_people(self)

    def save(self) -> RequestRecord:
        before = _editable(self.request)
        changes = {key: value for key, value in self.snapshot().items() if value != before[key]}
        if not changes:
            return self.request
        return requests.edit_request(self.request.id, expected_version=self.read_version, **changes)


def _editable(request: RequestRecord) -> dict[str, str]:
    return {
        "subject": request.subject,
        "priority": request.priority,
        "assignee": request.assignee,
        "body": request.body,
        "internal_notes": request.internal_notes,
    }
