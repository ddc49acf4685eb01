"""The same ledger reads the same on both engines (issue 17): the demo ledger seeded on SQLite
and on PostgreSQL finds the same items in the same order for every kind of search (FTS5
phrases on one, a GIN index of pair sets giving more candidates on the other), lists the
same vendors, queue and timelines, and exports the same bytes."""

from dataclasses import replace
from datetime import timedelta

import pytest
from conftest import TODAY
from postgres import fresh_database

from daicho.data import queue, vendors
from daicho.data.dates import clock
from daicho.data.ledger import close_ledger, open_ledger
from daicho.data.mail.weekly import week_decisions, week_figures
from daicho.data.records import REQUEST_STATUSES
from daicho.data.search.find import search
from daicho.data.seed.generate import seed_ledger
from daicho.data.timeline import vendor_timeline
from daicho.data.transfer.export import export_ledger

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


VENDOR_FILTERS = ["", "つばさ", "ｼｽﾃﾑ", "東和(株)", "devices", "佐藤"]


def _found() -> dict[tuple[str, int | None], list[tuple]]:
    """Each query's hits on the open ledger: all of them, and the first few (found in
    batches, which PostgreSQL's extra candidates must not cut short)."""
    return {
        (query, limit): [(hit.kind, hit.id, hit.snippet, hit.spans) for hit in search(query, limit)]
        for query in QUERIES
        for limit in (None, 3)
    }


def _listed() -> dict[str, object]:
    """The vendor list, the queue in each order, timelines and the weekly figures."""
    every = queue.QueueFilters(statuses=REQUEST_STATUSES)
    lists: dict[str, object] = {
        f"vendors {text!r}": vendors.list_vendors(text, include_hidden=True)
        for text in VENDOR_FILTERS
    }
    for sort in queue.SORTS:
        for filters in (queue.QueueFilters(sort=sort), replace(every, sort=sort)):
            lists[f"queue {filters}"] = queue.open_queue(filters, limit=500)
    lists["counts"] = queue.queue_counts(TODAY)
    every_vendor = [row.id for row in vendors.list_vendors(include_hidden=True)]
    lists["timelines"] = [vendor_timeline(vendor_id) for vendor_id in every_vendor]
    lists["contacts"] = [vendors.list_contacts(vendor_id) for vendor_id in every_vendor]
    first = TODAY - timedelta(days=TODAY.weekday() + 7)
    lists["week"] = week_figures(first, first + timedelta(days=6))
    lists["week decisions"] = week_decisions(first, first + timedelta(days=6), 50)
    lists["export"] = export_ledger("toml")  # the seed wrote the same ledger on both
    return lists


def _read(location) -> tuple[dict, dict]:
    """What the demo ledger at `location`, seeded as of the tests' today, gives."""
    open_ledger(location)
    try:
        seed_ledger("demo", today=TODAY)
        return _found(), _listed()
    finally:
        close_ledger()


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    """(SQLite's, PostgreSQL's) searches and lists, read once for the module's tests, with
    the tests' today and their own data directory (before the per-test fixtures set them)."""
    home = tmp_path_factory.mktemp("parity")
    with pytest.MonkeyPatch.context() as patch:
        for name in ("XDG_DATA_HOME", "XDG_CACHE_HOME"):
            patch.setenv(name, str(home / name))
        patch.setenv("DAICHO_CONFIG", str(home / "config.toml"))
        clock.freeze_today(TODAY)
        try:
            on_sqlite = _read(home / "demo.db")
            with fresh_database() as url:
                on_postgres = _read(url)
        finally:
            clock.freeze_today(None)
    return on_sqlite, on_postgres


def test_every_search_finds_the_same_on_both_engines(both):
    (on_sqlite, _), (on_postgres, _) = both
    assert [query for query, hits in on_sqlite.items() if not hits] == []  # none is vacuous
    for query, hits in on_sqlite.items():
        assert on_postgres[query] == hits, query


def test_vendors_queue_timelines_and_week_list_the_same_on_both_engines(both):
    (_, on_sqlite), (_, on_postgres) = both
    assert on_sqlite.keys() == on_postgres.keys()
    for what, listed in on_sqlite.items():
        assert listed, what
        assert on_postgres[what] == listed, what
