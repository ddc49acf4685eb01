"""The contracts kept (DESIGN §13): add and change them, renew, end and cancel them, and
their history. Every change is checked whole before anything is written."""

from datetime import date

from daicho.data.contracts.events import record_event
from daicho.data.contracts.reminders import catch_up
from daicho.data.contracts.terms import (
    ContractDates,
    Term,
    contract_dates,
    current_term,
    first_term,
    lead_days_text,
    next_term,
    parse_lead_days,
    term_end,
)
from daicho.data.dates import clock
from daicho.data.dates.settings import business_calendar
from daicho.data.engines import stored_date, stored_time
from daicho.data.errors import InputError, NotFound
from daicho.data.models import Contract, ContractEvent, Vendor, database
from daicho.data.records import (
    CONTRACT_KINDS,
    CONTRACT_RENEWALS,
    COST_PERIODS,
    ContractRecord,
    RequestEventRecord,
)
from daicho.data.requests import vendor_id_of
from daicho.data.search.index import index_new, reindexing
from daicho.data.text import clean_block, clean_line
from daicho.data.validate import LARGEST_COLUMN_INTEGER, choice, required_line
from daicho.data.versions import created, edit_conflict, write_change
from daicho.i18n import _

FIELDS = (
    "title",
    "kind",
    "number",
    "start",
    "term_months",
    "renewal",
    "renewal_term_months",
    "notice_months",
    "notice_days",
    "reminder_days",
    "cost",
    "cost_period",
    "tax_included",
    "notes",
)
"""What the user writes in a contract (`add_contract`'s and `edit_contract`'s keywords)."""

LONGEST_TERM_MONTHS = 1200


_COLUMNS = (
    Contract.id,
    Contract.vendor,
    Vendor.name,
    Contract.title,
    Contract.kind,
    Contract.number,
    Contract.start,
    Contract.term_no,
    Contract.term_months,
    Contract.renewal,
    Contract.renewal_term_months,
    Contract.notice_months,
    Contract.notice_days,
    Contract.reminder_days,
    Contract.cost,
    Contract.cost_period,
    Contract.tax_included,
    Contract.notes,
    Contract.status,
    Contract.notice_given,
    Contract.created_at,
    Contract.updated_at,
    Contract.created_by,
    Contract.changed_by,
    Contract.version,
    Contract.snoozed_until,
)  # a ContractRecord's fields, in its order


def _places(*fields) -> list[int]:
    """Where `fields` are among _COLUMNS (a column compared with `==` makes an expression)."""
    return [i for i, column in enumerate(_COLUMNS) if any(column is field for field in fields)]


# The columns read otherwise than the record holds them.
_DAYS = _places(Contract.start, Contract.notice_given, Contract.snoozed_until)
_TIMES = _places(Contract.created_at, Contract.updated_at)
(_LEADS,) = _places(Contract.reminder_days)
(_TAX,) = _places(Contract.tax_included)


def contract_query():
    """Contracts with their vendor's name, for `contract_records`."""
    return Contract.select(*_COLUMNS).join(Vendor)


def contract_records(query) -> list[ContractRecord]:
    """The contracts `query` (contract_query(), narrowed or ordered) reads, from raw rows: a
    model object for each, or peewee's conversions, would take several times as long on a
    list of 2,000."""
    records = []
    for row in database.execute(query).fetchall():  # raw: peewee's conversions cost more
        values = list(row)
        for i in _DAYS:
            values[i] = stored_date(values[i])
        for i in _TIMES:
            values[i] = stored_time(values[i])
        values[_LEADS] = tuple(int(word) for word in values[_LEADS].split())
        values[_TAX] = bool(values[_TAX])
        records.append(ContractRecord(*values))
    return records


def get_contract(contract_id: int) -> ContractRecord:
    found = contract_records(contract_query().where(Contract.id == contract_id))
    if not found:
        raise NotFound(_("No contract with id {id}", id=contract_id))
    return found[0]


def list_contracts(vendor_id: int | None = None) -> list[ContractRecord]:
    """Every contract (of one vendor when given), by vendor and title."""
    query = contract_query()
    if vendor_id is not None:
        query = query.where(Contract.vendor == vendor_id)
    return contract_records(query.order_by(Vendor.sort_key, Contract.title))


def dates_on(contract: ContractRecord, today: date) -> ContractDates:
    """The contract's current term, cancel-by and decision dates by the configured calendar."""
    return contract_dates(contract, today, business_calendar())


def add_contract(vendor: int | str, **fields) -> ContractRecord:
    """A new contract with a vendor named by id or as typed; `fields` as in FIELDS (title,
    start and term_months needed). InputError, naming the field, when they do not hold."""
    with database.atomic():
        vendor_id = vendor_id_of(vendor)
        values = _checked({**_NEW, **fields})
        now = clock.utcnow()
        row = Contract.create(
            vendor=vendor_id, created_at=now, updated_at=now, **values, **created()
        )
        record_event(row.id, now, "created", new_value=row.start.isoformat())
        index_new("contract", row.id)
        catch_up(clock.today(), row.id)
    return get_contract(row.id)


def edit_contract(
    contract_id: int, *, expected_version: int | None = None, **changes
) -> ContractRecord:
    """Change what the user wrote (FIELDS); the history records which fields changed.
    EditConflict when someone changed the contract since `expected_version`."""
    with database.atomic(), reindexing("contract", contract_id):
        row = _row(contract_id)
        if "notice_months" in changes or "notice_days" in changes:  # one replaces the other
            changes = {"notice_months": None, "notice_days": None, **changes}
        values = _checked({**_stored(row), **changes})
        changed = [name for name in changes if values[name] != getattr(row, name)]
        if not changed:
            return get_contract(contract_id)
        _write(row, {name: values[name] for name in changed}, expected_version)
        record_event(contract_id, clock.utcnow(), "edited", new_value=", ".join(changed))
        catch_up(clock.today(), contract_id)  # new dates re-arm what has not fired for them
    return get_contract(contract_id)


def renew_contract(contract_id: int, today: date, expected_version: int | None = None) -> Term:
    """Move an active contract to the term after the one running on `today`; every term left
    behind is a `renewed` event of its history. Returns the new term."""
    with database.atomic():
        row = _row(contract_id)
        contract = get_contract(row.id)
        if contract.status != "active":
            raise InputError(_("Only an active contract can be renewed"))
        new = next_term(current_term(contract, today), contract.renewal_term_months)
        _write(row, _term_columns(new), expected_version)
        _record_renewals(contract, new)
        catch_up(clock.today(), contract_id)
    return new


def end_contract(contract_id: int, expected_version: int | None = None) -> ContractRecord:
    """The contract ran out (満了) and is not renewed."""
    return _set_status(contract_id, "ended", None, "ended", expected_version)


def cancel_contract(
    contract_id: int, notice_given: date, expected_version: int | None = None
) -> ContractRecord:
    """Notice was given on `notice_given`: the contract ends with its current term."""
    return _set_status(contract_id, "cancelled", notice_given, "cancelled", expected_version)


def reopen_contract(contract_id: int, expected_version: int | None = None) -> ContractRecord:
    """Back to active after an end or a cancel entered by mistake."""
    return _set_status(contract_id, "active", None, "reopened", expected_version)


def snooze_contract(
    contract_id: int, until: date | None, expected_version: int | None = None
) -> ContractRecord:
    """Keep the contract off the Today list until `until` (it comes back that day); None
    brings it back now."""
    with database.atomic():
        row = _row(contract_id)
        before = row.snoozed_until
        _write(row, {"snoozed_until": until}, expected_version)
        record_event(
            contract_id,
            clock.utcnow(),
            "snoozed",
            old_value=before.isoformat() if before else "",
            new_value=until.isoformat() if until else "",
        )
    return get_contract(contract_id)


def contract_history(contract_id: int) -> list[RequestEventRecord]:
    """The contract's events, oldest first."""
    query = (
        ContractEvent.select()
        .where(ContractEvent.contract == contract_id)
        .order_by(ContractEvent.at, ContractEvent.id)
    )
    return [
        RequestEventRecord(e.at, e.kind, e.old_value, e.new_value, e.note, e.created_by)
        for e in query
    ]


# --- checks --------------------------------------------------------------------------------

_NEW = {
    "kind": "other",
    "number": "",
    "renewal": "auto",
    "renewal_term_months": None,
    "notice_months": None,
    "notice_days": None,
    "reminder_days": (90, 30, 7),
    "cost": None,
    "cost_period": "month",
    "tax_included": False,
    "notes": "",
}


def checked_columns(columns: dict) -> dict:
    """A contract's stored columns (an import's row, the lead times as text) as adding it
    would store them; InputError, naming the field, for what adding it would refuse."""
    fields = {name: columns[name] for name in FIELDS if name != "reminder_days"}
    leads = parse_lead_days(columns["reminder_days"])
    return {**columns, **_checked({**fields, "reminder_days": leads})}


def _stored(row: Contract) -> dict:
    record = get_contract(row.id)
    return {name: getattr(record, name) for name in FIELDS}


def _checked(fields: dict) -> dict:
    """The columns to store for `fields`, or an InputError naming the first field wrong."""
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise TypeError(f"unknown contract fields {sorted(unknown)}")
    start, months = fields.get("start"), fields.get("term_months")
    if not isinstance(start, date):
        raise InputError(_("A contract needs its start date"), "start")
    if not isinstance(months, int) or not 0 < months <= LONGEST_TERM_MONTHS:
        raise InputError(_("The term must end after it starts"), "term_months")
    renewal_months = fields["renewal_term_months"]
    if renewal_months is not None and not 0 < renewal_months <= LONGEST_TERM_MONTHS:
        raise InputError(_("The renewal term must be at least a month"), "renewal_term_months")
    notice_months, notice_days = fields["notice_months"], fields["notice_days"]
    if notice_months is None and notice_days is None:
        notice_days = 0
    if notice_months is not None and notice_days is not None:
        raise InputError(_("A notice period is in months or in days, not both"), "notice")
    if (notice_months or 0) < 0 or (notice_days or 0) < 0:
        raise InputError(_("A notice period cannot be negative"), "notice")
    end = term_end(start, months)
    if (notice_months or 0) > months or (notice_days or 0) > (end - start).days + 1:
        raise InputError(_("The notice period is longer than the term"), "notice")
    cost = fields["cost"]
    if cost is not None and not 0 <= cost <= LARGEST_COLUMN_INTEGER:
        raise InputError(_("The cost must be a whole number of yen"), "cost")
    leads = tuple(fields["reminder_days"])
    if any(not 0 < lead <= 3660 for lead in leads):
        raise InputError(_("Reminder days are between 1 and 3660"), "reminder_days")
    return {
        "title": required_line(fields.get("title"), _("Contract name")),
        "kind": choice(fields["kind"], CONTRACT_KINDS, _("Kind")),
        "number": clean_line(fields["number"]),
        "start": start,
        "term_months": months,
        "renewal": choice(fields["renewal"], CONTRACT_RENEWALS, _("Renewal")),
        "renewal_term_months": renewal_months,
        "notice_months": notice_months,
        "notice_days": notice_days,
        "reminder_days": lead_days_text(tuple(sorted(set(leads), reverse=True))),
        "cost": cost,
        "cost_period": choice(fields["cost_period"], COST_PERIODS, _("Cost per")),
        "tax_included": bool(fields["tax_included"]),
        "notes": clean_block(fields["notes"]),
    }


def _row(contract_id: int) -> Contract:
    row = Contract.get_or_none(Contract.id == contract_id)
    if row is None:
        raise NotFound(_("No contract with id {id}", id=contract_id))
    return row


def _write(row: Contract, values: dict, expected_version: int | None) -> None:
    if not write_change(row, values, clock.utcnow(), expected_version):
        now = _row(row.id)
        raise edit_conflict("contract", now.changed_by, now.updated_at, now.version)


def _set_status(contract_id, status, notice_given, kind, expected_version) -> ContractRecord:
    """Change the status; ending or cancelling an active contract that renewed by itself
    keeps the term it has renewed into (the one running on the notice day, or today), so that
    it ends with that term, the earlier ones in its history."""
    with database.atomic():
        row = _row(contract_id)
        contract = get_contract(row.id)
        values = {"status": status, "notice_given": notice_given}
        if status != "active" and contract.status == "active":
            term = current_term(contract, notice_given or clock.today())
            if term.number != contract.term_no:
                values |= _term_columns(term)
                _record_renewals(contract, term)
        _write(row, values, expected_version)
        record_event(
            contract_id,
            clock.utcnow(),
            kind,
            old_value=row.status,
            new_value=notice_given.isoformat() if notice_given else status,
        )
        catch_up(clock.today(), contract_id)  # a contract reopened may have one due
    return get_contract(contract_id)


def _term_columns(term: Term) -> dict:
    return {"start": term.start, "term_no": term.number, "term_months": term.months}


def _record_renewals(contract: ContractRecord, new: Term) -> None:
    """A `renewed` event for each term from the stored one up to the one before `new`."""
    at = clock.utcnow()
    for old in _terms_before(contract, new):
        following = next_term(old, contract.renewal_term_months)
        record_event(contract.id, at, "renewed", old_value=_span(old), new_value=_span(following))


def _span(term: Term) -> str:
    return f"{term.start.isoformat()}..{term.end.isoformat()}"


def _terms_before(contract: ContractRecord, new: Term) -> list[Term]:
    """The terms from the stored one up to the one before `new`, each left behind."""
    terms = []
    term = first_term(contract)
    while term.start < new.start:
        terms.append(term)
        term = next_term(term, contract.renewal_term_months)
    return terms
