"""Scrolling helpers shared by the virtual lists."""

from textual.binding import Binding
from textual.geometry import Size
from textual.scroll_view import ScrollView

# The keys that move a list's cursor (its `action_move(delta)`), a page being ten lines.
CURSOR_KEYS = [
    Binding("up", "move(-1)", show=False),
    Binding("down", "move(1)", show=False),
    Binding("pageup", "move(-10)", show=False),
    Binding("pagedown", "move(10)", show=False),
    Binding("home", "move(-1000000)", show=False),
    Binding("end", "move(1000000)", show=False),
]


def set_virtual_height(view: ScrollView, height: int) -> None:
    """Change how many lines `view` scrolls over without a full-screen layout.

    Assigning `virtual_size` lays out the whole screen (tens of milliseconds on the main
    screen). With the vertical scrollbar always shown (`overflow-y: scroll`) nothing but the
    scrollbar's thumb moves, so the size is set quietly and the thumb updated by hand.
    """
    view.set_reactive(ScrollView.virtual_size, Size(0, height))
    view.vertical_scrollbar.window_virtual_size = height
    view.vertical_scrollbar.refresh()
    view.scroll_y = view.validate_scroll_y(view.scroll_y)
    view.refresh()
