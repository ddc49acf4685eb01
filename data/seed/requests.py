"""Sample requests both ways, with their history and the calls some were opened from.

Requests are planned before any call is written: a follow-up's call must be written,
and so numbered, before the request that points at it can be.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from operator import attrgetter, itemgetter
from random import Random

from daicho.data.seed.calls import Calls, CallSpec
from daicho.data.seed.chases import Chasing
from daicho.data.seed.directory import MONTH, WORKDAY, Days, Past, VendorPlan, spread
from daicho.data.seed.text import (
    CANCEL_NOTES,
    CLOSE_NOTES,
    FOLLOW_UP_NOTES,
    REDATE_NOTES,
    Phrases,
    pick,
)

# "president": an urgent request the president asked for (社長オーダー), which outranks all.
_PRIORITIES = {"normal": 75, "high": 18, "urgent": 5, "president": 2}
_DUE_BANDS = {"later": 38, "none": 25, "overdue": 15, "soon": 15, "today": 7}
_DUE_AHEAD = {"today": (0, 0), "soon": (1, 3), "later": (4, 45)}  # days from today
_FOLLOW_UP_SHARE = 0.3  # of requests, opened from a call
_LAST_EVENING = 20 * 3600  # nothing in the sample happens after yesterday at 20:00


@dataclass(slots=True)
class RequestPlan:
    """One request before it is written: its call id is known once its call is numbered."""

    vendor: VendorPlan
    contact: int | None
    english: bool
    direction: str
    priority: str
    status: str
    subject: str
    body: str
    internal_notes: str
    answer: str
    due: date | None
    created_ago: int
    created_at: datetime
    resolved_ago: int  # 0 while open
    answered_ago: int = 0  # 0: never answered
    call_id: int | None = None
    next_chase: date | None = None
    snoozed_until: date | None = None

    def answered_on(self, days_ago: int) -> None:
        """Answered `days_ago` days back: how it ended, or what came before it ended."""
        self.answered_ago = days_ago
        if self.status == "answered":
            self.resolved_ago = days_ago
        else:
            self.resolved_ago = min(self.resolved_ago, days_ago)


class Requests:
    """Plans the two-way queue's requests, then writes them with their history."""

    def __init__(self, rng: Random, days: Days, past: Past, phrases: Phrases, calls: Calls):
        self._rng, self._days, self._past, self._phrases = rng, days, past, phrases
        self._calls, self._chasing = calls, Chasing(rng, days)

    def plan(
        self, total: int, open_count: int, most_calls: int
    ) -> tuple[list[RequestPlan], list[CallSpec]]:
        """`total` requests in creation order, exactly `open_count` of them open; and the
        calls some of them were opened from, at most `most_calls`."""
        rng = self._rng
        closed = spread(rng, total - open_count, {"closed": 62, "answered": 26, "cancelled": 12})
        bands = iter(spread(rng, open_count, _DUE_BANDS))
        directions = spread(rng, total, {"outbound": 60, "inbound": 40})
        priorities = spread(rng, total, _PRIORITIES)
        plans, calls = [], []
        for status, direction, priority in zip(
            ["open"] * open_count + closed, directions, priorities, strict=True
        ):
            dates = self._open_dates(next(bands)) if status == "open" else self._closed_dates()
            plan = self._plan(status, direction, priority, *dates)
            if len(calls) < most_calls and rng.random() < _FOLLOW_UP_SHARE:
                calls.append(self._call_behind(plan))
            plans.append(plan)
        plans.sort(key=attrgetter("created_at"))
        self._chasing.date_answers(plans)
        return plans, calls

    def _open_dates(self, band: str) -> tuple[int, date | None, int]:
        """(created, due, resolved) for an open request in its due band; days ago, 0: never."""
        rng, days = self._rng, self._days
        if band == "overdue":
            due_ago = 1 + min(int(rng.expovariate(1 / 12)), 120)
            return days.workday_ago(rng, due_ago + 3, due_ago + 21), days.date(due_ago), 0
        due = days.date(-rng.randint(*_DUE_AHEAD[band])) if band in _DUE_AHEAD else None
        return days.workday_ago(rng, 1, 30), due, 0

    def _closed_dates(self) -> tuple[int, date | None, int]:
        """(created, due, resolved) for a request dealt with in the past."""
        rng = self._rng
        created_ago = self._past.workday(self._past.month(), newest_ago=2)
        due = self._days.date(created_ago - rng.randint(3, 30)) if rng.random() < 0.7 else None
        return created_ago, due, created_ago - rng.randint(1, min(20, created_ago - 1))

    def _plan(self, status, direction, priority, created_ago, due, resolved_ago) -> RequestPlan:
        rng, days, phrases = self._rng, self._days, self._phrases
        vendor = self._past.vendor((created_ago - 1) // MONTH, for_request=True)
        english, category = self._calls.writes_english(vendor), vendor.category
        subject, body, memo, answer = phrases.request(direction, category, english)
        if priority == "president":
            priority = "urgent"
            subject, memo = phrases.president_order(subject, memo)
        answered = status == "answered" or (status == "closed" and rng.random() < 0.6)
        plan = RequestPlan(
            vendor=vendor,
            contact=self._calls.contact(vendor),
            english=english,
            direction=direction,
            priority=priority,
            status=status,
            subject=subject,
            body=body,
            internal_notes=memo,
            answer=answer if answered else "",
            due=due,
            created_ago=created_ago,
            created_at=days.at(created_ago, rng.randrange(*WORKDAY)),
            resolved_ago=resolved_ago,
        )
        if answered and direction == "inbound":  # as fast as we answer; the vendors' in plan()
            plan.answered_on(
                resolved_ago if status == "answered" else rng.randint(resolved_ago, created_ago)
            )
        return plan

    def _call_behind(self, plan: RequestPlan) -> CallSpec:
        """The call a follow-up came from; the request was saved with it, so shares its time."""
        spec = self._calls.plan(
            plan.vendor, plan.created_ago, plan.english, plan.subject, plan.contact
        )
        spec.request, plan.created_at = plan, spec.created_at
        return spec

    def rows(self, plans: list[RequestPlan]) -> tuple[list[dict], list[dict]]:
        """The requests, numbered in creation order, and every event of their history."""
        requests, events = [], []
        for request_id, plan in enumerate(plans, start=1):
            history = self._history(request_id, plan)
            events += history
            requests.append(
                {
                    "id": request_id,
                    "direction": plan.direction,
                    "vendor": plan.vendor.id,
                    "contact": plan.contact,
                    "call": plan.call_id,
                    "subject": plan.subject,
                    "body": plan.body,
                    "internal_notes": plan.internal_notes,
                    "due": plan.due,
                    "priority": plan.priority,
                    "status": plan.status,
                    "answer": plan.answer,
                    "next_chase": plan.next_chase,
                    "snoozed_until": plan.snoozed_until,
                    "created_at": plan.created_at,
                    "updated_at": history[-1]["at"],
                }
            )
        return requests, events

    def _history(self, request_id: int, plan: RequestPlan) -> list[dict]:
        """Created; maybe a note, a new due date, chases; then answered and how it ended, if
        it has."""
        rng, days = self._rng, self._days
        changes = []  # made some time while it was open
        if rng.random() < 0.15:
            changes.append(("note_added", "", "", pick(rng, FOLLOW_UP_NOTES, plan.english)))
        lead = (plan.due - days.date(plan.created_ago)).days if plan.due else 0
        if lead >= 4 and rng.random() < 0.12:
            first_due = plan.due - timedelta(days=rng.randint(1, lead - 2))
            changes.append(
                (
                    "due_changed",
                    first_due.isoformat(),
                    plan.due.isoformat(),
                    pick(rng, REDATE_NOTES, plan.english),
                )
            )
        end = last = days.at(1, _LAST_EVENING)
        ended = []  # the answer, then how it ended, at their own days
        if plan.answer:
            end = days.moment(rng, plan.answered_ago, plan.answered_ago, plan.created_at, last)
            ended.append((end, ("status_changed", "open", "answered", plan.answer)))
        if plan.status in ("closed", "cancelled"):
            notes = CLOSE_NOTES if plan.status == "closed" else CANCEL_NOTES
            before = "answered" if plan.answer else "open"
            after = ended[-1][0] if ended else plan.created_at
            end = days.moment(rng, plan.resolved_ago, plan.resolved_ago, after, last)
            change = ("status_changed", before, plan.status, pick(rng, notes, plan.english))
            ended.append((end, change))
        newest_ago = plan.resolved_ago or 1
        times = [
            days.moment(rng, newest_ago, plan.created_ago, plan.created_at, end) for _ in changes
        ]
        waited = ended[0][0] if ended else last  # on the vendor, until it answered or ended
        chases = self._chasing.history(plan, plan.answered_ago or newest_ago, waited)
        events = sorted([*zip(times, changes, strict=True), *chases, *ended], key=itemgetter(0))
        return [
            {
                "request": request_id,
                "at": at,
                "kind": kind,
                "old_value": old,
                "new_value": new,
                "note": note,
            }
            for at, (kind, old, new, note) in [
                (plan.created_at, ("created", "", "open", "")),
                *events,
            ]
        ]
