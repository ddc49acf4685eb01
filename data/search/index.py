"""The search index (DESIGN §7), written in the same transaction as every write it follows.

Each indexed item is a row of `search_doc` whose id is when the item happened (a call's
start, anything else's creation) as seconds since 1900 times four, plus 0-3 for items of
the same second; a fifth item in one second takes the next free number, a quarter of a
second later. So `ORDER BY id DESC` lists newest first without sorting the matches, and a
date range is an id range. Its text is held by the engine's own kind of index: FTS5 on
SQLite (fts5_store.py), a tsvector with GIN on PostgreSQL (gin_store.py).

The ledger's tables hold the text, and on SQLite a document leaves the index by being
written again as it was. Writes therefore go through `reindexing`, which reads an item's
document before the change and after it. Should the index ever disagree with the ledger,
search still checks every hit against the ledger, and `rebuild_index` writes it afresh.
"""

import heapq
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime

from daicho.data.engines import execute as _execute
from daicho.data.engines import on_postgres
from daicho.data.models import database
from daicho.data.search import fts5_store, gin_store
from daicho.data.search.documents import (
    Document,
    documents_by_time,
    read_documents,
)
from daicho.data.search.hits import KINDS
from daicho.data.search.text import fold, index_tokens

_EPOCH = datetime(1900, 1, 1)
SLOTS = 4  # rowids per second
_LOOK_AHEAD = 16  # rowids read at a time while looking for a free one


def time_key(at: datetime) -> int:
    """The lowest rowid an item of time `at` (naive UTC) may have."""
    return max(0, int((at - _EPOCH).total_seconds())) * SLOTS


def index_new(kind: str, item_id: int) -> None:
    """Add an item just written; the caller holds the transaction."""
    document = read_documents(kind, [item_id]).get(item_id)
    if document is not None:
        _index(document)


def index_many(kind: str, item_ids: Iterable[int]) -> None:
    """Add many items just written (an import into a ledger that held rows already)."""
    documents = read_documents(kind, item_ids).values()
    for document in sorted(documents, key=lambda doc: (doc.at, doc.id)):
        _index(document)


@contextmanager
def reindexing(kind: str, item_id: int) -> Iterator[None]:
    """Around a change to an item, inside its transaction: out with the old text, in with
    the new. FTS5 forgets a document by being told its old text, read before the change;
    PostgreSQL's row is simply rewritten, in place while the item's time stays in its
    second (one statement where a save is a round trip to the server per statement)."""
    if on_postgres():
        yield
        new = read_documents(kind, [item_id]).get(item_id)
        if new is None or not gin_store.rewrite(kind, item_id, *_placed(new)):
            gin_store.forget(kind, item_id)
            if new is not None:
                _index(new)
        return
    old = read_documents(kind, [item_id]).get(item_id)
    yield
    rowid = _rowid_of(kind, item_id)
    if rowid is not None:
        _delete(rowid, old)
    new = read_documents(kind, [item_id]).get(item_id)
    if new is not None:
        same_time = rowid is not None and old is not None and old.at == new.at
        _insert(rowid if same_time else _free_rowid(time_key(new.at)), new)


def _index(document: Document) -> None:
    """Index a document the index does not hold yet at the first free rowid of its time."""
    if on_postgres():
        rowids, vendor_id, body = _placed(document)
        gin_store.insert_free(document.kind, document.id, rowids.start, vendor_id, body)
    elif _rowid_of(document.kind, document.id) is None:
        _insert(_free_rowid(time_key(document.at)), document)


def _placed(document: Document) -> tuple[range, int, str]:
    """Where a document's row goes, and what it holds: (the rowids of its second, its vendor
    id, its index body), as `gin_store` writes them."""
    lowest = time_key(document.at)
    return range(lowest, lowest + SLOTS), document.vendor_id, _columns(document)[0]


def rebuild_index() -> int:
    """Write the whole index afresh from the ledger, in one transaction; returns its size."""
    with database.atomic():
        _execute("DELETE FROM search_pending")
        return _store().write_all(_in_time_order())


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
    words: tuple[str, ...],
    *,
    low: int,
    high: int,
    kinds: Iterable[str] = (),
    vendor_ids: Iterable[int] | None = None,
    limit: int | None = None,
) -> list[tuple[int, str, int]]:
    """(rowid, kind, item id) of the items in rowid range [low, high) of these kinds and
    vendors (any when empty or None) whose index text holds every folded word, highest
    rowid first. Every item of the kinds and vendors when there are no words. The index may
    give more than match (search checks each against the ledger), never fewer.

    The store says in which ranges to look, newest first (FTS5 reads rowids in order itself:
    one range), until `limit` rows are found."""
    kinds = tuple(kinds)
    vendor_ids = None if vendor_ids is None else tuple(vendor_ids)
    store = _store()
    rows = []
    for range_low, range_high in store.ranges(low, high) if words else [(low, high)]:
        left = None if limit is None else limit - len(rows)
        rows += _newest(store, words, range_low, range_high, kinds, vendor_ids, left)
        if limit is not None and len(rows) >= limit:
            break
    return rows


def _newest(store, words, low, high, kinds, vendor_ids, limit) -> list[tuple[int, str, int]]:
    if words:
        key, source, parameters, kinds_left, vendors_left = store.matching(
            words, kinds, vendor_ids, low, high
        )
    else:
        key, source, parameters = "d.id", " FROM search_doc AS d WHERE 1 = 1", []
        kinds_left, vendors_left = bool(kinds), vendor_ids is not None
    sql = f"SELECT d.id, d.kind, d.item_id{source} AND {key} >= ? AND {key} < ?"
    parameters += [low, high]
    if kinds_left and kinds:
        sql += f" AND d.kind IN ({', '.join('?' * len(kinds))})"
        parameters += kinds
    if vendors_left and vendor_ids is not None:
        sql += f" AND d.vendor_id IN ({', '.join('?' * len(vendor_ids)) or 'NULL'})"
        parameters += vendor_ids
    sql += f" ORDER BY {key} DESC"
    if limit is not None:
        sql += " LIMIT ?"
        parameters.append(limit)
    return _execute(sql, parameters).fetchall()


def _store():
    return gin_store if on_postgres() else fts5_store


def _in_time_order() -> Iterator[tuple[tuple[int, str, int, int], str, str]]:
    """Every document as ((rowid, kind, item id, vendor id), body, tags), in rowid order."""
    last = -1
    documents = heapq.merge(*map(documents_by_time, KINDS), key=lambda doc: doc.at)
    for document in documents:
        rowid = max(time_key(document.at), last + 1)
        last = rowid
        yield (rowid, document.kind, document.id, document.vendor_id), *_columns(document)


def _columns(document: Document) -> tuple[str, str]:
    body = index_tokens(fold(field) for field in document.fields)
    return body, f"{document.kind} v{document.vendor_id}"


def _insert(rowid: int, document: Document) -> None:
    """SQLite's insert (PostgreSQL's rows are claimed and written by gin_store.insert_free)."""
    row = (rowid, document.kind, document.id, document.vendor_id)
    fts5_store.insert(row, *_columns(document))


def _delete(rowid: int, document: Document | None) -> None:
    """SQLite's delete: FTS5 forgets a row by being told its old text (gin_store.forget)."""
    fts5_store.delete(rowid, None if document is None else _columns(document))


def _rowid_of(kind: str, item_id: int) -> int | None:
    row = _execute(
        "SELECT id FROM search_doc WHERE kind = ? AND item_id = ?", (kind, item_id)
    ).fetchone()
    return row[0] if row else None


def _free_rowid(lowest: int) -> int:
    """The first rowid from `lowest` on that no item has (SQLite: one writer at a time;
    PostgreSQL's writers claim theirs in gin_store.insert_free)."""
    rowid = lowest
    while True:
        taken = _execute(
            "SELECT id FROM search_doc WHERE id >= ? ORDER BY id LIMIT ?", (rowid, _LOOK_AHEAD)
        ).fetchall()
        for (found,) in taken:
            if found != rowid:
                return rowid
            rowid += 1
        if len(taken) < _LOOK_AHEAD:
            return rowid
