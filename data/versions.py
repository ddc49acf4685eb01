"""Who wrote each row and which version it is at (DESIGN §17): the stamps of a new row, and
the compare-and-set every change of a vendor, contact, call or request goes through.

A change names the version it was read at: the UPDATE writes only `WHERE id = ? AND version
= ?`, so of two people saving from the same reading, the second finds no row and is told who
changed what (`edit_conflict`) instead of overwriting it. Every change raises the version by
one and stamps `changed_by` with `[user] name` (data/who.py).
"""

from collections.abc import Sequence
from dataclasses import fields as dataclass_fields
from datetime import datetime

from peewee import Model

from daicho.data.dates import clock
from daicho.data.errors import EditConflict
from daicho.data.who import user_name
from daicho.i18n import _, current_language
from daicho.i18n.labels import field_label, kind_label

# What every record carries beside what the user typed: never "what was changed".
_BOOKKEEPING = {"id", "version", "created_at", "updated_at", "created_by", "changed_by"}


def created() -> dict[str, str]:
    """The stamps of a new row: written, and so last changed, by the user."""
    name = user_name()
    return {"created_by": name, "changed_by": name}


def changed(model: type[Model], at: datetime) -> dict:
    """What a change of rows of `model` writes beside its own fields: when, by whom, and
    the next version."""
    return {
        model.updated_at: at,
        model.changed_by: user_name(),
        model.version: model.version + 1,
    }


def write_change(row: Model, values: dict, at: datetime, expected_version: int | None) -> bool:
    """Write `values` (column name to value) to `row`'s row, stamped, if it is still at
    `expected_version` (None: at the version `row` was read at, in the caller's transaction).
    False when it is not: someone changed it since, and nothing was written."""
    model = type(row)
    version = row.version if expected_version is None else expected_version
    query = model.update({**values, **changed(model, at)}).where(
        (model.id == row.id) & (model.version == version)
    )
    return query.execute() == 1


def edit_conflict(
    kind: str, by: str, at: datetime, version: int, changed: Sequence[str] = ()
) -> EditConflict:
    """The refusal of a save made from an older reading of a `kind` ("vendor", "contact",
    "request"): `by` changed it at `at` to `version`, in the fields named `changed` (as
    stored)."""
    names = [field_label(name) for name in dict.fromkeys(changed)]
    if current_language() == "ja":
        fields = f"（{'・'.join(names)}）" if names else ""
    else:
        fields = f" ({', '.join(names)})" if names else ""
    values = {"thing": kind_label(kind), "time": moment(at), "fields": fields}
    if by:
        message = _(
            "{name} changed this {thing} at {time}{fields} after you opened it. "
            "Your text is kept: check and save again.",
            name=by,
            **values,
        )
    else:
        message = _(
            "Someone else changed this {thing} at {time}{fields} after you opened it. "
            "Your text is kept: check and save again.",
            **values,
        )
    return EditConflict(message, by, at, version)


def changed_fields(read: object, now: object) -> list[str]:
    """The names of the fields the user can change that differ between two records of the
    same thing: as a form read it, and as it is now."""
    names = [f.name for f in dataclass_fields(read) if f.name not in _BOOKKEEPING]
    return [name for name in names if getattr(read, name) != getattr(now, name)]


def moment(at: datetime) -> str:
    """A stored UTC time as the user says it: the local time today, else the date too."""
    local = clock.to_local(at)
    return local.strftime("%H:%M" if local.date() == clock.today() else "%Y-%m-%d %H:%M")
