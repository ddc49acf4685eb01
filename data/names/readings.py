"""Readings (よみ) of names, suggested from how a name is written: `日本電気` → `にっぽんでんき`.

The forms offer the suggestion as a kanji name is typed, and a vendor or contact saved
without a reading sorts by it (data/names/keys.py). Words for the kind of company
(株式会社, (株), 有限会社…) are left out wherever they stand, so `株式会社ニンバス` reads
`にんばす`: the reading is what the name is sorted and looked up by, and nobody looks up
a company under か for かぶしきがいしゃ.

Readings come from SudachiPy with its small dictionary (Apache-2.0, offline: the
dictionary is a package of its own). It is loaded on first use, ~30 ms, never at start-up.
Only a name with kanji gets a suggestion: kana reads as it is written. In it, kanji and
kana are read, variant kanji as their common forms (髙橋 as 高橋, data/names/folding.py);
Latin letters and digits stay as typed (a dictionary reads `3M` as さんめーとる), except
acronyms the dictionary knows (`NTT` → えぬてぃーてぃー); symbols and emoji are left out.
A reading is kana: a name with a word the dictionary cannot read gets no suggestion.
"""

import re
import threading
import unicodedata

from daicho.data.names.folding import standard_kanji, without_legal_form

# Kanji and the marks 々〆 that go with them: a name holding any wants a reading. A name
# in kana reads as it is written, and a dictionary would only second-guess it (ヰ as い).
_KANJI = re.compile("[\u3005\u3006\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_JAPANESE = re.compile("[\u3041-\u3096\u30a1-\u30fa\uff66-\uff9d]|" + _KANJI.pattern)
_KATAKANA = re.compile("[\u30a1-\u30fa\u30fc]+")
_ACRONYM = re.compile("[A-Z]{2,}")
READ_CHARS = 200  # of a name: what decides its place, well inside the analyser's limit


def has_kanji(text: str) -> bool:
    """Whether `text` holds kanji, and so wants a reading."""
    return _KANJI.search(text) is not None


def _has_japanese(text: str) -> bool:
    return _JAPANESE.search(text) is not None


def to_hiragana(text: str) -> str:
    return _KATAKANA.sub(lambda run: _hiragana(run.group()), text)


def _hiragana(katakana: str) -> str:
    return "".join(chr(ord(c) - 0x60) if "\u30a1" <= c <= "\u30f6" else c for c in katakana)


def suggest_reading(name: str) -> str:
    """A reading in hiragana for `name`; "" when it holds no kanji, or when nothing in it
    could be read."""
    if not has_kanji(unicodedata.normalize("NFKC", name)):  # ㈱ is (株)
        return ""
    tokenizer = _tokenizer()
    if tokenizer is None:
        return ""
    analyse, refused = tokenizer
    text = standard_kanji(without_legal_form(name))[:READ_CHARS]  # 髙橋 reads as 高橋
    try:
        with _LOCK:  # one tokenizer, and the forms' workers may overlap
            words = [(m.surface(), m.reading_form(), m.part_of_speech()[0]) for m in analyse(text)]
    except refused:  # text the analyser will not take: no suggestion, never a failed save
        return ""
    reading = " ".join("".join(_word_reading(*word) for word in words).split())
    if has_kanji(reading):  # a word the dictionary could not read: no reading is better
        return ""  # than one in kanji, which sorts and finds nothing
    return reading if any("\u3041" <= c <= "\u3096" for c in reading) else ""


def _word_reading(surface: str, reading: str, part_of_speech: str) -> str:
    if part_of_speech == "空白":
        return " "
    if _has_japanese(surface):
        return to_hiragana(reading) if _KATAKANA.fullmatch(reading) else to_hiragana(surface)
    if _ACRONYM.fullmatch(surface) and _KATAKANA.fullmatch(reading):
        return to_hiragana(reading)
    if all(char.isalnum() for char in surface):
        return surface
    return ""  # symbols, punctuation and emoji are not read


_LOCK = threading.Lock()
_loaded: list = []  # (tokenize, the error it raises), or None when it cannot be had


def prepare_readings() -> None:
    """Load the dictionary now (~70 ms the first time), in a worker, so that a save that
    needs a reading (a new vendor's sort key) does not wait for it."""
    _tokenizer()


def _tokenizer():
    """SudachiPy's tokenizer, loaded the first time a reading is asked for."""
    with _LOCK:
        if not _loaded:
            _loaded.append(_load())
        return _loaded[0]


def _load():
    try:
        from sudachipy import Dictionary, SplitMode
        from sudachipy.errors import SudachiError
    except ImportError:  # installed without it: no suggestions, and sorting by the name
        return None
    return Dictionary(dict="small").tokenizer(mode=SplitMode.C).tokenize, SudachiError
