"""One query over vendors, contacts, requests and calls (DESIGN §7): hits newest first, each
with a snippet of the text that matched and where the words are in it.

The index (data/search/index.py) finds the candidates in date order; each is then read
from the ledger and checked, so a hit is always what the ledger holds now.
"""

from collections import defaultdict
from datetime import date, datetime, time
from functools import lru_cache

from peewee import chunked

from daicho.data.dates import clock
from daicho.data.models import Vendor, database
from daicho.data.names.folding import legal_forms_apart
from daicho.data.search.documents import Document, read_documents
from daicho.data.search.hits import SearchHit
from daicho.data.search.index import SLOTS, candidates, time_key
from daicho.data.search.query import SearchQuery, parse_query
from daicho.data.search.text import find_spans, fold

SNIPPET_CHARS = 80  # of the matched field, around its first match
_LEAD = 20  # characters shown before the first match, when there are that many
_ELLIPSIS = "…"
_SPILL = 3600 * SLOTS  # rowids past a day's end where its last items may have landed
_CHECK_BATCH = 500


def search(query: str, limit: int | None = 50) -> list[SearchHit]:
    """The newest `limit` items matching `query` (all of them when None).

    Raises `QueryError` for a filter that cannot be used as typed.
    """
    parsed = parse_query(query, clock.today())
    words = tuple(dict.fromkeys(word for typed in parsed.words for word in _words(typed)))
    if not words and not parsed.has_filters:
        return []
    vendor_ids = _vendor_ids(parsed.vendor) if parsed.vendor else None
    if vendor_ids == set():
        return []
    low = time_key(_utc_midnight(parsed.after)) if parsed.after else 0
    high = time_key(_utc_midnight(parsed.before)) + _SPILL if parsed.before else 2**62
    batch = None if limit is None else limit + 10
    hits: list[SearchHit] = []
    while limit is None or len(hits) < limit:
        rows = candidates(
            words, low=low, high=high, kinds=parsed.kinds, vendor_ids=vendor_ids, limit=batch
        )
        for chunk in chunked(rows, _CHECK_BATCH):
            hits.extend(_checked(chunk, words, parsed, vendor_ids))
        if batch is None or len(rows) < batch:
            break
        high, batch = rows[-1][0], batch * 2
    return hits if limit is None else hits[:limit]


def _words(typed: str) -> list[str]:
    """A word as typed, folded, and its kind of company apart from it: `常盤(株)` finds
    株式会社常盤事務機."""
    return legal_forms_apart(fold(typed))


def _vendor_ids(parts: tuple[str, ...]) -> set[int]:
    """The vendors whose folded name contains every folded part."""
    folded = [word for part in parts for word in _words(part)]
    names = database.execute_sql("SELECT id, name FROM vendor")
    return {vendor_id for vendor_id, name in names if all(p in _folded_name(name) for p in folded)}


@lru_cache(maxsize=8192)
def _folded_name(name: str) -> str:
    """A vendor's name folded, remembered: vendor: is typed a letter at a time."""
    return fold(name)


def _utc_midnight(day: date) -> datetime:
    """The stored (UTC) time at which the user's local `day` begins."""
    return clock.to_utc(datetime.combine(day, time()))


def _checked(rows, words, parsed: SearchQuery, vendor_ids: set[int] | None) -> list[SearchHit]:
    """The candidates that the ledger confirms, as hits, in the candidates' order."""
    ids_of = defaultdict(list)
    for _rowid, kind, item_id in rows:
        ids_of[kind].append(item_id)
    documents = {kind: read_documents(kind, ids) for kind, ids in ids_of.items()}
    confirmed = [
        document
        for _rowid, kind, item_id in rows
        if (document := documents[kind].get(item_id)) is not None
        and _matches(document, words, parsed, vendor_ids)
    ]
    names = dict(
        Vendor.select(Vendor.id, Vendor.name)
        .where(Vendor.id.in_({document.vendor_id for document in confirmed}))
        .tuples()
    )
    return [_hit(document, names.get(document.vendor_id, ""), words) for document in confirmed]


def _matches(document: Document, words, parsed: SearchQuery, vendor_ids) -> bool:
    if parsed.kinds and document.kind not in parsed.kinds:
        return False
    if vendor_ids is not None and document.vendor_id not in vendor_ids:
        return False
    if parsed.after and document.at < _utc_midnight(parsed.after):
        return False
    if parsed.before and document.at >= _utc_midnight(parsed.before):
        return False
    folded = [fold(field) for field in document.fields]
    return all(any(word in field for field in folded) for word in words)


def _hit(document: Document, vendor_name: str, words: tuple[str, ...]) -> SearchHit:
    snippet, spans = _snippet(document.fields, words)
    return SearchHit(
        kind=document.kind,
        id=document.id,
        at=document.at,
        vendor_id=document.vendor_id,
        vendor_name=vendor_name,
        title=document.title,
        snippet=snippet,
        spans=spans,
    )


def _snippet(fields: tuple[str, ...], words: tuple[str, ...]):
    """Part of the field holding the most of the words (the title last among equals; with
    no words, the first field with text), around the first match, on one line, with the
    words' spans in it."""
    in_order = (*fields[1:], fields[0])
    if words:
        field = max(in_order, key=lambda text: sum(word in fold(text) for word in words))
        spans = find_spans(field, words)
    else:
        field, spans = next((text for text in in_order if text.strip()), ""), []
    start = max(0, spans[0][0] - _LEAD) if spans else 0
    end = min(len(field), start + SNIPPET_CHARS)
    start = max(0, end - SNIPPET_CHARS)
    lead = _ELLIPSIS if start > 0 else ""
    tail = _ELLIPSIS if end < len(field) else ""
    shift = len(lead) - start
    shown = tuple(
        (max(a, start) + shift, min(b, end) + shift) for a, b in spans if a < end and b > start
    )
    text = lead + field[start:end].replace("\n", " ") + tail
    return text, shown
