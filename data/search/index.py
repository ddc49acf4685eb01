"""The search index (DESIGN §7), written in the same transaction as every write it follows.

Each indexed item is a row of `search_doc` and a row of the FTS5 table `search_fts`, both
with the same rowid: when the item happened (a call's start, anything else's creation) as
seconds since 1900 times four, plus 0-3 for items of the same second; a fifth item in one
second takes the next free number, a quarter of a second later. So `ORDER BY rowid DESC`
lists newest first without sorting the matches, and a date range is a rowid range.

`search_fts` is contentless: the ledger's tables hold the text, and a document leaves the
index by being written again as it was (FTS5's 'delete'). Writes therefore go through
`reindexing`, which reads an item's document before the change and after it. Should the
index ever disagree with the ledger, search still checks every hit against the ledger,
and `rebuild_index` writes it afresh.
"""

import heapq
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime

from daicho.data.models import database
from daicho.data.search.documents import (
    Document,
    documents_by_time,
    read_documents,
)
from daicho.data.search.hits import KINDS
from daicho.data.search.text import fold, index_tokens

_EPOCH = datetime(1900, 1, 1)
SLOTS = 4  # rowids per second
_DEFAULT_AUTOMERGE = 4


def time_key(at: datetime) -> int:
    """The lowest rowid an item of time `at` (naive UTC) may have."""
    return max(0, int((at - _EPOCH).total_seconds())) * SLOTS


def index_new(kind: str, item_id: int) -> None:
    """Add an item just written; the caller holds the transaction."""
    document = read_documents(kind, [item_id]).get(item_id)
    if document is not None and _rowid_of(kind, item_id) is None:
        _insert(_free_rowid(time_key(document.at)), document)


def index_many(kind: str, item_ids: Iterable[int]) -> None:
    """Add many items just written (an import into a ledger that held rows already)."""
    documents = read_documents(kind, item_ids).values()
    for document in sorted(documents, key=lambda doc: (doc.at, doc.id)):
        if _rowid_of(kind, document.id) is None:
            _insert(_free_rowid(time_key(document.at)), document)


@contextmanager
def reindexing(kind: str, item_id: int) -> Iterator[None]:
    """Around a change to an item, inside its transaction: out with the old text, in with
    the new."""
    old = read_documents(kind, [item_id]).get(item_id)
    yield
    rowid = _rowid_of(kind, item_id)
    if rowid is not None:
        _delete(rowid, old)
    new = read_documents(kind, [item_id]).get(item_id)
    if new is not None:
        same_time = rowid is not None and old is not None and old.at == new.at
        _insert(rowid if same_time else _free_rowid(time_key(new.at)), new)


def unindex(kind: str, item_id: int) -> None:
    """Take an item out of the index before it is deleted."""
    rowid = _rowid_of(kind, item_id)
    if rowid is not None:
        _delete(rowid, read_documents(kind, [item_id]).get(item_id))


def rebuild_index() -> int:
    """Write the whole index afresh from the ledger, in one transaction; returns its size."""
    with database.atomic():
        _execute("INSERT INTO search_fts (search_fts) VALUES ('delete-all')")
        _execute("DELETE FROM search_doc")
        _execute("DELETE FROM search_pending")
        _execute("INSERT INTO search_fts (search_fts, rank) VALUES ('automerge', 0)")
        rows = []
        database.cursor().executemany(
            "INSERT INTO search_fts (rowid, body, tags) VALUES (?, ?, ?)", _in_time_order(rows)
        )
        database.cursor().executemany(
            "INSERT INTO search_doc (id, kind, item_id, vendor_id) VALUES (?, ?, ?, ?)", rows
        )
        _execute(
            "INSERT INTO search_fts (search_fts, rank) VALUES ('automerge', ?)",
            (_DEFAULT_AUTOMERGE,),
        )
        _execute("INSERT INTO search_fts (search_fts) VALUES ('optimize')")
    return len(rows)


def mark_index_incomplete(reason: str) -> None:
    """Note, in the caller's transaction, that the index is about to fall behind the ledger
    for longer than one transaction (a seed written month by month): should the process be
    killed before `rebuild_index` clears the note, the next open rebuilds the index."""
    _execute("INSERT INTO search_pending (reason) VALUES (?)", (reason,))


def ensure_index(announce: Callable[[], None] | None = None) -> bool:
    """Build the index if a migration or an unfinished bulk write asked for it, calling
    `announce` first; True when it was built."""
    if _execute("SELECT 1 FROM search_pending LIMIT 1").fetchone() is None:
        return False
    if announce is not None:
        announce()
    rebuild_index()
    return True


def candidates(
    match: str | None,
    *,
    low: int,
    high: int,
    kinds: Iterable[str] = (),
    vendor_ids: Iterable[int] | None = None,
    limit: int | None = None,
) -> list[tuple[int, str, int]]:
    """(rowid, kind, item id) of the items in rowid range [low, high) whose index text
    matches the FTS5 expression `match` (every item when None), highest rowid first."""
    parameters: list = []
    if match is None:
        sql = "SELECT id, kind, item_id FROM search_doc AS d WHERE id >= ? AND id < ?"
        parameters += [low, high]
        kinds = tuple(kinds)
        if kinds:
            sql += f" AND kind IN ({', '.join('?' * len(kinds))})"
            parameters += kinds
    else:
        sql = (
            "SELECT d.id, d.kind, d.item_id FROM search_fts"
            " JOIN search_doc AS d ON d.id = search_fts.rowid"
            " WHERE search_fts MATCH ? AND search_fts.rowid >= ? AND search_fts.rowid < ?"
        )
        parameters += [match, low, high]
    if vendor_ids is not None:
        vendor_ids = tuple(vendor_ids)
        sql += f" AND d.vendor_id IN ({', '.join('?' * len(vendor_ids))})"
        parameters += vendor_ids
    sql += " ORDER BY d.id DESC" if match is None else " ORDER BY search_fts.rowid DESC"
    if limit is not None:
        sql += " LIMIT ?"
        parameters.append(limit)
    return _execute(sql, parameters).fetchall()


def _in_time_order(rows: list) -> Iterator[tuple[int, str, str]]:
    """Every document as (rowid, body, tags) in rowid order, which FTS5 writes fastest;
    `rows` collects the matching search_doc rows."""
    last = -1
    documents = heapq.merge(*map(documents_by_time, KINDS), key=lambda doc: doc.at)
    for document in documents:
        rowid = max(time_key(document.at), last + 1)
        last = rowid
        rows.append((rowid, document.kind, document.id, document.vendor_id))
        yield (rowid, *_columns(document))


def _columns(document: Document) -> tuple[str, str]:
    body = index_tokens(fold(field) for field in document.fields)
    return body, f"{document.kind} v{document.vendor_id}"


def _insert(rowid: int, document: Document) -> None:
    _execute(
        "INSERT INTO search_doc (id, kind, item_id, vendor_id) VALUES (?, ?, ?, ?)",
        (rowid, document.kind, document.id, document.vendor_id),
    )
    _execute(
        "INSERT INTO search_fts (rowid, body, tags) VALUES (?, ?, ?)",
        (rowid, *_columns(document)),
    )


def _delete(rowid: int, document: Document | None) -> None:
    """Remove a row; without its document (the item is gone) only its search_doc row goes,
    and what stays in search_fts matches nothing that search would show."""
    if document is not None:
        _execute(
            "INSERT INTO search_fts (search_fts, rowid, body, tags) VALUES ('delete', ?, ?, ?)",
            (rowid, *_columns(document)),
        )
    _execute("DELETE FROM search_doc WHERE id = ?", (rowid,))


def _rowid_of(kind: str, item_id: int) -> int | None:
    row = _execute(
        "SELECT id FROM search_doc WHERE kind = ? AND item_id = ?", (kind, item_id)
    ).fetchone()
    return row[0] if row else None


def _free_rowid(lowest: int) -> int:
    """The first rowid from `lowest` on that no item has."""
    rowid = lowest
    for (taken,) in _execute("SELECT id FROM search_doc WHERE id >= ? ORDER BY id", (lowest,)):
        if taken != rowid:
            break
        rowid += 1
    return rowid


def _execute(sql: str, parameters=()):
    return database.execute_sql(sql, parameters)
