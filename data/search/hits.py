"""What a search finds, Peewee-free, so that the results widget can show hits without
importing the ledger's models."""

from dataclasses import dataclass
from datetime import datetime

# What is searched (data/search/documents.py).
KINDS = ("call", "request", "vendor", "contact", "contract")


@dataclass(frozen=True)
class SearchHit:
    """A found item. `spans` are (start, end) offsets of the words in `snippet`, for
    highlighting; `at` is naive UTC, as stored."""

    kind: str
    id: int
    at: datetime
    vendor_id: int
    vendor_name: str
    title: str
    snippet: str
    spans: tuple[tuple[int, int], ...]
