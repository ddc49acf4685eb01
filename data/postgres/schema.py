"""The ledger's tables on PostgreSQL, and bringing a database to the current schema.

A new database is created at schema 10 from the frozen statements below (the schema SQLite
ledgers reach through data/migrations.py), then brought forward by the same migrations from
11 on. Everything happens in one transaction holding an advisory lock, so that of two
clients starting at once on a new or older database one migrates and the other then finds
it done. Text columns compare and sort by code point (`COLLATE "C"`), as SQLite does, so
both engines list and find alike.
"""

from peewee import PostgresqlDatabase

from daicho.data.errors import LedgerError
from daicho.i18n import _

BASELINE_VERSION = 10
MIGRATION_LOCK = 0x44414943  # "DAIC", the key of the advisory lock migrations hold

_TEXT = "TEXT COLLATE \"C\" NOT NULL DEFAULT ''"
_WHO = f"created_by {_TEXT}, changed_by {_TEXT}, version INTEGER NOT NULL DEFAULT 1"

_BASELINE = [
    # Which schema this database is at; its presence marks the database as a Daicho ledger.
    "CREATE TABLE daicho_schema (version INTEGER NOT NULL)",
    f"""CREATE TABLE vendor (
        id SERIAL PRIMARY KEY,
        name TEXT COLLATE "C" NOT NULL,
        reading {_TEXT},
        category TEXT COLLATE "C" NOT NULL DEFAULT 'other',
        status TEXT COLLATE "C" NOT NULL DEFAULT 'active',
        phone {_TEXT}, website {_TEXT}, notes {_TEXT}, tags {_TEXT},
        created_at TIMESTAMP NOT NULL,
        updated_at TIMESTAMP NOT NULL,
        sort_key {_TEXT}, filter_key {_TEXT},
        {_WHO})""",
    f"""CREATE TABLE contact (
        id SERIAL PRIMARY KEY,
        vendor_id INTEGER NOT NULL REFERENCES vendor (id) ON DELETE CASCADE,
        name TEXT COLLATE "C" NOT NULL,
        reading {_TEXT}, role {_TEXT}, department {_TEXT}, phone {_TEXT}, mobile {_TEXT},
        email {_TEXT}, notes {_TEXT},
        is_primary BOOLEAN NOT NULL DEFAULT FALSE,
        created_at TIMESTAMP NOT NULL,
        updated_at TIMESTAMP NOT NULL,
        sort_key {_TEXT}, filter_key {_TEXT},
        {_WHO})""",
    f"""CREATE TABLE call (
        id SERIAL PRIMARY KEY,
        vendor_id INTEGER NOT NULL REFERENCES vendor (id) ON DELETE CASCADE,
        contact_id INTEGER REFERENCES contact (id) ON DELETE SET NULL,
        direction TEXT COLLATE "C" NOT NULL DEFAULT 'incoming',
        channel TEXT COLLATE "C" NOT NULL DEFAULT 'phone',
        started_at TIMESTAMP NOT NULL,
        duration_s INTEGER NOT NULL DEFAULT 0,
        subject {_TEXT}, internal_notes {_TEXT},
        created_at TIMESTAMP NOT NULL,
        updated_at TIMESTAMP NOT NULL,
        {_WHO})""",
    """CREATE TABLE decision (
        id SERIAL PRIMARY KEY,
        call_id INTEGER NOT NULL REFERENCES call (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        text TEXT COLLATE "C" NOT NULL)""",
    f"""CREATE TABLE request (
        id SERIAL PRIMARY KEY,
        direction TEXT COLLATE "C" NOT NULL,
        vendor_id INTEGER NOT NULL REFERENCES vendor (id) ON DELETE CASCADE,
        contact_id INTEGER REFERENCES contact (id) ON DELETE SET NULL,
        call_id INTEGER REFERENCES call (id) ON DELETE SET NULL,
        subject TEXT COLLATE "C" NOT NULL,
        body {_TEXT},
        due DATE,
        priority TEXT COLLATE "C" NOT NULL DEFAULT 'normal',
        status TEXT COLLATE "C" NOT NULL DEFAULT 'open',
        answer {_TEXT},
        created_at TIMESTAMP NOT NULL,
        updated_at TIMESTAMP NOT NULL,
        internal_notes {_TEXT},
        {_WHO},
        assignee {_TEXT})""",
    f"""CREATE TABLE request_event (
        id SERIAL PRIMARY KEY,
        request_id INTEGER NOT NULL REFERENCES request (id) ON DELETE CASCADE,
        at TIMESTAMP NOT NULL,
        kind TEXT COLLATE "C" NOT NULL,
        old_value {_TEXT}, new_value {_TEXT}, note {_TEXT}, created_by {_TEXT})""",
    # The history is append-only: the database itself refuses to edit it.
    """CREATE FUNCTION request_event_no_update() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'request history is append-only'; END $$""",
    """CREATE TRIGGER request_event_no_update BEFORE UPDATE ON request_event
        FOR EACH ROW EXECUTE FUNCTION request_event_no_update()""",
    "CREATE INDEX request_vendor_id_status_due ON request (vendor_id, status, due)",
    "CREATE INDEX request_call_id ON request (call_id)",
    "CREATE INDEX request_event_request_id ON request_event (request_id)",
    "CREATE INDEX call_vendor_id_started_at ON call (vendor_id, started_at)",
    "CREATE INDEX call_started_at ON call (started_at)",
    "CREATE INDEX decision_call_id_position ON decision (call_id, position)",
    "CREATE INDEX request_due_order ON request ((due IS NULL), due)",
    "CREATE INDEX request_queue ON request (status, due, priority, direction, created_at)",
    "CREATE INDEX vendor_sort_key ON vendor (sort_key, id)",
    "CREATE INDEX contact_vendor_id_sort_key ON contact (vendor_id, sort_key)",
    # The search index (data/search/): one row per item, its text as a set of our own
    # tokens (pairs of UTF-16 code units) in a tsvector that a GIN index answers. No
    # extension is needed: tsvector and GIN are PostgreSQL's own.
    """CREATE TABLE search_doc (
        id BIGINT PRIMARY KEY,
        kind TEXT COLLATE "C" NOT NULL,
        item_id INTEGER NOT NULL,
        vendor_id INTEGER NOT NULL,
        grams TSVECTOR NOT NULL)""",
    "CREATE UNIQUE INDEX search_doc_kind_item_id ON search_doc (kind, item_id)",
    "CREATE INDEX search_doc_vendor_id_id ON search_doc (vendor_id, id)",
    "CREATE INDEX search_doc_grams ON search_doc USING GIN (grams)",
    "CREATE TABLE search_pending (reason TEXT NOT NULL)",
    # Every committed change is announced to the other clients (data/postgres/database.py
    # listens), once per statement: NOTIFY is sent at commit, and only then.
    """CREATE FUNCTION ledger_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN PERFORM pg_notify('daicho_ledger', ''); RETURN NULL; END $$""",
    *(
        f"""CREATE TRIGGER {table}_changed AFTER INSERT OR UPDATE OR DELETE ON {table}
            FOR EACH STATEMENT EXECUTE FUNCTION ledger_changed()"""
        for table in ("vendor", "contact", "call", "decision", "request", "request_event")
    ),
    f"INSERT INTO daicho_schema (version) VALUES ({BASELINE_VERSION})",
]


def migrate_postgres(db: PostgresqlDatabase, migrations: list, latest: int) -> list[int]:
    """Create the ledger's tables in an empty database, or run the migrations above its
    version; returns the versions written. Refuses a database of another program or of a
    newer Daicho, changing nothing."""
    ran = []
    with db.atomic():
        db.execute_sql("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
        version = _version(db)
        if version is None:
            for statement in _BASELINE:
                db.execute_sql(statement)
            version = BASELINE_VERSION
            ran.append(version)
        if version > latest:
            raise LedgerError(
                _(
                    "The database was written by a newer Daicho (schema {found}; this one"
                    " knows {known})",
                    found=version,
                    known=latest,
                )
            )
        for target in range(version + 1, latest + 1):
            migrations[target - 1](db)
            db.execute_sql("UPDATE daicho_schema SET version = %s", (target,))
            ran.append(target)
    return ran


def schema_version(db: PostgresqlDatabase) -> int:
    return _version(db) or 0


def _version(db: PostgresqlDatabase) -> int | None:
    """The database's schema version; None for an empty database (one to create the ledger
    in). A database holding other tables but no ledger is refused."""
    if db.execute_sql("SELECT to_regclass('daicho_schema')").fetchone()[0] is None:
        tables = db.execute_sql(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()"
        ).fetchone()[0]
        if tables:
            raise LedgerError(_("The database holds tables of another program, not a ledger"))
        return None
    return db.execute_sql("SELECT version FROM daicho_schema").fetchone()[0]
