"""`daicho search` and `daicho reindex` as a user runs them (the pattern of test_cli.py)."""

import json
import os
import sqlite3
import subprocess
import sys
from datetime import datetime

import pytest

from daicho.data import calls, requests, vendors
from daicho.data.ledger import close_ledger


@pytest.fixture
def home(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DAICHO_")}
    env.update(
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "share"),
        LANG="C.UTF-8",
        LC_ALL="C.UTF-8",
    )
    return env


def daicho(env, *args):
    return subprocess.run(
        [sys.executable, "-m", "daicho.cli", *map(str, args)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def filled(ledger):
    """A closed ledger file with a vendor, two calls and a request that mention 見積."""
    acme = vendors.create_vendor("ACME通信", notes="[bold]保守[/]")
    first = datetime(2026, 11, 1, 1)
    calls.log_call(vendor_id=acme.id, started_at=first, internal_notes="回線の見積")
    calls.log_call(vendor_id=acme.id, started_at=datetime(2026, 11, 2, 1), subject="見積の件")
    requests.open_request(acme.id, "outbound", "ＶＰＮの見積依頼")
    close_ledger()
    return ledger


def test_json_lists_every_hit_newest_first(home, filled):
    result = daicho(home, "search", "--db", filled, "--json", "見積")
    assert result.returncode == 0, result.stderr
    hits = json.loads(result.stdout)
    assert [(hit["kind"], hit["id"]) for hit in hits] == [
        ("request", 1),
        ("call", 2),
        ("call", 1),
    ]
    assert all(set(hit) == {"kind", "id", "date", "vendor", "title", "snippet"} for hit in hits)
    assert hits[0]["vendor"] == "ACME通信" and hits[0]["title"] == "ＶＰＮの見積依頼"
    assert hits[2]["snippet"] == "回線の見積"
    dates = [datetime.fromisoformat(hit["date"]) for hit in hits]
    assert dates == sorted(dates, reverse=True) and dates[0].tzinfo is not None


def test_limit_and_words_given_as_separate_arguments(home, filled):
    result = daicho(home, "search", "--db", filled, "--json", "--limit", "1", "vpn", "見積")
    assert [hit["id"] for hit in json.loads(result.stdout)] == [1]


def test_lines_for_people_show_markup_as_typed_and_no_escapes_into_a_pipe(home, filled):
    result = daicho(home, "search", "--db", filled, "保守")
    assert result.returncode == 0, result.stderr
    heading, snippet = result.stdout.splitlines()
    assert "vendor #1  ACME通信  ACME通信" in heading
    assert snippet == "    [bold]保守[/]"


def test_kinds_are_named_in_the_users_language(home, filled):
    result = daicho({**home, "LC_ALL": "ja_JP.UTF-8"}, "search", "--db", filled, "type:call 見積")
    assert [line.split()[2] for line in result.stdout.splitlines()[::2]] == ["通話", "通話"]


def test_no_hits_is_an_empty_list(home, filled):
    result = daicho(home, "search", "--db", filled, "--json", "該当なし")
    assert (result.returncode, json.loads(result.stdout)) == (0, [])


@pytest.mark.parametrize(
    "args, message",
    [
        (["type:fax"], 'Unknown type "fax"'),
        (["before:someday", "x"], "before: Not a date"),
        (["--limit", "0", "x"], "--limit must be 1 or more"),
        (["--limit", str(2**63), "x"], f"--limit must be at most {2**63 - 1}"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(home, filled, args, message):
    result = daicho(home, "search", "--db", filled, *args)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [f"daicho: {result.stderr.strip()[8:]}"]
    assert message in result.stderr and "Traceback" not in result.stderr


def test_reindex_rebuilds_a_damaged_index(home, filled):
    with sqlite3.connect(filled) as connection:
        connection.execute("INSERT INTO search_fts (search_fts) VALUES ('delete-all')")
        connection.execute("DELETE FROM search_doc")
    assert json.loads(daicho(home, "search", "--db", filled, "--json", "見積").stdout) == []
    result = daicho(home, "reindex", "--db", filled)
    assert result.returncode == 0, result.stderr
    assert "4 items" in result.stderr
    assert len(json.loads(daicho(home, "search", "--db", filled, "--json", "見積").stdout)) == 3
