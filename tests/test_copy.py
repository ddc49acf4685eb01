"""`daicho copy`: a whole ledger between SQLite and PostgreSQL, either way (DESIGN §17)."""

import psycopg
import test_cli
from postgres import fresh_database
from test_cli import _one_line_error, daicho

from daicho.data import calls, requests, vendors
from daicho.data.ledger import close_ledger, open_ledger
from daicho.data.records import FollowUp
from daicho.data.seed.generate import SIZES
from daicho.data.transfer.export import export_ledger

home = test_cli.home  # the fixture: a private config and data directory


def _copy(env, source, destination):
    result = daicho(env, "copy", "--from", source, "--to", destination)
    assert result.returncode == 0, result.stderr
    return result.stderr


def _export(env, location) -> str:
    result = daicho(env, "--db", location, "export")
    assert result.returncode == 0, result.stderr
    return result.stdout


def _tables(url) -> int:
    with psycopg.connect(url) as connection:
        query = "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
        return connection.execute(query).fetchone()[0]


def test_the_demo_ledger_goes_to_postgresql_and_back_exporting_the_same_bytes(home, tmp_path):
    demo, back = tmp_path / "demo.db", tmp_path / "back.db"
    assert daicho(home, "seed", "--db", demo).returncode == 0
    with fresh_database() as url:
        said = _copy(home, demo, url)
        assert said.startswith(f"Copied {demo} to {url}: 25 vendors, 60 contacts")
        _copy(home, url, back)
        exported = _export(home, demo)
        assert 'format = "daicho"' in exported and "[[request_events]]" in exported
        assert _export(home, url) == exported
        assert _export(home, back) == exported


DEMO = SIZES["demo"]


def test_saving_on_postgresql_after_a_copy_takes_new_ids(home, tmp_path):
    """The copy gives rows their ids: the database's id sequences must move past them."""
    demo = tmp_path / "demo.db"
    assert daicho(home, "seed", "--db", demo).returncode == 0
    with fresh_database() as url:
        _copy(home, demo, url)
        open_ledger(url)
        try:
            vendor = vendors.create_vendor("新しい業者")
            contact = vendors.create_contact(vendor.id, "山田")
            call = calls.log_call(
                vendor_id=vendor.id,
                contact_id=contact.id,
                decisions=["見積を依頼"],
                follow_ups=[FollowUp("見積書の送付")],
            )
            request = requests.close_request(call.follow_ups[0].id, "届いた")
            assert (vendor.id, contact.id) == (DEMO.vendors + 1, DEMO.contacts + 1)
            assert (call.id, request.id) == (DEMO.calls + 1, DEMO.requests + 1)
            assert requests.request_history(request.id)[-1].note == "届いた"
        finally:
            close_ledger()


def test_a_ledger_moves_within_one_engine_too(home, tmp_path):
    demo, copy = tmp_path / "demo.db", tmp_path / "copy.db"
    assert daicho(home, "seed", "--db", demo).returncode == 0
    _copy(home, demo, copy)
    assert _export(home, copy) == _export(home, demo)
    with fresh_database() as first, fresh_database() as second:
        _copy(home, demo, first)
        _copy(home, first, second)
        assert _export(home, second) == _export(home, demo)


def test_a_destination_holding_rows_is_refused_and_left_as_it_was(home, tmp_path):
    demo, other = tmp_path / "demo.db", tmp_path / "other.db"
    assert daicho(home, "seed", "--db", demo).returncode == 0
    open_ledger(other)
    vendors.create_vendor("Acme")
    close_ledger()
    before = _export(home, other)
    line = _one_line_error(daicho(home, "copy", "--from", demo, "--to", other))
    assert line == (
        f"daicho: {other} is not empty:"
        " a ledger is copied only into a new file or an empty database"
    )
    assert _export(home, other) == before
    with fresh_database() as url:
        _copy(home, other, url)
        line = _one_line_error(daicho(home, "copy", "--from", demo, "--to", url))
        assert line.startswith(f"daicho: {url} is not empty")
        assert _export(home, url) == before


def test_an_empty_ledger_is_a_destination_like_a_new_file(home, tmp_path):
    demo, empty = tmp_path / "demo.db", tmp_path / "empty.db"
    assert daicho(home, "seed", "--db", demo).returncode == 0
    open_ledger(empty)
    close_ledger()
    _copy(home, demo, empty)
    assert _export(home, empty) == _export(home, demo)


def test_copying_from_nothing_is_refused_and_creates_nothing(home, tmp_path):
    missing, target = tmp_path / "missing.db", tmp_path / "target.db"
    line = _one_line_error(daicho(home, "copy", "--from", missing, "--to", target))
    assert line == f"daicho: No ledger at {missing}"
    assert not missing.exists() and not target.exists()
    with fresh_database() as url:
        line = _one_line_error(daicho(home, "copy", "--from", url, "--to", target))
        assert line == f"daicho: No ledger at {url}"
        assert _tables(url) == 0 and not target.exists()


def test_the_same_ledger_at_both_ends_is_refused(home, tmp_path):
    demo = tmp_path / "demo.db"
    assert daicho(home, "seed", "--db", demo).returncode == 0
    line = _one_line_error(daicho(home, "copy", "--from", demo, "--to", demo))
    assert line == "daicho: --from and --to name the same ledger"


def test_an_unreachable_destination_is_one_line_without_the_password(home, tmp_path):
    demo = tmp_path / "demo.db"
    assert daicho(home, "seed", "--db", demo).returncode == 0
    url = "postgresql://daicho:s3cret-pw@127.0.0.1:1/ledger"
    result = daicho(home, "copy", "--from", demo, "--to", url)
    line = _one_line_error(result)
    assert "Cannot reach the ledger postgresql://daicho:***@127.0.0.1:1/ledger" in line
    assert "s3cret-pw" not in result.stderr + result.stdout


def test_a_copy_is_the_export_of_its_source_in_process(ledger_path):
    """The service itself, without the command line: what the source exports, the copy does."""
    from daicho.data.seed.generate import seed_ledger
    from daicho.data.transfer.copy import copy_ledger

    open_ledger(ledger_path)
    seed_ledger("demo", language="ja")
    exported = export_ledger("toml")
    close_ledger()
    with fresh_database() as url:
        summary = copy_ledger(ledger_path, url)
        assert summary.vendors == 25 and summary.kept_ids
        open_ledger(url)
        try:
            assert export_ledger("toml") == exported
        finally:
            close_ledger()
