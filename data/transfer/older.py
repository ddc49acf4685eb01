"""Exports written by an older Daicho, brought to today's shape before they are checked.

An export says which schema wrote it (`schema_version`). Before schema 9 a call's `notes` and
a request's `body` were the desk's own notes: they come in as the internal memo
(`internal_notes`), as the migration of a ledger moves them, and a request's `body` (what is
asked of the vendor) starts empty.
"""

_INTERNAL_MEMO = 9  # the schema that split what stays inside from what may go out


def as_latest(document: dict, version: int) -> dict:
    """`document`, written at schema `version`, with its rows in today's shape."""
    if version >= _INTERNAL_MEMO:
        return document
    return {
        **document,
        "calls": _moved(document.get("calls", []), "notes"),
        "requests": _moved(document.get("requests", []), "body"),
    }


def _moved(rows, field: str):
    """Each row with `field` moved to `internal_notes`; anything not a list of tables is left
    for the checks to name."""
    if not isinstance(rows, list):
        return rows
    return [_with_memo(row, field) if isinstance(row, dict) else row for row in rows]


def _with_memo(row: dict, field: str) -> dict:
    if field not in row or "internal_notes" in row:  # both given: checked as written
        return row
    moved = {key: value for key, value in row.items() if key != field}
    moved["internal_notes"] = row[field]
    return moved
