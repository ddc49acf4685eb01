"""The `daicho` command as a user runs it: exit codes, one-line errors, files in and out."""

import json
import os
import resource
import sqlite3
import stat
import subprocess
import sys
from datetime import UTC, datetime

import pytest
import tomli_w

from daicho.data import calls, vendors
from daicho.data.ledger import close_ledger, open_ledger
from daicho.data.migrations import LATEST_VERSION
from daicho.data.transfer.source import MAX_FIELD_CHARS, MAX_FILE_BYTES


@pytest.fixture
def home(tmp_path):
    """A private home: config and default ledger live under tmp_path."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DAICHO_")}
    env.update(
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "share"),
        LANG="C.UTF-8",
        LC_ALL="C.UTF-8",
    )
    return env


def daicho(env, *args, input=None, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "daicho.cli", *map(str, args)],
        env=env,
        capture_output=True,
        text=True,
        input=input,
        timeout=120,
        cwd=cwd,
    )


def _one_line_error(result, code=2):
    assert result.returncode == code, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("daicho: "), result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


def test_export_of_a_missing_default_ledger_creates_none(home, tmp_path):
    line = _one_line_error(daicho(home, "export"))
    assert line.startswith("daicho: No ledger at ") and line.endswith("daicho.db")
    assert not (tmp_path / "share").exists()


def test_db_option_before_or_after_the_command_and_from_the_environment(home, tmp_path):
    for name in ("a", "b", "c"):
        open_ledger(tmp_path / f"{name}.db")
        vendors.create_vendor(f"Vendor {name}")
        close_ledger()
    for name, args in (
        ("a", ["--db", tmp_path / "a.db", "export"]),
        ("b", ["export", "--db", tmp_path / "b.db"]),
    ):
        assert f"Vendor {name}" in daicho(home, *args).stdout
    assert "Vendor c" in daicho({**home, "DAICHO_DB": str(tmp_path / "c.db")}, "export").stdout


def test_a_file_that_is_not_a_ledger_is_exit_2_and_untouched(home, tmp_path):
    path = tmp_path / "report.xlsx"
    path.write_bytes(b"PK\x03\x04 not a ledger")
    line = _one_line_error(daicho(home, "--db", path, "export"))
    assert "not a Daicho ledger" in line
    assert path.read_bytes() == b"PK\x03\x04 not a ledger"


def test_a_broken_config_stops_before_the_app_with_file_and_line(home, tmp_path):
    config = tmp_path / "config" / "daicho" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text('language = "ja"\nsoon_days = = 3\n')
    line = _one_line_error(daicho(home, "--db", tmp_path / "x.db"))
    assert str(config) in line and "line 2" in line
    assert not (tmp_path / "x.db").exists()


ARGPARSE_ENGLISH = (
    "usage:",
    "positional arguments",
    "options:",
    "show this help message",
    "error:",
    "the following arguments are required",
    "invalid choice",
)


def _in_japanese(home, tmp_path):
    config = tmp_path / "config" / "daicho" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text('language = "ja"\n')
    return home


def test_help_in_japanese_has_no_argparse_english(home, tmp_path):
    env = _in_japanese(home, tmp_path)
    for args in (["--help"], ["export", "--help"], ["search", "-h"]):
        result = daicho(env, *args)
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith("使い方: daicho")
        assert "オプション" in result.stdout
        assert not any(english in result.stdout for english in ARGPARSE_ENGLISH), result.stdout


def test_argument_errors_in_japanese_have_no_argparse_english(home, tmp_path):
    env = _in_japanese(home, tmp_path)
    for args in (["search"], ["export", "--format", "xml"], ["search", "--limit", "x", "y"]):
        result = daicho(env, *args)
        assert result.returncode == 2
        assert "エラー" in result.stderr
        assert not any(english in result.stderr for english in ARGPARSE_ENGLISH), result.stderr


def test_help_still_works_with_a_broken_config(home, tmp_path):
    config = tmp_path / "config" / "daicho" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text("language = = \n")
    result = daicho(home, "--help")
    assert result.returncode == 0 and "usage: daicho" in result.stdout


def test_seed_needs_an_explicit_ledger(home):
    assert "--db" in _one_line_error(daicho(home, "seed"))


def test_seed_export_and_import_round_trip(home, tmp_path):
    source, copy = tmp_path / "demo.db", tmp_path / "copy.db"
    assert daicho(home, "seed", "--db", source).returncode == 0
    assert "already" in _one_line_error(daicho(home, "seed", "--db", source))
    export = tmp_path / "out.toml"
    assert daicho(home, "--db", source, "export", "-o", export).returncode == 0
    assert stat.S_IMODE(export.stat().st_mode) == 0o600
    assert daicho(home, "--db", copy, "import", export).returncode == 0
    again = daicho(home, "--db", copy, "export")
    assert again.stdout == export.read_text(encoding="utf-8")
    as_json = json.loads(daicho(home, "--db", copy, "export", "--format", "json").stdout)
    assert len(as_json["vendors"]) >= 20


def test_csv_needs_an_output_directory(home, tmp_path, ledger):
    _one_line_error(daicho(home, "--db", ledger, "export", "--format", "csv"))
    out = tmp_path / "csv"
    assert daicho(home, "--db", ledger, "export", "--format", "csv", "-o", out).returncode == 0
    assert all(p.read_bytes().startswith(b"\xef\xbb\xbf") for p in out.glob("*.csv"))


def test_export_to_a_dash_goes_to_standard_output(home, tmp_path):
    ledger = tmp_path / "a.db"
    assert daicho(home, "--db", ledger, "seed").returncode == 0
    for format, marker in (("toml", 'format = "daicho"'), ("json", '"format": "daicho"')):
        result = daicho(home, "--db", ledger, "export", "--format", format, "-o", "-", cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        assert marker in result.stdout
        assert result.stdout == daicho(home, "--db", ledger, "export", "--format", format).stdout
    assert not (tmp_path / "-").exists()


def test_a_csv_export_to_standard_output_is_refused(home, tmp_path, ledger):
    args = ("--db", ledger, "export", "--format", "csv", "-o", "-")
    result = daicho(home, *args, cwd=tmp_path)
    assert "standard output" in _one_line_error(result)
    assert result.stdout == ""
    assert not (tmp_path / "-").exists()


def test_a_backup_to_a_dash_streams_the_ledger_into_a_pipe(home, tmp_path):
    ledger, copy = tmp_path / "a.db", tmp_path / "copy.db"
    assert daicho(home, "--db", ledger, "seed").returncode == 0
    result = subprocess.run(
        [sys.executable, "-m", "daicho.cli", "--db", str(ledger), "backup", "-o", "-"],
        env=home,
        capture_output=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    copy.write_bytes(result.stdout)
    assert not (tmp_path / "-").exists()
    assert (
        daicho(home, "--db", copy, "export").stdout == daicho(home, "--db", ledger, "export").stdout
    )


def test_a_backup_to_a_dash_on_a_terminal_is_refused(home, tmp_path, ledger):
    leader, terminal = os.openpty()
    try:
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "daicho.cli",
                "--db",
                str(ledger),
                "backup",
                "-o",
                "-",
            ],
            env=home,
            stdout=terminal,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
            cwd=tmp_path,
        )
    finally:
        os.close(terminal)
        os.close(leader)
    assert "redirect" in _one_line_error(result)
    assert not (tmp_path / "-").exists()


def test_importing_a_bad_file_is_exit_2(home, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("this is [not toml\n")
    _one_line_error(daicho(home, "--db", tmp_path / "a.db", "import", bad))
    _one_line_error(daicho(home, "--db", tmp_path / "a.db", "import", tmp_path / "missing.toml"))


def test_a_second_import_adds_nothing_a_changed_row_is_refused_and_as_new_copies(home, tmp_path):
    ledger, export = tmp_path / "a.db", tmp_path / "out.json"
    assert daicho(home, "--db", ledger, "seed").returncode == 0
    assert daicho(home, "--db", ledger, "export", "--format", "json", "-o", export).returncode == 0
    before = daicho(home, "--db", ledger, "export").stdout

    again = daicho(home, "--db", ledger, "import", export)
    assert again.returncode == 0, again.stderr
    assert "nothing new: all" in again.stderr and "rows are already in the ledger" in again.stderr
    assert daicho(home, "--db", ledger, "export").stdout == before

    document = json.loads(export.read_text(encoding="utf-8"))
    document["vendors"][2]["notes"] = "書き換えた"
    export.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    refused = _one_line_error(daicho(home, "--db", ledger, "import", export))
    assert refused.startswith("daicho: vendors id 3: the ledger has another row with this id")
    assert daicho(home, "--db", ledger, "export").stdout == before

    copied = daicho(home, "--db", ledger, "import", "--as-new", export)
    assert copied.returncode == 0, copied.stderr
    vendors_after = json.loads(daicho(home, "--db", ledger, "export", "--format", "json").stdout)
    assert len(vendors_after["vendors"]) == 2 * len(document["vendors"])


def test_backup_writes_a_private_copy(home, tmp_path, ledger):
    target = tmp_path / "copy.db"
    result = daicho(home, "--db", ledger, "backup", "-o", target)
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_an_unknown_option_is_exit_2(home):
    assert daicho(home, "--frobnicate").returncode == 2


def test_report_week_prints_the_weekly_report(home, ledger):
    vendor = vendors.create_vendor("ACME {vendor} [bold]")
    # now, in the subprocess's week
    calls.log_call(vendor_id=vendor.id, subject="today's call", decisions=["go {ahead}"])
    result = daicho(home, "--db", ledger, "report", "--week")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    lines = result.stdout.split("\n")
    assert lines[0].startswith("Weekly vendor report: ")
    assert "Calls: 1. Requests opened: 0, answered: 0, closed: 0." in lines
    decided = lines.index("Decided this week:")
    assert lines[decided + 1] == "ACME {vendor} [bold]:"
    assert lines[decided + 2].startswith("- go {ahead} (") and "today's call" in lines[decided + 2]
    assert result.stdout.endswith("Best regards,\n")


def test_report_week_in_japanese_warns_of_a_bad_template_and_still_reports(home, tmp_path, ledger):
    config = tmp_path / "config" / "daicho" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text(
        'language = "ja"\n[templates]\nweekly_ja = "{vendor}"\nsignature = "情シス 佐藤"\n',
        encoding="utf-8",
    )
    result = daicho(home, "report", "--week", "--db", ledger)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("【週次報告】業者対応状況（")
    assert result.stdout.endswith("以上です。\n\n情シス 佐藤\n")
    line = _one_line_error(result, code=0)
    assert line.startswith("daicho: テンプレート weekly_ja: ") and "{vendor}" in line


def test_report_needs_week_and_touches_no_ledger(home, tmp_path):
    line = _one_line_error(daicho(home, "--db", tmp_path / "new.db", "report"))
    assert "--week" in line and "--contracts" in line
    assert not (tmp_path / "new.db").exists()


def test_restore_checks_the_file_asks_before_replacing_and_keeps_the_old_ledger(home, tmp_path):
    ledger, copy = tmp_path / "l" / "daicho.db", tmp_path / "copy.db"
    assert daicho(home, "seed", "--db", ledger).returncode == 0
    assert daicho(home, "--db", ledger, "backup", "-o", copy).returncode == 0
    exported = daicho(home, "--db", ledger, "export").stdout

    not_a_ledger = tmp_path / "notes.txt"
    not_a_ledger.write_text("hello")
    before = ledger.read_bytes()
    assert "not a Daicho ledger" in _one_line_error(
        daicho(home, "--db", ledger, "restore", not_a_ledger)
    )
    assert "--yes" in _one_line_error(daicho(home, "--db", ledger, "restore", copy))
    assert ledger.read_bytes() == before

    restored = daicho(home, "--db", ledger, "restore", copy, "--yes")
    assert restored.returncode == 0, restored.stderr
    assert daicho(home, "--db", ledger, "export").stdout == exported
    kept = list((ledger.parent / "backups").glob("daicho-*.db"))
    assert len(kept) == 1 and kept[0].stat().st_mode & 0o777 == 0o600


def test_restore_into_a_new_place_needs_no_confirmation(home, tmp_path):
    ledger, copy = tmp_path / "l" / "daicho.db", tmp_path / "copy.db"
    assert daicho(home, "seed", "--db", ledger).returncode == 0
    assert daicho(home, "--db", ledger, "backup", "-o", copy).returncode == 0
    fresh = tmp_path / "new" / "daicho.db"
    assert daicho(home, "--db", fresh, "restore", copy).returncode == 0
    exported = daicho(home, "--db", ledger, "export").stdout
    assert daicho(home, "--db", fresh, "export").stdout == exported


def test_building_the_search_index_after_an_upgrade_is_announced_once(home, tmp_path):
    path = tmp_path / "old.db"
    open_ledger(path)
    close_ledger()
    with sqlite3.connect(path) as connection:  # as an upgrade leaves it
        connection.execute("INSERT INTO search_pending (reason) VALUES ('upgrade')")
    connection.close()
    first = daicho(home, "--db", path, "search", "x")
    assert first.returncode == 0, first.stderr
    assert first.stderr.splitlines() == [
        "daicho: Building the search index (once; about a minute for a large ledger)…"
    ]
    assert "Building" not in daicho(home, "--db", path, "search", "x").stderr


_MEMORY_LIMIT = 1024 * 1024 * 1024  # an import of 12 MB took 1.6 GB before the field limit


def test_a_device_that_never_ends_is_refused_at_once(home, tmp_path):
    line = _one_line_error(daicho(home, "--db", tmp_path / "a.db", "import", "/dev/zero"))
    assert line == "daicho: Cannot read /dev/zero: it is not a regular file"


def test_a_fifo_is_refused_without_waiting_for_a_writer(home, tmp_path):
    fifo = tmp_path / "export.toml"
    os.mkfifo(fifo)
    line = _one_line_error(daicho(home, "--db", tmp_path / "a.db", "import", fifo))
    assert line.endswith("export.toml: it is not a regular file")


def test_a_file_over_the_limit_is_refused_before_it_is_read(home, tmp_path):
    sparse = tmp_path / "export.toml"
    with sparse.open("wb") as file:
        file.truncate(MAX_FILE_BYTES + 1)
    line = _one_line_error(daicho(home, "--db", tmp_path / "a.db", "import", sparse))
    assert line.endswith("export.toml: it is larger than 256 MB, the most an import reads")


def test_a_huge_field_is_refused_in_one_line_within_a_memory_limit(home, tmp_path):
    moment = datetime(2026, 12, 1, tzinfo=UTC)
    vendor = {"id": 1, "name": "大きな備考", "created_at": moment, "updated_at": moment}
    vendor["notes"] = "x" * (12 * MAX_FIELD_CHARS)
    export = tmp_path / "export.toml"
    document = {"format": "daicho", "schema_version": LATEST_VERSION, "vendors": [vendor]}
    export.write_text(tomli_w.dumps(document), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "daicho.cli", "--db", tmp_path / "a.db", "import", export],
        env=home,
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (_MEMORY_LIMIT,) * 2),
    )
    assert _one_line_error(result) == (
        "daicho: vendors id 1: notes is longer than 1,048,576 characters, the most a field may hold"
    )
