"""Marking a request answered (outbound: they replied) or done (inbound: we did it).

`x` then `enter` marks it in two keys; an answer, when there is one, is typed in between,
and `enter` saves it too: `ctrl+j` starts a new line in it.
"""

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Label, Static, TextArea

from daicho.data import requests
from daicho.data.records import RequestRecord
from daicho.i18n import N_, _
from daicho.i18n.labels import label
from daicho.screens.bases.form import block, row
from daicho.screens.bases.request_prompt import RequestPrompt


class AnswerPrompt(RequestPrompt):
    """Dismisses with the answered RequestRecord, or None when cancelled."""

    AUTO_FOCUS = "#answer"
    DRAFT_FORM = "answer"
    BINDINGS: ClassVar = [
        # Priority bindings, so that enter comes before the text area's own newline.
        Binding("enter", "save", N_("Save"), id="answer.save", priority=True),
        Binding("ctrl+j", "new_line", N_("New line"), id="answer.new_line", priority=True),
    ]

    def __init__(self, request: RequestRecord) -> None:
        self.outbound = request.direction == "outbound"
        super().__init__(_("Mark as answered") if self.outbound else _("Mark as done"), request)

    def compose_prompt(self) -> ComposeResult:
        marked = _("Answered") if self.outbound else _("Done")
        yield Label(_("Status"), classes="form-label")
        yield Static(Text.assemble(label(self.request.status), " → ", (marked, "bold")))
        placeholder = _("optional; enter saves, ctrl+j starts a new line")
        answer = _("Answer") if self.outbound else _("What was done")
        yield from row(answer, block(id="answer", placeholder=placeholder))

    def action_new_line(self) -> None:
        answer = self.query_one("#answer", TextArea)
        answer.replace("\n", *answer.selection, maintain_selection_offset=False)

    def save(self) -> RequestRecord:
        answer = self.query_one("#answer", TextArea).text
        return requests.answer_request(self.request.id, answer, expected_version=self.read_version)
