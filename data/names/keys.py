"""What vendors and contacts are sorted and filtered by, kept beside each row (schema 7) and
written with it (data/names/key_columns.py), so that the vendor list orders and narrows
2,000 vendors in SQL.

`sort_key` puts names in あいうえお order (the gojūon), as JIS X 4061 does:

- by the reading; without one, by the reading suggested from the name (data/names/readings.py);
  with neither (a name the dictionary cannot read), by the name itself;
- hiragana, katakana and half-width katakana alike; the voiced and small kana sort with
  their plain kana (か, が, ゕ under か), then plain before voiced before half-voiced
  (か < が, は < ば < ぱ), then full-size before small (きよう < きょう); a long-vowel mark
  counts as the vowel it lengthens (コーヒー as こおひい, just after it); ゝゞ repeat;
- words for the kind of company never lead (株式会社ニンバス under に);
- spaces, punctuation and symbols are passed over;
- digits first, then Latin letters (accents after the plain letter, case ignored), then
  kana, then kanji that could not be read, as in JIS X 4061 and Excel's sort.

`filter_key` is the name and the reading folded as search folds them (data/search/text.py),
so the list's filter matches カ, か and ｶ alike, and `03-1234` as `031234`.

`match_key` is what two names are the same name by: `㈱東和`, `(株)東和`, `東和 株式会社` and
`株式会社東和` are one vendor, and so are `髙橋商店` and `高橋商店` (data/names/folding.py).

`ReadingIndex` finds, as a name is typed into a form, the name whose reading (or whose name
without its kind of company) starts with what was typed (without its kind of company).
"""

import unicodedata

from daicho.data.names.folding import FULL_LEGAL_FORM, without_legal_form
from daicho.data.names.readings import READ_CHARS, has_kanji, suggest_reading
from daicho.data.search.text import fold

_LEVELS = "\x01"  # between the levels of a sort key: below every character that is sorted
_SMALL = dict(zip("ぁぃぅぇぉっゃゅょゎゕゖ", "あいうえおつやゆよわかけ", strict=True))
_MARK_WEIGHTS = {"\u3099": "1", "\u309a": "2"}  # voiced, half-voiced; other accents "3"
# The kana of each vowel's column, for the long-vowel mark: コー is こお, キャー is きやあ.
_COLUMNS = {
    "あ": "あかさたなはまやらわ",
    "い": "いきしちにひみりゐ",
    "う": "うくすつぬふむゆる",
    "え": "えけせてねへめれゑ",
    "お": "おこそとのほもよろを",
}
_VOWEL = {kana: vowel for vowel, kanas in _COLUMNS.items() for kana in kanas}


def sort_key(name: str, reading: str) -> str:
    """The key that orders a vendor or contact among the others (see the module's note);
    the first 200 characters decide."""
    text = without_legal_form(fold(reading)) if reading.strip() else ""
    if not text:
        text = without_legal_form(fold(name))
        if has_kanji(text) and (suggested := suggest_reading(name)):
            text = without_legal_form(fold(suggested))
    return _collation_key(text[:READ_CHARS])


def filter_key(name: str, reading: str) -> str:
    """Name and reading as the vendor list's filter matches them, one per line."""
    return f"{fold(name)}\n{fold(reading)}"


def match_key(name: str) -> str:
    """The name as matched with another: folded as search folds it, its kinds of company
    first whichever end they were typed at, spaces left out."""
    folded = fold(name)
    forms = sorted(match.group().strip() for match in FULL_LEGAL_FORM.finditer(folded))
    rest = FULL_LEGAL_FORM.sub("", folded).replace(" ", "")
    return "\t".join([*forms, rest])


def matching_part(name: str) -> str:
    """What the `filter_key` of every name matching this one holds once its spaces are
    left out: the longest part of the name between kinds of company, folded, no spaces (to
    narrow in SQL the names to compare)."""
    return max(FULL_LEGAL_FORM.split(fold(name)), key=len).replace(" ", "")


def name_keys(name: str, reading: str) -> dict[str, str]:
    """Both keys, by column name, for a row with this name and reading."""
    return {"sort_key": sort_key(name, reading), "filter_key": filter_key(name, reading)}


def _collation_key(folded: str) -> str:
    """Primary letters, then the voiced marks, then small/long/repeated, one a character."""
    primary, marks, variants = [], [], []
    for char in folded:
        if char == "ー":  # the long-vowel mark: the vowel of the kana before it
            vowel = _VOWEL.get(primary[-1]) if primary else None
            if vowel:
                primary.append(vowel)
                marks.append("0")
                variants.append("2")
            continue
        if char in "ゝゞ":  # the iteration marks: the kana before, voiced for ゞ
            if primary:
                primary.append(primary[-1])
                marks.append("1" if char == "ゞ" else "0")
                variants.append("3")
            continue
        base, *accents = unicodedata.normalize("NFD", char)
        if not unicodedata.category(base).startswith(("L", "N")):
            continue  # spaces, punctuation, symbols
        primary.append(_SMALL.get(base, base))
        marks.append(max((_MARK_WEIGHTS.get(a, "3") for a in accents), default="0"))
        variants.append("1" if base in _SMALL else "0")
    if not primary:  # symbols alone: first, among themselves as written
        return _LEVELS.join(("", "", folded))
    return _LEVELS.join(("".join(primary), "".join(marks), "".join(variants)))


class ReadingIndex:
    """Names with their readings, to find the name a user typed the start of in kana (ぎんが,
    ギンガ or ｷﾞﾝｶﾞ find 銀河通信工業株式会社) or without its kind of company (アクメ finds
    株式会社アクメ)."""

    def __init__(self, names: list[tuple[str, str]]) -> None:
        self._given = names
        self._names = [name for name, _reading in names]
        self._keys: list[tuple[str, str, str]] | None = None  # folded at the first find

    def _folded(self) -> list[tuple[str, str, str]]:
        """Each name and reading as found (~10 ms for 2,000 vendors: not at start-up)."""
        if self._keys is None:
            self._keys = [
                (fold(without_legal_form(name)), fold(without_legal_form(reading)), name)
                for name, reading in self._given
            ]
        return self._keys

    @property
    def names(self) -> list[str]:
        return self._names

    def find(self, typed: str) -> str:
        """The first name found by `typed` when no name starts with it as typed; else ""."""
        start = typed.strip().casefold()
        if not start or any(name.casefold().startswith(start) for name in self._names):
            return ""
        key = fold(without_legal_form(typed))
        for name_key, reading_key, name in self._folded():
            if name_key.startswith(key) or (reading_key and reading_key.startswith(key)):
                return name
        return ""
