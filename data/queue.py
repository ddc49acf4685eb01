"""The two-way queue as screens read it: filtered, ordered by due date, one page at a time."""

from dataclasses import dataclass, field
from datetime import date

from peewee import JOIN, SQL, Case, fn

from daicho.data.models import Request, Vendor
from daicho.data.records import (
    PRIORITY_RANK,
    REQUEST_DIRECTIONS,
    REQUEST_PRIORITIES,
    REQUEST_STATUSES,
    QueueCounts,
    RequestRecord,
)
from daicho.data.requests import request_query, request_record
from daicho.data.today import today_count
from daicho.data.validate import choice
from daicho.i18n import _

SORTS = ("due", "priority", "vendor", "created")
_PRIORITY_RANK = Case(Request.priority, list(PRIORITY_RANK.items()), len(PRIORITY_RANK))


@dataclass(frozen=True)
class QueueFilters:
    """What the queue shows. None means "any"; statuses default to open items only."""

    direction: str | None = None
    statuses: tuple[str, ...] = ("open",)
    vendor_id: int | None = None
    priority: str | None = None
    assignee: str | None = None
    """Only the requests assigned (担当) to this [user] name: the "mine" filter gives the user's."""
    sort: str = "due"

    def __post_init__(self):
        if self.direction is not None:
            choice(self.direction, REQUEST_DIRECTIONS, _("Direction"))
        if self.priority is not None:
            choice(self.priority, REQUEST_PRIORITIES, _("Priority"))
        for status in self.statuses:
            choice(status, REQUEST_STATUSES, _("Status"))
        choice(self.sort, SORTS, _("Sort"))


@dataclass(frozen=True)
class QueuePage:
    rows: list[RequestRecord] = field(default_factory=list)
    offset: int = 0
    total: int = 0


def _where(filters: QueueFilters):
    # Every status is no condition at all, which lets SQLite read by the due-date index.
    every_status = set(filters.statuses) >= set(REQUEST_STATUSES)
    condition = SQL("TRUE") if every_status else Request.status.in_(filters.statuses)
    if filters.direction:
        condition &= Request.direction == filters.direction
    if filters.vendor_id is not None:
        condition &= Request.vendor == filters.vendor_id
    if filters.priority:
        condition &= Request.priority == filters.priority
    if filters.assignee is not None:
        condition &= Request.assignee == filters.assignee
    return condition


def _order(sort: str):
    by_due = (Request.due.is_null(), Request.due)
    if sort == "priority":
        return (_PRIORITY_RANK, *by_due, Request.id)
    if sort == "vendor":
        return (Vendor.sort_key, *by_due, Request.id)  # あいうえお order: data/names/keys.py
    if sort == "created":
        return (Request.created_at.desc(), Request.id.desc())
    return (*by_due, _PRIORITY_RANK, Request.id)


def count_queue(filters: QueueFilters) -> int:
    return Request.select().where(_where(filters)).count()


def open_queue_query(filters: QueueFilters, offset: int = 0, limit: int = 50):
    """The query for one page of the queue; undated items come after dated ones.

    The page's ids are found first, sorting only what an index holds; the rows and their
    vendor and contact names are then read for those ids alone. By vendor, the vendors are
    read in order (`vendor_sort_key`) and each one's requests from its own index, so that
    the first vendors make the page: joined the other way, every matching request's row
    was read to find its vendor, whatever the page (twice the file pages of another sort).
    """
    order = _order(filters.sort)
    where = _where(filters)
    if filters.sort == "vendor":  # CROSS JOIN: SQLite keeps the vendors as the outer loop
        page = Vendor.select(Request.id).join(Request, JOIN.CROSS)
        where &= Request.vendor == Vendor.id
    else:
        page = Request.select(Request.id)
    page = page.where(where).order_by(*order).limit(limit).offset(offset)
    return request_query().where(Request.id.in_(page)).order_by(*order)


def open_queue(filters: QueueFilters, offset: int = 0, limit: int = 50) -> QueuePage:
    """One page of the queue, with how many items the filters let through."""
    rows = [request_record(r) for r in open_queue_query(filters, offset, limit)]
    return QueuePage(rows=rows, offset=offset, total=count_queue(filters))


def queue_counts(today: date, chase_after: int = 3, listed: int | None = None) -> QueueCounts:
    """The header's figures, overdue, due today and the day's list as of `today` (the
    app's), `chase_after` business days of quiet making an item due for a chase; `listed`:
    the day's list's length when it was just read, not counted again."""
    open_items = Request.select(
        fn.SUM(Case(None, [(Request.due < today, 1)], 0)).alias("overdue"),
        fn.SUM(Case(None, [(Request.due == today, 1)], 0)).alias("due_today"),
        fn.SUM(Case(None, [(Request.direction == "inbound", 1)], 0)).alias("we_owe"),
        fn.SUM(Case(None, [(Request.direction == "outbound", 1)], 0)).alias("waiting"),
        fn.SUM(Case(None, [(Request.assignee != "", 1)], 0)).alias("assigned"),
    ).where(Request.status == "open")
    row = open_items.dicts().get()
    figures = {key: value or 0 for key, value in row.items()}
    if listed is None:
        listed = today_count(today, chase_after)
    return QueueCounts(**figures, today=listed)


def people() -> list[str]:
    """The [user] names the requests know (who wrote, changed or takes care of one), sorted:
    the suggestions for an assignee (担当)."""
    names = (
        Request.select(Request.assignee.alias("name"))
        | Request.select(Request.created_by)
        | Request.select(Request.changed_by)
    )
    return sorted(row.name for row in names.objects() if row.name)
