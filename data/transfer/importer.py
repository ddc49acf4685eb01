"""A TOML export back into the ledger (DESIGN §5): checked whole, then written all at once.

The document is checked before anything is written: its format marker and schema
version (an older export is first brought to today's shape, `older.py`), then every row's
keys, types, stored values and references. The first problem stops the import with one
line naming the table, the row and what is wrong. Text is cleaned as the services clean
what is typed.

Ids are kept, so export, import and export again give the same bytes. A row the ledger
already holds as it is is skipped and counted; the same id with other content stops the
import (`import_existing.py`). Asked to add the rows as new, the import numbers them on
after the highest id in use and every reference follows them: nothing existing is
overwritten. The search index is not exported: the import writes it, in the same
transaction.
"""

from datetime import UTC, date, datetime
from pathlib import Path

from peewee import (
    AutoField,
    BooleanField,
    DateField,
    DateTimeField,
    Field,
    ForeignKeyField,
    IntegerField,
    Model,
    chunked,
    fn,
)

from daicho.data import engines
from daicho.data.contracts.store import checked_columns
from daicho.data.dates import clock
from daicho.data.errors import InputError
from daicho.data.migrations import LATEST_VERSION
from daicho.data.models import (
    LEDGER_MODELS,
    Call,
    Contact,
    Contract,
    ContractEvent,
    Decision,
    Request,
    RequestEvent,
    Vendor,
    database,
)
from daicho.data.names.key_columns import store_name_keys, stored_fields
from daicho.data.records import (
    CALL_CHANNELS,
    CALL_DIRECTIONS,
    CONTRACT_EVENT_KINDS,
    CONTRACT_KINDS,
    CONTRACT_RENEWALS,
    CONTRACT_STATUSES,
    COST_PERIODS,
    REQUEST_DIRECTIONS,
    REQUEST_EVENT_KINDS,
    REQUEST_PRIORITIES,
    REQUEST_STATUSES,
    VENDOR_CATEGORIES,
    VENDOR_STATUSES,
)
from daicho.data.search.index import index_many, rebuild_index
from daicho.data.text import clean_block, clean_line, split_tags
from daicho.data.transfer.existing import split_known
from daicho.data.transfer.export import FORMAT_MARKER, TABLES
from daicho.data.transfer.older import as_latest
from daicho.data.transfer.source import check_field_length, is_json_name, parse_export, read_export
from daicho.data.transfer.summary import ImportSummary
from daicho.data.validate import LARGEST_COLUMN_INTEGER, LARGEST_INTEGER, choice, required_line
from daicho.i18n import _
from daicho.shown import shown_name

_ENUMS = {
    (Vendor, "category"): VENDOR_CATEGORIES,
    (Vendor, "status"): VENDOR_STATUSES,
    (Call, "direction"): CALL_DIRECTIONS,
    (Call, "channel"): CALL_CHANNELS,
    (Request, "direction"): REQUEST_DIRECTIONS,
    (Request, "priority"): REQUEST_PRIORITIES,
    (Request, "status"): REQUEST_STATUSES,
    (RequestEvent, "kind"): REQUEST_EVENT_KINDS,
    (Contract, "kind"): CONTRACT_KINDS,
    (Contract, "renewal"): CONTRACT_RENEWALS,
    (Contract, "cost_period"): COST_PERIODS,
    (Contract, "status"): CONTRACT_STATUSES,
    (ContractEvent, "kind"): CONTRACT_EVENT_KINDS,
}
_TABLE_OF = {model: key for key, model in TABLES.items()}
# Multi-line text; the rest is one line.
_BLOCK_FIELDS = {"notes", "internal_notes", "body", "answer", "note"}
_BATCH_ROWS = 500  # rows per INSERT, well under SQLite's limit of bound values
# Times that every time zone can show: a day further out overflows Python's dates.
_FIRST_TIME = datetime(2, 1, 1, tzinfo=UTC)
_AFTER_LAST_TIME = datetime(9999, 1, 1, tzinfo=UTC)


def import_file(path: Path, *, as_new: bool = False) -> ImportSummary:
    """Import the TOML or JSON export at `path`; `as_new` adds every row with a new id."""
    return import_text(read_export(path), as_new=as_new, json_name=is_json_name(path))


def import_text(text: str, *, as_new: bool = False, json_name: bool = False) -> ImportSummary:
    """Check the whole export, then add its rows in one transaction: all of them or none."""
    tables = _checked_tables(parse_export(text, json_name=json_name))
    with database.exclusive():  # no other window may take the ids we hand out
        return _insert(tables, as_new=as_new)


def _checked_tables(document: dict) -> dict[str, list[dict]]:
    """Each table's rows, checked and cleaned, as column name to value."""
    if document.get("format") != FORMAT_MARKER:
        raise InputError(
            _('Not a Daicho export: it needs format = "{marker}"', marker=FORMAT_MARKER)
        )
    version = document.get("schema_version")
    _expect(_is_whole_number(version, minimum=1), "schema_version", _("a positive whole number"))
    if version > LATEST_VERSION:
        raise InputError(
            _(
                "The export comes from a newer Daicho (schema {found}; this one knows {known})",
                found=version,
                known=LATEST_VERSION,
            )
        )
    document = as_latest(document, version)
    unknown = sorted(document.keys() - {"format", "schema_version", *TABLES})
    if unknown:
        raise InputError(_("Unknown table {table}", table=shown_name(unknown[0])))
    ids: dict[type[Model], set[int]] = {}
    checked: dict[str, list[dict]] = {}
    for key, model in TABLES.items():
        rows = document.get(key, [])
        if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
            raise InputError(_("{table} must be an array of tables [[{table}]]", table=key))
        ids[model] = set()
        checked[key] = [_checked_row(key, model, row, n, ids) for n, row in enumerate(rows, 1)]
    _check_contacts_work_at_their_vendor(checked)
    _check_reminders_fired_once(checked["contract_reminders"])
    return checked


def _checked_row(key: str, model: type[Model], row: dict, number: int, ids: dict) -> dict:
    """One row, cleaned; `ids` collects each table's ids for the references after it."""
    try:
        fields = {field.column_name: field for field in stored_fields(model)}
        extra = {"decisions"} if model is Call else set()
        unknown = sorted(row.keys() - fields.keys() - extra)
        if unknown:
            raise InputError(_("unknown field {field}", field=shown_name(unknown[0])))
        values = {name: _checked_value(model, field, row) for name, field in fields.items()}
        if model is Call:
            values["decisions"] = _checked_decisions(row.get("decisions", []))
        if model is Contract:
            values = checked_columns(values)
        for field in fields.values():
            if isinstance(field, ForeignKeyField) and values[field.column_name] is not None:
                _check_reference(field, values[field.column_name], ids[field.rel_model])
        if values["id"] in ids[model]:
            raise InputError(_("another row has the same id"))
        ids[model].add(values["id"])
        return values
    except InputError as error:
        raise _row_error(key, row, number, error) from None


def _row_error(key: str, row: dict, number: int, error: InputError) -> InputError:
    """The problem, prefixed with the row's id, or its place in the table when the id is bad."""
    if _is_whole_number(row.get("id"), minimum=1):
        return InputError(_("{table} id {id}: {problem}", table=key, id=row["id"], problem=error))
    return InputError(
        _("{table} entry {number}: {problem}", table=key, number=number, problem=error)
    )


def _checked_value(model: type[Model], field: Field, row: dict):
    """The row's value for `field` as the ledger stores it; the model's default when left out."""
    name = field.column_name
    if name not in row:
        if field.null or field.default is not None:
            return field.default
        raise InputError(_("{field} is missing", field=name))
    value = row[name]
    check_field_length(name, value)
    if isinstance(field, AutoField | ForeignKeyField | IntegerField) and isinstance(value, int):
        largest = LARGEST_COLUMN_INTEGER  # a ledger copies to either engine
        _expect(value <= largest, name, _("at most {largest}", largest=largest))
    if isinstance(field, AutoField | ForeignKeyField):
        _expect(_is_whole_number(value, minimum=1), name, _("a positive whole number"))
    elif isinstance(field, BooleanField):
        _expect(isinstance(value, bool), name, _("true or false"))
    elif isinstance(field, IntegerField):
        _expect(_is_whole_number(value, minimum=0), name, _("a whole number of 0 or more"))
    elif isinstance(field, DateTimeField):
        aware = isinstance(value, datetime) and value.tzinfo is not None
        _expect(aware, name, _("a date and time with a time zone"))
        shown = _FIRST_TIME <= value < _AFTER_LAST_TIME
        _expect(shown, name, _("a date and time from the year 2 to 9998"))
        return clock.to_utc(value)
    elif isinstance(field, DateField):
        _expect(isinstance(value, date) and not isinstance(value, datetime), name, _("a date"))
    elif name == "tags":
        _expect(_is_text_list(value), name, _("a list of text"))
        return " ".join(split_tags(value))
    else:
        return _checked_text(model, field, value)
    return value


def _checked_text(model: type[Model], field: Field, value) -> str:
    """Text cleaned as the services clean it; stored values must be ones the app knows."""
    name = field.column_name
    _expect(isinstance(value, str), name, _("text"))
    if (model, name) in _ENUMS:
        return choice(value, _ENUMS[model, name], name)
    if field.default is None:
        return required_line(value, name)
    return clean_block(value) if name in _BLOCK_FIELDS else clean_line(value)


def _checked_decisions(value) -> list[str]:
    """A call's decisions, one line each; empty ones dropped as the call form drops them."""
    _expect(_is_text_list(value), "decisions", _("a list of text"))
    check_field_length("decisions", value)
    lines = (clean_line(text) for text in value)
    return [line for line in lines if line]


def _check_reference(field: ForeignKeyField, value: int, known: set[int]) -> None:
    if value not in known:
        message = _(
            "{field} {value} is not the id of a row in {table}",
            field=field.column_name,
            value=value,
            table=_TABLE_OF[field.rel_model],
        )
        raise InputError(message)


def _check_contacts_work_at_their_vendor(tables: dict[str, list[dict]]) -> None:
    vendor_of = {contact["id"]: contact["vendor_id"] for contact in tables["contacts"]}
    for key in ("calls", "requests"):
        for number, row in enumerate(tables[key], 1):
            contact_id = row["contact_id"]
            if contact_id is not None and vendor_of[contact_id] != row["vendor_id"]:
                error = InputError(_("The contact does not work at this vendor"))
                raise _row_error(key, row, number, error)


def _check_reminders_fired_once(reminders: list[dict]) -> None:
    fired = set()
    for number, row in enumerate(reminders, 1):
        key = (row["contract_id"], row["term_no"], row["lead_days"])
        if key in fired:
            error = InputError(_("another reminder has the same contract, term and lead time"))
            raise _row_error("contract_reminders", row, number, error)
        fired.add(key)


def _is_whole_number(value, *, minimum: int) -> bool:
    """An integer (TOML's true and false are not numbers here) that SQLite can hold."""
    return (
        isinstance(value, int)
        and not isinstance(value, bool)
        and minimum <= value <= LARGEST_INTEGER
    )


def _is_text_list(value) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def _expect(ok: bool, name: str, expected: str) -> None:
    if not ok:
        raise InputError(_("{field} must be {expected}", field=name, expected=expected))


def _insert(tables: dict[str, list[dict]], *, as_new: bool) -> ImportSummary:
    """Add the checked rows, table by table so that every reference already exists."""
    into_empty_ledger = not any(model.select().exists() for model in LEDGER_MODELS)
    already_there = 0
    if not as_new and not into_empty_ledger:
        tables, already_there = _rows_not_there(tables)
    new_ids: dict[type[Model], dict[int, int]] = {}
    for key, model in TABLES.items():
        rows = tables[key]
        new_ids[model] = _new_ids(model, rows, keep=not as_new)
        fields = stored_fields(model)
        values = ([_new_value(field, row, new_ids, as_new) for field in fields] for row in rows)
        _insert_many(model, fields, values)
        if model is Call:
            _insert_decisions(rows, new_ids[Call])
    engines.ids_written(*TABLES.values(), Decision)
    store_name_keys(database, "vendor", new_ids[Vendor].values())
    store_name_keys(database, "contact", new_ids[Contact].values())
    _index(new_ids, into_empty_ledger)
    decisions = sum(len(call["decisions"]) for call in tables["calls"])
    return ImportSummary(
        **{key: len(rows) for key, rows in tables.items()},
        decisions=decisions,
        already_there=already_there,
        kept_ids=not as_new,
    )


def _rows_not_there(tables: dict[str, list[dict]]) -> tuple[dict[str, list[dict]], int]:
    """Each table's rows the ledger lacks, and how many it holds already as they are."""
    new_tables, already_there = {}, 0
    for key, model in TABLES.items():
        new_tables[key], same, different = split_known(model, tables[key])
        if different is not None:
            problem = InputError(
                _("the ledger has another row with this id (--as-new adds the rows as new ones)")
            )
            raise _row_error(key, different, 0, problem)
        already_there += same
    return new_tables, already_there


def _index(new_ids: dict[type[Model], dict[int, int]], into_empty_ledger: bool) -> None:
    """Index what came in: into an empty ledger the whole index is written at once."""
    if into_empty_ledger:
        rebuild_index()
        return
    kinds = {
        "vendor": Vendor,
        "contact": Contact,
        "call": Call,
        "request": Request,
        "contract": Contract,
    }
    for kind, model in kinds.items():
        index_many(kind, new_ids[model].values())


def _new_ids(model: type[Model], rows: list[dict], keep: bool) -> dict[int, int]:
    """Each imported id's id in the ledger: the same, or numbered on after the highest in use."""
    old_ids = sorted(row["id"] for row in rows)
    if keep:
        return {old: old for old in old_ids}
    start = (model.select(fn.MAX(model.id)).scalar() or 0) + 1
    return {old: start + n for n, old in enumerate(old_ids)}


def _new_value(field: Field, row: dict, new_ids: dict, renumber: bool):
    """The row's value for `field`, its id and references renumbered when `renumber`."""
    value = row[field.column_name]
    if not renumber:
        return value
    if isinstance(field, AutoField):
        return new_ids[field.model][value]
    if isinstance(field, ForeignKeyField) and value is not None:
        return new_ids[field.rel_model][value]
    return value


def _insert_decisions(calls: list[dict], call_ids: dict[int, int]) -> None:
    """Decisions get new ids in any case: the export holds only their text, in order."""
    values = (
        (call_ids[call["id"]], position, text)
        for call in calls
        for position, text in enumerate(call["decisions"])
    )
    _insert_many(Decision, [Decision.call, Decision.position, Decision.text], values)


def _insert_many(model: type[Model], fields: list[Field], values) -> None:
    for batch in chunked(values, _BATCH_ROWS):
        model.insert_many(batch, fields=fields).execute()
