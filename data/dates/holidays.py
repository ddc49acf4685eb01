"""Japan's public holidays kept on disk between starts.

Loading the `holidays` package takes ~85 ms (it imports every country's rules), and the
queue needs the holidays for its first screen ("soon" counts business days): read from this
file, a year takes well under a millisecond. The file names the installed package it was
made with; once the package is upgraded (a law moved a holiday) it is made again.
"""

import importlib.util
import json
import os
from datetime import date
from functools import lru_cache
from pathlib import Path

from daicho.locations import cache_dir

_FILE = "holidays-jp.json"


def cached_holidays(year: int) -> frozenset[date] | None:
    """The holidays kept for `year` by the installed package, None when there are none."""
    days = _kept().get(str(year))
    return None if days is None else frozenset(map(date.fromisoformat, days))


def keep_holidays(year: int, days: frozenset[date]) -> None:
    """Keep `days` as the holidays of `year`; a cache that cannot be written is no error."""
    kept = _kept()
    kept[str(year)] = sorted(day.isoformat() for day in days)
    path = cache_dir() / _FILE
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        part = path.with_suffix(f".{os.getpid()}.part")
        part.write_text(json.dumps({"source": _source(), "years": kept}), encoding="utf-8")
        part.replace(path)  # whole or not at all, with another window writing too
    except OSError:
        pass


@lru_cache(maxsize=1)
def _kept() -> dict[str, list[str]]:
    """The years in the file, when it was made by the installed package; else none."""
    try:
        document = json.loads((cache_dir() / _FILE).read_text(encoding="utf-8"))
        years = document["years"] if document["source"] == _source() else {}
        return {str(year): [str(day) for day in days] for year, days in dict(years).items()}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def _source() -> str:
    """The installed `holidays` package as a file and its time, found without importing it."""
    spec = importlib.util.find_spec("holidays")
    origin = Path(spec.origin) if spec is not None and spec.origin else None
    return f"{origin}:{origin.stat().st_mtime_ns}" if origin is not None else ""
