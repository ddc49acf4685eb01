"""Phone numbers: kept as typed, shown and searched in one normal form.

`display_phone` gives half-width digits and ASCII hyphens: `０３－１２３４－５６７８`,
`03ー1234ー5678` (the long-vowel mark typed for a hyphen) and `03 1234 5678` all show as
`03-1234-5678`. The grouping stays the user's: a number typed without hyphens is shown
without them, as no area-code table of our own is kept to place them. Search folds the
hyphens away (data/search_text.py), so any form finds any other.
"""

import re
import unicodedata

from daicho.data.text import dashes_as_hyphens

_SPACE_BETWEEN_DIGITS = re.compile(r"(?<=[0-9])\s+(?=[0-9])")


def display_phone(typed: str) -> str:
    """`typed` as shown: half-width, ASCII hyphens, digits grouped by hyphens not spaces."""
    text = dashes_as_hyphens(unicodedata.normalize("NFKC", typed))
    return " ".join(_SPACE_BETWEEN_DIGITS.sub("-", text).split())
