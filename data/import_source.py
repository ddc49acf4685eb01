"""The document an import reads: a TOML or JSON export, as the same structure (DESIGN §5).

JSON is the export's other format: recognised by its `.json` name or by starting with
`{`, which no TOML document does. Its dates are ISO text and its missing values null;
they are turned into what TOML gives, so one checker serves both.
"""

import json
import tomllib
from datetime import date, datetime
from pathlib import Path

from peewee import DateField, DateTimeField

from daicho.data.errors import InputError
from daicho.data.export import TABLES
from daicho.data.name_keys import stored_fields
from daicho.i18n import _


def parse_export(text: str, *, json_name: bool = False) -> dict:
    """The export's document, from TOML or JSON text."""
    text = text.removeprefix("\ufeff")
    if json_name or text.lstrip().startswith("{"):
        return _parse_json(text)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise InputError(_("Not valid TOML: {reason}", reason=error)) from error


def _parse_json(text: str) -> dict:
    try:
        document = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as error:
        raise InputError(_("Not valid JSON: {reason}", reason=error)) from None
    if not isinstance(document, dict):
        return {}  # the checker then says it is not a Daicho export
    for key, model in TABLES.items():
        rows = document.get(key)
        if isinstance(rows, list):
            document[key] = [_typed_row(model, row) for row in rows]
    return document


def _typed_row(model, row):
    """A JSON row as TOML gives it: null values left out, dates and times as such.

    Text that is not a date stays text, for the checker to refuse with the field named.
    """
    if not isinstance(row, dict):
        return row
    kinds = {
        field.column_name: type(field)
        for field in stored_fields(model)
        if isinstance(field, DateField | DateTimeField)
    }
    typed = {}
    for name, value in row.items():
        if value is None:
            continue
        if name in kinds and isinstance(value, str):
            value = _iso_or_text(kinds[name], value)
        typed[name] = value
    return typed


def _iso_or_text(kind, value: str):
    parse = datetime.fromisoformat if issubclass(kind, DateTimeField) else date.fromisoformat
    try:
        return parse(value)
    except ValueError:
        return value


def is_json_name(path: Path) -> bool:
    return path.suffix.lower() == ".json"
