"""The whole ledger out, as TOML, JSON or CSV (DESIGN §5, §6).

TOML is the exchange format that `importer.py` reads back: a format marker and the
schema version, then one array of tables per kind of row, each row with its id and
the ids it refers to. JSON has the same structure; CSV has one file per table, with
decisions as a table of their own. Drafts are never exported: they are unsaved typing.

Rows are read as tuples in id order and written as they are read, all inside one read
transaction, so a large ledger is neither held in memory nor caught half-way through
another window's save.
"""

import csv
import io
import json
from collections.abc import Iterator
from datetime import UTC, date, datetime
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import TextIO

import tomli_w
from peewee import Model

from daicho.data.errors import InputError
from daicho.data.migrations import LATEST_VERSION
from daicho.data.models import (
    Call,
    Contact,
    Contract,
    ContractEvent,
    ContractReminder,
    Decision,
    Request,
    RequestEvent,
    Vendor,
    database,
)
from daicho.data.names.key_columns import stored_fields
from daicho.data.private_files import private_directory, private_file
from daicho.data.validate import choice
from daicho.i18n import _

FORMAT_MARKER = "daicho"
FORMATS = ("toml", "csv", "json")

# The tables of an export, in the order rows may refer to one another.
TABLES: dict[str, type[Model]] = {
    "vendors": Vendor,
    "contacts": Contact,
    "calls": Call,
    "requests": Request,
    "request_events": RequestEvent,
    "contracts": Contract,
    "contract_events": ContractEvent,
    "contract_reminders": ContractReminder,
}
# CSV cannot hold a list in a cell, so a call's decisions get a file of their own.
_CSV_TABLES: dict[str, type[Model]] = {
    "vendors": Vendor,
    "contacts": Contact,
    "calls": Call,
    "decisions": Decision,
    "requests": Request,
    "request_events": RequestEvent,
    "contracts": Contract,
    "contract_events": ContractEvent,
    "contract_reminders": ContractReminder,
}


def export_ledger(format: str, output: Path | None = None) -> str | None:
    """Export in `format`; the text itself when `output` is None, else written to `output`.

    A CSV export is several files, so it needs `output`: the directory to write them in.
    """
    if output is None:
        text = io.StringIO()
        write_export(format, text)
        return text.getvalue()
    choice(format, FORMATS, _("Format"))
    with database.snapshot():  # one moment of the ledger; other windows may still write
        if format == "csv":
            _write_csv(output)
            return None
        with private_file(output) as temporary, temporary.open("w", encoding="utf-8") as file:
            file.writelines(_chunks(format))
    return None


def export_files(format: str, output: Path) -> list[Path]:
    """The files an export to `output` writes: the file itself, or one per CSV table."""
    if format == "csv":
        return [_csv_file(output, key) for key in _CSV_TABLES]
    return [output]


def write_export(format: str, stream: TextIO) -> None:
    """Export in `format` to an open stream, such as standard output, a piece at a time.

    CSV cannot go to one stream: it is one file per table.
    """
    choice(format, FORMATS, _("Format"))
    if format == "csv":
        raise InputError(
            _(
                "A CSV export is one file per table and cannot go to standard output: "
                "give a directory with -o"
            )
        )
    with database.snapshot():
        stream.writelines(_chunks(format))


def _chunks(format: str) -> Iterator[str]:
    return _toml_chunks() if format == "toml" else _json_chunks()


def _column_names(model: type[Model]) -> list[str]:
    """The table's columns in model order: `id` first, references as `vendor_id` etc.; not
    the sort and filter keys, which the import writes again from name and reading."""
    return [field.column_name for field in stored_fields(model)]


def _rows(model: type[Model]) -> Iterator[dict]:
    """The table's rows in id order, as column name to value; tags as a list of words."""
    names = _column_names(model)
    query = model.select(*stored_fields(model)).order_by(model.id).tuples().iterator()
    for values in query:
        row = dict(zip(names, values, strict=True))
        if "tags" in row:
            row["tags"] = row["tags"].split()
        yield row


def _calls_with_decisions() -> Iterator[dict]:
    """Calls in id order, each with its decisions' text in the order they were typed.

    Both queries run in call order side by side, so no call waits on a query of its own.
    """
    by_call = groupby(
        Decision.select(Decision.call, Decision.text)
        .order_by(Decision.call, Decision.position)
        .tuples()
        .iterator(),
        key=itemgetter(0),
    )
    pending = next(by_call, None)
    for call in _rows(Call):
        call["decisions"] = []
        if pending and pending[0] == call["id"]:
            call["decisions"] = [text for _call_id, text in pending[1]]
            pending = next(by_call, None)
        yield call


def _document_tables() -> Iterator[tuple[str, Iterator[dict]]]:
    for key, model in TABLES.items():
        yield key, _calls_with_decisions() if model is Call else _rows(model)


def _utc(value):
    """Stored times are naive UTC: written with their offset, no reader takes them for local."""
    return value.replace(tzinfo=UTC) if isinstance(value, datetime) else value


def _iso(value: date) -> str:
    """Dates and times as ISO 8601 text, for JSON and CSV (TOML has types of its own)."""
    return _utc(value).isoformat()


def _toml_chunks() -> Iterator[str]:
    """The TOML export a piece at a time; keys whose value is None are left out.

    Each `[[table]]` header is written here and only the row's keys by tomli_w, which
    would otherwise choose between inline and array-of-tables layout depending on data.
    """
    yield tomli_w.dumps({"format": FORMAT_MARKER, "schema_version": LATEST_VERSION})
    for key, table_rows in _document_tables():
        for row in table_rows:
            values = {name: _utc(value) for name, value in row.items() if value is not None}
            yield f"\n[[{key}]]\n" + tomli_w.dumps(values)


def _json_chunks() -> Iterator[str]:
    """The JSON export a piece at a time: the TOML structure, one row per line."""
    yield f'{{\n  "format": "{FORMAT_MARKER}",\n  "schema_version": {LATEST_VERSION}'
    for key, table_rows in _document_tables():
        yield f',\n  "{key}": ['
        separator = "\n    "
        for row in table_rows:
            yield separator + json.dumps(row, ensure_ascii=False, default=_iso)
            separator = ",\n    "
        yield "\n  ]"
    yield "\n}\n"


def _csv_cell(value) -> str | int:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return " ".join(value)
    if isinstance(value, date):
        return _iso(value)
    return value


def _csv_file(directory: Path, key: str) -> Path:
    return directory / f"{key}.csv"


def _write_csv(directory: Path) -> None:
    """One `<table>.csv` per table in `directory`, with a BOM so that Excel reads UTF-8."""
    private_directory(directory)
    for key, model in _CSV_TABLES.items():
        with (
            private_file(_csv_file(directory, key)) as temporary,
            temporary.open("w", encoding="utf-8-sig", newline="") as file,
        ):
            writer = csv.writer(file)
            writer.writerow(_column_names(model))
            writer.writerows([_csv_cell(value) for value in row.values()] for row in _rows(model))
