"""Where in a TOML text a key gets its value, found in one pass (DESIGN §6: errors name a line).

`tomllib` gives no positions for what it parsed. Parsing every start of the file until
one holds the key was exact but quadratic: a mistake after a long template took most of
a minute. Here the text is cut once into its statements (a key and its value, or a
table header; a multi-line string or array is one statement) and each statement is
parsed alone, so the work grows with the length of the file. Parsing, rather than
searching for `key =`, cannot be fooled by a template whose text looks like a key.
"""

import tomllib
from collections.abc import Iterator
from typing import Any

MISSING = object()


def lookup(document: dict[str, Any], key: tuple[str, ...]) -> Any:
    """The value at `key` in nested tables, or `MISSING`."""
    value: Any = document
    for part in key:
        value = value.get(part, MISSING) if isinstance(value, dict) else MISSING
    return value


def line_of(text: str, key: tuple[str, ...]) -> int | None:
    """The first line of the statement that gives `key` (or a table within it) its value.

    `text` is a TOML document that `tomllib` has read without error.
    """
    table: tuple[str, ...] | None = ()  # None: inside an array of tables, no key reaches it
    for line, statement in _statements(text):
        try:
            document = tomllib.loads(statement)
        except tomllib.TOMLDecodeError:
            return None  # cut where it should not be: no line rather than a wrong one
        if statement.lstrip().startswith("["):
            table = _header_path(document)
        elif table is None:
            continue
        else:
            for part in reversed(table):
                document = {part: document}
        if lookup(document, key) is not MISSING:
            return line
    return None


def _header_path(document: dict[str, Any]) -> tuple[str, ...] | None:
    """The table a header such as `[a."b c"]` opens; None for an array of tables."""
    path: list[str] = []
    value: Any = document
    while isinstance(value, dict) and value:
        (part, value), *_ = value.items()
        path.append(part)
    return None if isinstance(value, list) else tuple(path)


def _statements(text: str) -> Iterator[tuple[int, str]]:
    """Each statement of `text` with the line it starts on, as tomllib counts lines ("\\n")."""
    start, line, depth, index, quote = 0, 1, 0, 0, ""
    while index < len(text):
        if quote:
            if text.startswith(quote, index):
                # A multi-line string may end in up to five quotes: two of text, then three.
                run = len(quote) + 2 if len(quote) == 3 else 1
                while run > len(quote) and not text.startswith(quote[0] * run, index):
                    run -= 1
                index, quote = index + run, ""
            else:
                index += 2 if text[index] == "\\" and quote[0] == '"' else 1
            continue
        char = text[index]
        if char == "#":
            index = text.find("\n", index)
            index = len(text) if index < 0 else index
            continue
        if char in "\"'":
            quote = text[index : index + 3] if text.startswith(char * 3, index) else char
        elif char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
        elif char == "\n" and depth == 0:
            yield line, text[start : index + 1]
            line += text.count("\n", start, index + 1)
            start = index + 1
        index += len(quote) or 1
    if start < len(text):
        yield line, text[start:]
