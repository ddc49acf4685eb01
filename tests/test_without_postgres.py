"""Without the `daicho[postgres]` extra (no psycopg), file ledgers work as ever and a
shared ledger's URL is refused in one line that says what to install."""

import subprocess
import sys

# psycopg made unimportable, as on an install without the extra.
_WITHOUT = "import sys; sys.modules['psycopg'] = None; from daicho.cli import main; "


def _daicho(tmp_path, *args: str) -> subprocess.CompletedProcess:
    env = {"DAICHO_CONFIG": str(tmp_path / "config.toml"), "HOME": str(tmp_path), "PATH": ""}
    return subprocess.run(
        [sys.executable, "-c", _WITHOUT + f"sys.exit(main({list(args)!r}))"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_a_file_ledger_needs_no_driver(tmp_path):
    ledger = str(tmp_path / "daicho.db")
    assert _daicho(tmp_path, "--db", ledger, "seed").returncode == 0
    found = _daicho(tmp_path, "--db", ledger, "search", "quote", "--limit", "1")
    assert found.returncode == 0, found.stderr
    assert found.stdout.strip()


def test_a_shared_ledger_without_the_driver_says_what_to_install(tmp_path):
    refused = _daicho(tmp_path, "--db", "postgresql://aoki:s3cret@127.0.0.1/daicho", "export")
    assert refused.returncode == 2
    (line,) = refused.stderr.splitlines()
    assert "pip install 'daicho[postgres]'" in line
    assert "s3cret" not in line
