"""The search index on SQLite: `search_doc` rows, and their text in the FTS5 table
`search_fts`, contentless, whose rowids are `search_doc`'s ids. A document's text leaves it
by being written again as it was (FTS5's 'delete'). Words are phrases of pairs of code
units (data/search/text.py), which FTS5's positional index answers exactly; kinds and a
few vendors are words of the `tags` column."""

from collections.abc import Iterable

from daicho.data.engines import execute
from daicho.data.models import database
from daicho.data.search.hits import KINDS
from daicho.data.search.text import phrase

_DEFAULT_AUTOMERGE = 4
_VENDORS_AS_WORDS = 40  # a vendor: filter matching up to this many is part of the FTS query
_DOC = "INSERT INTO search_doc (id, kind, item_id, vendor_id) VALUES (?, ?, ?, ?)"
_TEXT = "INSERT INTO search_fts (rowid, body, tags) VALUES (?, ?, ?)"


def insert(row: tuple[int, str, int, int], body: str, tags: str) -> None:
    """Index a document: `row` is its (rowid, kind, item id, vendor id)."""
    execute(_DOC, row)
    execute(_TEXT, (row[0], body, tags))


def delete(rowid: int, text: tuple[str, str] | None) -> None:
    """Remove a row; without its (body, tags) (the item is gone) only its search_doc row
    goes, and what stays in search_fts matches nothing that search would show."""
    if text is not None:
        execute(
            "INSERT INTO search_fts (search_fts, rowid, body, tags) VALUES ('delete', ?, ?, ?)",
            (rowid, *text),
        )
    execute("DELETE FROM search_doc WHERE id = ?", (rowid,))


def write_all(documents: Iterable[tuple[tuple[int, str, int, int], str, str]]) -> int:
    """Replace the whole index with these (row, body, tags), given in rowid order, which
    FTS5 writes fastest; returns how many."""
    execute("INSERT INTO search_fts (search_fts) VALUES ('delete-all')")
    execute("DELETE FROM search_doc")
    execute("INSERT INTO search_fts (search_fts, rank) VALUES ('automerge', 0)")
    rows = []

    def texts():
        for row, body, tags in documents:
            rows.append(row)
            yield row[0], body, tags

    database.cursor().executemany(_TEXT, texts())
    database.cursor().executemany(_DOC, rows)
    execute(
        "INSERT INTO search_fts (search_fts, rank) VALUES ('automerge', ?)", (_DEFAULT_AUTOMERGE,)
    )
    execute("INSERT INTO search_fts (search_fts) VALUES ('optimize')")
    return len(rows)


def ranges(low: int, high: int) -> list[tuple[int, int]]:
    """Where to search, newest first: all of [low, high) at once, as FTS5 reads its rowids
    in order and by range."""
    return [(low, high)]


def matching(words, kinds, vendor_ids, _low, _high) -> tuple[str, str, list, bool, bool]:
    """SQL for the documents holding every word: the column their rowids are read from
    (FTS5's own, which it reads in order and by range), FROM and WHERE, its parameters,
    and whether the kinds and the vendors are still to be filtered in SQL."""
    parts = [f"body : {phrase(word)}" for word in words]
    kinds_left = bool(kinds)
    if kinds and len(kinds) < len(KINDS):
        parts.append(f"tags : ({' OR '.join(sorted(kinds))})")
        kinds_left = False
    vendors_left = vendor_ids is not None
    if vendor_ids and len(vendor_ids) <= _VENDORS_AS_WORDS:
        parts.append(f"tags : ({' OR '.join(f'v{v}' for v in sorted(vendor_ids))})")
        vendors_left = False
    sql = " FROM search_fts JOIN search_doc AS d ON d.id = search_fts.rowid"
    sql += " WHERE search_fts MATCH ?"
    return "search_fts.rowid", sql, [" AND ".join(parts)], kinds_left, vendors_left
