"""The search index on PostgreSQL: `search_doc` rows, each with `grams`, the set of its
pairs of code units (data/search/text.py) as a tsvector that a GIN index answers. No
extension is needed: tsvector and GIN are PostgreSQL's own.

A set has no positions, so a word matches where all its pairs occur somewhere in the item:
more candidates than FTS5's phrases give, never fewer, and search checks every candidate
against the ledger (data/search/find.py), so the hits are the same on both engines.
"""

from collections.abc import Iterable

from peewee import chunked

from daicho.data.engines import execute
from daicho.data.search.text import FIELD_BREAK, first_unit, word_pairs

_BATCH = 1000


def insert(row: tuple[int, str, int, int], body: str, _tags: str) -> None:
    """Index a document: `row` is its (rowid, kind, item id, vendor id)."""
    execute(
        "INSERT INTO search_doc (id, kind, item_id, vendor_id, grams)"
        " VALUES (?, ?, ?, ?, CAST(? AS tsvector))",
        (*row, _grams(body)),
    )


def delete(rowid: int, _text: tuple[str, str] | None) -> None:
    execute("DELETE FROM search_doc WHERE id = ?", (rowid,))


def write_all(documents: Iterable[tuple[tuple[int, str, int, int], str, str]]) -> int:
    """Replace the whole index with these (row, body, tags); returns how many."""
    execute("DELETE FROM search_doc")
    count = 0
    for batch in chunked(documents, _BATCH):
        columns = list(zip(*[(*row, _grams(body)) for row, body, _tags in batch], strict=True))
        execute(
            "INSERT INTO search_doc (id, kind, item_id, vendor_id, grams)"
            " SELECT id, kind, item_id, vendor_id, CAST(grams AS tsvector) FROM unnest("
            "CAST(? AS bigint[]), CAST(? AS text[]), CAST(? AS int[]), CAST(? AS int[]),"
            " CAST(? AS text[])) AS t (id, kind, item_id, vendor_id, grams)",
            [list(column) for column in columns],
        )
        count += len(batch)
    return count


def matching(words, _kinds, _vendor_ids) -> tuple[str, str, list, bool, bool]:
    """SQL for the documents holding every pair of every word, as fts5_store.matching gives
    it; kinds and vendors (when given) are filtered in SQL."""
    terms = []
    for word in words:
        pairs = word_pairs(word)
        terms += [f"'{pair}'" for pair in pairs] if pairs else [f"'{first_unit(word)}':*"]
    sql = " FROM search_doc AS d WHERE d.grams @@ CAST(? AS tsquery)"
    return "d.id", sql, [" & ".join(terms)], True, True


def _grams(body: str) -> str:
    """The document's distinct tokens, as tsvector input (plain ASCII words)."""
    return " ".join(sorted({token for token in body.split() if token != FIELD_BREAK}))
