"""Backups: a consistent, private copy of the ledger, and pruning of the automatic ones."""

import os
import re
import sqlite3
import stat
from datetime import datetime

import pytest
from postgres import fresh_database

from daicho.data import calls, vendors
from daicho.data.backup import (
    automatic_backups,
    backup_ledger,
    daily_backup,
    prune_backups,
    restore_ledger,
)
from daicho.data.dates import clock
from daicho.data.errors import InputError
from daicho.data.ledger import close_ledger, open_ledger
from daicho.data.records import FollowUp
from daicho.data.transfer.export import export_ledger


def _mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def filled(ledger):
    vendor = vendors.create_vendor("NTT東日本", category="telecom")
    calls.log_call(
        vendor_id=vendor.id,
        internal_notes="回線の見積",
        decisions=["12/4 までに見積"],
        follow_ups=[FollowUp("見積書の送付")],
    )
    return ledger


def test_a_backup_is_a_ledger_holding_the_same_rows(filled, tmp_path):
    exported = export_ledger("toml")
    copy = backup_ledger(tmp_path / "copy.db")
    assert copy == tmp_path / "copy.db"
    open_ledger(copy)
    assert export_ledger("toml") == exported


def test_a_backup_goes_beside_the_ledger_by_default_named_for_the_time(filled):
    before = datetime.now().replace(microsecond=0)
    copy = backup_ledger()
    assert copy.parent == filled.parent / "backups"
    taken = datetime.strptime(copy.name, "daicho-%Y%m%d-%H%M%S.db")
    assert before <= taken <= datetime.now()
    assert (_mode(copy), _mode(copy.parent)) == (0o600, 0o700)
    assert automatic_backups(copy.parent, filled) == [copy]


def test_a_backup_into_a_directory_gets_the_automatic_name(filled, tmp_path):
    copy = backup_ledger(tmp_path)
    assert copy.parent == tmp_path
    assert re.fullmatch(r"daicho-\d{8}-\d{6}\.db", copy.name)


def test_a_backup_over_a_readable_file_is_private(filled, tmp_path):
    path = tmp_path / "copy.db"
    path.write_text("an old file anyone could read")
    path.chmod(0o644)
    backup_ledger(path)
    assert _mode(path) == 0o600
    assert path.read_bytes().startswith(b"SQLite format 3\x00")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy.db", "ledger"]


def test_a_backup_leaves_out_a_save_another_window_has_not_finished(filled, tmp_path):
    other_window = sqlite3.connect(filled, isolation_level=None)
    try:
        other_window.execute("BEGIN IMMEDIATE")
        other_window.execute(
            "INSERT INTO vendor (name, created_at, updated_at)"
            " VALUES ('half-saved', '2026-11-20 00:00:00', '2026-11-20 00:00:00')"
        )
        copy = backup_ledger(tmp_path / "copy.db")
        other_window.execute("COMMIT")
    finally:
        other_window.close()
    assert [v.name for v in vendors.list_vendors()] == ["half-saved", "NTT東日本"]
    open_ledger(copy)
    assert [v.name for v in vendors.list_vendors()] == ["NTT東日本"]


def test_a_backup_cannot_replace_the_ledger_it_copies(filled):
    before = filled.read_bytes()
    with pytest.raises(InputError, match="is the open ledger: it cannot be written over"):
        backup_ledger(filled)
    assert filled.read_bytes() == before


def test_pruning_keeps_the_newest_automatic_backups_and_nothing_else(tmp_path):
    names = [f"daicho-2026112{day}-0{day}0000.db" for day in range(1, 6)]
    others = [
        "daicho-before-upgrade.db",
        "daicho-20261101-000000.db.bak",
        "mine.db",
        "shop-20261101-000000.db",
        "daicho-shop-20261101-000000.db",
    ]
    for name in names + others:
        (tmp_path / name).write_bytes(b"")

    deleted = prune_backups(tmp_path, tmp_path / "daicho.db", keep=2)

    assert deleted == [tmp_path / name for name in names[:3]]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(names[3:] + others)


def test_pruning_with_nothing_to_prune_deletes_nothing(tmp_path):
    ledger = tmp_path / "daicho.db"
    assert prune_backups(tmp_path / "no-backups-yet", ledger, keep=3) == []
    (tmp_path / "daicho-20261120-090000.db").write_bytes(b"")
    assert prune_backups(tmp_path, ledger, keep=3) == []
    assert prune_backups(tmp_path, ledger, keep=0) == [tmp_path / "daicho-20261120-090000.db"]


def test_the_daily_backup_is_taken_once_a_day_and_old_ones_pruned(filled):
    backups = filled.parent / "backups"
    backups.mkdir(mode=0o700)
    for day in ("20261101", "20261102", "20261103"):
        (backups / f"daicho-{day}-090000.db").write_bytes(b"")
    taken = daily_backup(keep=2)
    assert taken is not None and taken.parent == backups
    assert daily_backup(keep=2) is None
    assert automatic_backups(backups, filled) == [backups / "daicho-20261103-090000.db", taken]


@pytest.fixture
def one_second():
    """Every backup taken in the test is taken in the same second."""
    clock.freeze_now(datetime(2026, 11, 20, 0, 30, 0))
    yield
    clock.freeze_now(None)


def test_two_backups_in_one_second_are_two_files(filled, one_second):
    first = backup_ledger()
    vendors.create_vendor("KDDI")
    second = backup_ledger()
    assert first != second
    assert automatic_backups(first.parent, filled) == [first, second]
    open_ledger(first)
    assert [v.name for v in vendors.list_vendors()] == ["NTT東日本"]
    open_ledger(second)
    assert len(vendors.list_vendors()) == 2


def test_two_restores_in_one_second_keep_both_replaced_ledgers(filled, tmp_path, one_second):
    older = backup_ledger(tmp_path / "older.db")
    original = export_ledger("toml")
    vendors.create_vendor("KDDI")
    with_kddi = export_ledger("toml")
    close_ledger()

    kept = [restore_ledger(older, filled), restore_ledger(older, filled)]

    assert kept[0] != kept[1]
    open_ledger(kept[0])
    assert export_ledger("toml") == with_kddi
    open_ledger(kept[1])
    assert export_ledger("toml") == original


def test_ledgers_in_one_folder_each_get_their_own_daily_backup_and_pruning(tmp_path):
    folder = tmp_path / "shared"
    (folder / "backups").mkdir(parents=True)
    older = folder / "backups" / "shop-20261101-090000.db"
    older.write_bytes(b"")
    taken = {}
    for name in ("shop", "office"):
        open_ledger(folder / f"{name}.db")
        try:
            vendors.create_vendor(f"{name} vendor")
            taken[name] = daily_backup(keep=1)
        finally:
            close_ledger()

    assert taken["office"] is not None and taken["office"].name.startswith("office-")
    assert taken["shop"] is not None and taken["shop"].name.startswith("shop-")
    assert sorted(p.name for p in (folder / "backups").iterdir()) == sorted(
        [taken["office"].name, taken["shop"].name]
    )
    for name, backup in taken.items():
        open_ledger(backup)
        try:
            assert [v.name for v in vendors.list_vendors()] == [f"{name} vendor"]
        finally:
            close_ledger()


def test_a_shared_ledgers_daily_backup_is_its_export_named_for_the_database(tmp_path):
    """On PostgreSQL each person's computer keeps the daily backups, in the user data
    directory, named for the database and its server (never the password), pruned alike."""
    with fresh_database() as url:
        backups = tmp_path / "data" / "daicho" / "backups"
        prefix = url.rsplit("/", 1)[1] + "@127.0.0.1_5432-"
        backups.mkdir(parents=True, mode=0o700)
        for day in ("20261101", "20261102", "20261103"):
            (backups / f"{prefix}{day}-090000.toml").write_text("")
        unrelated = backups / "daicho-20261101-090000.db"
        unrelated.write_bytes(b"")
        open_ledger(url.replace("postgres@", "postgres:pw-not-in-names@"))
        try:
            vendors.create_vendor("NTT東日本", category="telecom")
            taken = daily_backup(keep=2)
            assert taken is not None and taken.parent == backups
            assert taken.name.startswith(prefix) and taken.suffix == ".toml"
            assert taken.read_text("utf-8") == export_ledger("toml")
            assert _mode(taken) == 0o600
            assert daily_backup(keep=2) is None
            assert automatic_backups(backups, url) == [
                backups / f"{prefix}20261103-090000.toml",
                taken,
            ]
            assert unrelated.exists()
        finally:
            close_ledger()
