"""Vendors, contacts, requests, calls and contracts as search reads them: a date, a vendor, a
title and the fields of text that are searched, in the order a snippet prefers them. Phone
numbers are searched in the form they are shown in (data/names/phones.py), last.

The index is written from these documents and every hit is checked against them, so what
is searched is defined here once.
"""

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime

from peewee import chunked

from daicho.data.models import (
    Call,
    Contact,
    Contract,
    Decision,
    Request,
    RequestEvent,
    Vendor,
    database,
)
from daicho.data.names.phones import display_phone
from daicho.i18n import LANGUAGES, language
from daicho.i18n.labels import contract_label

_BATCH = 500  # ids per IN (...), well under SQLite's limit of bound values


@dataclass(frozen=True)
class Document:
    """One searchable item; `at` (naive UTC) orders the hits, newest first."""

    kind: str
    id: int
    at: datetime
    vendor_id: int
    title: str
    fields: tuple[str, ...]


def read_documents(kind: str, ids: Iterable[int]) -> dict[int, Document]:
    """The documents of the items of `kind` with these ids; ids no longer there are left out."""
    found = {}
    for batch in chunked(ids, _BATCH):
        found.update((doc.id, doc) for doc in _READERS[kind](batch))
    return found


def documents_by_time(kind: str) -> Iterator[Document]:
    """Every document of `kind`, oldest first (by date, then id)."""
    return _READERS[kind](None)


def _vendors(ids: list[int] | None) -> Iterator[Document]:
    query = Vendor.select(
        Vendor.id,
        Vendor.created_at,
        Vendor.name,
        Vendor.reading,
        Vendor.notes,
        Vendor.tags,
        Vendor.phone,
    )
    if ids is not None:
        query = query.where(Vendor.id.in_(ids))
    for id_, at, name, *rest, phone in _rows(query.order_by(Vendor.created_at, Vendor.id)):
        fields = (name, *rest, display_phone(phone))
        yield Document("vendor", id_, _time(at), id_, name, fields)


def _contacts(ids: list[int] | None) -> Iterator[Document]:
    query = Contact.select(
        Contact.id,
        Contact.vendor,
        Contact.created_at,
        Contact.name,
        Contact.reading,
        Contact.role,
        Contact.department,
        Contact.email,
        Contact.notes,
        Contact.phone,
        Contact.mobile,
    )
    if ids is not None:
        query = query.where(Contact.id.in_(ids))
    rows = _rows(query.order_by(Contact.created_at, Contact.id))
    for id_, vendor_id, at, name, *rest, phone, mobile in rows:
        fields = (name, *rest, display_phone(phone), display_phone(mobile))
        yield Document("contact", id_, _time(at), vendor_id, name, fields)


def _requests(ids: list[int] | None) -> Iterator[Document]:
    query = Request.select(
        Request.id,
        Request.vendor,
        Request.created_at,
        Request.subject,
        Request.body,
        Request.internal_notes,
        Request.answer,
    )
    notes = RequestEvent.select(RequestEvent.request, RequestEvent.note).where(
        RequestEvent.note != ""
    )
    if ids is not None:
        query = query.where(Request.id.in_(ids))
        notes = notes.where(RequestEvent.request.in_(ids))
    notes_of = _grouped(notes.order_by(RequestEvent.request, RequestEvent.at, RequestEvent.id))
    for id_, vendor_id, at, subject, *rest in _rows(query.order_by(Request.created_at, Request.id)):
        yield Document(
            "request", id_, _time(at), vendor_id, subject, (subject, *rest, *notes_of[id_])
        )


def _calls(ids: list[int] | None) -> Iterator[Document]:
    query = Call.select(Call.id, Call.vendor, Call.started_at, Call.subject, Call.internal_notes)
    decisions = Decision.select(Decision.call, Decision.text)
    if ids is not None:
        query = query.where(Call.id.in_(ids))
        decisions = decisions.where(Decision.call.in_(ids))
    decisions_of = _grouped(decisions.order_by(Decision.call, Decision.position))
    for id_, vendor_id, at, subject, notes in _rows(query.order_by(Call.started_at, Call.id)):
        yield Document(
            "call", id_, _time(at), vendor_id, subject, (subject, notes, *decisions_of[id_])
        )


def _contracts(ids: list[int] | None) -> Iterator[Document]:
    """A contract is found by its title, number and notes, its vendor's name and its kind
    in either language (保守, maintenance)."""
    query = Contract.select(
        Contract.id,
        Contract.vendor,
        Contract.created_at,
        Contract.title,
        Contract.number,
        Contract.notes,
        Vendor.name,
        Contract.kind,
    ).join(Vendor)
    if ids is not None:
        query = query.where(Contract.id.in_(ids))
    rows = _rows(query.order_by(Contract.created_at, Contract.id))
    for id_, vendor_id, at, title, *texts, kind in rows:
        fields = (title, *texts, *_in_every_language(contract_label, kind))
        yield Document("contract", id_, _time(at), vendor_id, title, fields)


def _in_every_language(label, value: str) -> list[str]:
    """A stored value's word in each language, so the index does not depend on who wrote it."""
    words = []
    for name in LANGUAGES:
        with language(name):
            words.append(label(value))
    return words


def _grouped(query) -> defaultdict[int, list[str]]:
    """(owner id, text) rows as each owner's texts, in the query's order."""
    texts = defaultdict(list)
    for owner, text in _rows(query):
        texts[owner].append(text)
    return texts


def _rows(query) -> Iterator[tuple]:
    """The query's rows as SQLite gives them, one at a time: a rebuild reads them all, and
    peewee's conversions of every value would take longer than the rest of it."""
    sql, parameters = query.sql()
    return database.execute_sql(sql, parameters)


def _time(stored: str | datetime) -> datetime:
    return stored if isinstance(stored, datetime) else datetime.fromisoformat(stored)


_READERS = {
    "call": _calls,
    "request": _requests,
    "vendor": _vendors,
    "contact": _contacts,
    "contract": _contracts,
}
