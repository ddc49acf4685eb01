"""A text field whose completion is taken with Tab, as a user typing a name expects."""

from textual import events
from textual.widgets import Input


class CompletingInput(Input):
    """Tab at the end of the text accepts the grey completion, then moves on as usual."""

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "tab" and self.cursor_at_end:
            self.action_cursor_right()  # takes the suggestion when one is shown
        await super()._on_key(event)
