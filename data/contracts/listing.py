"""Every contract with its dates on a day, read in one query for the contracts screen."""

from datetime import date

from daicho.data.contracts.lines import ContractLine
from daicho.data.contracts.store import contract_query, contract_records
from daicho.data.contracts.terms import contract_dates
from daicho.data.dates.settings import business_calendar
from daicho.data.models import Contract, Vendor


def contract_lines(today: date, vendor_id: int | None = None) -> list[ContractLine]:
    """Every contract (of one vendor when given) with its dates on `today`, by vendor and
    title."""
    calendar = business_calendar()
    query = contract_query().order_by(Vendor.sort_key, Contract.title, Contract.id)
    if vendor_id is not None:
        query = query.where(Contract.vendor == vendor_id)
    return [
        ContractLine(record, contract_dates(record, today, calendar))
        for record in contract_records(query)
    ]
