"""What the benchmark scripts share: the cached ledgers and the p95."""

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


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
