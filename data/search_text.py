"""Text as search sees it: folded alike on both sides, written as tokens of one character.

`fold` is NFKC, then case folding, then NFKC again, with every run of whitespace as one
space: `ＶＰＮ`, `VPN` and `vpn` fold alike, as do `ｶﾞ` and `ガ`. A query word is found
where its folding is a substring of a field's folding.

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

FIELD_BREAK = "x"  # between fields, so that no phrase spans two of them


def _fold_characters(text: str) -> str:
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())


def fold(text: str) -> str:
    """The searchable form of `text`: normalised, case-folded, whitespace as single spaces."""
    return " ".join(_fold_characters(text).split()) if text else ""


FIELD_END = "zzzz"  # what a field's last code unit is paired with


def index_tokens(folded_fields: Iterable[str]) -> str:
    """The index's column text for a document's folded fields."""
    return f" {FIELD_BREAK} ".join(_pairs(field) for field in folded_fields)


def phrase(folded_word: str) -> str:
    """An FTS5 phrase matching `folded_word` (non-empty) wherever it occurs."""
    units = _code_units(folded_word)
    if len(units) == 1:
        return f"{units[0]}*"
    return '"' + " ".join(a + b for a, b in pairwise(units)) + '"'


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
    folded, starts, ends = _folded_with_offsets(text)
    spans = []
    for word in folded_words:
        pattern = r"\s+".join(map(re.escape, word.split(" ")))
        for match in re.finditer(pattern, folded):
            if match.end() > match.start():
                spans.append((starts[match.start()], ends[match.end() - 1]))
    return _merged(sorted(spans))


def _folded_with_offsets(text: str) -> tuple[str, list[int], list[int]]:
    """`text` folded character by character (whitespace kept as it is), and for each folded
    character the range of `text` it comes from."""
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
