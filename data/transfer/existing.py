"""What of an import the ledger already holds, so that importing twice adds nothing twice.

A row whose id the ledger has, with the same content, is already there: it is skipped.
The same id with other content is a different row, and keeping ids would lose one of
them: the import names it and stops (the user may add the rows as new instead).
"""

from peewee import Model, chunked

from daicho.data.models import Call, Decision
from daicho.data.names.key_columns import stored_fields

_IDS_PER_QUERY = 500  # well under SQLite's limit of bound values


def split_known(model: type[Model], rows: list[dict]) -> tuple[list[dict], int, dict | None]:
    """The rows the ledger lacks, how many it holds as they are, and the first it holds
    differently (None when there is none)."""
    new, same = [], 0
    for batch in chunked(rows, _IDS_PER_QUERY):
        stored = _stored_rows(model, [row["id"] for row in batch])
        for row in batch:
            if row["id"] not in stored:
                new.append(row)
            elif stored[row["id"]] == row:
                same += 1
            else:
                return new, same, row
    return new, same, None


def _stored_rows(model: type[Model], ids: list[int]) -> dict[int, dict]:
    """The ledger's rows with these ids, as column name to value like a checked row."""
    fields = stored_fields(model)
    names = [field.column_name for field in fields]
    query = model.select(*fields).where(model.id.in_(ids)).tuples()
    rows = {values[0]: dict(zip(names, values, strict=True)) for values in query}
    if model is Call:
        for row in rows.values():
            row["decisions"] = []
        decisions = (
            Decision.select(Decision.call, Decision.text)
            .where(Decision.call.in_(ids))
            .order_by(Decision.call, Decision.position)
            .tuples()
        )
        for call_id, text in decisions:
            rows[call_id]["decisions"].append(text)
    return rows
