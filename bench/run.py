"""Daicho's benchmark (DESIGN §9): `python bench/run.py [--size large [huge]] [--json] [--runs N]`.

Builds the ledger of each size once (cached in bench/.cache/), runs every measurement
several times and prints medians and p95 against the budgets (and the queue changes' p99
and max: their tail), with the baselines measured in the same run so that ratios hold on a
noisy machine. Two sizes are measured in turns, with the ratio of the last to the first."""

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
from collections import defaultdict
from pathlib import Path

# bench/ is not a package: run as a script, its folder is on sys.path.
import measure
from common import ledger_of, percentile
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
    print(_peak_rss_kb() / 1024)


def _peak_rss_kb() -> float:
    """This process's own peak RSS. Linux's `ru_maxrss` keeps the peak of the process that
    started it (the benchmark, hundreds of MB once the huge ledger was seeded) across exec;
    `VmHWM` belongs to the program now running."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return float(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


FILTER_KEYS = "dddsssppp"  # each filter through its values, twice a round
SORT_KEYS = "o"  # due, priority, vendor, newest, and round again


def run(sizes: list[str], runs: int) -> list[dict]:
    """Every measurement, for each size; seconds turned into the units the budgets use.

    Start-ups and queue changes take turns between the sizes round by round, so that two
    sizes can be compared in one run on a noisy machine.
    """
    empty_dir = Path(tempfile.mkdtemp(prefix="daicho-bench-"))
    try:
        empty = empty_dir / "empty.db"
        open_ledger(empty)
        close_ledger()
        ledgers = {size: ledger_of(size) for size in sizes}
        bare, blank = [], []
        times: dict[str, dict[str, list[float]]] = {size: defaultdict(list) for size in sizes}
        for round_ in range(runs + 1):  # interleaved: a noisy moment hits them all alike
            timings = [
                _fresh(measure.startup_bare()),
                _fresh(measure.startup(empty, expect_rows=False)),
                *(_fresh(measure.startup(ledgers[s], expect_rows=True)) for s in sizes),
            ]
            if round_:  # the first round warms imports and caches for all alike
                bare.append(timings[0])
                blank.append(timings[1])
                for size, seconds in zip(sizes, timings[2:], strict=True):
                    times[size]["startup"].append(seconds)
        for round_ in range(runs):
            for size in sizes if round_ % 2 else reversed(sizes):  # neither always first
                ledger, taken = ledgers[size], times[size]
                keys = 2 * len(FILTER_KEYS)
                taken["filter"] += _fresh(measure.queue_changes(ledger, FILTER_KEYS, keys))
                taken["sort"] += _fresh(measure.queue_changes(ledger, SORT_KEYS, 12))
                taken["scroll"] += _fresh(measure.queue_scroll(ledger, 3))
        return [_report(size, runs, times[size], bare, blank, empty_dir) for size in sizes]
    finally:
        shutil.rmtree(empty_dir, ignore_errors=True)


def _report(size, runs, times, bare, blank, scratch: Path) -> dict:
    """The figures of one size: its queue and start-up times, then its saves and searches."""
    copy = scratch / f"copy-{size}.db"
    open_ledger(ledger_of(size))
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
    copy.unlink()
    median_bare = statistics.median(bare)
    return {
        "size": size,
        "runs": runs,
        "startup_bare_s": round(median_bare, 3),
        "startup_empty_s": round(statistics.median(blank), 3),
        "startup_large_s": round(statistics.median(times["startup"]), 3),
        "startup_ratio": round(statistics.median(times["startup"]) / median_bare, 2),
        **_spread("filter", times["filter"]),
        **_spread("sort", times["sort"]),
        "scroll_median_ms": _ms(statistics.median(times["scroll"])),
        "scroll_p95_ms": _ms(percentile(times["scroll"], 95)),
        "search_median_ms": _ms(statistics.median(_all(searches))),
        "search_p95_ms": _ms(percentile(_all(searches), 95)),
        "search_2char_p95_ms": _ms(
            percentile([t for query in TWO_CHARACTER for t in searches[query]], 95)
        ),
        "full_scan_median_ms": _ms(statistics.median(scans)),
        "save_median_ms": _ms(statistics.median(saves)),
        "save_p95_ms": _ms(percentile(saves, 95)),
        "rss_mb": round(peak_rss_mb(ledger_of(size)), 1),
        "machine": f"{platform.machine()} {platform.python_implementation()} "
        f"{platform.python_version()}",
    }


def _spread(name: str, times: list[float]) -> dict[str, float]:
    """A queue change's median, p95, p99 and max: the tail, not only the middle."""
    return {
        f"{name}_median_ms": _ms(statistics.median(times)),
        f"{name}_p95_ms": _ms(percentile(times, 95)),
        f"{name}_p99_ms": _ms(percentile(times, 99)),
        f"{name}_max_ms": _ms(max(times)),
    }


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def _fresh(measurement):
    """Run one measurement after a full garbage collection, so that no run pays for
    another's."""
    gc.collect()
    return asyncio.run(measurement)


def _all(times: dict[str, list[float]]) -> list[float]:
    return [seconds for per_query in times.values() for seconds in per_query]


BUDGETS = [
    ("start-up, ledger / bare", "startup_ratio", "≤ 1.3 ×"),
    ("queue filter change, median", "filter_median_ms", "—"),
    ("queue filter change, p95", "filter_p95_ms", "≤ 50 ms"),
    ("queue filter change, p99", "filter_p99_ms", "—"),
    ("queue filter change, max", "filter_max_ms", "—"),
    ("queue sort change, median", "sort_median_ms", "—"),
    ("queue sort change, p95", "sort_p95_ms", "≤ 50 ms"),
    ("queue sort change, p99", "sort_p99_ms", "—"),
    ("queue sort change, max", "sort_max_ms", "—"),
    ("scroll a page, p95", "scroll_p95_ms", "—"),
    ("search top 50, p95", "search_p95_ms", "≤ 30 ms"),
    ("search 2-char Japanese, p95", "search_2char_p95_ms", "≤ 30 ms"),
    ("full scan (baseline), median", "full_scan_median_ms", "—"),
    ("save a call + follow-up, p95", "save_p95_ms", "≤ 15 ms"),
    ("peak RSS (MB)", "rss_mb", "≤ 150 MB"),
]


def table(results: list[dict]) -> str:
    """The figures of each size side by side; with two or more sizes, the last over the
    first (DESIGN §9: at ten times the data, every figure within 2× of the large one)."""
    first, last = results[0], results[-1]
    heads = [result["size"] for result in results]
    if len(results) > 1:
        heads.append(f"{last['size']}/{first['size']}")
    lines = [f"{first['runs']} runs, {first['machine']}"]
    lines += [
        f"start-up (median) on {r['size']}: bare {r['startup_bare_s']} s, "
        f"empty {r['startup_empty_s']} s, ledger {r['startup_large_s']} s"
        for r in results
    ]
    lines += [
        "",
        f"| {'measure':<30} | " + " | ".join(f"{head:>10}" for head in heads) + " | budget |",
        f"|{'-' * 32}|" + "|".join("-" * 12 for _ in heads) + "|--------|",
    ]
    for name, key, budget in BUDGETS:
        figures = [result[key] for result in results]
        if len(results) > 1:
            figures.append(f"{last[key] / first[key]:.2f} ×" if first[key] else "—")
        cells = " | ".join(f"{figure:>10}" for figure in figures)
        lines.append(f"| {name:<30} | {cells} | {budget} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--size",
        choices=list(SIZES),
        nargs="+",
        default=["large"],
        help="one size, or several measured in turns in one run (large huge)",
    )
    parser.add_argument("--runs", type=int, default=5, help="rounds of every measurement")
    parser.add_argument("--json", action="store_true", help="one JSON object a size on stdout")
    parser.add_argument("--rss-probe", type=Path, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.rss_probe:
        rss_probe(arguments.rss_probe)
        return 0
    results = run(arguments.size, arguments.runs)
    if arguments.json:
        print("\n".join(json.dumps(result, ensure_ascii=False) for result in results))
    else:
        print(table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
