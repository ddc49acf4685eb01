"""Sample calls with their decisions, written one month at a time, oldest first.

Month by month, so that call ids follow time and even the huge ledger's million calls
never sit in memory at once. The calls that follow-up requests were opened from are
planned with those requests (`seed_requests`) and take their place among the others.
"""

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import accumulate
from operator import attrgetter
from random import Random
from typing import TYPE_CHECKING

from daicho.data.records import CALL_DIRECTIONS
from daicho.data.seed.directory import MONTH, WORKDAY, Days, Past, VendorPlan, weighted
from daicho.data.seed.text import Phrases

if TYPE_CHECKING:
    from daicho.data.seed.requests import RequestPlan

CHANNELS = {"phone": 50, "mobile": 20, "email": 12, "meeting": 7, "visit": 6, "chat": 5}
# Cumulative weights, so that the hot loop need not add them up on every call.
_CHANNEL_NAMES, _CHANNEL_CUM_WEIGHTS = tuple(CHANNELS), list(accumulate(CHANNELS.values()))
_DECISION_COUNT_CUM_WEIGHTS = list(accumulate((35, 30, 20, 10, 5)))  # for 0 to 4 decisions


@dataclass(slots=True)
class CallSpec:
    """One call to write; `request` is the follow-up it is the source of, if any."""

    vendor: VendorPlan
    days_ago: int
    started_at: datetime
    duration_s: int
    created_at: datetime
    contact: int | None
    channel: str
    direction: str
    english: bool
    subject: str
    request: "RequestPlan | None" = None


class Calls:
    """Makes the calls of the vendors `past` knows: who, when, how, and what was said."""

    def __init__(self, rng: Random, days: Days, past: Past, phrases: Phrases):
        self._rng, self._days, self._past, self._phrases = rng, days, past, phrases

    def writes_english(self, vendor: VendorPlan) -> bool:
        """Foreign vendors' Japan offices mostly write English; Japanese ones rarely do."""
        return self._phrases.writes_english(vendor.english)

    def contact(self, vendor: VendorPlan) -> int | None:
        """Usually the primary contact, sometimes another one, sometimes nobody in particular."""
        rng = self._rng
        if not vendor.contacts or rng.random() < 0.15:
            return None
        return vendor.contacts[0] if rng.random() < 0.6 else rng.choice(vendor.contacts)

    def plan(
        self,
        vendor: VendorPlan,
        days_ago: int,
        english: bool,
        subject: str,
        contact: int | None,
        channel: str | None = None,
    ) -> CallSpec:
        """A call in working hours: minutes on the phone, an hour or so on a visit or in a
        meeting, no time at all by email or chat."""
        rng = self._rng
        channel = channel or weighted(rng, _CHANNEL_NAMES, _CHANNEL_CUM_WEIGHTS)
        if channel in ("visit", "meeting"):
            duration = rng.choice((30, 45, 60, 90)) * 60
        elif channel in ("phone", "mobile"):
            duration = min(int(rng.lognormvariate(5.5, 0.7)), 3600)
        else:
            duration = 0
        started_at = self._days.at(days_ago, rng.randrange(*WORKDAY))
        created_at = started_at + timedelta(seconds=duration + 60 * rng.randint(1, 10))
        direction = "incoming" if vendor.status == "prospect" else rng.choice(CALL_DIRECTIONS)
        return CallSpec(
            vendor, days_ago, started_at, duration, created_at, contact, channel, direction,
            english, subject,
        )  # fmt: skip

    def _random(self, month: int) -> CallSpec:
        """Any call of the month; prospects only ever call or drop in to sell."""
        vendor = self._past.vendor(month, for_request=False)
        english = self.writes_english(vendor)
        contact = self.contact(vendor)
        days_ago = self._past.workday(month)
        if vendor.status == "prospect":  # a cold call or a sales visit
            subject = self._phrases.call_subject(vendor.category, english, cold=True)
            return self.plan(
                vendor, days_ago, english, subject, contact, self._rng.choice(("phone", "visit"))
            )
        subject = self._phrases.call_subject(vendor.category, english)
        return self.plan(vendor, days_ago, english, subject, contact)

    def rows(
        self, follow_up_calls: list[CallSpec], total: int
    ) -> Iterator[tuple[list[dict], list[dict]]]:
        """(calls, decisions) per month, oldest first, `total` calls in all.

        The follow-ups' calls are among them; each one's request learns its call id.
        """
        by_month = defaultdict(list)
        for spec in follow_up_calls:
            by_month[(spec.days_ago - 1) // MONTH].append(spec)
        per_month = self._past.busy_months(total - len(follow_up_calls))
        call_id = 0
        for month in reversed(range(self._past.months)):
            specs = by_month[month] + [self._random(month) for _ in range(per_month[month])]
            specs.sort(key=attrgetter("started_at"))
            calls, decisions = [], []
            for spec in specs:
                call_id += 1
                if spec.request:
                    spec.request.call_id = call_id
                calls.append(
                    {
                        "id": call_id,
                        "vendor": spec.vendor.id,
                        "contact": spec.contact,
                        "direction": spec.direction,
                        "channel": spec.channel,
                        "started_at": spec.started_at,
                        "duration_s": spec.duration_s,
                        "subject": spec.subject,
                        "internal_notes": self._phrases.note(spec.vendor.category, spec.english),
                        "created_at": spec.created_at,
                        "updated_at": spec.created_at,
                    }
                )
                decisions += self._decision_rows(call_id, spec)
            yield calls, decisions

    def _decision_rows(self, call_id: int, spec: CallSpec) -> list[dict]:
        """0 to 4 decisions, dated on weekdays in the three weeks after the call."""
        rng = self._rng
        rows = []
        for position in range(weighted(rng, range(5), _DECISION_COUNT_CUM_WEIGHTS)):
            days_ago = spec.days_ago - rng.randint(1, 21)
            while not self._days.is_weekday(days_ago):
                days_ago -= 1  # a weekend moves on to Monday
            text = self._phrases.decision(
                spec.vendor.category, spec.english, self._days.date(days_ago)
            )
            rows.append({"call": call_id, "position": position, "text": text})
        return rows
