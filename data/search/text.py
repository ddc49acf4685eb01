"""Text as search sees it: folded alike on both sides, written as tokens of one character.

`fold` is NFKC, then case folding, then NFKC again, then katakana as hiragana and variant
kanji as their common forms, with every run of whitespace as one space: `ＶＰＮ`, `VPN` and
`vpn` fold alike, as do `ｶﾞ`, `ガ` and `が`, and `髙橋` and `高橋`. Phone numbers fold to
their digits (data/names/phones.py), so that `03-1234-5678`, `０３－１２３４－５６７８`,
`(03)1234-5678`, `+81-3-1234-5678` and `0312345678` fold alike (dates such as
`2026-11-30` fold to their digits too, on both sides). Kinds of company are written in
full with no space beside them, so `(株) 常盤`, `㈱常盤` and `株式会社常盤` fold alike
(data/names/folding.py). A query word is found where its folding is a substring of a
field's folding.

The index holds each folded field as its UTF-16 code units, each written as four hex
digits followed by the next unit's (`見積` is `898b7a4d 7a4dzzzz`, the field's last unit
paired with `zzzz`), fields separated by `x`. A substring of two or more units is then an
FTS5 phrase of its pairs, which the positional index answers exactly whatever its length;
one unit is the prefix query `898b*`, answered by the index's four-digit prefix index.
Pairs are far rarer than single characters, so a phrase that matches nothing is refused
after reading a short list instead of every position of its commonest characters.

The tokens are plain ASCII, so SQLite's own (older) Unicode tables never decide what is a
character; UTF-16 is self-synchronising, so a phrase of code units matches whole characters.
"""

import re
import unicodedata
from collections.abc import Iterable
from itertools import pairwise

from daicho.data.names.folding import (
    SPACED_LEGAL_FORM,
    legal_form_in_full,
    may_hold_legal_form,
    standard_kanji,
)
from daicho.data.names.phones import SEARCH_REWRITES

FIELD_BREAK = "x"  # between fields, so that no phrase spans two of them


# Katakana to hiragana, one for one; ヷヸヹヺ have no hiragana of their own, so they become
# わ゙ ゐ゙ ゑ゙ を゙ (what NFKC leaves of a hiragana typed with the combining voiced mark).
_HIRAGANA: dict[int, int | str] = {code: code - 0x60 for code in range(0x30A1, 0x30F7)}
_HIRAGANA |= {0x30FD: 0x309D, 0x30FE: 0x309E}  # ヽヾ: the iteration marks
_HIRAGANA |= {0x30F7 + n: kana + "\u3099" for n, kana in enumerate("わゐゑを")}

_DIGIT = re.compile("[0-9]")


def _rewrites(folded: str) -> Iterable[tuple]:
    """What the characters, once folded one by one, are written as, in this order: phone
    numbers as their digits, kinds of company in full. Each only where a quick look finds it
    may apply: search folds the text of every candidate it checks."""
    if _DIGIT.search(folded):
        yield from SEARCH_REWRITES
    if may_hold_legal_form(folded):
        yield SPACED_LEGAL_FORM, legal_form_in_full


def _fold_characters(text: str) -> str:
    normal = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    return standard_kanji(normal.translate(_HIRAGANA))


def fold(text: str) -> str:
    """The searchable form of `text`: normalised, case-folded, katakana as hiragana, variant
    kanji as common ones, phone numbers as digits, kinds of company in full, whitespace as
    single spaces."""
    if not text:
        return ""
    folded = _fold_characters(text)
    for pattern, replacement in _rewrites(folded):
        folded = pattern.sub(replacement, folded)
    return " ".join(folded.split())


FIELD_END = "zzzz"  # what a field's last code unit is paired with


def index_tokens(folded_fields: Iterable[str]) -> str:
    """The index's column text for a document's folded fields."""
    return f" {FIELD_BREAK} ".join(_pairs(field) for field in folded_fields)


def phrase(folded_word: str) -> str:
    """An FTS5 phrase matching `folded_word` (non-empty) wherever it occurs."""
    pairs = word_pairs(folded_word)
    return '"' + " ".join(pairs) + '"' if pairs else f"{first_unit(folded_word)}*"


def word_pairs(folded_word: str) -> list[str]:
    """The tokens a word of two or more code units is written as, in order; [] for one unit,
    which is found as the prefix of every token it begins (its four hex digits)."""
    units = _code_units(folded_word)
    return [a + b for a, b in pairwise(units)]


def first_unit(folded_word: str) -> str:
    return _code_units(folded_word)[0]


def _pairs(field: str) -> str:
    units = _code_units(field)
    return " ".join(a + b for a, b in pairwise([*units, FIELD_END])) if units else ""


def _code_units(text: str) -> list[str]:
    return text.encode("utf-16-be").hex(" ", 2).split() if text else []


# --- where a folded word lies in the original text, for highlighting -------------------


class _OneForOne(dict):
    """Each character to its folding when that is one character of its own, else None."""

    def __missing__(self, code: int) -> str | None:
        char = chr(code)
        folded = _fold_characters(char)
        ok = len(folded) == 1 and _starts_cluster(char) and _starts_cluster(folded)
        self[code] = folded if ok else None
        return self[code]


_ONE_FOR_ONE = _OneForOne()
# Characters that may join the one before them when normalised although their combining
# class is 0: half-width (semi-)voiced sound marks, and Hangul vowel and final jamo.
_JOINERS = re.compile("[\uff9e\uff9f\u1160-\u11ff\ud7b0-\ud7ff]")


def _starts_cluster(char: str) -> bool:
    return unicodedata.combining(char) == 0 and not _JOINERS.match(char)


def find_spans(text: str, folded_words: Iterable[str]) -> list[tuple[int, int]]:
    """Where in `text` the words occur, as sorted (start, end) offsets into `text` itself.

    A word's spaces match any run of whitespace, as `fold` makes them one space.
    """
    folded, starts, ends = folded_with_offsets(text)
    spans = []
    for word in folded_words:
        pattern = r"\s+".join(map(re.escape, word.split(" ")))
        for match in re.finditer(pattern, folded):
            if match.end() > match.start():
                spans.append((starts[match.start()], ends[match.end() - 1]))
    return _merged(sorted(spans))


def folded_with_offsets(text: str) -> tuple[str, list[int], list[int]]:
    """`text` folded character by character (whitespace kept as it is), and for each folded
    character the range of `text` it comes from."""
    folded, starts, ends = _characters_with_offsets(text)
    for pattern, replacement in _rewrites(folded):
        folded, starts, ends = _rewritten(folded, starts, ends, pattern, replacement)
    return folded, starts, ends


def _rewritten(folded: str, starts: list[int], ends: list[int], pattern, replacement):
    """`pattern.sub(replacement, folded)`, each written character taking the range of `text`
    of what it replaced (less the spaces at its ends)."""
    if not pattern.search(folded):
        return folded, starts, ends
    pieces, new_starts, new_ends, last = [], [], [], 0
    for match in pattern.finditer(folded):
        pieces.append(folded[last : match.start()])
        new_starts += starts[last : match.start()]
        new_ends += ends[last : match.start()]
        written = replacement(match) if callable(replacement) else match.expand(replacement)
        matched = match.group()
        first = match.start() + len(matched) - len(matched.lstrip())
        past = max(first + 1, match.end() - (len(matched) - len(matched.rstrip())))
        pieces.append(written)
        new_starts += [starts[first]] * len(written)
        new_ends += [ends[past - 1]] * len(written)
        last = match.end()
    pieces.append(folded[last:])
    return "".join(pieces), new_starts + starts[last:], new_ends + ends[last:]


def _characters_with_offsets(text: str) -> tuple[str, list[int], list[int]]:
    whole = _fold_characters(text)
    one_for_one = text.translate(_ONE_FOR_ONE)
    if len(one_for_one) == len(text) and one_for_one == whole:
        positions = range(len(text))
        return whole, list(positions), list(range(1, len(text) + 1))
    folded, starts, ends = [], [], []
    clusters = _clusters(text)
    for start, end in clusters:
        piece = _fold_characters(text[start:end])
        folded.append(piece)
        starts.extend([start] * len(piece))
        ends.extend([end] * len(piece))
    if "".join(folded) != whole:  # normalisation reached across clusters: one range for all
        return whole, [0] * len(whole), [len(text)] * len(whole)
    return whole, starts, ends


def _clusters(text: str) -> list[tuple[int, int]]:
    """`text` cut before every character that cannot join the one before it."""
    cuts = [i for i, char in enumerate(text) if i == 0 or _starts_cluster(char)]
    return list(zip(cuts, [*cuts[1:], len(text)], strict=True))


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping or touching spans as one."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
