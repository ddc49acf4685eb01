"""Schema versions of the ledger, one migration each, run in order on open.

The schema version lives in `PRAGMA user_version`. Each migration's DDL is frozen
here as it was when written, so that an old ledger is brought forward step by step
no matter how the models look today.
"""

from collections.abc import Callable

from peewee import PostgresqlDatabase, SqliteDatabase
from playhouse.migrate import SqliteMigrator, migrate

from daicho.data.names.key_columns import store_name_keys

# "DAIC": marks an SQLite file as a Daicho ledger.
APPLICATION_ID = 0x44414943

_SCHEMA_1 = [
    """CREATE TABLE vendor (
        id INTEGER NOT NULL PRIMARY KEY,
        name TEXT NOT NULL,
        reading TEXT NOT NULL DEFAULT '',
        category TEXT NOT NULL DEFAULT 'other',
        status TEXT NOT NULL DEFAULT 'active',
        phone TEXT NOT NULL DEFAULT '',
        website TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        tags TEXT NOT NULL DEFAULT '',
        created_at DATETIME NOT NULL,
        updated_at DATETIME NOT NULL)""",
    """CREATE TABLE contact (
        id INTEGER NOT NULL PRIMARY KEY,
        vendor_id INTEGER NOT NULL REFERENCES vendor (id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        reading TEXT NOT NULL DEFAULT '',
        role TEXT NOT NULL DEFAULT '',
        department TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        mobile TEXT NOT NULL DEFAULT '',
        email TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        is_primary INTEGER NOT NULL DEFAULT 0,
        created_at DATETIME NOT NULL,
        updated_at DATETIME NOT NULL)""",
    """CREATE TABLE call (
        id INTEGER NOT NULL PRIMARY KEY,
        vendor_id INTEGER NOT NULL REFERENCES vendor (id) ON DELETE CASCADE,
        contact_id INTEGER REFERENCES contact (id) ON DELETE SET NULL,
        direction TEXT NOT NULL DEFAULT 'incoming',
        channel TEXT NOT NULL DEFAULT 'phone',
        started_at DATETIME NOT NULL,
        duration_s INTEGER NOT NULL DEFAULT 0,
        subject TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        created_at DATETIME NOT NULL,
        updated_at DATETIME NOT NULL)""",
    """CREATE TABLE decision (
        id INTEGER NOT NULL PRIMARY KEY,
        call_id INTEGER NOT NULL REFERENCES call (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        text TEXT NOT NULL)""",
    """CREATE TABLE request (
        id INTEGER NOT NULL PRIMARY KEY,
        direction TEXT NOT NULL,
        vendor_id INTEGER NOT NULL REFERENCES vendor (id) ON DELETE CASCADE,
        contact_id INTEGER REFERENCES contact (id) ON DELETE SET NULL,
        call_id INTEGER REFERENCES call (id) ON DELETE SET NULL,
        subject TEXT NOT NULL,
        body TEXT NOT NULL DEFAULT '',
        due DATE,
        priority TEXT NOT NULL DEFAULT 'normal',
        status TEXT NOT NULL DEFAULT 'open',
        answer TEXT NOT NULL DEFAULT '',
        created_at DATETIME NOT NULL,
        updated_at DATETIME NOT NULL)""",
    """CREATE TABLE request_event (
        id INTEGER NOT NULL PRIMARY KEY,
        request_id INTEGER NOT NULL REFERENCES request (id) ON DELETE CASCADE,
        at DATETIME NOT NULL,
        kind TEXT NOT NULL,
        old_value TEXT NOT NULL DEFAULT '',
        new_value TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '')""",
    # The history is append-only: the database itself refuses to edit it.
    """CREATE TRIGGER request_event_no_update BEFORE UPDATE ON request_event
        BEGIN SELECT RAISE(ABORT, 'request history is append-only'); END""",
    f"PRAGMA application_id = {APPLICATION_ID}",
]


def _schema_1(db: SqliteDatabase) -> None:
    """The ledger's tables: vendors, contacts, calls with decisions, requests with history."""
    for statement in _SCHEMA_1:
        db.execute_sql(statement)


def _schema_2(db: SqliteDatabase) -> None:
    """Drafts of forms, and the indexes the queue, vendor list and timelines read by."""
    db.execute_sql(
        """CREATE TABLE draft (
            id INTEGER NOT NULL PRIMARY KEY,
            form TEXT NOT NULL,
            key TEXT NOT NULL DEFAULT '',
            content TEXT NOT NULL,
            updated_at DATETIME NOT NULL)"""
    )
    migrator = SqliteMigrator(db)
    migrate(
        migrator.add_index("draft", ("form", "key"), True),
        migrator.add_index("request", ("status", "due")),
        migrator.add_index("request", ("vendor_id", "status", "due")),
        migrator.add_index("request", ("call_id",)),
        migrator.add_index("request_event", ("request_id",)),
        migrator.add_index("contact", ("vendor_id",)),
        migrator.add_index("call", ("vendor_id", "started_at")),
        migrator.add_index("call", ("started_at",)),
        migrator.add_index("decision", ("call_id", "position")),
    )


_SCHEMA_3 = [
    # One row per searchable item; `id` is the item's rowid in search_fts: when the item
    # happened, in seconds since 1900, times four (see data/search/index.py).
    """CREATE TABLE search_doc (
        id INTEGER NOT NULL PRIMARY KEY,
        kind TEXT NOT NULL,
        item_id INTEGER NOT NULL,
        vendor_id INTEGER NOT NULL)""",
    "CREATE UNIQUE INDEX search_doc_kind_item_id ON search_doc (kind, item_id)",
    "CREATE INDEX search_doc_vendor_id_id ON search_doc (vendor_id, id)",
    # The text as one-character tokens (data/search/text.py); `tags` holds the item's kind
    # and vendor as words. Contentless: the ledger's own tables hold the text.
    """CREATE VIRTUAL TABLE search_fts USING fts5(
        body, tags, content='', columnsize=0, detail=full, tokenize='ascii')""",
    # A row here means the index is to be (re)built from the ledger before it is used.
    "CREATE TABLE search_pending (reason TEXT NOT NULL)",
    "INSERT INTO search_pending (reason) VALUES ('schema 3')",
]


def _schema_3(db: SqliteDatabase) -> None:
    """The search index, empty and marked for building, which `open_ledger` then does.

    Built after the migrations rather than in one, so that it is built by the code that
    reads it, whatever later migrations change.
    """
    for statement in _SCHEMA_3:
        db.execute_sql(statement)


def _schema_4(db: SqliteDatabase) -> None:
    """The queue over every status, by due date, read in order instead of sorted whole."""
    db.execute_sql("CREATE INDEX request_due_order ON request (due IS NULL, due)")


def _schema_5(db: SqliteDatabase) -> None:
    """The queue's filters and sorts read from one index, never from the table's rows."""
    db.execute_sql(
        "CREATE INDEX request_queue ON request (status, due, priority, direction, created_at)"
    )
    db.execute_sql("DROP INDEX request_status_due")  # the new index starts with its columns


_SCHEMA_6 = [
    # Tokens become pairs of code units, with a prefix index for one unit alone (see
    # data/search/text.py); the rows are written again by `open_ledger`.
    "DROP TABLE search_fts",
    """CREATE VIRTUAL TABLE search_fts USING fts5(
        body, tags, content='', columnsize=0, detail=full, tokenize='ascii', prefix='4')""",
    "DELETE FROM search_doc",
    "INSERT INTO search_pending (reason) VALUES ('schema 6')",
]


def _schema_6(db: SqliteDatabase) -> None:
    """Search by pairs of characters: a phrase that matches nothing is refused at once."""
    for statement in _SCHEMA_6:
        db.execute_sql(statement)


_SCHEMA_7 = [
    # What the vendor list sorts and filters by, written from name and reading with every
    # change (see data/names/keys.py); filled below for the rows already there.
    "ALTER TABLE vendor ADD COLUMN sort_key TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE vendor ADD COLUMN filter_key TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE contact ADD COLUMN sort_key TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE contact ADD COLUMN filter_key TEXT NOT NULL DEFAULT ''",
    "CREATE INDEX vendor_sort_key ON vendor (sort_key, id)",
    "CREATE INDEX contact_vendor_id_sort_key ON contact (vendor_id, sort_key)",
    "DROP INDEX contact_vendor_id",  # the new index starts with its column
    # Search folds katakana to hiragana and joins digits across hyphens: written again by
    # `open_ledger`.
    "INSERT INTO search_pending (reason) VALUES ('schema 7')",
]


def _schema_7(db: SqliteDatabase) -> None:
    """Names in あいうえお order and found by their reading, whatever the kana or width.

    The keys are written by today's rules (data/names/keys.py): should the rules change, a
    migration of its own writes them again, as this one does.
    """
    for statement in _SCHEMA_7:
        db.execute_sql(statement)
    store_name_keys(db, "vendor")
    store_name_keys(db, "contact")


def _schema_8(db: SqliteDatabase) -> None:
    """Names found however typed: `㈱東和` as 株式会社東和, `高橋` as 髙橋, `(03)5555-1234` and
    `+81-3-5555-1234` as 03-5555-1234 (data/names/folding.py, data/names/phones.py). The vendor
    list's keys are written again here, and the search index by `open_ledger`."""
    store_name_keys(db, "vendor")
    store_name_keys(db, "contact")
    db.execute_sql("INSERT INTO search_pending (reason) VALUES ('schema 8')")


_SCHEMA_9 = [
    # What was typed before inside and outside were kept apart stays inside: a call's notes
    # become its internal memo, and a request's body (written as the desk's own remarks)
    # moves to the request's new memo; `body` is from now on what is asked of the vendor.
    "ALTER TABLE call RENAME COLUMN notes TO internal_notes",
    "ALTER TABLE request ADD COLUMN internal_notes TEXT NOT NULL DEFAULT ''",
    "UPDATE request SET internal_notes = body, body = '' WHERE body != ''",
    # The memo is searched like the rest: written again by `open_ledger`.
    "INSERT INTO search_pending (reason) VALUES ('schema 9')",
]


def _schema_9(db: SqliteDatabase) -> None:
    """A memo that stays inside (社内メモ) on calls and requests, apart from what may go out."""
    for statement in _SCHEMA_9:
        db.execute_sql(statement)


_SCHEMA_10 = [
    # Who wrote and last changed each record ([user] name), and a version that every change
    # raises, so that a save made from an older reading is refused instead of overwriting.
    *(
        f"ALTER TABLE {table} ADD COLUMN {column}"
        for table in ("vendor", "contact", "call", "request")
        for column in (
            "created_by TEXT NOT NULL DEFAULT ''",
            "changed_by TEXT NOT NULL DEFAULT ''",
            "version INTEGER NOT NULL DEFAULT 1",
        )
    ),
    "ALTER TABLE request ADD COLUMN assignee TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE request_event ADD COLUMN created_by TEXT NOT NULL DEFAULT ''",
]


def _schema_10(db: SqliteDatabase) -> None:
    """A ledger several people use: who did what, a request's assignee (担当), versions."""
    for statement in _SCHEMA_10:
        db.execute_sql(statement)


_SCHEMA_11 = [
    # Chasing (DESIGN §12): the day the user means to chase a request we wait on, and the
    # day a request snoozed off the Today list comes back; chases are history events.
    "ALTER TABLE request ADD COLUMN next_chase DATE",
    "ALTER TABLE request ADD COLUMN snoozed_until DATE",
    # How often and when a request was chased or last moved: read per request by kind.
    "CREATE INDEX request_event_request_id_kind_at ON request_event (request_id, kind, at)",
    # The answers of the last 12 months, for each vendor's answer time: read by time.
    "CREATE INDEX request_event_kind_at ON request_event (kind, at)",
]


def _schema_11(db: SqliteDatabase) -> None:
    """Nothing slips: a next chase date and a snooze per request (runs on both engines)."""
    for statement in _SCHEMA_11:
        db.execute_sql(statement)


def _schema_12_sql(postgres: bool) -> list[str]:
    key = "SERIAL PRIMARY KEY" if postgres else "INTEGER NOT NULL PRIMARY KEY"
    time = "TIMESTAMP" if postgres else "DATETIME"
    text = "TEXT NOT NULL DEFAULT ''"
    flag = "BOOLEAN NOT NULL DEFAULT FALSE" if postgres else "INTEGER NOT NULL DEFAULT 0"
    who = f"created_by {text}, changed_by {text}, version INTEGER NOT NULL DEFAULT 1"
    statements = [
        f"""CREATE TABLE contract (
            id {key},
            vendor_id INTEGER NOT NULL REFERENCES vendor (id) ON DELETE CASCADE,
            title TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT 'other',
            number {text},
            start DATE NOT NULL,
            term_no INTEGER NOT NULL DEFAULT 1,
            term_months INTEGER NOT NULL,
            renewal TEXT NOT NULL DEFAULT 'auto',
            renewal_term_months INTEGER,
            notice_months INTEGER,
            notice_days INTEGER,
            reminder_days TEXT NOT NULL DEFAULT '90 30 7',
            cost INTEGER,
            cost_period TEXT NOT NULL DEFAULT 'month',
            tax_included {flag},
            notes {text},
            status TEXT NOT NULL DEFAULT 'active',
            notice_given DATE,
            snoozed_until DATE,
            created_at {time} NOT NULL,
            updated_at {time} NOT NULL,
            {who})""",
        f"""CREATE TABLE contract_event (
            id {key},
            contract_id INTEGER NOT NULL REFERENCES contract (id) ON DELETE CASCADE,
            at {time} NOT NULL,
            kind TEXT NOT NULL,
            old_value {text}, new_value {text}, note {text}, created_by {text})""",
        f"""CREATE TABLE contract_reminder (
            id {key},
            contract_id INTEGER NOT NULL REFERENCES contract (id) ON DELETE CASCADE,
            term_no INTEGER NOT NULL,
            lead_days INTEGER NOT NULL,
            decision_date DATE NOT NULL,
            request_id INTEGER REFERENCES request (id) ON DELETE SET NULL,
            fired_at {time} NOT NULL)""",
        "CREATE INDEX contract_vendor_id ON contract (vendor_id)",
        "CREATE INDEX contract_event_contract_id ON contract_event (contract_id)",
        """CREATE UNIQUE INDEX contract_reminder_contract_id_term_no_lead_days
            ON contract_reminder (contract_id, term_no, lead_days)""",
        "CREATE INDEX contract_reminder_request_id ON contract_reminder (request_id)",
    ]
    if not postgres:  # the history is append-only: the database itself refuses to edit it
        return [
            *statements,
            """CREATE TRIGGER contract_event_no_update BEFORE UPDATE ON contract_event
                BEGIN SELECT RAISE(ABORT, 'contract history is append-only'); END""",
        ]
    return [
        *statements,
        """CREATE FUNCTION contract_event_no_update() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'contract history is append-only'; END $$""",
        """CREATE TRIGGER contract_event_no_update BEFORE UPDATE ON contract_event
            FOR EACH ROW EXECUTE FUNCTION contract_event_no_update()""",
        *(  # announced to the other clients, as every table of the ledger is
            f"""CREATE TRIGGER {table}_changed AFTER INSERT OR UPDATE OR DELETE ON {table}
                FOR EACH STATEMENT EXECUTE FUNCTION ledger_changed()"""
            for table in ("contract", "contract_event", "contract_reminder")
        ),
    ]


def _schema_12(db: SqliteDatabase) -> None:
    """Contracts and renewals (DESIGN §13): contracts, their history, the reminders that
    fired (runs on both engines)."""
    for statement in _schema_12_sql(isinstance(db, PostgresqlDatabase)):
        db.execute_sql(statement)


MIGRATIONS: list[Callable[[SqliteDatabase], None]] = [
    _schema_1,
    _schema_2,
    _schema_3,
    _schema_4,
    _schema_5,
    _schema_6,
    _schema_7,
    _schema_8,
    _schema_9,
    _schema_10,
    _schema_11,
    _schema_12,
]
LATEST_VERSION = len(MIGRATIONS)


def schema_version(db: SqliteDatabase) -> int:
    return db.execute_sql("PRAGMA user_version").fetchone()[0]


def migrate_to_latest(db: SqliteDatabase, target: int = LATEST_VERSION) -> list[int]:
    """Run every migration above the ledger's version, each in its own transaction."""
    ran = []
    for version in range(schema_version(db) + 1, target + 1):
        with db.atomic():
            MIGRATIONS[version - 1](db)
            db.execute_sql(f"PRAGMA user_version = {version}")
        ran.append(version)
    return ran
