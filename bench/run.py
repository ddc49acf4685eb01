"""Daicho's benchmark (DESIGN §9): `python bench/run.py [--engine sqlite|postgres] [--size
large [huge]] [--json] [--runs N]`.

Builds the ledger of each size (SQLite: once, cached in bench/.cache/; PostgreSQL: afresh in
a database of its own on the server, dropped afterwards), runs every measurement several
times and prints medians and p95 against the budgets (and the queue changes' p99 and max:
their tail), with the baselines measured in the same run so that ratios hold on a noisy
machine. Two sizes are measured in turns, with the ratio of the last to the first. Last,
five client processes save calls at once while a sixth searches (DESIGN §9, §17).

Start-up is measured on the main screen and, when the build has the Today screen, with
Today as the first screen (`[start] screen = "today"`, DESIGN §12), beside the day's list
and the vendors' answer times read alone; then the contracts' reminders caught up and the
Contracts screen opened (DESIGN §13, bench/contracts_bench.py)."""

import argparse
import asyncio
import gc
import json
import os
import platform
import shutil
import statistics
import sys
import tempfile
from collections import defaultdict
from contextlib import ExitStack
from pathlib import Path

# bench/ is not a package: run as a script, its folder is on sys.path.
import measure
from clients import CLIENTS, TOGETHER_EVERY_S, client, clients_at_once
from common import SERVER, ledger_of, milliseconds, percentile, postgres_ledger, writable
from contracts_bench import measure_contracts
from memory import peak_rss_mb, rss_probe
from search_bench import QUERIES, measure_search
from table import table
from today_bench import measure_today

from daicho.data.ledger import close_ledger, open_ledger
from daicho.data.seed.generate import SIZES

TWO_CHARACTER = [query for query in QUERIES if len(query) == 2 and not query.isascii()]
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
            starts = [("startup", "main")]  # what each size is opened on
            if measure.has_today_screen():
                starts.append(("startup_today", "today"))
            for round_ in range(runs + 1):  # interleaved: a noisy moment hits them all alike
                bare_and_empty = [
                    _fresh(measure.startup_bare()),
                    _fresh(measure.startup(empty, expect_rows=False)),
                ]
                for size in sizes:
                    for name, first_screen in starts:
                        seconds = _fresh(measure.startup(ledgers[size], True, first_screen))
                        if round_:  # the first round warms imports and caches for all alike
                            times[size][name].append(seconds)
                if round_:
                    bare.append(bare_and_empty[0])
                    blank.append(bare_and_empty[1])
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
    """The figures of one size: its queue and start-up times, then its day's list and answer
    times (before any save adds to them), its saves and searches."""
    open_ledger(ledger)
    try:
        reads, held = measure_today(runs * 10)
    finally:
        close_ledger()
    with writable(ledger, scratch) as copy:
        contracts, held_contracts = measure_contracts(copy, runs * 4)
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
        **_today_start(times["startup_today"], median_bare),
        **_spread("filter", times["filter"]),
        **_spread("sort", times["sort"]),
        "scroll_median_ms": milliseconds(statistics.median(times["scroll"])),
        "scroll_p95_ms": milliseconds(percentile(times["scroll"], 95)),
        "search_median_ms": milliseconds(statistics.median(_all(searches))),
        "search_p95_ms": milliseconds(percentile(_all(searches), 95)),
        "search_2char_p95_ms": milliseconds(
            percentile([t for query in TWO_CHARACTER for t in searches[query]], 95)
        ),
        "full_scan_median_ms": milliseconds(statistics.median(scans)),
        "today_items": held["today"],
        "today_median_ms": milliseconds(statistics.median(reads["today"])),
        "today_p95_ms": milliseconds(percentile(reads["today"], 95)),
        "answer_times_vendors": held["answer_times"],
        "answer_times_median_ms": milliseconds(statistics.median(reads["answer_times"])),
        "answer_times_p95_ms": milliseconds(percentile(reads["answer_times"], 95)),
        "contracts": held_contracts["contracts"],
        "catch_up_idle_median_ms": milliseconds(statistics.median(contracts["catch_up_idle"])),
        "catch_up_due_median_ms": milliseconds(statistics.median(contracts["catch_up_due"])),
        "catch_up_due_made": held_contracts["catch_up_made"],
        "contracts_screen_median_ms": _median_ms(contracts.get("contracts_screen")),
        "save_median_ms": milliseconds(statistics.median(saves)),
        "save_p95_ms": milliseconds(percentile(saves, 95)),
        "rss_mb": round(peak_rss_mb(ledger), 1),
        "machine": f"{platform.machine()} {platform.python_implementation()} "
        f"{platform.python_version()}",
    }


def _today_start(times: list[float], median_bare: float) -> dict[str, float | None]:
    """Start-up with Today as the first screen, and over the bare one; None without a Today
    screen in this build."""
    if not times:
        return {"startup_today_s": None, "startup_today_ratio": None}
    return {
        "startup_today_s": round(statistics.median(times), 3),
        "startup_today_ratio": round(statistics.median(times) / median_bare, 2),
    }


def _median_ms(times: list[float] | None) -> float | None:
    """The median in milliseconds; None when it was not measured (not in this build)."""
    return milliseconds(statistics.median(times)) if times else None


def _spread(name: str, times: list[float]) -> dict[str, float]:
    """A queue change's median, p95, p99 and max: the tail, not only the middle."""
    return {
        f"{name}_median_ms": milliseconds(statistics.median(times)),
        f"{name}_p95_ms": milliseconds(percentile(times, 95)),
        f"{name}_p99_ms": milliseconds(percentile(times, 99)),
        f"{name}_max_ms": milliseconds(max(times)),
    }


def _fresh(measurement):
    """Run one measurement after a full garbage collection, so that no run pays for
    another's."""
    gc.collect()
    return asyncio.run(measurement)


def _all(times: dict[str, list[float]]) -> list[float]:
    return [seconds for per_query in times.values() for seconds in per_query]


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
