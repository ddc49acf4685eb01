"""The `daicho` command on a shared ledger in PostgreSQL (DESIGN §17): every subcommand,
the ways to name the ledger, and a server that cannot be used, in one line, exit 2."""

import stat

import psycopg
import pytest
import test_cli
from postgres import fresh_database
from terminal import start_daicho
from test_cli import _one_line_error, daicho

from daicho.data import vendors
from daicho.data.ledger import close_ledger, open_ledger
from daicho.data.transfer.export import export_ledger

home = test_cli.home  # the fixture: a private config and data directory


@pytest.fixture
def shared(home, tmp_path):
    """A fresh database holding the demo ledger, seeded through the command line."""
    with fresh_database() as url:
        seeded = daicho(home, "seed", "--db", url)
        assert seeded.returncode == 0, seeded.stderr
        yield url


def _ok(result):
    assert result.returncode == 0, result.stderr
    return result


def _vendor_names(url) -> list[str]:
    with psycopg.connect(url) as connection:
        return [row[0] for row in connection.execute("SELECT name FROM vendor ORDER BY id")]


def test_the_ledger_is_named_by_db_then_daicho_db_then_the_config(home, tmp_path, shared):
    config = tmp_path / "config" / "daicho" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text(f'[ledger]\nurl = "{shared}"\n', encoding="utf-8")
    from_config = _ok(daicho(home, "export")).stdout
    assert from_config.count("[[vendors]]") == 25
    assert _ok(daicho(home, "--db", shared, "export")).stdout == from_config

    other = tmp_path / "other.db"
    _ok(daicho(home, "--db", other, "import", _write(tmp_path, "one.toml", _ONE_VENDOR)))
    with_environment = daicho({**home, "DAICHO_DB": str(other)}, "export").stdout
    assert with_environment.count("[[vendors]]") == 1
    with_both = daicho({**home, "DAICHO_DB": str(other)}, "--db", shared, "export").stdout
    assert with_both == from_config
    config.write_text(f'[ledger]\nurl = "{shared}/nothing"\n', encoding="utf-8")
    assert daicho({**home, "DAICHO_DB": shared}, "export").stdout == from_config


def test_a_config_url_that_is_not_postgresql_is_refused_with_its_line(home, tmp_path):
    config = tmp_path / "config" / "daicho" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text('[ledger]\nurl = "/srv/daicho.db"\n', encoding="utf-8")
    line = _one_line_error(daicho(home, "export"))
    assert line.endswith("line 2: ledger.url must be a postgresql:// URL")


_ONE_VENDOR = """format = "daicho"
schema_version = 10
[[vendors]]
id = 1
name = "Acme"
created_at = 2026-11-20T09:00:00Z
updated_at = 2026-11-20T09:00:00Z
"""


def _write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_export_import_search_reindex_and_report_work_on_postgresql(home, tmp_path, shared):
    exported = tmp_path / "out.toml"
    _ok(daicho(home, "--db", shared, "export", "-o", exported))
    assert stat.S_IMODE(exported.stat().st_mode) == 0o600
    json_export = _ok(daicho(home, "--db", shared, "export", "--format", "json")).stdout
    assert json_export.startswith('{\n  "format": "daicho"')
    again = _ok(daicho(home, "--db", shared, "import", exported))
    assert "already in the ledger" in again.stderr

    with fresh_database() as empty:
        _ok(daicho(home, "--db", empty, "import", exported))
        assert _ok(daicho(home, "--db", empty, "export")).stdout == exported.read_text("utf-8")
        acme = _write(tmp_path, "acme.toml", _ONE_VENDOR)
        _ok(daicho(home, "--db", empty, "import", "--as-new", acme))
        assert _vendor_names(empty)[-1] == "Acme" and len(_vendor_names(empty)) == 26

    name = _vendor_names(shared)[0]
    found = _ok(daicho(home, "--db", shared, "search", name, "--json")).stdout
    rebuilt = _ok(daicho(home, "--db", shared, "reindex"))
    assert rebuilt.stderr.startswith("Search index rebuilt: ")
    assert _ok(daicho(home, "--db", shared, "search", name, "--json")).stdout == found
    assert name in found
    report = _ok(daicho(home, "--db", shared, "report", "--week")).stdout
    assert report.startswith("Weekly vendor report")


def test_a_reading_command_on_a_database_without_a_ledger_creates_none(home):
    with fresh_database() as url:
        for args in (("export",), ("search", "x"), ("backup",), ("report", "--week")):
            line = _one_line_error(daicho(home, "--db", url, *args))
            assert line == f"daicho: No ledger at {url}"
        with psycopg.connect(url) as connection:
            tables = "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
            assert connection.execute(tables).fetchone()[0] == 0


@pytest.mark.parametrize(
    "url, reason",
    [
        ("postgresql://daicho:pw-down-9@127.0.0.1:1/ledger", "Connection refused"),
        ("postgresql://nobody_here:pw-role-9@127.0.0.1/test", 'role "nobody_here" does not exist'),
        ("postgresql://postgres:pw-db-9@127.0.0.1/no_such_ledger", "does not exist"),
    ],
    ids=["server down", "unknown user", "no such database"],
)
def test_a_server_that_cannot_be_used_is_one_line_without_the_password(home, url, reason):
    for args in ((), ("export",), ("import", "x.toml"), ("reindex",), ("seed",), ("backup",)):
        result = daicho(home, "--db", url, *args)
        line = _one_line_error(result)
        assert line.startswith("daicho: Cannot reach the ledger postgresql://") and reason in line
        assert ":***@" in line
        assert url.split(":")[2].split("@")[0] not in result.stderr + result.stdout


def test_a_backup_on_postgresql_is_a_pg_dump_and_says_so(home, tmp_path, shared):
    result = _ok(daicho(home, "--db", shared, "backup"))
    assert "pg_dump" in result.stderr
    taken = tmp_path / "share" / "daicho" / "backups"
    (dump,) = taken.iterdir()
    assert result.stdout.strip() == str(dump)
    database = shared.rsplit("/", 1)[1]
    assert dump.name.startswith(f"{database}@127.0.0.1_5432-") and dump.suffix == ".dump"
    assert dump.read_bytes().startswith(b"PGDMP")
    assert stat.S_IMODE(dump.stat().st_mode) == 0o600


def test_without_pg_dump_a_backup_on_postgresql_is_its_export_and_says_so(home, tmp_path, shared):
    no_tools = tmp_path / "bin"
    no_tools.mkdir()
    env = {**home, "PATH": str(no_tools)}
    copy = tmp_path / "copy.toml"
    result = _ok(daicho(env, "--db", shared, "backup", "-o", copy))
    assert "TOML export (no pg_dump on PATH" in result.stderr
    assert copy.read_text("utf-8") == _ok(daicho(home, "--db", shared, "export")).stdout
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    streamed = _ok(daicho(env, "--db", shared, "backup", "-o", "-")).stdout
    assert streamed == copy.read_text("utf-8")


def test_restore_on_postgresql_is_refused_with_the_way_to_do_it(home, tmp_path, shared):
    backup = tmp_path / "b.toml"
    _ok(daicho(home, "--db", shared, "export", "-o", backup))
    line = _one_line_error(daicho(home, "--db", shared, "restore", backup, "--yes"))
    assert "a shared ledger is restored into an empty database" in line
    assert "daicho --db URL import" in line


def test_the_app_on_a_shared_ledger_takes_the_daily_backup_beside_it(tmp_path):
    """The export takes seconds on a large ledger: it is taken while the app runs, and the
    app waits for it at exit."""
    with fresh_database() as url:
        open_ledger(url)
        vendors.create_vendor("NTT東日本")
        exported = export_ledger("toml")
        close_ledger()
        terminal = start_daicho(url, tmp_path)
        terminal.child.sendcontrol("q")
        terminal.wait_for_exit()
        (taken,) = (tmp_path / "share" / "daicho" / "backups").iterdir()
        assert taken.suffix == ".toml" and taken.read_text("utf-8") == exported


def test_a_shared_ledgers_daily_backup_that_fails_is_said_when_the_app_ends(tmp_path):
    with fresh_database() as url:
        open_ledger(url)
        close_ledger()
        backups = tmp_path / "share" / "daicho" / "backups"
        backups.parent.mkdir(parents=True)
        backups.write_text("a file where the backups folder should be\n")
        terminal = start_daicho(url, tmp_path)
        terminal.child.sendcontrol("q")
        terminal.wait_for("No backup taken today")
        terminal.wait_for_exit()


def test_a_pg_dump_that_fails_is_one_line_and_leaves_no_file(home, tmp_path, shared):
    tools = tmp_path / "bin"
    tools.mkdir()
    fake = tools / "pg_dump"
    fake.write_text('#!/bin/sh\necho "pg_dump: error: server version mismatch" >&2\nexit 1\n')
    fake.chmod(0o755)
    out = tmp_path / "out"
    out.mkdir()
    line = _one_line_error(
        daicho({**home, "PATH": f"{tools}:/usr/bin:/bin"}, "--db", shared, "backup", "-o", out),
    )
    assert line == (
        "daicho: pg_dump failed: error: server version mismatch"
        " (daicho export -o FILE writes the TOML backup)"
    )
    assert list(out.iterdir()) == []
