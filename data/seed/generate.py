"""Generated sample ledgers: the demo behind `daicho --demo` and the large one of DESIGN §9.

Everything comes from one seeded `random.Random` and is dated back from `today`, so
the same size, seed and day give the same ledger, timestamps included (business hours
are local times, stored as naive UTC like everything else).

Rows are built as dicts and written with the driver's `executemany` on an INSERT that
peewee renders once per table: peewee's `insert_many` spends about 6 µs per value
building SQL, which alone took the large ledger past half a minute. Rows carry their own
ids, so on PostgreSQL the id sequences are moved past them afterwards.
"""

from dataclasses import asdict, dataclass, replace
from datetime import date
from operator import itemgetter
from random import Random

from daicho.data.dates import clock
from daicho.data.engines import ids_written
from daicho.data.errors import InputError
from daicho.data.models import (
    Call,
    Contact,
    Contract,
    ContractEvent,
    Decision,
    Request,
    RequestEvent,
    Vendor,
    database,
)
from daicho.data.names.keys import name_keys
from daicho.data.search.index import mark_index_incomplete, rebuild_index
from daicho.data.seed.calls import Calls
from daicho.data.seed.contracts import Contracts
from daicho.data.seed.directory import Days, Past, contact_rows, vendor_rows
from daicho.data.seed.requests import Requests
from daicho.data.seed.text import Phrases
from daicho.i18n import _


@dataclass(frozen=True)
class SeedSize:
    """How much sample data to make; calls spread over `years`, notes `note_length` long."""

    vendors: int
    contacts: int
    requests: int
    open_requests: int
    calls: int
    years: int = 2
    note_length: int = 160  # characters, on average
    contracts: int = 0  # the demo's few first (seed/contracts.py), then about one per vendor

    def __post_init__(self):
        if not (self.vendors >= 1 and self.years >= 1 and 0 <= self.open_requests <= self.requests):
            raise ValueError(f"not a usable size: {self}")


_LARGE = SeedSize(2_000, 6_000, 20_000, 1_500, 100_000, years=10, note_length=300, contracts=2_000)
SIZES = {
    # enough answers for the vendors' answer times; the contracts a desk keeps
    "demo": SeedSize(25, 60, 120, 40, 150, contracts=8),
    "large": _LARGE,
    "huge": replace(_LARGE, calls=1_000_000),
}


@dataclass(frozen=True)
class SeedSummary:
    """What the seeded ledger holds, table by table."""

    vendors: int
    contacts: int
    calls: int
    decisions: int
    requests: int
    open_requests: int
    request_events: int
    contracts: int

    def __str__(self) -> str:
        return _(
            "{vendors} vendors, {contacts} contacts, {calls} calls with {decisions} decisions, "
            "{requests} requests ({open_requests} open) with {request_events} history events, "
            "{contracts} contracts",
            **asdict(self),
        )


def seed_ledger(
    size: str | SeedSize = "demo",
    *,
    today: date | None = None,
    seed: int = 1,
    language: str | None = None,
) -> SeedSummary:
    """Fill the open ledger, which must hold no vendor yet, with generated sample data.

    `size` names one of `SIZES`, or is a `SeedSize` (tests run the large size's code
    path on a few rows that way). `language` "ja" or "en" writes the ledger in the UI's
    language (foreign vendors may stay English in Japanese); None mixes both.
    """
    if isinstance(size, str):
        if size not in SIZES:
            raise InputError(
                _(
                    "Unknown sample data size {size}: choose {sizes}",
                    size=size,
                    sizes=", ".join(SIZES),
                )
            )
        size = SIZES[size]
    if Vendor.select().exists():
        raise InputError(
            _("The ledger already holds vendors: sample data goes into an empty ledger")
        )
    rng = Random(seed)
    days = Days(today or clock.today())
    vendors, rows = vendor_rows(rng, days, size.vendors, size.years, language)
    contacts = contact_rows(rng, vendors, size.contacts, language)
    for row in (*rows, *contacts):
        row.update(name_keys(row["name"], row["reading"]))
    with database.atomic():
        mark_index_incomplete("seed")  # cleared by rebuild_index below
        _insert(Vendor, rows)
        _insert(Contact, contacts)
    past, phrases = Past(rng, days, vendors, size.years), Phrases(rng, size.note_length, language)
    calls = Calls(rng, days, past, phrases)
    requests = Requests(rng, days, past, phrases, calls)
    plans, follow_up_calls = requests.plan(size.requests, size.open_requests, size.calls)
    # A transaction per month keeps the write-ahead log small even for a million calls.
    for call_rows, decision_rows in calls.rows(follow_up_calls, size.calls):
        with database.atomic():
            _insert(Call, call_rows)
            _insert(Decision, decision_rows)
    request_rows, event_rows = requests.rows(plans)
    contract_rows, contract_events = Contracts(rng, days, vendors, language).rows(size.contracts)
    with database.atomic():
        _insert(Request, request_rows)
        _insert(RequestEvent, event_rows)
        _insert(Contract, contract_rows)
        _insert(ContractEvent, contract_events)
    ids_written(Vendor, Contact, Call, Decision, Request, RequestEvent, Contract, ContractEvent)
    rebuild_index()  # all at once, in date order: far quicker than item by item
    return SeedSummary(
        vendors=Vendor.select().count(),
        contacts=Contact.select().count(),
        calls=Call.select().count(),
        decisions=Decision.select().count(),
        requests=Request.select().count(),
        open_requests=Request.select().where(Request.status == "open").count(),
        request_events=RequestEvent.select().count(),
        contracts=Contract.select().count(),
    )


def _insert(model, rows: list[dict]) -> None:
    """Insert rows that all have the same keys (the model's field names)."""
    if not rows:
        return
    sql, first = model.insert_many(rows[:1]).sql()  # with the columns left to their defaults
    fields = [f for f in model._meta.sorted_fields if f.name in rows[0] or f.default is not None]
    defaults = {f.name: value for f, value in zip(fields, first, strict=True)}
    values = itemgetter(*(f.name for f in fields))
    database.cursor().executemany(sql, (values(defaults | row) for row in rows))
