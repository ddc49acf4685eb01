"""Words made to fit the narrow cells of the vendors pane and the queue."""

import re

from rich.cells import cell_len, set_cell_size

from daicho.data.records import VENDOR_CATEGORIES
from daicho.i18n.labels import short_category

# The kinds of company written short, as Japanese lists do when room is scarce.
_SHORT_FORMS = {"株式会社": "㈱", "有限会社": "㈲", "合同会社": "(同)"}
_LONG_FORM = re.compile(r"\s*(" + "|".join(_SHORT_FORMS) + r")\s*")


def fitted_name(name: str, cells: int) -> str:
    """A vendor's name for a cell of `cells`: as written when it fits, else with 株式会社,
    有限会社 and 合同会社 written ㈱, ㈲ and (同), so that the part that tells vendors apart
    shows before the cell cuts it."""
    if cell_len(name) <= cells:
        return name
    return _LONG_FORM.sub(lambda found: _SHORT_FORMS[found.group(1)], name).strip()


def category_cells() -> int:
    """The widest short category in the current language, in cells."""
    return max(cell_len(short_category(category)) for category in VENDOR_CATEGORIES)


def fit(value: str, width: int, right: bool = False) -> str:
    """`value` in exactly `width` cells: cut with an ellipsis right after the last character
    that fits (no gap where a wide character did not), padded by cell width."""
    if width <= 0:
        return ""
    if cell_len(value) > width:
        value = set_cell_size(value, width - 1).rstrip() + "…"
    padding = " " * (width - cell_len(value))
    return padding + value if right else value + padding
