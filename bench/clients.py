"""Several people on one ledger (DESIGN §9, §17): CLIENTS processes saving calls together
while one more searches, each a process of its own started as `run.py --client`."""

import json
import statistics
import subprocess
import sys
from pathlib import Path

# bench/ is not a package: run as a script, its folder is on sys.path.
import measure
from common import milliseconds, percentile, writable
from search_bench import QUERIES, TOP

from daicho.data.ledger import close_ledger, open_ledger

RUN = Path(__file__).resolve().parent / "run.py"
CLIENTS = 5  # saving calls at once, beside one searching
# The clients save together, at the same moment, twice a second, and the sixth searches at
# those moments too: five people at one desk saving at once while another searches, over
# and over. (0: each goes again as soon as it is done, which on a 2-core machine measures
# the CPU's queue rather than how saves meet: the README gives both.)
TOGETHER_EVERY_S = 0.5


def clients_at_once(ledger: Path | str, scratch: Path, seconds: float, together: float) -> dict:
    """CLIENTS processes saving calls together and one searching (every `together` s), for
    `seconds` (let go together once each has opened the ledger): the saves' median and p95,
    how many failed and why, and the searches done meanwhile."""
    with writable(ledger, scratch) as copy:
        roles = [("writer", seed) for seed in range(CLIENTS)] + [("searcher", 0)]
        timing = f"{seconds}:{together}"  # how long, and how often together
        processes = [
            subprocess.Popen(
                [sys.executable, RUN, "--client", role, str(copy), timing, str(seed)],
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
        "clients_save_median_ms": milliseconds(statistics.median(saves)),
        "clients_save_p95_ms": milliseconds(percentile(saves, 95)),
        "clients_errors": len(errors),
        "clients_error_kinds": sorted(set(errors))[:3],
        "clients_searches": len(searches),
        "clients_search_p95_ms": milliseconds(percentile(searches, 95)),
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
