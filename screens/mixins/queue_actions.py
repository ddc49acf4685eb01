"""The main screen's keys on the request under the queue's cursor: answered/done (`x`),
re-date (`t`) and chase (`u`). Each opens its prompt; the screen reloads after a save."""

from daicho.data.chasing import can_chase
from daicho.data.records import RequestRecord
from daicho.widgets.queue_table import QueueTable


class QueueActions:
    """Mixed into MainScreen, which says when the queue has the focus (`check_action`) and
    reloads what it shows after a write (`_after_write`)."""

    def _current_request(self) -> RequestRecord | None:
        return self.query_one(QueueTable).current

    def queue_action_enabled(self, action: str) -> bool | None:
        """With the queue focused: every queue key works, but `u`, dimmed on a request it
        cannot chase (one we owe, or no longer open)."""
        if action != "chase":
            return True
        request = self._current_request()
        return (request is not None and can_chase(request)) or None

    def on_queue_table_highlighted(self, event: QueueTable.Highlighted) -> None:
        self.refresh_bindings()  # `u` follows the request under the cursor

    def action_answer(self) -> None:
        from daicho.screens.answer_prompt import AnswerPrompt

        if request := self._current_request():
            self.app.push_screen(AnswerPrompt(request), self._after_write)

    def action_redate(self) -> None:
        from daicho.screens.redate_prompt import RedatePrompt

        if request := self._current_request():
            self.app.push_screen(RedatePrompt(request), self._after_write)

    def action_chase(self) -> None:
        from daicho.screens.chase_prompt import ChasePrompt

        if (request := self._current_request()) and can_chase(request):
            self.app.push_screen(ChasePrompt(request), self._after_write)
