"""Daicho's benchmark (DESIGN §9): `python bench/run.py [--size large] [--json] [--runs N]`.

Builds the ledger of the given size once (cached in bench/.cache/), runs every measurement
several times and prints medians and p95 against the budgets, with the baselines measured
in the same run so that ratios hold on a noisy machine.
"""

import argparse
import asyncio
import gc
import json
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

# bench/ is not a package: run as a script, its folder is on sys.path.
import measure
from common import ledger_of, p95
from search_bench import QUERIES, measure_search

from daicho.data.backup import backup_ledger
from daicho.data.ledger import close_ledger, open_ledger
from daicho.data.search.find import search
from daicho.data.seed.generate import SIZES

TWO_CHARACTER = [query for query in QUERIES if len(query) == 2 and not query.isascii()]


def peak_rss_mb(ledger: Path) -> float:
    """Peak RSS of a fresh process that opens the app on `ledger`, scrolls and filters."""
    probe = subprocess.run(
        [sys.executable, __file__, "--rss-probe", str(ledger)],
        capture_output=True,
        text=True,
        check=True,
    )
    return float(probe.stdout.strip())


def rss_probe(ledger: Path) -> None:
    open_ledger(ledger)
    try:
        search("回線", 50)
    finally:
        close_ledger()
    asyncio.run(measure.queue_scroll(ledger, 5))
    asyncio.run(measure.queue_changes(ledger, "dsp", 6))
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def run(size: str, runs: int) -> dict:
    """Every measurement; seconds turned into the units the budgets use."""
    empty_dir = Path(tempfile.mkdtemp(prefix="daicho-bench-"))
    try:
        empty = empty_dir / "empty.db"
        open_ledger(empty)
        close_ledger()
        large = ledger_of(size)
        bare, blank, full = [], [], []
        for round_ in range(runs + 1):  # interleaved: a noisy moment hits all three alike
            timings = [
                _fresh(measure.startup_bare()),
                _fresh(measure.startup(empty, expect_rows=False)),
                _fresh(measure.startup(large, expect_rows=True)),
            ]
            if round_:  # the first round warms imports and caches for all three alike
                for times, seconds in zip((bare, blank, full), timings, strict=True):
                    times.append(seconds)
        filters = asyncio.run(measure.queue_changes(large, "dddsssppp", runs * 3))
        sorts = asyncio.run(measure.queue_changes(large, "o", runs * 3))
        scroll = asyncio.run(measure.queue_scroll(large, runs * 3))
        copy = empty_dir / "copy.db"
        open_ledger(large)
        try:
            backup_ledger(copy)
        finally:
            close_ledger()
        saves = measure.save_call(copy, runs * 10)
        open_ledger(copy)
        try:
            searches = measure_search(QUERIES, runs * 4)
            scans = measure.full_scan(TWO_CHARACTER, runs)
        finally:
            close_ledger()
        rss = peak_rss_mb(large)
    finally:
        shutil.rmtree(empty_dir, ignore_errors=True)
    median_bare = statistics.median(bare)
    return {
        "size": size,
        "runs": runs,
        "startup_bare_s": round(median_bare, 3),
        "startup_empty_s": round(statistics.median(blank), 3),
        "startup_large_s": round(statistics.median(full), 3),
        "startup_ratio": round(statistics.median(full) / median_bare, 2),
        "filter_median_ms": round(statistics.median(filters) * 1000, 1),
        "filter_p95_ms": round(p95(filters) * 1000, 1),
        "sort_p95_ms": round(p95(sorts) * 1000, 1),
        "scroll_median_ms": round(statistics.median(scroll) * 1000, 1),
        "scroll_p95_ms": round(p95(scroll) * 1000, 1),
        "search_median_ms": round(statistics.median(_all(searches)) * 1000, 1),
        "search_p95_ms": round(p95(_all(searches)) * 1000, 1),
        "search_2char_p95_ms": round(
            p95([t for query in TWO_CHARACTER for t in searches[query]]) * 1000, 1
        ),
        "full_scan_median_ms": round(statistics.median(scans) * 1000, 1),
        "save_median_ms": round(statistics.median(saves) * 1000, 1),
        "save_p95_ms": round(p95(saves) * 1000, 1),
        "rss_mb": round(rss, 1),
        "machine": f"{platform.machine()} {platform.python_implementation()} "
        f"{platform.python_version()}",
    }


def _fresh(start_up) -> float:
    """Run one start-up after a full garbage collection, so that no run pays for another's."""
    gc.collect()
    return asyncio.run(start_up)


def _all(times: dict[str, list[float]]) -> list[float]:
    return [seconds for per_query in times.values() for seconds in per_query]


BUDGETS = [
    ("start-up, large / bare", "startup_ratio", "≤ 1.3 ×"),
    ("queue filter change, p95", "filter_p95_ms", "≤ 50 ms"),
    ("queue sort change, p95", "sort_p95_ms", "≤ 50 ms"),
    ("scroll a page, p95", "scroll_p95_ms", "—"),
    ("search top 50, p95", "search_p95_ms", "≤ 30 ms"),
    ("search 2-char Japanese, p95", "search_2char_p95_ms", "≤ 30 ms"),
    ("full scan (baseline), median", "full_scan_median_ms", "—"),
    ("save a call + follow-up, p95", "save_p95_ms", "≤ 15 ms"),
    ("peak RSS (MB)", "rss_mb", "≤ 150 MB"),
]


def table(result: dict) -> str:
    lines = [
        f"size {result['size']}, {result['runs']} runs, {result['machine']}",
        f"start-up (median): bare {result['startup_bare_s']} s, "
        f"empty {result['startup_empty_s']} s, large {result['startup_large_s']} s",
        "",
        f"| {'measure':<30} | {'result':>8} | budget |",
        f"|{'-' * 32}|{'-' * 10}|--------|",
    ]
    lines += [f"| {name:<30} | {result[key]:>8} | {budget} |" for name, key, budget in BUDGETS]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=list(SIZES), default="large")
    parser.add_argument("--runs", type=int, default=5, help="repetitions of each start-up")
    parser.add_argument("--json", action="store_true", help="one JSON object on stdout")
    parser.add_argument("--rss-probe", type=Path, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.rss_probe:
        rss_probe(arguments.rss_probe)
        return 0
    result = run(arguments.size, arguments.runs)
    print(json.dumps(result, ensure_ascii=False) if arguments.json else table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
