"""A form with a name and its reading (よみ): the reading is suggested as the name is typed.

The suggestion (data/names/readings.py) is read in a thread, so typing never waits for it, not even
for the dictionary's first load. It fills the reading field only while that field is empty
or still holds the last suggestion: once the user has typed a reading, it is theirs and is
never written over. Emptying the field hands it back to the suggestion. A name that is
not changed (an edit form as it opens) suggests nothing, so opening a form changes nothing.
"""

from textual import on, work
from textual.widgets import Input
from textual.worker import get_current_worker

from daicho.data.names.readings import suggest_reading
from daicho.screens.bases.form import FormModal


class ReadingForm(FormModal):
    """A FormModal whose fields include `#name` and `#reading`."""

    def __init__(self, title: str) -> None:
        super().__init__(title)
        self._suggested = ""  # what the last suggestion put in the reading field

    def _reading_is_suggested(self) -> bool:
        return self.query_one("#reading", Input).value in ("", self._suggested)

    @on(Input.Changed, "#name")
    def _name_changed(self, event: Input.Changed) -> None:
        opened_with = self._opened_with  # None until the form has filled in
        if opened_with is None or event.value == opened_with.get("name"):
            return  # the form is filling in, or the name is as it was
        if self._reading_is_suggested():
            self._suggest(event.value)

    @work(thread=True, exclusive=True, group="reading", exit_on_error=False)
    def _suggest(self, name: str) -> None:
        reading = suggest_reading(name)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_suggestion, name, reading)

    def _show_suggestion(self, name: str, reading: str) -> None:
        if not self.is_attached or self.query_one("#name", Input).value != name:
            return  # closed, or typed on since: a newer suggestion is on its way
        if self._reading_is_suggested():
            self._suggested = reading
            self.query_one("#reading", Input).value = reading
