"""What the benchmark scripts share: the cached ledgers and the percentiles."""

import sys
import time
from pathlib import Path

from daicho.data.ledger import close_ledger, open_ledger
from daicho.data.seed.generate import seed_ledger

CACHE = Path(__file__).resolve().parent / ".cache"


def ledger_of(size: str) -> Path:
    """The cached ledger of `size`, seeded on first use (a half-built one is never kept)."""
    path = CACHE / f"{size}.db"
    if not path.exists():
        CACHE.mkdir(exist_ok=True)
        building = CACHE / f"{size}.building.db"
        for leftover in CACHE.glob(f"{size}.building.db*"):
            leftover.unlink()
        started = time.perf_counter()
        open_ledger(building)
        try:
            seed_ledger(size)
        finally:
            close_ledger()
        building.rename(path)
        print(f"seeded {size} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return path


def percentile(values: list[float], percent: float) -> float:
    """The nearest-rank percentile: one of the values, never between two."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(percent / 100 * (len(ordered) - 1)))]
