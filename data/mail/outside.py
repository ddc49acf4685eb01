"""What stays inside (DESIGN §8): our own priority words never reach a vendor's mail.

A desk tags its own items `【社長オーダー】見積`, `[URGENT] Quote` or `至急：回線増速`; a mail to
the vendor says `見積`, `Quote`, `回線増速`. Words are matched as search folds them (data/search/
text.py): `［ＵＲＧＥＮＴ］`, `[urgent]` and `[Urgent]` alike, `社長ｵｰﾀﾞｰ` as `社長オーダー`.
"""

import re

from daicho.data.search.text import fold, folded_with_offsets

# The words a desk puts on its own items to rank them; the weekly report to management ranks by
# them too, but a mail to a vendor leaves them out.
PRIORITY_WORDS = ("社長オーダー", "至急", "緊急", "最優先", "President's order", "urgent", "ASAP")
_FOLDED = tuple(fold(word) for word in PRIORITY_WORDS)

# Matched in folded text, where ［］（）＜＞ have become []()<>: brackets around one or more
# priority words (`【至急・社長オーダー】`), and one or more leading the text before `:` or a space.
_WORD = "(?:" + "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in _FOLDED) + ")"
_WORDS = rf"{_WORD}(?:\s*[・/,、&+]\s*{_WORD})*"
_BRACKETS = ("[]", "()", "【】", "〔〕", "〖〗", "《》", "<>")
_TAG = re.compile(
    "|".join(rf"{re.escape(o)}\s*{_WORDS}\s*{re.escape(c)}" for o, c in _BRACKETS)
    + rf"|^\s*{_WORDS}(?:\s*:\s*|\s+)(?=\S)",
    re.IGNORECASE,
)
_LEADING_SPACE = re.compile(r"^[^\S\n]+")
_TRAILING_SPACE = re.compile(r"[^\S\n]+$")


def has_priority_word(text: str) -> bool:
    """Whether `text` carries one of our priority words, however wide or cased it was typed."""
    folded = fold(text)
    return any(word in folded for word in _FOLDED)


def without_priority_words(text: str) -> str:
    """`text` without our priority words in brackets anywhere, nor leading it before a separator
    (`至急：`, `URGENT `), and without the spaces that were beside them; text without a priority
    word comes back as it was."""
    while (found := _first_tag(text)) is not None:
        before, after = text[: found[0]], text[found[1] :]
        line_start = not before or before.endswith("\n")
        if line_start or (before[-1].isspace() and after[:1].isspace()):
            after = _LEADING_SPACE.sub("", after)
        if not after or after.startswith("\n"):
            before = _TRAILING_SPACE.sub("", before)
        text = before + after
    return text


def _first_tag(text: str) -> tuple[int, int] | None:
    """Where in `text` the first priority tag is: its start and end in `text` itself."""
    folded, starts, ends = folded_with_offsets(text)
    match = _TAG.search(folded)
    if match is None:
        return None
    return starts[match.start()], ends[match.end() - 1]
