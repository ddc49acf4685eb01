"""The benchmark still runs (at the demo size: timings belong to bench/, not to tests)."""

import json
import subprocess
import sys
from pathlib import Path

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
    "rss_mb",
    "size",
}


def test_the_benchmark_runs_and_reports_every_measure(tmp_path):
    result = subprocess.run(
        [sys.executable, BENCH, "--size", "demo", "--runs", "1", "--json"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.splitlines()[-1])
    assert set(report) >= KEYS
    assert report["size"] == "demo"
    assert all(report[key] > 0 for key in KEYS - {"size"})
