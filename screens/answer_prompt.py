"""Marking a request answered (outbound: they replied) or done (inbound: we did it).

`x` then `enter` marks it in two keys; an answer, when there is one, is typed in between.
"""

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Label, Static, TextArea

from daicho.data import requests
from daicho.data.records import RequestRecord
from daicho.i18n import N_, _
from daicho.labels import label
from daicho.screens.form_base import block, row
from daicho.screens.request_prompt import RequestPrompt


class AnswerPrompt(RequestPrompt):
    """Dismisses with the answered RequestRecord, or None when cancelled."""

    AUTO_FOCUS = "#answer"
    DRAFT_FORM = "answer"
    BINDINGS: ClassVar = [
        # A priority binding, so that it comes before the text area's newline; it steps
        # aside (check_action) as soon as an answer is typed.
        Binding("enter", "confirm_empty", N_("Confirm"), id="answer.confirm", priority=True),
    ]

    def __init__(self, request: RequestRecord) -> None:
        self.outbound = request.direction == "outbound"
        super().__init__(_("Mark as answered") if self.outbound else _("Mark as done"), request)

    def compose_prompt(self) -> ComposeResult:
        marked = _("Answered") if self.outbound else _("Done")
        yield Label(_("Status"), classes="form-label")
        yield Static(Text.assemble(label(self.request.status), " → ", (marked, "bold")))
        placeholder = _("optional; enter on an empty answer confirms")
        answer = _("Answer") if self.outbound else _("What was done")
        yield from row(answer, block(id="answer", placeholder=placeholder))

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        """`enter` confirms only while the answer is empty; then it is a newline again."""
        if action == "confirm_empty":
            answers = self.query("#answer").results(TextArea)
            return not any(answer.text.strip() for answer in answers)
        return True

    def action_confirm_empty(self) -> None:
        self.action_save()

    def on_text_area_changed(self) -> None:
        self.refresh_bindings()

    def save(self) -> RequestRecord:
        answer = self.query_one("#answer", TextArea).text
        return requests.answer_request(self.request.id, answer)
