"""The document an import reads: a TOML or JSON export, as the same structure (DESIGN §5).

Only a regular file is read, and only one of at most MAX_FILE_BYTES, known from its size
before a byte is read: a device such as /dev/zero never ends and a FIFO may never send.
A field of text is at most MAX_FIELD_CHARS characters: the cleaning and indexing after the
parse take many times a field's size, so one huge field could take all memory.

JSON is the export's other format: recognised by its `.json` name or by starting with
`{`, which no TOML document does. Its dates are ISO text and its missing values null;
they are turned into what TOML gives, so one checker serves both.
"""

import json
import os
import stat
import tomllib
from datetime import date, datetime
from pathlib import Path

from peewee import DateField, DateTimeField

from daicho.data.errors import InputError
from daicho.data.names.key_columns import stored_fields
from daicho.data.transfer.export import TABLES
from daicho.i18n import _

MAX_FILE_BYTES = 256 * 1024 * 1024
MAX_FIELD_CHARS = 1024 * 1024


def read_export(path: Path) -> str:
    """The text of the export at `path`, refused in one line when it is not a regular file
    of at most MAX_FILE_BYTES of UTF-8."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise _cannot_read(path, _("it is not a regular file"))
        # Not blocking: a FIFO put in its place since the stat does not hang the open.
        with open(os.open(path, os.O_RDONLY | os.O_NONBLOCK), "rb") as file:
            info = os.fstat(file.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise _cannot_read(path, _("it is not a regular file"))
            if info.st_size > MAX_FILE_BYTES:
                raise _cannot_read(path, _too_large())
            data = file.read(MAX_FILE_BYTES + 1)  # the file may have grown since
    except OSError as error:
        raise _cannot_read(path, error.strerror or error) from error
    if len(data) > MAX_FILE_BYTES:
        raise _cannot_read(path, _too_large())
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _cannot_read(path, _("it is not UTF-8 text")) from None


def _too_large() -> str:
    return _("it is larger than {size} MB, the most an import reads", size=MAX_FILE_BYTES >> 20)


def _cannot_read(path: Path, reason) -> InputError:
    return InputError(_("Cannot read {path}: {reason}", path=path, reason=reason))


def check_field_length(name: str, value) -> None:
    """Refuse text, or a list of text, longer than MAX_FIELD_CHARS characters."""
    texts = value if isinstance(value, list) else [value]
    if any(isinstance(text, str) and len(text) > MAX_FIELD_CHARS for text in texts):
        raise InputError(
            _(
                "{field} is longer than {count} characters, the most a field may hold",
                field=name,
                count=f"{MAX_FIELD_CHARS:,}",
            )
        )


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
