"""The benchmark still runs, on both engines (at the demo size: timings belong to bench/, not
to tests), and reports every measure: the day's list, the vendors' answer times and the
start-up on Today among them."""

import json
import os
import subprocess
import sys
from importlib.util import find_spec
from pathlib import Path

import pytest
from postgres import SERVER, require_server

import daicho

BENCH = Path(daicho.__file__).parent / "bench" / "run.py"
KEYS = {
    "startup_bare_s",
    "startup_empty_s",
    "startup_large_s",
    "startup_ratio",
    "search_p95_ms",
    "search_2char_p95_ms",
    "filter_p95_ms",
    "scroll_p95_ms",
    "save_p95_ms",
    "contracts",
    "catch_up_idle_median_ms",
    "catch_up_due_median_ms",
    "today_p95_ms",
    "today_items",
    "answer_times_p95_ms",
    "answer_times_vendors",
    "rss_mb",
    "clients_saves",
    "clients_save_p95_ms",
    "clients_searches",
    "size",
    "engine",
}


@pytest.mark.both_engines
def test_the_benchmark_runs_and_reports_every_measure(tmp_path, engine):
    if engine == "postgres":
        require_server()
    sizes = ["--size", "demo", "--runs", "1", "--clients-for", "2"]
    result = subprocess.run(
        [sys.executable, BENCH, "--engine", engine, *sizes, "--json"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=os.environ | {"DAICHO_BENCH_POSTGRES": SERVER},
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.splitlines()[-1])
    assert set(report) >= KEYS
    assert (report["size"], report["engine"]) == ("demo", engine)
    assert report["clients_errors"] == 0, report["clients_error_kinds"]
    assert all(report[key] > 0 for key in KEYS - {"size", "engine"})
    if find_spec("daicho.screens.today_screen"):  # the app can open on Today (DESIGN §12)
        assert report["startup_today_s"] > 0 and report["startup_today_ratio"] > 0
    else:
        assert (report["startup_today_s"], report["startup_today_ratio"]) == (None, None)
    if find_spec("daicho.screens.contracts_screen"):  # Contracts opens (DESIGN §13)
        assert report["contracts_screen_median_ms"] > 0
    else:
        assert report["contracts_screen_median_ms"] is None
