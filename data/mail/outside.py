"""What stays inside (DESIGN §8): our own priority words never reach a vendor's mail."""

from daicho.data.search.text import fold

# The words a desk puts on its own items to rank them; the weekly report to management ranks by
# them too, but a mail to a vendor leaves them out.
PRIORITY_WORDS = ("社長オーダー", "至急", "緊急", "最優先", "President's order", "urgent", "ASAP")
_FOLDED = tuple(fold(word) for word in PRIORITY_WORDS)


def has_priority_word(text: str) -> bool:
    """Whether `text` carries one of our priority words, however wide or cased it was typed."""
    folded = fold(text)
    return any(word in folded for word in _FOLDED)
