"""What the search box understands (DESIGN §7), read into a `SearchQuery`.

- Words separated by spaces must all occur in an item, anywhere in it (AND).
- `"two words"` in double quotes is one phrase; a quote left open runs to the end.
- Filters, each `name:value`, the value quoted when it holds spaces (`vendor:"NTT 東日本"`):
  - `type:call`, `request`, `vendor`, `contact`, `contract` (or 通話, 依頼, 業者, 担当者,
    契約); several widen the search to each of those kinds;
  - `vendor:NAME`: the item's vendor's name contains NAME (folded as search folds text);
    several must all be in the name;
  - `after:DATE`: on or after that day; `before:DATE`: before that day. DATE is anything a
    due date field accepts (`2026-11-30`, `11/30`, `-7`, `先週`…); several narrow.

The query is NFKC-normalised first, so full-width `ｔｙｐｅ：ｃａｌｌ` and `＂` work too.
Only these four names are filters: any other word with a colon (`10:30`, `http://x`) is
searched for as it is. A filter whose value is missing or not one it knows (`type:fax`,
`before:someday`, `vendor:`) is a `QueryError` saying what it needs, shown where the
results would be; `parse_query` raises nothing else, whatever it is given.
"""

import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date

from daicho.data.dates.parse import parse_due
from daicho.data.errors import InputError
from daicho.data.text import clean_line
from daicho.i18n import _


class QueryError(InputError):
    """A filter in the search box cannot be used as typed."""


@dataclass(frozen=True)
class SearchQuery:
    words: tuple[str, ...] = ()  # as typed; a phrase is one word with spaces in it
    kinds: frozenset[str] = frozenset()  # empty: every kind
    vendor: tuple[str, ...] = ()  # parts of the vendor's name
    after: date | None = None  # on or after
    before: date | None = None  # strictly before

    @property
    def has_filters(self) -> bool:
        """Something asked besides words (a type, a vendor, dates): it finds items even with
        no word to look for."""
        return replace(self, words=()) != SearchQuery()


_KIND_NAMES = {
    "call": ("call", "calls", "通話", "通話記録"),
    "request": ("request", "requests", "依頼", "問い合わせ"),
    "vendor": ("vendor", "vendors", "業者", "ベンダー"),
    "contact": ("contact", "contacts", "担当者"),
    "contract": ("contract", "contracts", "契約"),
}
_KINDS = {name: kind for kind, names in _KIND_NAMES.items() for name in names}
_TOKEN = re.compile(
    r"""(?P<name>type|vendor|before|after):(?:"(?P<quoted>[^"]*)"?|(?P<value>[^\s"]*))
      | "(?P<phrase>[^"]*)"?
      | (?P<word>[^\s"]+)""",
    re.IGNORECASE | re.VERBOSE,
)


def parse_query(text: str, today: date) -> SearchQuery:
    """The query typed as `text` on `today` (for relative dates)."""
    words, kinds, vendor, after, before = [], set(), [], [], []
    for match in _TOKEN.finditer(_normalised(text)):
        if match["name"] is None:
            word = " ".join((match["phrase"] if match["word"] is None else match["word"]).split())
            if word:
                words.append(word)
            continue
        name = match["name"].lower()
        value = " ".join((match["quoted"] or match["value"] or "").split())
        if name == "type":
            kinds.add(_kind(value))
        elif name == "vendor":
            if not value:
                raise QueryError(_("vendor: needs part of a vendor's name, e.g. vendor:NTT"))
            vendor.append(value)
        else:
            (after if name == "after" else before).append(_day(name, value, today))
    return SearchQuery(
        words=tuple(words),
        kinds=frozenset(kinds),
        vendor=tuple(vendor),
        after=max(after, default=None),
        before=min(before, default=None),
    )


def _normalised(text: str) -> str:
    """NFKC, control characters and unpaired surrogates (from undecodable bytes) gone."""
    text = "".join(char for char in text if not "\ud800" <= char <= "\udfff")
    return clean_line(unicodedata.normalize("NFKC", text))


def _kind(value: str) -> str:
    kind = _KINDS.get(value.casefold())
    if kind is None:
        raise QueryError(
            _(
                'Unknown type "{value}": use type:call, type:request, type:vendor, type:contact'
                " or type:contract",
                value=value,
            )
        )
    return kind


def _day(name: str, value: str, today: date) -> date:
    if not value:
        raise QueryError(
            _("{filter}: needs a date, e.g. {filter}:2026-11-30 or {filter}:11/30", filter=name)
        )
    try:
        return parse_due(value, today)
    except InputError as error:
        raise QueryError(_("{filter}: {reason}", filter=name, reason=error)) from None
