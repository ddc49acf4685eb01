"""The chasing side of the sample requests (DESIGN §12): how fast each vendor answers, the
chases made while a request waited on its vendor, next chase dates and snoozes.

Each vendor answers in about its own number of business days, a day or two for some, a week
and a half for others, so that the answer times `data/answer_times.py` reads back differ as
they do in life; of the two vendors asked most over the last year one is fast and one slow,
so that even the demo shows both with enough answers to tell.
"""

from collections import Counter
from datetime import datetime
from itertools import accumulate
from random import Random
from typing import TYPE_CHECKING

from daicho.data.dates import clock
from daicho.data.dates.settings import business_calendar
from daicho.data.seed.directory import Days, VendorPlan, weighted
from daicho.data.seed.text import pick

if TYPE_CHECKING:
    from daicho.data.seed.requests import RequestPlan

_SPEEDS = {"fast": (1, 2), "usual": (3, 6), "slow": (8, 10)}  # business days to answer
_SPEED_NAMES, _SPEED_CUM_WEIGHTS = tuple(_SPEEDS), list(accumulate((30, 50, 20)))
_CHANNELS = {"phone": 50, "email": 30, "mobile": 10, "chat": 6, "visit": 2, "meeting": 2}
_CHANNEL_NAMES, _CHANNEL_CUM_WEIGHTS = tuple(_CHANNELS), list(accumulate(_CHANNELS.values()))
_LATE_SHARE = 0.15  # of answers, which take longer than the vendor's usual
_CHASED_SHARE = 0.55  # of requests that waited three days or more
_NEXT_CHASE_SHARE = 0.3  # of open requests we wait on
_SNOOZE_SHARE = 0.25  # of open requests we wait on that are not yet due
# (Japanese, English) notes of a chase, picked with `pick`; a chase often says nothing more.
CHASE_NOTES = (
    ("電話で進捗確認、来週回答とのこと", "Called to check: they will answer next week"),
    ("電話で進捗確認、金曜までに回答とのこと", "Called: they will reply by Friday"),
    ("メールで再度依頼した", "Asked again by email"),
    ("担当者不在のため伝言を依頼", "Contact out; left a message"),
    ("社内確認中、今週中に回答予定とのこと", "Still checking on their side; answer this week"),
    ("見積の督促。明後日までに送るとのこと", "Chased the quote; they will send it in two days"),
    ("折り返しの連絡がないため再度電話", "No call back, so called again"),
    ("", ""),
    ("", ""),
)

Change = tuple[str, str, str, str]  # kind, old value, new value, note of a history event


class Chasing:
    """When vendors answer, and what the desk did while it waited."""

    def __init__(self, rng: Random, days: Days):
        self._rng, self._days = rng, days
        self._calendar = business_calendar()

    def date_answers(self, plans: list["RequestPlan"]) -> None:
        """Give each vendor asked something in `plans` the business days it usually takes to
        answer, the two asked most over the last year one fast and one slow, and date each
        of their answers by it."""
        asked = [plan for plan in plans if plan.direction == "outbound"]
        vendors = {plan.vendor.id: plan.vendor for plan in asked}
        for vendor in vendors.values():
            speed = weighted(self._rng, _SPEED_NAMES, _SPEED_CUM_WEIGHTS)
            vendor.answer_days = self._rng.randint(*_SPEEDS[speed])
        answered = [plan for plan in asked if plan.answer]
        last_year = Counter(plan.vendor.id for plan in answered if plan.created_ago <= 365)
        for (vendor_id, _), speed in zip(last_year.most_common(2), ("fast", "slow"), strict=False):
            vendors[vendor_id].answer_days = self._rng.randint(*_SPEEDS[speed])
        for plan in answered:
            plan.answered_on(self._answered_ago(plan.vendor, plan.created_ago))

    def _answered_ago(self, vendor: VendorPlan, created_ago: int) -> int:
        """Days back the vendor answered what we asked `created_ago` days back: about its
        usual business days later, now and then much later, and at the latest yesterday."""
        rng, usual = self._rng, vendor.answer_days
        business_days = usual + rng.randint(-(usual // 3), usual // 3)
        if rng.random() < _LATE_SHARE:  # it slipped their mind
            business_days += rng.randint(1, usual)
        answered = self._calendar.add(self._days.date(created_ago), business_days)
        return max(1, (self._days.today - answered).days)

    def history(
        self, plan: "RequestPlan", waited_ago: int, waited_until: datetime
    ) -> list[tuple[datetime, Change]]:
        """The chases of a request we wait on up to `waited_until` (`waited_ago` days back):
        its answer, how it ended or yesterday evening; for one still open, maybe the next
        chase date set at the last chase, or a snooze. Sets the plan's next chase and snooze."""
        rng, days = self._rng, self._days
        if plan.direction != "outbound":
            return []
        events = []
        waited = plan.created_ago - waited_ago
        if waited >= 3 and rng.random() < _CHASED_SHARE:
            first_ago = plan.created_ago - 2  # a chase comes two days after asking at the soonest
            times = sorted(
                days.moment(rng, waited_ago, first_ago, plan.created_at, waited_until)
                for _ in range(rng.randint(1, min(4, 1 + waited // 7)))
            )
            events += [(at, self._chase(plan.english)) for at in times]
        if plan.status != "open":
            return events
        if rng.random() < _NEXT_CHASE_SHARE:
            at = events[-1][0] if events else self._recent(plan, waited_until, plan.created_ago)
            plan.next_chase = self._calendar.add(clock.to_local(at).date(), rng.randint(2, 7))
            events.append((at, ("next_chase_changed", "", plan.next_chase.isoformat(), "")))
        if (plan.due is None or plan.due > days.today) and rng.random() < _SNOOZE_SHARE:
            at = self._recent(plan, waited_until, min(plan.created_ago, 7))
            plan.snoozed_until = self._calendar.add(clock.to_local(at).date(), rng.randint(1, 7))
            events.append((at, ("snoozed", "", plan.snoozed_until.isoformat(), "")))
        return events

    def _chase(self, english: bool) -> Change:
        channel = weighted(self._rng, _CHANNEL_NAMES, _CHANNEL_CUM_WEIGHTS)
        return ("chase", "", channel, pick(self._rng, CHASE_NOTES, english))

    def _recent(self, plan: "RequestPlan", waited_until: datetime, oldest_ago: int) -> datetime:
        """A moment of the last `oldest_ago` days that the request was open."""
        return self._days.moment(self._rng, 1, oldest_ago, plan.created_at, waited_until)
