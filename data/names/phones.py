"""Phone numbers: kept as typed, shown and searched in one normal form.

`display_phone` gives half-width digits and ASCII hyphens: `０３－１２３４－５６７８`,
`03ー1234ー5678` (the long-vowel mark typed for a hyphen) and `03 1234 5678` all show as
`03-1234-5678`. The grouping stays the user's: a number typed without hyphens is shown
without them, as no area-code table of our own is kept to place them.

Search folds a number to its digits (data/search/text.py applies `SEARCH_REWRITES`), so
any form finds any other: `03-5555-1234`, `03(5555)1234`, `(03)5555-1234`, `（03）5555-1234`
and `+81-3-5555-1234` are all `0355551234`.
"""

import re
import unicodedata

from daicho.data.text import DASHES, dashes_as_hyphens

_SPACE_BETWEEN_DIGITS = re.compile(r"(?<=[0-9])\s+(?=[0-9])")

# After NFKC: what may stand between the digits of a number (hyphens, dashes, the minus
# sign, the long-vowel mark typed by mistake for a hyphen, a box line, parentheses); an
# area code in parentheses before the number; Japan's country code for the leading 0.
_SEPARATORS = f"-{DASHES}"
_DIGIT_JOINED = re.compile(f"(?<=[0-9])[{_SEPARATORS}()](?=[0-9])")
_AREA_CODE = re.compile(r"\((0[0-9]{0,4})\)\s*(?=[0-9])")
_COUNTRY_CODE = re.compile(rf"\+81[{_SEPARATORS}\s]*(?:\(0\)[{_SEPARATORS}\s]*)?(?=[1-9])")
SEARCH_REWRITES = ((_COUNTRY_CODE, "0"), (_AREA_CODE, r"\1"), (_DIGIT_JOINED, ""))


def display_phone(typed: str) -> str:
    """`typed` as shown: half-width, ASCII hyphens, digits grouped by hyphens not spaces."""
    text = dashes_as_hyphens(unicodedata.normalize("NFKC", typed))
    return " ".join(_SPACE_BETWEEN_DIGITS.sub("-", text).split())
