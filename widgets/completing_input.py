"""A text field whose completion is taken with Tab, as a user typing a name expects: the
grey rest of a name that starts with what was typed, or a name found by its reading (よみ)."""

from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from textual.actions import SkipAction
from textual.binding import Binding
from textual.strip import Strip
from textual.suggester import SuggestFromList

from daicho.data.names.keys import ReadingIndex
from daicho.i18n import N_
from daicho.widgets.text_fields import TextField

NAME_PLACEHOLDER = N_("type a name; Tab takes the suggestion")
"""The hint in every field that completes a name, so no form says another key than this."""


class CompletingInput(TextField):
    """Tab (or →) at the end of the text takes the grey completion, else the name found by
    its reading, shown faded after the cursor (`ぎんが▏→ 銀河通信工業株式会社`), and stays, so
    the next key still types here; Tab with no suggestion showing moves on.

    `set_names` gives the names, with their readings, that it completes.
    """

    BINDINGS: ClassVar = [Binding("tab", "take_suggestion", show=False)]

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

    @property
    def suggestion(self) -> str:
        """The name Tab would take: the one found by its reading, else the grey rest."""
        if not self.cursor_at_end:
            return ""
        if self.by_reading:
            return self.by_reading
        return self._suggestion if len(self._suggestion) > len(self.value) else ""

    def action_take_suggestion(self) -> None:
        if not (name := self.suggestion):
            raise SkipAction()  # the screen's Tab moves on
        self.value = name
        self.cursor_position = len(name)

    def action_cursor_right(self, select: bool = False) -> None:
        if not select and self.by_reading and self.cursor_at_end:
            self.action_take_suggestion()
        else:
            super().action_cursor_right(select)

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
