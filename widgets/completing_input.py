"""A text field whose completion is taken with Tab, as a user typing a name expects: the
grey rest of a name that starts with what was typed, or a name found by its reading (よみ)."""

from rich.cells import cell_len
from rich.segment import Segment
from textual import events
from textual.strip import Strip
from textual.suggester import SuggestFromList

from daicho.data.name_keys import ReadingIndex
from daicho.widgets.text_fields import TextField


class CompletingInput(TextField):
    """Tab at the end of the text accepts the grey completion, else the name found by its
    reading, shown faded after the cursor (`ぎんが▏→ 銀河通信工業株式会社`); then moves on.

    `set_names` gives the names, with their readings, that it completes.
    """

    def __init__(self, *args, **kwargs) -> None:
        self._index = ReadingIndex([])  # before Input sets the value, which looks here
        self.by_reading = ""
        super().__init__(*args, **kwargs)

    def set_names(self, names: list[tuple[str, str]]) -> None:
        """Complete from these names, and find them by their readings."""
        self._index = ReadingIndex(names)
        self.suggester = SuggestFromList(self._index.names, case_sensitive=False)
        self.by_reading = self._index.find(self.value)
        self.refresh()

    def watch_value(self, value: str) -> None:
        self.by_reading = self._index.find(value)

    def render_line(self, y: int) -> Strip:
        line = super().render_line(y)
        typed = self._value.cell_len + 1  # the text and the cursor after it
        hint = f"→ {self.by_reading}"
        fits = typed + cell_len(hint) <= self.scrollable_content_region.width
        if y or not (self.by_reading and self.has_focus and self.scroll_offset.x == 0 and fits):
            return line
        faded = self.get_component_rich_style("input--suggestion")
        shown = Strip([Segment(hint, self.rich_style + faded)])
        rest = line.crop(typed + shown.cell_length, line.cell_length)
        return Strip.join([line.crop(0, typed), shown, rest])

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "tab" and self.cursor_at_end:
            if self.by_reading:
                self.value = self.by_reading
                self.cursor_position = len(self.value)
            else:
                self.action_cursor_right()  # takes the suggestion when one is shown
        await super()._on_key(event)
