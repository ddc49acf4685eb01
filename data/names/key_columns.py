"""The name keys (data/names/keys.py) as columns of the vendor and contact tables: written
for stored rows, and left out of what is exported and imported (they are derived)."""

from collections.abc import Iterable

from peewee import Field, Model, chunked

from daicho.data.names.keys import filter_key, sort_key

DERIVED_COLUMNS = ("sort_key", "filter_key")  # recomputed from name and reading, never exported
_BATCH = 500


def stored_fields(model: type[Model]) -> list[Field]:
    """The model's fields that hold what the user gave, without the keys derived from them."""
    return [f for f in model._meta.sorted_fields if f.column_name not in DERIVED_COLUMNS]


def store_name_keys(db, table: str, ids: Iterable[int] | None = None) -> None:
    """Write the keys of the rows of `table` ("vendor" or "contact") with these ids (every
    row when None) from their name and reading as stored; the caller holds the transaction."""
    if table not in ("vendor", "contact"):
        raise ValueError(table)
    select = f"SELECT id, name, reading FROM {table}"
    if ids is None:
        rows = db.execute_sql(select).fetchall()
    else:
        rows = []
        for batch in chunked(ids, _BATCH):
            where = f" WHERE id IN ({', '.join([db.param] * len(batch))})"
            rows += db.execute_sql(select + where, batch).fetchall()
    update = (
        f"UPDATE {table} SET sort_key = {db.param}, filter_key = {db.param} WHERE id = {db.param}"
    )
    db.cursor().executemany(
        update,
        ((sort_key(name, reading), filter_key(name, reading), id_) for id_, name, reading in rows),
    )
