"""The sample ledger's directory: vendors and their contacts, as rows ready to insert,
and `Past`, which knows which vendors were in business in which month.

Also the two helpers the rest of the seed shares: `Days`, which dates everything
relative to the seed's today, and `spread`, which draws values so that every kind
shows up at least once.
"""

import math
from bisect import bisect
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from itertools import accumulate
from random import Random

from daicho.data.dates import clock
from daicho.data.seed.names import (
    CATEGORY_WEIGHTS,
    CONTACT_NOTES,
    EN_LEGAL_FORMS,
    EN_PEOPLE,
    EN_STEMS,
    EN_SUFFIXES,
    GIVEN_NAMES,
    JA_STEMS,
    JA_SUFFIXES,
    REGIONS,
    ROLES,
    SURNAMES,
    TAGS,
    VENDOR_NOTES,
)
from daicho.data.seed.text import english_for, pick

MONTH = 30  # days: the past is generated one month at a time, month 0 being the last 30 days
WORKDAY = (9 * 3600, 18 * 3600)  # when things happen, in seconds after local midnight
_MINUTE = timedelta(minutes=1)
_NEWEST_SINCE = MONTH + 1  # every vendor predates month 0
_AREA_CODES = (("03", 4), ("06", 4), ("045", 3), ("052", 3), ("092", 3), ("011", 3), ("022", 3))
_JA_LEGAL_FORMS = (("株式会社", ""), ("", "株式会社"), ("有限会社", ""), ("合同会社", ""), ("", ""))


class Days:
    """Dates and times counted back from the seed's today, so no wall clock reaches the data."""

    def __init__(self, today: date):
        self.today = today
        self._weekday = today.weekday()
        self._midnights: dict[int, datetime] = {}

    def date(self, days_ago: int) -> date:
        return self.today - timedelta(days=days_ago)

    def is_weekday(self, days_ago: int) -> bool:
        return (self._weekday - days_ago) % 7 < 5

    def at(self, days_ago: int, seconds: int) -> datetime:
        """Stored (naive UTC) time of `seconds` after local midnight, `days_ago` days back.

        Each day is converted once, at its noon's UTC offset: exact for the daytime hours
        the seed uses, even on a day when summer time starts or ends.
        """
        midnight = self._midnights.get(days_ago)
        if midnight is None:
            noon = datetime.combine(self.date(days_ago), time(12))
            midnight = self._midnights[days_ago] = clock.to_utc(noon) - timedelta(hours=12)
        return midnight + timedelta(seconds=seconds)

    def moment(
        self, rng: Random, newest_ago: int, oldest_ago: int, after: datetime, before: datetime
    ) -> datetime:
        """A working-hour time on a day `newest_ago` to `oldest_ago` days back, kept strictly
        between `after` and `before` (which may fall inside those days)."""
        at = self.at(rng.randint(newest_ago, oldest_ago), rng.randrange(*WORKDAY))
        return min(max(after + _MINUTE, at), before - _MINUTE)

    def workday_ago(self, rng: Random, low: int, high: int) -> int:
        """A day between `low` and `high` days back; a weekend only now and then, as in life."""
        while True:
            days_ago = rng.randint(low, high)
            if self.is_weekday(days_ago) or rng.random() < 0.05:
                return days_ago


def spread(rng: Random, count: int, weights: dict[str, float]) -> list[str]:
    """`count` values in random order: each key once (in order, as far as `count` allows),
    the rest drawn by weight. So even the small demo has every category and status."""
    values = list(weights)[:count]
    values += rng.choices(list(weights), weights=list(weights.values()), k=count - len(values))
    rng.shuffle(values)
    return values


def weighted(rng: Random, values: Sequence, cum_weights: list[float]):
    """One of `values` by cumulative weight: `rng.choices(...)[0]` without the overhead
    that the large size's hot loops, a few hundred thousand picks, would feel."""
    return values[bisect(cum_weights, rng.random() * cum_weights[-1])]


@dataclass
class VendorPlan:
    """What the contact, call and request generators need to know about one vendor."""

    id: int
    category: str
    status: str
    english: bool
    since_ago: int  # in the ledger since this many days before today
    until_ago: int  # inactive since this many days before today; 0 while in business
    weight: float  # how busy the vendor keeps us, relative to the others
    created_at: datetime
    phone: str
    domain: str
    contacts: list[int] = field(default_factory=list)  # contact ids, the primary first
    answer_days: int = 0  # business days it usually takes to answer us (seed/chases.py)

    def in_business(self, newest_ago: int, oldest_ago: int) -> bool:
        """Whether the vendor was in the ledger and in business for that whole stretch."""
        return self.since_ago > oldest_ago and self.until_ago < newest_ago


class _Names:
    """Unique company names per category: every stem with every suffix, then regional branches."""

    def __init__(self, rng: Random):
        self._rng = rng
        self._pools = {}
        for category in CATEGORY_WEIGHTS:
            ja = [
                (stem + suffix, reading + suffix_reading, f"{romaji}-{suffix_romaji}")
                for stem, reading, romaji in JA_STEMS
                for suffix, suffix_reading, suffix_romaji in JA_SUFFIXES[category]
            ]
            en = [
                (f"{stem} {suffix}", "", f"{stem}-{suffix.split()[0]}".lower())
                for stem in EN_STEMS
                for suffix in EN_SUFFIXES[category]
            ]
            for english, names in ((False, ja), (True, en)):
                rng.shuffle(names)
                self._pools[category, english] = names
        self._used = dict.fromkeys(self._pools, 0)

    def next(self, category: str, english: bool) -> tuple[str, str, str]:
        """(name with its legal form, reading without it, web domain) not handed out before."""
        names = self._pools[category, english]
        branch, index = divmod(self._used[category, english], len(names))
        self._used[category, english] += 1
        name, reading, slug = names[index]
        if branch:
            region, region_reading, region_en = REGIONS[(branch - 1) % len(REGIONS)]
            if english:
                name = f"{name} {region_en}"
            else:
                name, reading = name + region, reading + region_reading
            slug = f"{slug}-{region_en.lower()}"
        if english:
            return name + self._rng.choice(EN_LEGAL_FORMS), "", f"{slug}.example.com"
        before, after = self._rng.choices(_JA_LEGAL_FORMS, weights=(45, 40, 5, 5, 5))[0]
        return before + name + after, reading, f"{slug}.example.jp"


def _phone(rng: Random) -> str:
    """A main line: mostly a city number, sometimes toll-free."""
    if rng.random() < 0.1:
        return f"0120-{rng.randint(100, 999)}-{rng.randint(100, 999)}"
    area, digits = rng.choice(_AREA_CODES)
    return f"{area}-{rng.randrange(10 ** (digits - 1), 10**digits)}-{rng.randint(1000, 9999)}"


def _mobile(rng: Random) -> str:
    return f"0{rng.choice('789')}0-{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}"


def _window(rng: Random, status: str, span: int, first_active: bool) -> tuple[int, int, float]:
    """(since_ago, until_ago, weight): when the vendor was around, and how busy it keeps us."""
    from_the_start = span + _NEWEST_SINCE + rng.randrange(365)
    if status == "prospect":  # cold callers of the past year
        return rng.randint(_NEWEST_SINCE, max(_NEWEST_SINCE, min(span, 365))), 0, 0.1
    if status == "inactive":
        return from_the_start, rng.randint(span // 3, span * 2 // 3), 0.5
    weight = min(rng.paretovariate(1.5), 20.0)  # a few vendors get most of the calls
    # The first active vendor is there from the start, so every month has someone to call.
    if first_active or rng.random() < 0.5:
        return from_the_start, 0, weight
    return rng.randint(_NEWEST_SINCE, span), 0, weight


def vendor_rows(
    rng: Random, days: Days, count: int, years: int, language: str | None = None
) -> tuple[list[VendorPlan], list[dict]]:
    """`count` vendors of every category: mostly active, some prospects, a few inactive.

    Notes and tags are in `language` (see `Phrases`); names stay what the companies are called.
    """
    names = _Names(rng)
    categories = spread(rng, count, CATEGORY_WEIGHTS)
    statuses = spread(rng, count, {"active": 82, "prospect": 11, "inactive": 7})
    plans, rows = [], []
    for vendor_id, category, status in zip(range(1, count + 1), categories, statuses, strict=True):
        first_active = status == "active" and all(plan.status != "active" for plan in plans)
        since_ago, until_ago, weight = _window(rng, status, years * 365, first_active)
        english = rng.random() < 0.15
        name, reading, domain = names.next(category, english)
        created_at = days.at(since_ago, rng.randint(9 * 3600, 18 * 3600))
        plan = VendorPlan(
            vendor_id, category, status, english, since_ago, until_ago, weight,
            created_at, _phone(rng), domain,
        )  # fmt: skip
        plans.append(plan)
        rows.append(
            {
                "id": vendor_id,
                "name": name,
                "reading": reading,
                "category": category,
                "status": status,
                "phone": plan.phone,
                "website": f"https://{domain}",
                "notes": pick(rng, VENDOR_NOTES[status], english_for(language, english)).format(
                    year=days.date(until_ago).year
                ),
                "tags": " ".join(
                    tag[language == "en"] for tag in rng.sample(TAGS[category], rng.randint(1, 3))
                ),
                "created_at": created_at,
                "updated_at": days.at(until_ago, 17 * 3600) if until_ago else created_at,
            }
        )
    return plans, rows


def _person(rng: Random, english: bool) -> tuple[str, str, str]:
    """(name, reading, the local part of an email address)."""
    if english and rng.random() < 0.5:
        name = rng.choice(EN_PEOPLE)
        return name, "", name.lower().replace(" ", ".")
    surname, surname_reading, surname_romaji = rng.choice(SURNAMES)
    given, given_reading, given_romaji = rng.choice(GIVEN_NAMES)
    return (
        f"{surname} {given}",
        f"{surname_reading} {given_reading}",
        f"{given_romaji}.{surname_romaji}",
    )


def contact_rows(
    rng: Random, plans: list[VendorPlan], count: int, language: str | None = None
) -> list[dict]:
    """`count` contacts: first one per vendor (its primary), the rest to the busier vendors."""
    per_vendor = [1 if index < count else 0 for index in range(len(plans))]
    weights = [math.sqrt(plan.weight) for plan in plans]
    for index in rng.choices(range(len(plans)), weights, k=max(0, count - len(plans))):
        per_vendor[index] += 1
    rows = []
    for plan, number in zip(plans, per_vendor, strict=True):
        english = english_for(language, plan.english)
        for position in range(number):
            name, reading, mailbox = _person(rng, plan.english)
            english_title = plan.english and rng.random() < 0.6
            role, departments = rng.choice(ROLES[english_title or language == "en"])
            created_at = plan.created_at + timedelta(minutes=5 * (position + 1))
            plan.contacts.append(len(rows) + 1)
            rows.append(
                {
                    "id": len(rows) + 1,
                    "vendor": plan.id,
                    "name": name,
                    "reading": reading,
                    "role": role,
                    "department": rng.choice(departments),
                    "phone": plan.phone if rng.random() < 0.6 else "",
                    "mobile": _mobile(rng) if rng.random() < 0.75 else "",
                    "email": f"{mailbox}@{plan.domain}",
                    "notes": pick(rng, CONTACT_NOTES, english),
                    "is_primary": position == 0,
                    "created_at": created_at,
                    "updated_at": created_at,
                }
            )
    return rows


class Past:
    """The past in 30-day months, month 0 the newest: how busy each was, who was in business."""

    def __init__(self, rng: Random, days: Days, vendors: list[VendorPlan], years: int):
        self._rng, self._days, self._vendors = rng, days, vendors
        self.months = math.ceil(years * 365 / MONTH)
        # Recent months are busier, so the demo's last weeks look alive.
        weights = [0.3 + math.exp(-month / 12) for month in range(self.months)]
        self._cum_weights = list(accumulate(weights))
        self._in_business: dict[tuple[int, bool], tuple[list[VendorPlan], list[float]]] = {}

    def month(self) -> int:
        """A month, the recent ones likelier."""
        return weighted(self._rng, range(self.months), self._cum_weights)

    def busy_months(self, count: int) -> Counter:
        """How many of `count` events fall in each month."""
        months = range(self.months)
        return Counter(self._rng.choices(months, cum_weights=self._cum_weights, k=count))

    def workday(self, month: int, newest_ago: int = 1) -> int:
        """A day of the month (in days ago, at least `newest_ago`), most likely a weekday."""
        newest = month * MONTH + 1
        return self._days.workday_ago(self._rng, max(newest_ago, newest), newest + MONTH - 1)

    def vendor(self, month: int, for_request: bool) -> VendorPlan:
        """A vendor in business all that month, the busy ones likelier; prospects only call."""
        key = month, for_request
        if key not in self._in_business:
            newest = month * MONTH + 1
            vendors = [
                vendor
                for vendor in self._vendors
                if vendor.in_business(newest, newest + MONTH - 1)
                and not (for_request and vendor.status == "prospect")
            ]
            self._in_business[key] = vendors, list(accumulate(v.weight for v in vendors))
        vendors, cum_weights = self._in_business[key]
        return weighted(self._rng, vendors, cum_weights)
