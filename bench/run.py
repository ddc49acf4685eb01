"""Daicho's benchmark (DESIGN §9): `python bench/run.py [--engine sqlite|postgres] [--size
large [huge]] [--json] [--runs N]`.

Builds the ledger of each size (SQLite: once, cached in bench/.cache/; PostgreSQL: afresh in
a database of its own on the server, dropped afterwards), runs every measurement several
times and prints medians and p95 against the budgets (and the queue changes' p99 and max:
their tail), with the baselines measured in the same run so that ratios hold on a noisy
machine. Two sizes are measured in turns, with the ratio of the last to the first. Last,
five client processes save calls at once while a sixth searches (DESIGN §9, §17)."""

import argparse
import asyncio
import gc
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections import defaultdict
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

# bench/ is not a package: run as a script, its folder is on sys.path.
import measure
from common import SERVER, ledger_of, percentile, postgres_ledger
from search_bench import QUERIES, TOP, measure_search

from daicho.data.backup import backup_ledger
from daicho.data.ledger import close_ledger, open_ledger
from daicho.data.search.find import search
from daicho.data.seed.generate import SIZES

TWO_CHARACTER = [query for query in QUERIES if len(query) == 2 and not query.isascii()]
CLIENTS = 5  # saving calls at once, beside one searching
# The clients save together, at the same moment, twice a second, and the sixth searches at
# those moments too: five people at one desk saving at once while another searches, over
# and over. (0: each goes again as soon as it is done, which on a 2-core machine measures
# the CPU's queue rather than how saves meet: the README gives both.)
TOGETHER_EVERY_S = 0.5


def peak_rss_mb(ledger: Path | str) -> float:
    """Peak RSS of a fresh process that opens the app on `ledger`, scrolls and filters."""
    probe = subprocess.run(
        [sys.executable, __file__, "--rss-probe", str(ledger)],
        capture_output=True,
        text=True,
        check=True,
    )
    return float(probe.stdout.strip())


def rss_probe(ledger: str) -> None:
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


def run(sizes: list[str], runs: int, engine: str, clients_for: float, together: float):
    """Every measurement, for each size; seconds turned into the units the budgets use.

    Start-ups and queue changes take turns between the sizes round by round, so that two
    sizes can be compared in one run on a noisy machine.
    """
    scratch = Path(tempfile.mkdtemp(prefix="daicho-bench-"))
    try:
        with ExitStack() as held:
            empty, ledgers = _ledgers(engine, sizes, scratch, held)
            load = os.getloadavg()[0]
            bare, blank = [], []
            times: dict[str, dict[str, list[float]]] = {s: defaultdict(list) for s in sizes}
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
            return [
                {
                    "engine": engine,
                    **_report(size, runs, times[size], bare, blank, ledgers[size], scratch),
                    **clients_at_once(ledgers[size], scratch, clients_for, together),
                    "load_start": round(load, 2),
                    "load_end": round(os.getloadavg()[0], 2),
                }
                for size in sizes
            ]
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _ledgers(engine: str, sizes: list[str], scratch: Path, held: ExitStack):
    """An empty ledger and one of each size on `engine`; PostgreSQL's databases are dropped
    when `held` closes."""
    if engine == "postgres":
        empty = held.enter_context(postgres_ledger(None, SERVER))
        return empty, {size: held.enter_context(postgres_ledger(size, SERVER)) for size in sizes}
    empty = scratch / "empty.db"
    open_ledger(empty)
    close_ledger()
    return empty, {size: ledger_of(size) for size in sizes}


def _report(size, runs, times, bare, blank, ledger: Path | str, scratch: Path) -> dict:
    """The figures of one size: its queue and start-up times, then its saves and searches."""
    with _writable(ledger, scratch) as copy:
        saves = measure.save_call(copy, runs * 10)
        open_ledger(copy)
        try:
            searches = measure_search(QUERIES, runs * 4)
            scans = measure.full_scan(TWO_CHARACTER, runs)
        finally:
            close_ledger()
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
        "rss_mb": round(peak_rss_mb(ledger), 1),
        "machine": f"{platform.machine()} {platform.python_implementation()} "
        f"{platform.python_version()}",
    }


@contextmanager
def _writable(ledger: Path | str, scratch: Path) -> Iterator[Path | str]:
    """A ledger the saves may write to: a copy of a cached SQLite file, removed afterwards;
    a PostgreSQL ledger itself (seeded for this run alone)."""
    if isinstance(ledger, str):
        yield ledger
        return
    copy = scratch / f"copy-{ledger.stem}.db"
    open_ledger(ledger)
    try:
        backup_ledger(copy)
    finally:
        close_ledger()
    try:
        yield copy
    finally:
        for written in scratch.glob(f"{copy.name}*"):  # with its -wal and -shm
            written.unlink()


def clients_at_once(ledger: Path | str, scratch: Path, seconds: float, together: float) -> dict:
    """CLIENTS processes saving calls together and one searching (every `together` s), for
    `seconds` (let go together once each has opened the ledger): the saves' median and p95,
    how many failed and why, and the searches done meanwhile."""
    with _writable(ledger, scratch) as copy:
        roles = [("writer", seed) for seed in range(CLIENTS)] + [("searcher", 0)]
        timing = f"{seconds}:{together}"  # how long, and how often together
        processes = [
            subprocess.Popen(
                [sys.executable, __file__, "--client", role, str(copy), timing, str(seed)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for role, seed in roles
        ]
        try:
            for process in processes:
                if process.stdout.readline().strip() != "ready":
                    raise RuntimeError(f"a client did not start: {process.communicate()[1]}")
            for process in processes:
                process.stdin.write("go\n")
                process.stdin.flush()
            reports = []
            for process in processes:
                out, err = process.communicate(timeout=seconds + 120)
                if process.returncode:
                    raise RuntimeError(f"a client failed: {err}")
                reports.append(json.loads(out))
        finally:
            for process in processes:
                if process.poll() is None:
                    process.kill()
    saves = [seconds for report in reports for seconds in report.get("saves", [])]
    errors = [error for report in reports for error in report.get("errors", [])]
    searches = [seconds for report in reports for seconds in report.get("searches", [])]
    return {
        "clients_saves": len(saves),
        "clients_save_median_ms": _ms(statistics.median(saves)),
        "clients_save_p95_ms": _ms(percentile(saves, 95)),
        "clients_errors": len(errors),
        "clients_error_kinds": sorted(set(errors))[:3],
        "clients_searches": len(searches),
        "clients_search_p95_ms": _ms(percentile(searches, 95)),
    }


def client(role: str, ledger: str, seconds: float, together: float, seed: int) -> None:
    """One client of `clients_at_once`: opens the ledger, says "ready", waits for a line on
    stdin, then saves calls (a writer) or searches for `seconds`, and prints what it took."""
    open_ledger(ledger)
    try:
        print("ready", flush=True)
        sys.stdin.readline()
        if role == "writer":
            saves, errors = measure.save_calls_for(seconds, seed, together)
            report = {"saves": saves, "errors": errors}
        else:
            report = {"searches": measure.search_for(seconds, QUERIES, TOP, together)}
    finally:
        close_ledger()
    print(json.dumps(report, ensure_ascii=False))


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
    (f"{CLIENTS} clients saving, save p95", "clients_save_p95_ms", "≤ 50 ms"),
    (f"{CLIENTS} clients saving, errors", "clients_errors", "0"),
    (f"{CLIENTS} clients saving, saves", "clients_saves", "—"),
    ("searches meanwhile", "clients_searches", "—"),
    ("search meanwhile, p95", "clients_search_p95_ms", "—"),
]


def table(results: list[dict]) -> str:
    """The figures of each size side by side; with two or more sizes, the last over the
    first (DESIGN §9: at ten times the data, every figure within 2× of the large one)."""
    first, last = results[0], results[-1]
    heads = [result["size"] for result in results]
    if len(results) > 1:
        heads.append(f"{last['size']}/{first['size']}")
    lines = [
        f"{first['engine']}, {first['runs']} runs, {first['machine']}, load average"
        f" {first['load_start']} at the start, {last['load_end']} at the end"
    ]
    lines += [
        f"start-up (median) on {r['size']}: bare {r['startup_bare_s']} s, "
        f"empty {r['startup_empty_s']} s, ledger {r['startup_large_s']} s"
        for r in results
    ]
    lines += [
        f"errors of the clients: {r['clients_error_kinds']}" for r in results if r["clients_errors"]
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
        "--engine",
        choices=("sqlite", "postgres"),
        default="sqlite",
        help="where the ledgers live; postgres: in new databases on the server at"
        " $DAICHO_BENCH_POSTGRES (default postgresql://postgres@127.0.0.1:5432/test)",
    )
    parser.add_argument(
        "--size",
        choices=list(SIZES),
        nargs="+",
        default=["large"],
        help="one size, or several measured in turns in one run (large huge)",
    )
    parser.add_argument("--runs", type=int, default=5, help="rounds of every measurement")
    parser.add_argument(
        "--clients-for",
        type=float,
        default=20.0,
        metavar="SECONDS",
        help=f"how long the {CLIENTS} saving clients and the searching one run",
    )
    parser.add_argument(
        "--together-every",
        type=float,
        default=TOGETHER_EVERY_S,
        metavar="SECONDS",
        help="how often the clients act at the same moment (0: each again as soon as done)",
    )
    parser.add_argument("--json", action="store_true", help="one JSON object a size on stdout")
    parser.add_argument("--rss-probe", help=argparse.SUPPRESS)
    parser.add_argument("--client", nargs=4, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.rss_probe:
        rss_probe(arguments.rss_probe)
        return 0
    if arguments.client:
        role, ledger, timing, seed = arguments.client
        seconds, together = map(float, timing.split(":"))
        client(role, ledger, seconds, together, int(seed))
        return 0
    results = run(
        arguments.size,
        arguments.runs,
        arguments.engine,
        arguments.clients_for,
        arguments.together_every,
    )
    if arguments.json:
        print("\n".join(json.dumps(result, ensure_ascii=False) for result in results))
    else:
        print(table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
