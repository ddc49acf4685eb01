"""What the benchmark scripts share: the ledgers they measure, the copies the saves write to,
percentiles and milliseconds.

An SQLite ledger of each size is seeded once and cached in bench/.cache/. A PostgreSQL one
is seeded afresh into a database of its own on the server, dropped afterwards.
"""

import os
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg

from daicho.data.backup import backup_ledger
from daicho.data.ledger import close_ledger, open_ledger
from daicho.data.seed.generate import seed_ledger

CACHE = Path(__file__).resolve().parent / ".cache"
SERVER = os.environ.get("DAICHO_BENCH_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test")


def ledger_of(size: str) -> Path:
    """The cached ledger of `size`, seeded on first use (a half-built one is never kept)."""
    path = CACHE / f"{size}.db"
    if not path.exists():
        CACHE.mkdir(exist_ok=True)
        building = CACHE / f"{size}.building.db"
        for leftover in CACHE.glob(f"{size}.building.db*"):
            leftover.unlink()
        _seed(building, size)
        building.rename(path)
    return path


@contextmanager
def postgres_ledger(size: str | None, server: str = SERVER) -> Iterator[str]:
    """The URL of a new database on `server` (a URL of a database to connect to, to create
    it) holding a ledger of `size` (an empty ledger when None); dropped afterwards."""
    name = f"daicho_bench_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    url = server.rsplit("/", 1)[0] + "/" + name
    try:
        if size is None:
            open_ledger(url)
            close_ledger()
        else:
            _seed(url, size)
            with psycopg.connect(url, autocommit=True) as ledger:
                ledger.execute("VACUUM (ANALYZE)")  # what autovacuum does soon after a load
        yield url
    finally:
        close_ledger()
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _seed(location: Path | str, size: str) -> None:
    started = time.perf_counter()
    open_ledger(location)
    try:
        seed_ledger(size)
    finally:
        close_ledger()
    print(f"seeded {size} in {time.perf_counter() - started:.1f} s", file=sys.stderr)


def percentile(values: list[float], percent: float) -> float:
    """The nearest-rank percentile: one of the values, never between two."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(percent / 100 * (len(ordered) - 1)))]


def milliseconds(seconds: float) -> float:
    return round(seconds * 1000, 1)


@contextmanager
def writable(ledger: Path | str, scratch: Path) -> Iterator[Path | str]:
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
