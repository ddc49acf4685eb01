"""Cleaning of text typed or imported: control characters never reach the ledger (DESIGN §10)."""

import unicodedata

_KEEP_IN_BLOCKS = {"\n"}


def _is_control(char: str) -> bool:
    return unicodedata.category(char) == "Cc"


def clean_block(text: str | None) -> str:
    """Multi-line text: newlines kept (CR LF folded to LF), tabs as spaces, other controls gone."""
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return "".join(c for c in text if c in _KEEP_IN_BLOCKS or not _is_control(c)).strip()


def clean_line(text: str | None) -> str:
    """One-line text: line breaks become spaces, other controls go, ends are trimmed."""
    return " ".join(clean_block(text).split("\n")).strip()


def split_tags(text: str | list[str] | tuple[str, ...] | None) -> tuple[str, ...]:
    """Tags as typed ("vpn, 回線 lan") to the unique words the ledger keeps, in order."""
    if not text:
        return ()
    if not isinstance(text, str):
        text = " ".join(text)
    words = clean_line(text.replace(",", " ").replace("、", " ")).split()
    return tuple(dict.fromkeys(words))
