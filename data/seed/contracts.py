"""The sample ledger's contracts (DESIGN §13) and their history, as rows ready to insert.

The first few are the demo's: the contracts a 情シス keeps (a copier's maintenance that
renews by itself on three months' notice, a Microsoft 365 subscription, a leased line, a
server's maintenance renewed by agreement, a UTM on lease…), dated from the seed's today
so that one decision is always due within the month, one contract has been renewed and
one cancelled. The rest, for the large sizes, are drawn: about one per vendor in business.
No reminder is fired here: the app's catch-up does that when it starts.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from random import Random

from daicho.data.contracts.terms import months_before, term_end
from daicho.data.seed.directory import WORKDAY, Days, VendorPlan
from daicho.data.seed.text import ITEMS, english_for


@dataclass(frozen=True)
class _Showcase:
    titles: tuple[str, str]  # Japanese, English
    kind: str
    category: str  # of the vendor it goes to
    term_months: int
    renewal: str
    notice: tuple[int | None, int | None]  # months, days
    cost: int
    cost_period: str
    decide_in: int  # days from today to the current term's decision, roughly
    renewed: bool = False  # in its second term, the first one in its history
    cancelled_ago: int | None = None  # notice given this many days ago


SHOWCASE = (
    _Showcase(("複合機保守契約", "Copier maintenance"), "maintenance", "maintenance", 12, "auto",
              (3, None), 18_000, "month", 20),
    _Showcase(("Microsoft 365 Business Standard", "Microsoft 365 Business Standard"), "license",
              "cloud", 12, "auto", (None, 30), 562_200, "year", 75),
    _Showcase(("光回線 専用線サービス", "Leased fiber line"), "line", "telecom", 24, "auto",
              (1, None), 55_000, "month", 200),
    _Showcase(("基幹サーバ保守(年次更新)", "Core server maintenance (yearly)"), "maintenance",
              "hardware", 12, "agreement", (2, None), 480_000, "year", 110, renewed=True),
    _Showcase(("UTM リース契約", "UTM lease"), "lease", "hardware", 60, "none",
              (None, None), 9_800, "month", 400),
    _Showcase(("ウイルス対策ソフト 年間ライセンス", "Antivirus yearly licence"), "license",
              "software", 12, "auto", (None, 60), 132_000, "year", 40, cancelled_ago=6),
    _Showcase(("ヘルプデスク支援契約", "Help desk support"), "support", "software", 6, "auto",
              (1, None), 40_000, "month", 5),
    _Showcase(("ドメイン・DNS 管理", "Domain and DNS management"), "other", "cloud", 12, "auto",
              (None, 14), 3_300, "year", -3),
)  # fmt: skip

_KINDS_FOR = {
    "hardware": ("maintenance", "lease"),
    "telecom": ("line",),
    "software": ("license", "support"),
    "cloud": ("license",),
    "maintenance": ("maintenance", "support"),
    "other": ("other", "lease"),
}
_TITLES = {
    "maintenance": ("{item} 保守契約", "{item} maintenance"),
    "license": ("{item} 年間ライセンス", "{item} subscription"),
    "lease": ("{item} リース契約", "{item} lease"),
    "line": ("{item} 回線契約", "{item} service"),
    "support": ("{item} サポート契約", "{item} support"),
    "other": ("{item} 業務委託契約", "{item} service agreement"),
}
_RENEWALS = {"auto": 60, "agreement": 25, "none": 15}
_TERMS = (12, 12, 12, 24, 36, 60)


class Contracts:
    """Rows for the `contract` and `contract_event` tables; ids from 1."""

    def __init__(self, rng: Random, days: Days, vendors: list[VendorPlan], language: str | None):
        self._rng, self._days, self._language = rng, days, language
        self._vendors = [vendor for vendor in vendors if vendor.status != "prospect"]
        self.contracts: list[dict] = []
        self.events: list[dict] = []

    def rows(self, count: int) -> tuple[list[dict], list[dict]]:
        """`count` contracts: the showcase first, then drawn ones a vendor in business each."""
        used = set()
        for spec in SHOWCASE[:count]:
            vendor = self._vendor_for(spec.category, used)
            used.add(vendor.id)
            self._showcase(spec, vendor)
        for n in range(count - len(self.contracts)):
            self._drawn(self._vendors[n % len(self._vendors)])
        return self.contracts, self.events

    def _vendor_for(self, category: str, used: set[int]) -> VendorPlan:
        """The longest-known active vendor of `category` without a showcase contract yet (so
        that a history years long fits in its time in the ledger), else of any category."""
        active = [v for v in self._vendors if v.status == "active" and v.id not in used]
        return max(active, key=lambda v: (v.category == category, v.since_ago, -v.id))

    def _showcase(self, spec: _Showcase, vendor: VendorPlan) -> None:
        today = self._days.today
        months, days = spec.notice
        # The term whose decision is `decide_in` days away: for a contract that renews by
        # itself that is the cancel-by date, for the others the term's end.
        decided = today + timedelta(days=spec.decide_in + (days or 0))
        ahead = (months or 0) if spec.renewal == "auto" else 0
        start = months_before(decided, spec.term_months - ahead) + timedelta(days=1)
        english = english_for(self._language, vendor.english)
        row = self._row(vendor, spec.titles[english], spec.kind, start, spec.term_months)
        row.update(
            renewal=spec.renewal,
            notice_months=months,
            notice_days=(days or 0) if months is None else None,
            cost=spec.cost,
            cost_period=spec.cost_period,
            tax_included=spec.cost_period == "year",  # yearly fees are quoted with tax
        )
        first = start
        if spec.renewed:
            first = months_before(start, spec.term_months)
            row["term_no"] = 2
        created = self._created(vendor, first)
        row["created_at"] = row["updated_at"] = created
        self._event(row, created, "created", new_value=first.isoformat())
        if spec.renewed:
            renewed = self._days.at(self._ago(start) + 30, WORKDAY[0] + 3600)
            old = f"{first.isoformat()}..{(start - timedelta(days=1)).isoformat()}"
            new = f"{start.isoformat()}..{term_end(start, spec.term_months).isoformat()}"
            self._event(row, renewed, "renewed", old_value=old, new_value=new)
            row.update(updated_at=renewed, version=row["version"] + 1)
        if spec.cancelled_ago is not None:
            given = self._days.date(spec.cancelled_ago)
            at = self._days.at(spec.cancelled_ago, WORKDAY[0] + 7200)
            row.update(status="cancelled", notice_given=given, updated_at=at)
            row["version"] += 1
            self._event(row, at, "cancelled", old_value="active", new_value=given.isoformat())
        self.contracts.append(row)

    def _drawn(self, vendor: VendorPlan) -> None:
        rng = self._rng
        kind = rng.choice(_KINDS_FOR[vendor.category])
        item = rng.choice(ITEMS[vendor.category])
        english = english_for(self._language, vendor.english)
        title = _TITLES[kind][english].format(item=item[english])
        term = rng.choice(_TERMS)
        renewal = rng.choices(list(_RENEWALS), weights=list(_RENEWALS.values()))[0]
        # One that renews by itself may have started years ago; the others run now, or ran
        # until their vendor went out of business.
        back = rng.randrange(3 * 365) if renewal == "auto" else rng.randrange(term * 28)
        start = self._days.date(vendor.until_ago + back)
        row = self._row(vendor, title, kind, start, term)
        notice_months = rng.choice((1, 2, 3)) if rng.random() < 0.7 else None
        monthly = rng.random() < 0.6
        row.update(
            renewal=renewal,
            notice_months=notice_months,
            notice_days=rng.choice((30, 60, 90)) if notice_months is None else None,
            cost=rng.randrange(20, 2_000) * (100 if monthly else 1_000),
            cost_period="month" if monthly else "year",
            tax_included=rng.random() < 0.3,
        )
        created = self._created(vendor, start)
        row["created_at"] = row["updated_at"] = created
        self._event(row, created, "created", new_value=start.isoformat())
        if vendor.until_ago:  # the vendor is gone: so is its contract
            ended = self._days.at(vendor.until_ago, WORKDAY[1] - 3600)
            row.update(status="ended", updated_at=ended, version=2)
            self._event(row, ended, "ended", old_value="active", new_value="ended")
        self.contracts.append(row)

    def _row(self, vendor: VendorPlan, title: str, kind: str, start: date, term: int) -> dict:
        return {
            "id": len(self.contracts) + 1,
            "vendor": vendor.id,
            "title": title,
            "kind": kind,
            "number": f"C-{start.year}-{len(self.contracts) + 1:05d}",
            "start": start,
            "term_no": 1,
            "term_months": term,
            "status": "active",
            "notice_given": None,
            "version": 1,
        }

    def _ago(self, day: date) -> int:
        return (self._days.today - day).days

    def _created(self, vendor: VendorPlan, start: date):
        """Entered about a fortnight before it started, while the vendor was in the ledger,
        and never today or later."""
        days_ago = min(vendor.since_ago - 1, max(1, self._ago(start) + 14))
        return self._days.at(days_ago, self._rng.randrange(*WORKDAY))

    def _event(self, contract: dict, at, kind: str, old_value: str = "", new_value: str = ""):
        self.events.append(
            {
                "id": len(self.events) + 1,
                "contract": contract["id"],
                "at": at,
                "kind": kind,
                "old_value": old_value,
                "new_value": new_value,
            }
        )
