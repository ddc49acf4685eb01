"""How a deadline band looks, from the theme's variables only: one set of component classes
for every widget and screen that colours a deadline (the queue, the header, the details).

A class that colours deadlines adds `BAND_CLASSES` to its COMPONENT_CLASSES and `BAND_CSS`
to its DEFAULT_CSS (Textual reads both from the class itself, not from a mixin), then asks
`band_style` for the Rich style of a band. "later" is plain.
"""

from rich.style import Style
from textual.dom import DOMNode

STYLED_BANDS = ("overdue", "today", "soon", "none", "closed")
BAND_CLASSES = frozenset(f"deadline--{band}" for band in STYLED_BANDS)
BAND_CSS = """
.deadline--overdue { color: $text-error; text-style: bold; }
.deadline--today { color: $text-warning; text-style: bold; }
.deadline--soon { color: $text-accent; }
.deadline--none { color: $text-muted; }
.deadline--closed { color: $text-muted; text-style: dim; }
"""


def band_style(node: DOMNode, band: str) -> Style:
    """The style `node`'s theme gives `band` (a plain style for "later")."""
    if band not in STYLED_BANDS:
        return Style()
    return node.get_component_rich_style(f"deadline--{band}", partial=True)
