"""Names from outside (file names, keys in a file) as a one-line message shows them.

A name may hold line breaks or escape sequences: shown raw, it would split the message or
drive the terminal. Such a name is shown quoted, with those characters escaped.
"""

from os import PathLike, fspath


def shown_name(name: str | PathLike[str]) -> str:
    """`name` as it is when all of it is visible, else quoted with its controls escaped."""
    text = fspath(name)
    return text if text and text.isprintable() and text.strip() == text else repr(text)
