"""The ledger's tables (DESIGN §3). Times are naive UTC; dates are the user's local dates."""

from peewee import (
    AutoField,
    BooleanField,
    DatabaseProxy,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

# Bound late by `data.ledger.open_ledger` to the open ledger: an SQLite file
# (data/ledger_guard.py) or a PostgreSQL database (data/postgres/), so tests and the app open
# ledgers with the same code. Drafts stay with the person typing them: in the ledger file
# itself on SQLite, in a local file of their own on a shared PostgreSQL ledger.
database = DatabaseProxy()
drafts_database = DatabaseProxy()


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False


class Vendor(BaseModel):
    id = AutoField()
    name = TextField()
    reading = TextField(default="")
    category = TextField(default="other")
    status = TextField(default="active")
    phone = TextField(default="")
    website = TextField(default="")
    notes = TextField(default="")
    tags = TextField(default="")  # space-separated words
    created_at = DateTimeField()
    updated_at = DateTimeField()
    created_by = TextField(default="")  # [user] name of who wrote it first
    changed_by = TextField(default="")  # and of who changed it last
    version = IntegerField(default=1)  # raised by every change: a save names the one it read
    sort_key = TextField(default="")  # from name and reading: data/names/keys.py
    filter_key = TextField(default="")


class Contact(BaseModel):
    id = AutoField()
    vendor = ForeignKeyField(Vendor, backref="contacts", on_delete="CASCADE")
    name = TextField()
    reading = TextField(default="")
    role = TextField(default="")
    department = TextField(default="")
    phone = TextField(default="")
    mobile = TextField(default="")
    email = TextField(default="")
    notes = TextField(default="")
    is_primary = BooleanField(default=False)
    created_at = DateTimeField()
    updated_at = DateTimeField()
    created_by = TextField(default="")  # [user] name of who wrote it first
    changed_by = TextField(default="")  # and of who changed it last
    version = IntegerField(default=1)  # raised by every change: a save names the one it read
    sort_key = TextField(default="")  # from name and reading: data/names/keys.py
    filter_key = TextField(default="")


class Call(BaseModel):
    id = AutoField()
    vendor = ForeignKeyField(Vendor, backref="calls", on_delete="CASCADE")
    contact = ForeignKeyField(Contact, null=True, on_delete="SET NULL")
    direction = TextField(default="incoming")
    channel = TextField(default="phone")
    started_at = DateTimeField()
    duration_s = IntegerField(default=0)
    subject = TextField(default="")
    internal_notes = TextField(default="")  # 社内メモ: never goes to the vendor
    created_at = DateTimeField()
    updated_at = DateTimeField()
    created_by = TextField(default="")  # [user] name of who wrote it first
    changed_by = TextField(default="")  # and of who changed it last
    version = IntegerField(default=1)  # raised by every change: a save names the one it read


class Decision(BaseModel):
    """One line of what was agreed on a call; `position` keeps the order it was typed in."""

    id = AutoField()
    call = ForeignKeyField(Call, backref="decisions", on_delete="CASCADE")
    position = IntegerField()
    text = TextField()


class Request(BaseModel):
    id = AutoField()
    direction = TextField()
    vendor = ForeignKeyField(Vendor, backref="requests", on_delete="CASCADE")
    contact = ForeignKeyField(Contact, null=True, on_delete="SET NULL")
    call = ForeignKeyField(Call, null=True, backref="follow_ups", on_delete="SET NULL")
    subject = TextField()
    body = TextField(default="")  # what is asked: may go to the vendor
    internal_notes = TextField(default="")  # 社内メモ: never goes to the vendor
    due = DateField(null=True)
    priority = TextField(default="normal")
    status = TextField(default="open")
    answer = TextField(default="")
    assignee = TextField(default="")  # 担当: a [user] name, or "" for nobody in particular
    next_chase = DateField(null=True)  # when to chase the vendor next (data/chasing.py)
    snoozed_until = DateField(null=True)  # off the Today list until this day (data/today.py)
    created_at = DateTimeField()
    updated_at = DateTimeField()
    created_by = TextField(default="")  # [user] name of who wrote it first
    changed_by = TextField(default="")  # and of who changed it last
    version = IntegerField(default=1)  # raised by every change: a save names the one it read


class RequestEvent(BaseModel):
    """Append-only history of a request: rows are inserted, never updated."""

    id = AutoField()
    request = ForeignKeyField(Request, backref="events", on_delete="CASCADE")
    at = DateTimeField()
    kind = TextField()
    old_value = TextField(default="")
    new_value = TextField(default="")
    note = TextField(default="")
    created_by = TextField(default="")  # [user] name of who did it


class Contract(BaseModel):
    """A contract with a vendor (DESIGN §13): its current term, how it renews and what
    cancelling it takes. The dates worked out from these are data/contracts/terms.py's."""

    id = AutoField()
    vendor = ForeignKeyField(Vendor, backref="contracts", on_delete="CASCADE")
    title = TextField()
    kind = TextField(default="other")
    number = TextField(default="")  # the vendor's contract number
    start = DateField()  # the first day of the term numbered `term_no`
    term_no = IntegerField(default=1)  # raised by each renewal
    term_months = IntegerField()
    renewal = TextField(default="auto")
    renewal_term_months = IntegerField(null=True)  # None: renews for `term_months`
    notice_months = IntegerField(null=True)  # the notice period: one of the two is set
    notice_days = IntegerField(null=True)
    reminder_days = TextField(default="90 30 7")  # lead times before the decision date
    cost = IntegerField(null=True)  # JPY
    cost_period = TextField(default="month")
    tax_included = BooleanField(default=False)
    notes = TextField(default="")
    status = TextField(default="active")
    notice_given = DateField(null=True)  # the day cancellation notice was given
    snoozed_until = DateField(null=True)  # off the Today list until this day (data/today.py)
    created_at = DateTimeField()
    updated_at = DateTimeField()
    created_by = TextField(default="")  # [user] name of who wrote it first
    changed_by = TextField(default="")  # and of who changed it last
    version = IntegerField(default=1)  # raised by every change: a save names the one it read


class ContractEvent(BaseModel):
    """Append-only history of a contract (earlier terms, renewals, notice): never updated."""

    id = AutoField()
    contract = ForeignKeyField(Contract, backref="events", on_delete="CASCADE")
    at = DateTimeField()
    kind = TextField()
    old_value = TextField(default="")
    new_value = TextField(default="")
    note = TextField(default="")
    created_by = TextField(default="")  # [user] name of who did it


class ContractReminder(BaseModel):
    """A renewal reminder that fired: once per contract, term and lead time (DESIGN §13)."""

    id = AutoField()
    contract = ForeignKeyField(Contract, backref="reminders", on_delete="CASCADE")
    term_no = IntegerField()
    lead_days = IntegerField()
    decision_date = DateField()  # the one it was fired for
    request = ForeignKeyField(Request, null=True, on_delete="SET NULL")  # the "we owe" item
    fired_at = DateTimeField()

    class Meta:
        indexes = ((("contract", "term_no", "lead_days"), True),)


class Draft(BaseModel):
    """What is being typed in a form, kept so that nothing typed is lost."""

    id = AutoField()
    form = TextField()
    key = TextField(default="")
    content = TextField()  # JSON object of field name to text
    updated_at = DateTimeField()

    class Meta:
        database = drafts_database
        indexes = ((("form", "key"), True),)


LEDGER_MODELS = (
    Vendor,
    Contact,
    Call,
    Decision,
    Request,
    RequestEvent,
    Contract,
    ContractEvent,
    ContractReminder,
)
ALL_MODELS = (*LEDGER_MODELS, Draft)
