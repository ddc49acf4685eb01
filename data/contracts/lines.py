"""The contracts screen's list (DESIGN §13): a contract with its dates worked out once,
and the sorting and filtering done on what was read, so a change of either reads nothing
again. No ledger here: the table widget draws these lines."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from daicho.data.contracts.terms import ContractDates
from daicho.data.dates.fiscal_year import fiscal_year_span
from daicho.data.records import ContractRecord

SORTS = ("decision", "vendor", "term_end")


@dataclass(frozen=True)
class ContractLine:
    """A contract and where it stands on the day the list was read."""

    contract: ContractRecord
    dates: ContractDates

    def runs_in(self, first: date, last: date) -> bool:
        """Whether the contract runs on some day from `first` to `last`: from its stored
        term's start to its current term's end, or on with no end while it renews by itself."""
        contract = self.contract
        renews = contract.status == "active" and contract.renewal == "auto"
        return contract.start <= last and (renews or self.dates.term.end >= first)


@dataclass(frozen=True)
class ContractFilters:
    """What the contracts screen narrows the list to; None is everything."""

    vendor_id: int | None = None
    kind: str | None = None
    renewal: str | None = None
    fiscal_year: int | None = None

    def keeps(self, line: ContractLine) -> bool:
        contract = line.contract
        if self.vendor_id is not None and contract.vendor_id != self.vendor_id:
            return False
        if self.kind is not None and contract.kind != self.kind:
            return False
        if self.renewal is not None and contract.renewal != self.renewal:
            return False
        return self.fiscal_year is None or line.runs_in(*fiscal_year_span(self.fiscal_year))


def shown_lines(
    lines: Iterable[ContractLine], filters: ContractFilters, sort: str
) -> list[ContractLine]:
    """The lines `filters` keep, in the order `sort` (one of SORTS) names: by decision date
    (active contracts first), by vendor (as read), or by term end."""
    kept = [line for line in lines if filters.keeps(line)]
    if sort == "decision":
        kept.sort(key=lambda line: (line.contract.status != "active", line.dates.decision_date))
    elif sort == "term_end":
        kept.sort(key=lambda line: line.dates.term.end)
    return kept
