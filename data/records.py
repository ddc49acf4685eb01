"""Plain records the services hand to screens, so no lazy query ever runs on the UI thread."""

from dataclasses import dataclass, field
from datetime import date, datetime

# The values each kind of record stores; labels for them live in i18n/labels.py.
VENDOR_CATEGORIES = ("hardware", "telecom", "software", "cloud", "maintenance", "other")
VENDOR_STATUSES = ("active", "prospect", "inactive")
REQUEST_DIRECTIONS = ("outbound", "inbound")
DIRECTION_MARKS = {"outbound": "→", "inbound": "←"}  # → waiting on them, ← we owe
REQUEST_PRIORITIES = ("normal", "high", "urgent")
PRIORITY_RANK = {"urgent": 0, "high": 1, "normal": 2}
"""Most pressing first, where requests are ordered by priority (the queue, the day's list)."""
REQUEST_STATUSES = ("open", "answered", "closed", "cancelled")
REQUEST_EVENT_KINDS = (
    "created",
    "status_changed",
    "due_changed",
    "note_added",
    "edited",
    "chase",  # new_value: the channel (CALL_CHANNELS); note: what was said
    "next_chase_changed",
    "snoozed",  # new_value: the day it comes back on the Today list, "" when woken
)
CONTRACT_KINDS = ("maintenance", "license", "lease", "line", "support", "other")
CONTRACT_RENEWALS = ("auto", "agreement", "none")  # 自動更新, 更新手続き, 満了
CONTRACT_STATUSES = ("active", "ended", "cancelled")
COST_PERIODS = ("month", "year", "once")
CONTRACT_EVENT_KINDS = (
    "created",
    "edited",  # new_value: the fields changed, comma-separated
    "renewed",  # old_value: the term left, `2026-04-01..2027-03-31`; new_value: the new one
    "ended",
    "cancelled",  # new_value: the day notice was given
    "reopened",  # back to active after an end or a cancel
    "reminder",  # new_value: the request made ("" for one caught up without); note: the lead
    "snoozed",  # new_value: the day it comes back on the Today list, "" when woken
)
CALL_DIRECTIONS = ("incoming", "outgoing")
CALL_CHANNELS = ("phone", "mobile", "email", "visit", "meeting", "chat")


@dataclass(frozen=True)
class VendorRecord:
    id: int
    name: str
    reading: str
    category: str
    status: str
    phone: str
    website: str
    notes: str
    tags: tuple[str, ...]
    created_at: datetime
    updated_at: datetime
    created_by: str = ""  # the [user] name of who wrote it first, "" when nobody was named
    changed_by: str = ""  # and of who changed it last
    version: int = 1  # the one read: a save names it (data/versions.py)


@dataclass(frozen=True)
class VendorRow:
    """A line of the vendor list: who, what kind, and how much is open or late."""

    id: int
    name: str
    reading: str
    category: str
    status: str
    open_count: int
    overdue_count: int


@dataclass(frozen=True)
class ContactRecord:
    id: int
    vendor_id: int
    name: str
    reading: str
    role: str
    department: str
    phone: str
    mobile: str
    email: str
    notes: str
    is_primary: bool
    created_by: str = ""
    changed_by: str = ""
    version: int = 1  # the one read: a save names it (data/versions.py)


@dataclass(frozen=True)
class RequestRecord:
    id: int
    direction: str
    vendor_id: int
    vendor_name: str
    contact_id: int | None
    contact_name: str
    call_id: int | None
    subject: str
    body: str  # what is asked: may go to the vendor
    internal_notes: str  # 社内メモ: stays inside
    due: date | None
    priority: str
    status: str
    answer: str
    created_at: datetime
    updated_at: datetime
    assignee: str = ""  # 担当: a [user] name, "" for nobody in particular
    created_by: str = ""
    changed_by: str = ""
    version: int = 1  # the one read: a save names it (data/versions.py)
    next_chase: date | None = None  # when to chase the vendor next
    snoozed_until: date | None = None  # off the Today list until this day
    times_chased: int = 0  # chase events in its history (data/chasing.py)
    last_chased: datetime | None = None  # the newest of them


@dataclass(frozen=True)
class RequestEventRecord:
    """An event of a request's history, or of a contract's."""

    at: datetime
    kind: str
    old_value: str
    new_value: str
    note: str
    created_by: str = ""  # who did it


@dataclass(frozen=True)
class FollowUp:
    """A request to open from a call, in the same save."""

    subject: str
    direction: str = "outbound"
    due: date | None = None
    priority: str = "normal"
    body: str = ""


@dataclass(frozen=True)
class CallFields:
    """What a call says, as the call form holds it and as the ledger keeps it (`started_at`:
    an aware local time in the form, naive UTC in a record)."""

    vendor_name: str
    contact_name: str
    direction: str
    channel: str
    started_at: datetime
    duration_s: int
    subject: str
    internal_notes: str  # 社内メモ: stays inside


@dataclass(frozen=True)
class CallRecord(CallFields):
    id: int
    vendor_id: int
    contact_id: int | None
    decisions: tuple[str, ...] = ()
    follow_ups: tuple[RequestRecord, ...] = field(default=())
    new_vendor: bool = False
    """True only as `log_call` returns the call, when saving it made its vendor (a prospect)."""
    created_by: str = ""
    changed_by: str = ""


@dataclass(frozen=True)
class QueueCounts:
    """The header's figures: overdue, due today, we owe, waiting on them, the day's list
    (今日やること); and how many open requests have an assignee (the queue then shows who)."""

    overdue: int = 0
    due_today: int = 0
    we_owe: int = 0
    waiting: int = 0
    assigned: int = 0
    today: int = 0


@dataclass(frozen=True)
class TodayItem:
    """A line of the day's list: what it is, why it is there, and what to say about it."""

    kind: str  # "request" or "contract"; later "incident", "faq"
    id: int
    reason: str  # one of REASONS
    vendor: str
    subject: str
    due: date | None
    last_chased: datetime | None  # stored UTC
    times_chased: int
    vendor_id: int | None = None
    direction: str = ""
    priority: str = "normal"
    next_chase: date | None = None
    moved: datetime | None = None  # the newest movement (stored UTC), for a chase
    renewal: str = ""  # a contract's (its `due` is the decision date)


@dataclass(frozen=True)
class ContractRecord:
    """A contract as stored (DESIGN §13); its dates are data/contracts/terms.py's."""

    id: int
    vendor_id: int
    vendor_name: str
    title: str
    kind: str
    number: str
    start: date  # the first day of term `term_no`
    term_no: int
    term_months: int
    renewal: str
    renewal_term_months: int | None
    notice_months: int | None  # one of the two is set
    notice_days: int | None
    reminder_days: tuple[int, ...]  # lead times before the decision date, largest first
    cost: int | None  # JPY
    cost_period: str
    tax_included: bool
    notes: str
    status: str
    notice_given: date | None
    created_at: datetime
    updated_at: datetime
    created_by: str = ""
    changed_by: str = ""
    version: int = 1  # the one read: a save names it (data/versions.py)
    snoozed_until: date | None = None  # off the Today list until this day
