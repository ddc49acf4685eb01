"""A checkbox whose box says on or off by what is in it, not by a colour: ▐✓▌ and ▐ ▌.

Textual's Checkbox draws an X both ways and tells them apart by colour only, which some
themes and terminals all but hide.
"""

from textual.content import Content
from textual.style import Style
from textual.widgets import Checkbox

TICK = "✓"


class TickBox(Checkbox):
    """A Checkbox drawn ▐✓▌ when on and ▐ ▌ when off."""

    DEFAULT_CSS = """
    TickBox > .toggle--button { background: $foreground 15%; color: $text-success; }
    TickBox.-on > .toggle--button { background: $foreground 15%; text-style: bold; }
    """

    @property
    def _button(self) -> Content:
        button_style = self.get_visual_style("toggle--button")
        side_style = Style(foreground=button_style.background, background=self.background_colors[1])
        return Content.assemble(
            (self.BUTTON_LEFT, side_style),
            (TICK if self.value else " ", button_style),
            (self.BUTTON_RIGHT, side_style),
        )
