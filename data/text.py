"""Cleaning of text typed or imported: control characters never reach the ledger (DESIGN §10)."""

import re

# Control characters (Unicode's category Cc, fixed for good: C0, DEL and C1); the bidi
# controls (marks, embeddings, overrides and isolates), which reorder the text after them,
# so that a pasted U+202E turns a name around and the queue's columns with it; and lone
# surrogates (undecodable bytes carried by a file name or an argument) that UTF-8, and so
# the ledger, cannot store. LF is kept by blocks; tabs are made spaces before this.
_BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_DROPPED = re.compile(rf"[\x00-\x09\x0b-\x1f\x7f-\x9f{_BIDI_CONTROLS}\ud800-\udfff]")

# What a paste loses before any field sees it: the controls but its line breaks and tabs,
# which each field cleans its own way; an ESC in a paste is text, never a key (DESIGN §10).
_NOT_PASTED = re.compile(rf"[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f{_BIDI_CONTROLS}]")

# What is typed for a hyphen once NFKC has made full-width forms half-width: the Unicode
# hyphens and dashes, the minus sign, a box line, and the IME's long-vowel bar `ー`.
DASHES = "\u2010\u2012\u2013\u2014\u2015\u2043\u2212\u2500\u30fc"
_AS_HYPHENS = str.maketrans(dict.fromkeys(DASHES, "-"))


def dashes_as_hyphens(text: str) -> str:
    """`text` with every one of DASHES as `-` (call after NFKC, which makes `－` `-`)."""
    return text.translate(_AS_HYPHENS)


def clean_block(text: str | None) -> str:
    """Multi-line text: every line break (CR LF, CR, U+2028...) as LF, tabs as spaces, other
    controls gone.

    Line breaks are those of `str.splitlines`, which the text areas split on too, so a line
    separator cannot hide inside a one-line field.
    """
    if not text:
        return ""
    text = "\n".join(text.splitlines()).replace("\t", " ")
    return _DROPPED.sub("", text).strip()


def clean_line(text: str | None) -> str:
    """One-line text: line breaks become spaces, other controls go, ends are trimmed."""
    return " ".join(clean_block(text).split("\n")).strip()


def pasted_text(text: str) -> str:
    """`text` as pasted, less its controls (ESC and the like) but with its line breaks."""
    return _NOT_PASTED.sub("", text)


def split_tags(text: str | list[str] | tuple[str, ...] | None) -> tuple[str, ...]:
    """Tags as typed ("vpn, 回線 lan") to the unique words the ledger keeps, in order."""
    if not text:
        return ()
    if not isinstance(text, str):
        text = " ".join(text)
    words = clean_line(text.replace(",", " ").replace("、", " ")).split()
    return tuple(dict.fromkeys(words))
