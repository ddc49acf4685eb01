"""What the prompts that set one date of a request share (its due date, its next chase):
enter saves, and removing the date is its own key (ctrl+r), never an empty field, so that
the prompt's key then a stray `enter` changes nothing."""

from textual import on
from textual.widgets import Input

from daicho.screens.bases.request_prompt import RequestPrompt


class DatePrompt(RequestPrompt):
    """A RequestPrompt whose `save` writes no date while `removing` (ctrl+r, `action_remove`)."""

    removing = False  # the save asked for is "no date"

    def has_date(self) -> bool:
        """Whether the request has the date now: ctrl+r is offered only then."""
        raise NotImplementedError

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "remove":
            return self.has_date()
        return True

    @on(Input.Submitted)
    def _save_on_enter(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_remove(self) -> None:
        self.removing = True
        try:
            self.action_save()
        finally:
            self.removing = False
