"""Peak memory (DESIGN §9): a fresh process, `run.py --rss-probe LEDGER`, opens the app on a
ledger, searches, scrolls and filters the queue, and says its own peak RSS."""

import asyncio
import resource
import subprocess
import sys
from pathlib import Path

# bench/ is not a package: run as a script, its folder is on sys.path.
import measure

from daicho.data.ledger import close_ledger, open_ledger
from daicho.data.search.find import search

RUN = Path(__file__).resolve().parent / "run.py"


def peak_rss_mb(ledger: Path | str) -> float:
    """Peak RSS of a fresh process that opens the app on `ledger`, scrolls and filters."""
    probe = subprocess.run(
        [sys.executable, RUN, "--rss-probe", str(ledger)],
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
