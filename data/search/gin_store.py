"""The search index on PostgreSQL: `search_doc` rows, each with `grams`, the set of its
pairs of code units (data/search/text.py) and of its single units, as a tsvector that a GIN
index answers. No extension is needed: tsvector and GIN are PostgreSQL's own.

A set has no positions, so a word matches where all its pairs occur somewhere in the item:
more candidates than FTS5's phrases give, never fewer, and search checks every candidate
against the ledger (data/search/find.py), so the hits are the same on both engines. A word
of one unit is its unit's token (FTS5 reads it as the prefix of the pairs it begins; here
that would merge hundreds of lists on every search).

Search wants the newest matches first. Left to choose, PostgreSQL reads the id index
backwards and tests each row's tsvector, which takes a second when the words match nothing
(every row read), or it fetches every match to sort them (a tenth of a second for a common
word). So each document also holds the token of its period (`t` and its id over 2**21:
about 6 days), and the words are searched a range of periods at a time, newest first: the
latest period, then ranges doubling up to 64 periods (two years in all), then all the rest
by the words alone. The GIN index finds the matches of a range by itself; only those are
fetched and sorted. A common word is answered by its last week or two, a word matching
nothing by eight look-ups of the index.
"""

from collections.abc import Iterable, Iterator

from peewee import chunked

from daicho.data.engines import execute
from daicho.data.search.text import FIELD_BREAK, first_unit, word_pairs

_BATCH = 1000
_PERIOD_BITS = 21  # a period's ids: 2**21 quarter seconds, 6 days
_GROWTH = 2  # each range of periods searched is this many times the one before
_MOST_PERIODS = 64  # a range of more periods is searched by its words alone
_UNIT = 4  # hex digits of a code unit


_CLAIM_SPAN = 64  # rowids one statement may look through for a free one


def insert_free(kind: str, item_id: int, lowest: int, vendor_id: int, body: str) -> None:
    """Index a document the index does not hold at the first rowid from `lowest` on that no
    row has and no other transaction is taking, in one statement: writers here do not wait
    for each other, so each claims a rowid by its advisory lock, held to the end of its
    transaction (rowids are far above the few fixed lock keys, data/postgres/schema.py).
    The free rowids are found first (OFFSET 0 keeps the lock from being tried on others)
    and locked in order until one is had. A row committed in between makes the insert
    conflict and insert nothing: the next try's snapshot sees it."""
    grams = " ".join(sorted(_body_tokens(body)))
    tries = 0
    while True:
        inserted = execute(
            "INSERT INTO search_doc (id, kind, item_id, vendor_id, grams)"
            " SELECT c, ?, ?, ?, CAST(? || ' t' || (c >> ?) AS tsvector) FROM ("
            " SELECT c FROM generate_series(CAST(? AS bigint), CAST(? AS bigint)) AS c"
            " WHERE NOT EXISTS (SELECT 1 FROM search_doc AS s WHERE s.id = c)"
            " ORDER BY c OFFSET 0) AS free WHERE pg_try_advisory_xact_lock(c)"
            " LIMIT 1 ON CONFLICT DO NOTHING RETURNING id",
            (kind, item_id, vendor_id, grams, _PERIOD_BITS, lowest, lowest + _CLAIM_SPAN - 1),
        ).fetchone()
        if inserted or _holds(kind, item_id):
            return
        tries += 1
        if tries % 2 == 0:  # every rowid of the span taken or being taken: look further
            lowest += _CLAIM_SPAN


def rewrite(kind: str, item_id: int, rowids: range, vendor_id: int, body: str) -> bool:
    """Write a changed document over its row when that row's rowid is still one of its
    time's `rowids`; False when there is no such row, and the document must be forgotten
    and indexed afresh."""
    grams = " ".join(sorted(_body_tokens(body)))
    return (
        execute(
            "UPDATE search_doc SET vendor_id = ?, grams = CAST(? || ' t' || (id >> ?) AS tsvector)"
            " WHERE kind = ? AND item_id = ? AND id >= ? AND id < ? RETURNING id",
            (vendor_id, grams, _PERIOD_BITS, kind, item_id, rowids.start, rowids.stop),
        ).fetchone()
        is not None
    )


def forget(kind: str, item_id: int) -> None:
    execute("DELETE FROM search_doc WHERE kind = ? AND item_id = ?", (kind, item_id))


def _holds(kind: str, item_id: int) -> bool:
    found = execute("SELECT 1 FROM search_doc WHERE kind = ? AND item_id = ?", (kind, item_id))
    return found.fetchone() is not None


def write_all(documents: Iterable[tuple[tuple[int, str, int, int], str, str]]) -> int:
    """Replace the whole index with these (row, body, tags); returns how many."""
    execute("DELETE FROM search_doc")
    count = 0
    for batch in chunked(documents, _BATCH):
        columns = list(
            zip(*[(*row, _grams(row[0], body)) for row, body, _tags in batch], strict=True)
        )
        execute(
            "INSERT INTO search_doc (id, kind, item_id, vendor_id, grams)"
            " SELECT id, kind, item_id, vendor_id, CAST(grams AS tsvector) FROM unnest("
            "CAST(? AS bigint[]), CAST(? AS text[]), CAST(? AS int[]), CAST(? AS int[]),"
            " CAST(? AS text[])) AS t (id, kind, item_id, vendor_id, grams)",
            [list(column) for column in columns],
        )
        count += len(batch)
    return count


def ranges(low: int, high: int) -> Iterator[tuple[int, int]]:
    """The ranges of ids within [low, high) to search one after another, newest first: the
    latest period holding a document, ranges of periods doubling, then the rest."""
    (top,) = execute("SELECT max(id) FROM search_doc WHERE id < ?", (high,)).fetchone()
    if top is None or top < low:
        return
    end, periods = (top >> _PERIOD_BITS) + 1, 1  # `end`: the first period not yet to search
    while periods <= _MOST_PERIODS and end - periods > low >> _PERIOD_BITS:
        yield max(low, (end - periods) << _PERIOD_BITS), min(high, end << _PERIOD_BITS)
        end, periods = end - periods, periods * _GROWTH
    yield low, min(high, end << _PERIOD_BITS)


def matching(words, _kinds, _vendor_ids, low: int, high: int) -> tuple[str, str, list, bool, bool]:
    """SQL for the documents in ids [low, high) holding every pair of every word, as
    fts5_store.matching gives it; kinds and vendors (when given) are filtered in SQL. The
    index is asked first, with the range's periods when there are few (OFFSET 0 keeps
    PostgreSQL from reading the id index instead), and only its matches are fetched."""
    terms = []
    for word in words:
        terms += [f"'{pair}'" for pair in word_pairs(word) or [first_unit(word)]]
    periods = range(low >> _PERIOD_BITS, ((high - 1) >> _PERIOD_BITS) + 1)
    if len(periods) <= _MOST_PERIODS:
        terms.append("(" + " | ".join(f"'{_period(period)}'" for period in periods) + ")")
    sql = (
        " FROM (SELECT id, kind, item_id, vendor_id FROM search_doc"
        " WHERE grams @@ CAST(? AS tsquery) OFFSET 0) AS d WHERE 1 = 1"
    )
    return "d.id", sql, [" & ".join(terms)], True, True


def _period(period: int) -> str:
    return f"t{period}"


def tokens(rowid: int, body: str) -> set[str]:
    """What the tsvector of a document at `rowid` with this index body holds: its pairs, the
    units they begin (every unit begins one: a field's last with `zzzz`) and its period's
    token, plain ASCII words where `t` begins no pair or unit (hex digits)."""
    return _body_tokens(body) | {_period(rowid >> _PERIOD_BITS)}


def _body_tokens(body: str) -> set[str]:
    pairs = {token for token in body.split() if token != FIELD_BREAK}
    return pairs | {pair[:_UNIT] for pair in pairs}


def _grams(rowid: int, body: str) -> str:
    return " ".join(sorted(tokens(rowid, body)))
