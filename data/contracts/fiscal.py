"""What the contracts come to in a 年度 (DESIGN §13): the 年度 report's figures (the 年度
itself is data/dates/fiscal_year.py's).

A contract runs through its terms: the earlier ones its history keeps (`renewed` events), the
stored one, and, while it is active and renews by itself, every renewal after it. A cancelled
or ended contract, and one renewed by agreement or not at all, stops at its stored term's end.
Terms that follow one another make one run of service.

Its cost in a 年度, as entered (tax included or not, never converted):
- `month`: the cost × the months of service starting inside the 年度. Months are counted from
  the run's first day as terms are (民法143条): from 01-31 they start 01-31, 03-01, 03-31, …
- `year`: the cost × the contract years starting inside the 年度, counted the same way.
- `once`: the cost in the 年度 holding the earliest start known (the first term's when the
  history has it, else the stored start).
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from daicho.data.contracts.store import list_contracts
from daicho.data.contracts.terms import Term, cancel_by, decision_date, next_term, term_end
from daicho.data.dates.business_days import BusinessCalendar
from daicho.data.dates.fiscal_year import fiscal_year_span
from daicho.data.dates.settings import business_calendar
from daicho.data.models import ContractEvent
from daicho.data.records import ContractRecord

_STEPS = {"month": 1, "year": 12}  # months between the starts a periodic cost is paid for


@dataclass(frozen=True)
class ContractInYear:
    """A contract in a 年度: its terms overlapping it, its cost within it (None when no cost is
    entered) over `units` months, contract years or one-off payments, and its decision dates
    falling in it."""

    contract: ContractRecord
    terms: tuple[Term, ...]
    cost: int | None
    units: int
    decisions: tuple[date, ...]


@dataclass(frozen=True)
class Totals:
    """Costs added up apart by how they were entered; None where no contract has such a cost."""

    tax_included: int | None
    tax_excluded: int | None


@dataclass(frozen=True)
class VendorInYear:
    vendor_id: int
    vendor_name: str
    contracts: tuple[ContractInYear, ...]

    @property
    def totals(self) -> Totals:
        return totals_of(self.contracts)


@dataclass(frozen=True)
class FiscalYearContracts:
    """The 年度 report's figures: per vendor (in vendor order), its contracts running in it."""

    year: int
    first: date
    last: date
    vendors: tuple[VendorInYear, ...]

    @property
    def contracts(self) -> tuple[ContractInYear, ...]:
        return tuple(c for vendor in self.vendors for c in vendor.contracts)

    @property
    def totals(self) -> Totals:
        return totals_of(self.contracts)


def fiscal_year_contracts(year: int) -> FiscalYearContracts:
    """The contracts of the ledger running in 年度 `year`, by the configured calendar."""
    first, last = fiscal_year_span(year)
    earlier = _earlier_terms()
    calendar = business_calendar()
    vendors: dict[int, VendorInYear] = {}
    for contract in list_contracts():
        found = contract_in_year(contract, earlier.get(contract.id, ()), first, last, calendar)
        if found is None:
            continue
        vendor = vendors.get(contract.vendor_id)
        held = vendor.contracts if vendor else ()
        vendors[contract.vendor_id] = VendorInYear(
            contract.vendor_id, contract.vendor_name, (*held, found)
        )
    return FiscalYearContracts(year, first, last, tuple(vendors.values()))


def contract_in_year(
    contract: ContractRecord,
    earlier: Iterable[tuple[date, date]],
    first: date,
    last: date,
    calendar: BusinessCalendar,
) -> ContractInYear | None:
    """`contract` in the 年度 from `first` to `last`, given the spans of its earlier terms;
    None when it neither runs nor has a decision in it."""
    terms, decisions = [], []
    for term in terms_run(contract, earlier):
        notice = cancel_by(term.end, contract.notice_months, contract.notice_days, calendar)
        decided = decision_date(contract.renewal, term.end, notice)
        if term.start > last and decided > last:
            break
        terms.append(term)
        if first <= decided <= last:
            decisions.append(decided)
    inside = tuple(term for term in terms if term.start <= last and term.end >= first)
    if not inside and not decisions:
        return None
    units = units_in_year(contract.cost_period, terms, first, last)
    cost = None if contract.cost is None else contract.cost * units
    return ContractInYear(contract, inside, cost, units, tuple(decisions))


def terms_run(contract: ContractRecord, earlier: Iterable[tuple[date, date]]) -> Iterator[Term]:
    """The contract's terms in order: the earlier ones (their spans, before the stored start),
    the stored one, then, while it is active and renews by itself, every renewal (endless)."""
    spans = sorted(span for span in set(earlier) if span[0] < contract.start)
    for back, (start, end) in enumerate(spans):
        months = _months_of(start, end) or contract.term_months
        yield Term(contract.term_no - len(spans) + back, start, end, months)
    term = Term(
        contract.term_no,
        contract.start,
        term_end(contract.start, contract.term_months),
        contract.term_months,
    )
    yield term
    if contract.renewal != "auto" or contract.status != "active":
        return
    while True:
        term = next_term(term, contract.renewal_term_months)
        yield term


def units_in_year(period: str, terms: list[Term], first: date, last: date) -> int:
    """How many times a cost per `period` is paid in the 年度 for a contract running `terms`
    (given in order, up to the first past the 年度)."""
    if not terms:
        return 0
    if period == "once":
        return 1 if first <= terms[0].start <= last else 0
    step = _STEPS[period]
    return sum(
        first <= day
        for run_start, run_end in _runs(terms)
        for day in period_starts(run_start, step, min(run_end, last))
    )


def period_starts(start: date, months: int, until: date) -> Iterator[date]:
    """The first days of the periods of `months` months from `start`, up to `until`."""
    day, count = start, 0
    while day <= until:
        yield day
        count += 1
        day = term_end(start, count * months) + timedelta(days=1)


def totals_of(contracts: Iterable[ContractInYear]) -> Totals:
    included = [c.cost for c in contracts if c.cost is not None and c.contract.tax_included]
    excluded = [c.cost for c in contracts if c.cost is not None and not c.contract.tax_included]
    return Totals(sum(included) if included else None, sum(excluded) if excluded else None)


def _runs(terms: list[Term]) -> Iterator[tuple[date, date]]:
    """The spans of service the terms make: those that follow one another joined."""
    start, end = terms[0].start, terms[0].end
    for term in terms[1:]:
        if term.start != end + timedelta(days=1):
            yield start, end
            start = term.start
        end = max(end, term.end)
    yield start, end


def _months_of(start: date, end: date) -> int | None:
    """The length in months of a term from `start` to `end`, if it is a whole number."""
    around = (end.year - start.year) * 12 + end.month - start.month
    return next((m for m in (around, around + 1) if m > 0 and term_end(start, m) == end), None)


def _earlier_terms() -> dict[int, list[tuple[date, date]]]:
    """Per contract, the spans of the terms its renewals left behind (`start..end`)."""
    found: dict[int, list[tuple[date, date]]] = {}
    query = ContractEvent.select(ContractEvent.contract, ContractEvent.old_value).where(
        ContractEvent.kind == "renewed"
    )
    for contract_id, span in query.tuples():
        start, _sep, end = span.partition("..")
        try:
            found.setdefault(contract_id, []).append(
                (date.fromisoformat(start), date.fromisoformat(end))
            )
        except ValueError:  # an event of an older shape: its term is unknown
            continue
    return found
