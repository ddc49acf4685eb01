"""Search gives the same hits on both engines for the same ledger (issue 17): the demo ledger
seeded on SQLite (FTS5 phrases) and on PostgreSQL (a GIN index of pair sets, which gives
more candidates) finds the same items in the same order for every kind of query."""

from conftest import TODAY
from postgres import fresh_database

from daicho.data.ledger import close_ledger, open_ledger
from daicho.data.search.find import search
from daicho.data.seed.generate import seed_ledger

QUERIES = [
    "見積",  # two Japanese characters
    "回線 工事",  # two words, both somewhere in the item
    '"正式な見積書"',  # a phrase as typed
    "株",  # one character
    "e",  # one letter, in names, mails and English notes
    "ｷｯﾃｨﾝｸﾞ",  # half-width katakana finds the full width
    "きってぃんぐ",  # hiragana finds katakana
    "ＬＡＮ",  # full-width Latin
    "windows UPDATE",  # case
    "045-230-5954",  # a phone number as shown
    "０４５２３０５９５４",  # … and typed full width without hyphens
    "0120",  # the start of a number
    "東和(株)",  # a company form after the name
    "㈱常盤事務機",  # … as one character before it
    "type:call 見積",
    "type:vendor type:contact リース",
    "type:request 確認",
    "vendor:つばさ",
    "vendor:銀河 回線",
    "vendor:(株)東和",
    "after:2026-11-01 見積",
    "before:2026-06-01 type:request",
    "after:-60 before:-7 type:call",
]


def _results() -> dict[str, list[tuple]]:
    """Each query's hits on the open ledger, seeded with the demo as of the tests' today."""
    seed_ledger("demo", today=TODAY)
    return {
        query: [(hit.kind, hit.id, hit.snippet, hit.spans) for hit in search(query, None)]
        for query in QUERIES
    }


def test_the_demo_ledger_finds_the_same_on_both_engines(tmp_path):
    open_ledger(tmp_path / "demo.db")
    try:
        on_sqlite = _results()
    finally:
        close_ledger()
    with fresh_database() as url:
        open_ledger(url)
        try:
            on_postgres = _results()
        finally:
            close_ledger()
    assert [query for query, hits in on_sqlite.items() if not hits] == []  # none is vacuous
    for query in QUERIES:
        assert on_postgres[query] == on_sqlite[query], query
