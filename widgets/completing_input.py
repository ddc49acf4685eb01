"""A text field whose completion is taken with Tab, as a user typing a name expects: the
grey rest of a name that starts with what was typed, or a name found by its reading (よみ)."""

from textual import events
from textual.widgets import Input

from daicho.data.readings import without_legal_form
from daicho.data.search_text import fold


class CompletingInput(Input):
    """Tab at the end of the text accepts the grey completion, else `by_reading` (a name the
    form found by its reading and shows beside the field), then moves on as usual."""

    by_reading = ""

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "tab" and self.cursor_at_end:
            if self.by_reading:
                self.value = self.by_reading
                self.cursor_position = len(self.value)
            else:
                self.action_cursor_right()  # takes the suggestion when one is shown
        await super()._on_key(event)


class ReadingIndex:
    """Names with their readings, to find the name a user typed the start of in kana (ぎんが,
    ギンガ or ｷﾞﾝｶﾞ find 銀河通信工業株式会社) or without its kind of company (アクメ finds
    株式会社アクメ)."""

    def __init__(self, names: list[tuple[str, str]]) -> None:
        self._names = [name for name, _reading in names]
        self._keys = [
            (fold(without_legal_form(name)), fold(without_legal_form(reading)), name)
            for name, reading in names
        ]

    @property
    def names(self) -> list[str]:
        return self._names

    def find(self, typed: str) -> str:
        """The first name found by `typed` when no name starts with it as typed; else ""."""
        start = typed.strip().casefold()
        if not start or any(name.casefold().startswith(start) for name in self._names):
            return ""
        key = fold(typed)
        for name_key, reading_key, name in self._keys:
            if name_key.startswith(key) or (reading_key and reading_key.startswith(key)):
                return name
        return ""
