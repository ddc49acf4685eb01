"""Hostile and odd text at the data layer and in imports (DESIGN §10).

Whatever is typed or imported is stored as it was, less its control characters (one-line
fields lose their line breaks too), or refused with a one-line message; markup is kept
literally; the JSON and CSV exports hold the same text as the TOML one; and a TOML export
(the one format `daicho import` reads) read into a new ledger exports the same again.
"""

import csv
import json
import sys
import tempfile
import tomllib
import unicodedata
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from daicho.data import calls, requests, vendors
from daicho.data.contracts.store import add_contract, get_contract
from daicho.data.errors import DaichoError, InputError
from daicho.data.ledger import close_ledger, open_ledger
from daicho.data.migrations import LATEST_VERSION
from daicho.data.models import Vendor
from daicho.data.records import (
    CALL_CHANNELS,
    CALL_DIRECTIONS,
    REQUEST_DIRECTIONS,
    REQUEST_PRIORITIES,
    VENDOR_CATEGORIES,
    VENDOR_STATUSES,
    FollowUp,
)
from daicho.data.search.find import search
from daicho.data.text import clean_block
from daicho.data.transfer.export import TABLES, export_ledger
from daicho.data.transfer.importer import import_file, import_text

pytestmark = pytest.mark.both_engines

# Pieces that have broken text handling somewhere: terminal escapes and other controls,
# every kind of line break, invisible and direction-changing characters, right-to-left and
# combining text, emoji sequences, Rich markup balanced or not, and quoting of all kinds.
PIECES = [
    *("\x00", "\x07", "\x08", "\x1b", "\x1b[31m", "\x1b[2J", "\x1b]0;title\x07", "\x7f", "\x9b"),
    *("\r", "\n", "\r\n", "\t", "\x0b", "\x0c", "\x1c", "\x85", "\u2028", "\u2029"),
    *("\u200b", "\u200d", "\u200e", "\u202e", "\u2066", "\u2069", "\ufeff", "\u00ad"),
    *(" ", "  ", "\u3000", "\u00a0", "שלום", "مرحبا", "e\u0301", "\u0301", "Z\u0351\u0334"),
    *("😀", "👨\u200d👩\u200d👧", "🇯🇵", "🙇🏻\u200d♂️", "NTT東日本", "ｶﾀｶﾅ", "ＶＰＮ", "見積"),
    *("[bold red]", "[/]", "[/bold]", "[link=x]", "[link=https://example.com/?q=[1]]"),
    *("[", "]", "[b", "]]", "\\[", "[@click=app.quit]", "{x}", "%s", "<b>", "`", "\\"),
    *("'", '"', "'; DROP TABLE vendor; --", "a", "1"),
    *("\ud800", "\udcff"),  # lone surrogates: undecodable bytes of a file name or argument
]
HOSTILE = st.lists(st.sampled_from(PIECES) | st.text(max_size=3), max_size=8).map("".join)
TEXT = HOSTILE | st.text()

_LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"  # those of str.splitlines
_VENDOR_LINES = ("reading", "phone", "website")
_CONTACT_LINES = ("reading", "role", "department", "phone", "mobile", "email")


@contextmanager
def fresh_ledger(tmp_path: Path):
    """A new, empty ledger for one example (hypothesis reuses the test's tmp_path)."""
    with tempfile.TemporaryDirectory(dir=tmp_path) as scratch:
        open_ledger(Path(scratch) / "ledger.db")
        try:
            yield Path(scratch)
        finally:
            close_ledger()


# --- what "stored as typed, less its control characters" means ------------------------


# The bidi controls: marks (ALM, LRM, RLM), embeddings and overrides, and isolates.
_BIDI = {
    "\u061c",
    "\u200e",
    "\u200f",
    *map(chr, range(0x202A, 0x202F)),
    *map(chr, range(0x2066, 0x206A)),
}


def _dropped(char: str) -> bool:
    """Control characters, bidi controls (which reorder what follows them), and lone
    surrogates, which UTF-8 cannot store."""
    return unicodedata.category(char) in ("Cc", "Cs") or char in _BIDI


def _visible(text: str) -> str:
    """What a reader sees of the text, in order: no controls, no spacing of any kind."""
    return "".join(c for c in text if not (_dropped(c) or c.isspace()))


def _is_plain_block(text: str) -> bool:
    """Text the ledger must keep exactly: nothing to strip, and only LF as a line break."""
    return (
        text == text.strip()
        and "\n".join(text.splitlines()) == text
        and not any(_dropped(c) for c in text if c != "\n")
    )


def _assert_cleaned(stored: str, typed: str) -> None:
    """Every visible character kept in order; only LF left as a line break; no controls."""
    assert stored == stored.strip()
    assert "\n".join(stored.splitlines()) == stored
    assert not any(_dropped(c) for c in stored if c != "\n")
    assert _visible(stored) == _visible(typed)


def assert_block(stored: str, typed: str) -> None:
    """Multi-line text: lines kept with LF between them, controls gone, nothing else changed."""
    _assert_cleaned(stored, typed)
    if _is_plain_block(typed):
        assert stored == typed


def assert_line(stored: str, typed: str) -> None:
    """One-line text: no line break of any kind, controls gone, nothing else changed."""
    _assert_cleaned(stored, typed)
    assert "\n" not in stored
    if _is_plain_block(typed) and "\n" not in typed:
        assert stored == typed


def _tag_words(typed: str) -> tuple[str, ...]:
    """Tags as typed, as words: split at commas, 、 and any spacing or line break; once each."""
    spaced = "".join(" " if c in _LINE_BREAKS or c in ",、\t" else c for c in typed)
    return tuple(dict.fromkeys("".join(c for c in spaced if not _dropped(c)).split()))


def assert_refused(error: DaichoError) -> None:
    """A refusal the user can read: one line, nothing that drives the terminal."""
    message = str(error)
    assert message and len(message.splitlines()) == 1
    assert not any(_dropped(c) for c in message)


# --- examples worth naming -----------------------------------------------------------


@pytest.mark.parametrize(
    "typed, line, block",
    [
        ("[bold red]x[/]", "[bold red]x[/]", "[bold red]x[/]"),
        ("[link=x]y[/link] [/] [b", "[link=x]y[/link] [/] [b", "[link=x]y[/link] [/] [b"),
        ("\x1b[31mred\x1b[0m", "[31mred[0m", "[31mred[0m"),
        ("\x1b]0;title\x07after", "]0;titleafter", "]0;titleafter"),
        (" a\r\nb\rc\x85d\u2028e\u2029f\x0bg\x0ch \t", "a b c d e f g h", "a\nb\nc\nd\ne\nf\ng\nh"),
        ("a\x00b\x7fc\x9bd", "abcd", "abcd"),
        ("\ud800ok\udcff", "ok", "ok"),
        ("שלום [/] 😀 e\u0301", "שלום [/] 😀 e\u0301", "שלום [/] 😀 e\u0301"),
        # Format characters are kept: a zero-width joiner makes one emoji of three; but the
        # bidi controls go, or a right-to-left override would turn the rest around.
        (
            "👨\u200d👩\u200d👧 \u202eabc\u202c \u2067x\u2069\u200f",
            "👨\u200d👩\u200d👧 abc x",
            "👨\u200d👩\u200d👧 abc x",
        ),
    ],
)
def test_markup_is_stored_literally_and_controls_are_stripped(ledger, typed, line, block):
    vendor = vendors.create_vendor(typed, phone=typed, notes=typed)
    stored = vendors.get_vendor(vendor.id)
    assert (stored.name, stored.phone, stored.notes) == (line, line, block)


def test_a_name_of_nothing_but_controls_and_spaces_is_refused_in_one_line(ledger):
    for name in ("", " \u3000", "\x1b\x00\r\n\t", "\u2028\ud800"):
        with pytest.raises(InputError, match="Vendor name cannot be empty") as caught:
            vendors.create_vendor(name)
        assert_refused(caught.value)
    assert vendors.list_vendors(include_hidden=True) == []


def _cleaned_alone(char: str) -> str:
    if char in _LINE_BREAKS:
        return "\n"
    if char == "\t":
        return " "
    return "" if _dropped(char) else char


def test_exactly_the_control_characters_bidi_controls_and_lone_surrogates_are_dropped():
    """Every code point, between bars: line breaks become LF, a tab a space, Unicode's
    control characters (Cc), the bidi controls and lone surrogates (Cs) go, everything
    else stays."""
    points = [chr(n) for n in range(sys.maxunicode + 1) if chr(n) != "|"]
    cleaned = clean_block("|" + "|".join(points) + "|").split("|")[1:-1]
    pairs = zip(points, cleaned, strict=True)
    assert [f"U+{ord(c):04X}" for c, got in pairs if got != _cleaned_alone(c)] == []


# --- the services -------------------------------------------------------------------


@given(
    name=TEXT,
    details=st.fixed_dictionaries({key: TEXT for key in (*_VENDOR_LINES, "notes", "tags")}),
    changes=st.fixed_dictionaries({key: TEXT for key in ("name", "notes", "website")}),
    contact=st.fixed_dictionaries({key: TEXT for key in ("name", *_CONTACT_LINES, "notes")}),
    category=st.sampled_from(VENDOR_CATEGORIES),
    status=st.sampled_from(VENDOR_STATUSES),
)
def test_a_vendor_and_its_contact_keep_any_text_less_its_controls(
    tmp_path, name, details, changes, contact, category, status
):
    with fresh_ledger(tmp_path):
        if not _visible(name):
            with pytest.raises(InputError) as caught:
                vendors.create_vendor(name, **details)
            assert_refused(caught.value)
            return
        created = vendors.create_vendor(name, category=category, status=status, **details)
        vendor = vendors.get_vendor(created.id)
        assert vendor == created
        assert_line(vendor.name, name)
        for key in _VENDOR_LINES:
            assert_line(getattr(vendor, key), details[key])
        assert_block(vendor.notes, details["notes"])
        assert vendor.tags == _tag_words(details["tags"])

        if _visible(changes["name"]):
            vendors.update_vendor(vendor.id, **changes)
            updated = vendors.get_vendor(vendor.id)
            assert_line(updated.name, changes["name"])
            assert_block(updated.notes, changes["notes"])
            assert_line(updated.website, changes["website"])
            assert updated.phone == vendor.phone
        else:
            with pytest.raises(InputError) as caught:
                vendors.update_vendor(vendor.id, **changes)
            assert_refused(caught.value)
            assert vendors.get_vendor(vendor.id) == vendor

        if not _visible(contact["name"]):
            with pytest.raises(InputError) as caught:
                vendors.create_contact(vendor.id, **contact)
            assert_refused(caught.value)
            return
        added = vendors.create_contact(vendor.id, **contact, is_primary=True)
        (listed,) = vendors.list_contacts(vendor.id)
        assert listed == added
        assert_line(listed.name, contact["name"])
        for key in _CONTACT_LINES:
            assert_line(getattr(listed, key), contact[key])
        assert_block(listed.notes, contact["notes"])
        vendors.update_contact(added.id, notes=contact["name"], role=contact["notes"])
        (changed,) = vendors.list_contacts(vendor.id)
        assert_block(changed.notes, contact["name"])
        assert_line(changed.role, contact["notes"])


@given(
    subject=TEXT,
    body=TEXT,
    edits=st.fixed_dictionaries({"subject": TEXT, "body": TEXT}),
    notes=st.lists(TEXT, min_size=5, max_size=5),
    direction=st.sampled_from(REQUEST_DIRECTIONS),
    priority=st.sampled_from(REQUEST_PRIORITIES),
)
def test_a_request_and_its_history_keep_any_text_less_its_controls(
    tmp_path, subject, body, edits, notes, direction, priority
):
    with fresh_ledger(tmp_path):
        vendor = vendors.create_vendor("相手先")
        if not _visible(subject):
            with pytest.raises(InputError) as caught:
                requests.open_request(vendor.id, direction, subject, body=body)
            assert_refused(caught.value)
            assert requests.request_history(1) == []
            return
        opened = requests.open_request(
            vendor.id, direction, subject, body=body, priority=priority, due=date(2026, 12, 1)
        )
        request = requests.get_request(opened.id)
        assert_line(request.subject, subject)
        assert_block(request.body, body)

        if _visible(edits["subject"]):
            requests.edit_request(request.id, **edits)
            request = requests.get_request(request.id)
            assert_line(request.subject, edits["subject"])
            assert_block(request.body, edits["body"])
        else:
            with pytest.raises(InputError) as caught:
                requests.edit_request(request.id, **edits)
            assert_refused(caught.value)
            assert requests.get_request(request.id) == request

        note, answer, closing, reopening, redating = notes
        if _visible(note):
            requests.add_request_note(request.id, note)
        else:
            with pytest.raises(InputError) as caught:
                requests.add_request_note(request.id, note)
            assert_refused(caught.value)
        requests.answer_request(request.id, answer)
        requests.close_request(request.id, closing)
        requests.reopen_request(request.id, reopening)
        requests.redate_request(request.id, None, note=redating)
        assert_block(requests.get_request(request.id).answer, answer)
        history = requests.request_history(request.id)
        kept = [note] if _visible(note) else []
        typed_notes = ["", *kept, answer, closing, reopening, redating]
        if _visible(edits["subject"]):
            typed_notes.insert(1, "")
        assert len(history) == len(typed_notes)
        for event, typed in zip(history, typed_notes, strict=True):
            assert_block(event.note, typed)


@given(
    vendor_name=TEXT,
    contact_name=TEXT,
    subject=TEXT,
    notes=TEXT,
    decisions=st.lists(TEXT, max_size=4),
    follow_ups=st.lists(st.tuples(TEXT, TEXT), max_size=2),
    direction=st.sampled_from(CALL_DIRECTIONS),
    channel=st.sampled_from(CALL_CHANNELS),
)
def test_a_call_keeps_any_text_less_its_controls_or_saves_nothing(
    tmp_path, vendor_name, contact_name, subject, notes, decisions, follow_ups, direction, channel
):
    with fresh_ledger(tmp_path):
        details = {
            "vendor_name": vendor_name,
            "contact_name": contact_name,
            "direction": direction,
            "channel": channel,
            "subject": subject,
            "internal_notes": notes,
            "decisions": decisions,
            "follow_ups": [FollowUp(title, body=body) for title, body in follow_ups],
        }
        if not _visible(vendor_name) or not all(_visible(title) for title, _ in follow_ups):
            with pytest.raises(InputError) as caught:
                calls.log_call(**details)
            assert_refused(caught.value)
            assert vendors.list_vendors(include_hidden=True) == []  # all or nothing
            return
        call = calls.get_call(calls.log_call(**details).id)
        assert_line(call.vendor_name, vendor_name)
        assert_line(call.contact_name, contact_name)
        assert (call.contact_id is None) == (not _visible(contact_name))
        assert_line(call.subject, subject)
        assert_block(call.internal_notes, notes)
        typed_decisions = [typed for typed in decisions if _visible(typed)]
        assert len(call.decisions) == len(typed_decisions)
        for stored, typed in zip(call.decisions, typed_decisions, strict=True):
            assert_line(stored, typed)
        assert len(call.follow_ups) == len(follow_ups)
        for request, (title, body) in zip(call.follow_ups, follow_ups, strict=True):
            assert_line(request.subject, title)
            assert_block(request.body, body)
            assert request.contact_id == call.contact_id


@pytest.mark.parametrize(
    "change",
    [
        lambda v: vendors.create_vendor("x", category="[bold]telecom\x1b[0m"),
        lambda v: vendors.update_vendor(v.id, status="\nactive"),
        lambda v: requests.open_request(v.id, "\x1b[31moutbound", "件名"),
        lambda v: requests.open_request(v.id, "outbound", "件名", priority="urgent\r"),
        lambda v: calls.log_call(vendor_id=v.id, channel="phone\u2028"),
        lambda v: calls.log_call(vendor_id=v.id, direction="[/]"),
    ],
)
def test_an_unknown_stored_value_is_refused_in_one_line(ledger, change):
    vendor = vendors.create_vendor("相手先")
    before = export_ledger("toml")
    with pytest.raises(InputError, match="must be one of") as caught:
        change(vendor)
    assert_refused(caught.value)
    assert export_ledger("toml") == before


# --- export and import ---------------------------------------------------------------


def _fill(vendor_name: str, texts: list[str]) -> None:
    """One of everything, holding the given text in every field that takes text."""
    a, b, c, d = texts
    vendor = vendors.create_vendor(
        vendor_name, reading=a, phone=b, website=c, notes=d, tags=f"{a} {b}"
    )
    contact = vendors.create_contact(vendor.id, f"x{a}", role=b, email=c, notes=d)
    call = calls.log_call(
        vendor_id=vendor.id,
        contact_id=contact.id,
        subject=a,
        internal_notes=b,
        decisions=[c, d, a],
        follow_ups=[FollowUp(f"x{b}", body=c)],
    )
    request = requests.open_request(vendor.id, "inbound", f"x{d}", body=a, contact_id=contact.id)
    requests.answer_request(request.id, b)
    requests.redate_request(call.follow_ups[0].id, date(2026, 12, 24), note=c)
    add_contract(
        vendor.id, title=f"x{a}", number=b, notes=d, start=date(2026, 4, 1), term_months=12
    )


def _csv_rows(directory: Path, table: str) -> list[dict]:
    with (directory / f"{table}.csv").open(encoding="utf-8-sig", newline="") as file:
        return list(csv.DictReader(file))


def _text_values(row: dict) -> dict:
    """A row's text, as the JSON and CSV exports must hold it too."""
    return {key: value for key, value in row.items() if isinstance(value, str | list)}


@given(vendor_name=TEXT.filter(_visible), texts=st.lists(TEXT, min_size=4, max_size=4))
def test_any_text_exported_and_read_back_exports_the_same(tmp_path, vendor_name, texts):
    with fresh_ledger(tmp_path) as scratch:
        _fill(vendor_name, texts)
        exported = export_ledger("toml")
        document = tomllib.loads(exported)

        as_json = json.loads(export_ledger("json"))
        export_ledger("csv", scratch / "csv")
        for table in TABLES:
            json_rows = as_json[table]
            csv_rows = _csv_rows(scratch / "csv", table)
            rows = document.get(table, [])  # no reminder has fired
            for row, json_row, csv_row in zip(rows, json_rows, csv_rows, strict=True):
                for key, value in _text_values(row).items():
                    assert json_row[key] == value
                    if key != "decisions":
                        assert csv_row[key] == (" ".join(value) if key == "tags" else value)
        decisions = [row["text"] for row in _csv_rows(scratch / "csv", "decisions")]
        assert decisions == document["calls"][0]["decisions"]

        open_ledger(scratch / "imported.db")
        assert import_text(exported).kept_ids
        assert export_ledger("toml") == exported


def _document(vendor: dict, contact: dict, call: dict, request: dict, note: str) -> dict:
    """An export as another program might write it: every text field given, ids chosen."""
    at = datetime(2026, 11, 20, 9, 30, tzinfo=timezone(timedelta(hours=9)))
    stamps = {"created_at": at, "updated_at": at}
    return {
        "format": "daicho",
        "schema_version": LATEST_VERSION,
        "vendors": [{"id": 7, **vendor, **stamps}],
        "contacts": [{"id": 3, "vendor_id": 7, **contact, "is_primary": True, **stamps}],
        "calls": [{"id": 5, "vendor_id": 7, "contact_id": 3, "started_at": at, **call, **stamps}],
        "requests": [
            {"id": 2, "direction": "outbound", "vendor_id": 7, "call_id": 5, **request, **stamps}
        ],
        "request_events": [
            {"id": 1, "request_id": 2, "at": at, "kind": "note_added", "note": note},
            {"id": 2, "request_id": 2, "at": at, "kind": "edited", "new_value": note},
        ],
        "contracts": [
            {
                "id": 4,
                "vendor_id": 7,
                "title": "保守契約",
                "start": date(2026, 4, 1),
                "term_months": 12,
                "notice_months": 3,
                "notes": note,
                **stamps,
            }
        ],
        "contract_events": [{"id": 1, "contract_id": 4, "at": at, "kind": "created"}],
        "contract_reminders": [
            {
                "id": 1,
                "contract_id": 4,
                "term_no": 1,
                "lead_days": 90,
                "decision_date": date(2026, 12, 28),
                "request_id": 2,
                "fired_at": at,
            }
        ],
    }


def _plain_document() -> dict:
    return _document({"name": "業者"}, {"name": "担当"}, {}, {"subject": "件名"}, "メモ")


def _nothing_imported() -> bool:
    return tomllib.loads(export_ledger("toml")).keys() == {"format", "schema_version"}


def _texts(*keys: str):
    return st.fixed_dictionaries({key: TEXT for key in keys})


@given(
    vendor=_texts("name", *_VENDOR_LINES, "notes"),
    tags=st.lists(TEXT, max_size=3),
    contact=_texts("name", *_CONTACT_LINES, "notes"),
    call=_texts("subject", "internal_notes"),
    decisions=st.lists(TEXT, max_size=3),
    request=_texts("subject", "body", "internal_notes", "answer"),
    note=TEXT,
)
def test_an_import_keeps_any_text_less_its_controls(
    tmp_path, vendor, tags, contact, call, decisions, request, note
):
    document = _document(
        {**vendor, "tags": tags}, contact, {**call, "decisions": decisions}, request, note
    )
    with fresh_ledger(tmp_path) as scratch:
        if not all(map(_visible, (vendor["name"], contact["name"], request["subject"]))):
            with pytest.raises(InputError, match="cannot be empty") as caught:
                import_text(tomli_w.dumps(document))
            assert_refused(caught.value)
            assert _nothing_imported()
            return
        assert import_text(tomli_w.dumps(document)).kept_ids

        stored = vendors.get_vendor(7)
        assert_line(stored.name, vendor["name"])
        for key in _VENDOR_LINES:
            assert_line(getattr(stored, key), vendor[key])
        assert_block(stored.notes, vendor["notes"])
        assert stored.tags == _tag_words(" ".join(tags))
        (person,) = vendors.list_contacts(7)
        for key in ("name", *_CONTACT_LINES):
            assert_line(getattr(person, key), contact[key])
        assert_block(person.notes, contact["notes"])
        logged = calls.get_call(5)
        assert_line(logged.subject, call["subject"])
        assert_block(logged.internal_notes, call["internal_notes"])
        typed_decisions = [typed for typed in decisions if _visible(typed)]
        for kept, typed in zip(logged.decisions, typed_decisions, strict=True):
            assert_line(kept, typed)
        (follow_up,) = logged.follow_ups
        assert_line(follow_up.subject, request["subject"])
        assert_block(follow_up.body, request["body"])
        assert_block(follow_up.internal_notes, request["internal_notes"])
        assert_block(follow_up.answer, request["answer"])
        noted, edited = requests.request_history(2)
        assert_block(noted.note, note)
        assert_line(edited.new_value, note)
        assert_block(get_contract(4).notes, note)

        exported = export_ledger("toml")
        open_ledger(scratch / "again.db")
        import_text(exported)
        assert export_ledger("toml") == exported


_ODD_VALUES = st.one_of(
    TEXT,
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(),
    st.booleans(),
    st.dates(),
    st.datetimes(),
    st.lists(st.integers() | TEXT, max_size=3),
    st.dictionaries(TEXT, st.integers(), max_size=2),
)
_COLUMNS = ["id", "vendor_id", "contact_id", "call_id", "request_id", "name", "category"]
_COLUMNS += ["status", "is_primary", "duration_s", "started_at", "decisions", "direction", "due"]
_COLUMNS += ["kind", "tags", "priority", "at", "created_at", "old_value", "answer"]
_COLUMNS += ["title", "start", "term_months", "renewal", "notice_days", "cost", "reminder_days"]


@given(
    table=st.sampled_from(list(TABLES)),
    key=st.sampled_from(_COLUMNS) | TEXT,
    value=_ODD_VALUES,
)
def test_an_import_with_odd_keys_or_values_is_taken_or_refused_in_one_line(
    tmp_path, table, key, value
):
    document = _plain_document()
    document[table][0][key] = value
    with fresh_ledger(tmp_path) as scratch:
        try:
            import_text(tomli_w.dumps(document))
        except InputError as error:
            assert_refused(error)
            assert _nothing_imported()
            return
        exported = export_ledger("toml")
        open_ledger(scratch / "again.db")
        import_text(exported)
        assert export_ledger("toml") == exported


@given(key=TEXT, in_a_row=st.booleans())
def test_an_unknown_key_is_named_on_one_line_without_its_escapes(tmp_path, key, in_a_row):
    document = _plain_document()
    columns = {field.column_name for field in Vendor._meta.sorted_fields}
    known = columns if in_a_row else {"format", "schema_version", *TABLES}
    if in_a_row:
        document["vendors"][0][key] = "x"
    else:
        document[key] = [{"id": 1}]
    with fresh_ledger(tmp_path):
        if key in known:
            return
        with pytest.raises(InputError, match=r"(?i)unknown") as caught:
            import_text(tomli_w.dumps(document))
        assert_refused(caught.value)
        assert key in str(caught.value) or repr(key) in str(caught.value)


@given(st.text() | HOSTILE.map(lambda text: f'format = "daicho"\nschema_version = 1\n{text}'))
@settings(max_examples=100)
def test_any_text_as_an_export_is_imported_or_refused_in_one_line(tmp_path, text):
    with fresh_ledger(tmp_path):
        try:
            import_text(text)
        except InputError as error:
            assert_refused(error)


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=12,
)
_JSON_ROWS = st.fixed_dictionaries(
    {"id": st.integers(-1, 3) | st.text(max_size=3)},
    optional={
        name: _JSON_VALUES | st.sampled_from(["2026-12-01", "2026-12-01T09:00:00+09:00", "x"])
        for name in ("name", "vendor_id", "created_at", "due", "tags", "decisions")
    },
)


@given(
    _JSON_VALUES
    | st.fixed_dictionaries(
        {"format": st.just("daicho"), "schema_version": st.just(LATEST_VERSION)},
        optional={key: st.lists(_JSON_ROWS, max_size=2) for key in TABLES},
    )
)
@settings(max_examples=100)
def test_any_json_as_an_export_is_imported_or_refused_in_one_line(tmp_path, value):
    with fresh_ledger(tmp_path):
        try:
            import_text(json.dumps(value), json_name=True)
        except InputError as error:
            assert_refused(error)
            assert not str(error).startswith("Not valid TOML")


@given(st.binary(max_size=200))
@settings(max_examples=30)
def test_any_bytes_as_an_export_file_are_refused_in_one_line(tmp_path, data):
    with fresh_ledger(tmp_path) as scratch:
        path = scratch / "export.toml"
        path.write_bytes(data)
        try:
            import_file(path)
        except InputError as error:
            assert_refused(error)


_OFFSETS = st.integers(-(24 * 60 - 1), 24 * 60 - 1).map(lambda m: timezone(timedelta(minutes=m)))


@given(when=st.datetimes(timezones=_OFFSETS))
@settings(max_examples=80)
def test_an_imported_time_is_one_every_time_zone_can_show_or_is_refused(tmp_path, when):
    document = _plain_document()
    document["calls"][0]["started_at"] = when
    with fresh_ledger(tmp_path):
        try:
            import_text(tomli_w.dumps(document))
        except InputError as error:
            assert_refused(error)
            assert "started_at must be a date and time from the year 2 to 9998" in str(error)
            assert not datetime(2, 1, 1, tzinfo=UTC) <= when < datetime(9999, 1, 1, tzinfo=UTC)
            return
        stored = calls.get_call(5).started_at
        assert stored == when.astimezone(UTC).replace(tzinfo=None)
        assert stored - timedelta(days=1) < stored + timedelta(days=1)  # no overflow either way


@pytest.mark.parametrize(
    "when", ["0001-01-01T00:30:00+01:00", "0001-01-01T12:00:00Z", "9999-12-31T23:00:00-05:00"]
)
def test_a_time_at_the_end_of_the_calendar_is_refused_before_anything_is_imported(ledger, when):
    document = _plain_document()
    document["vendors"][0]["created_at"] = datetime.fromisoformat(when)
    with pytest.raises(
        InputError, match="vendors id 7: created_at must be a date and time from the year 2 to 9998"
    ) as caught:
        import_text(tomli_w.dumps(document))
    assert_refused(caught.value)
    assert _nothing_imported()


# --- very long text ------------------------------------------------------------------


def test_a_100_kb_text_in_every_field_is_stored_found_and_exported(ledger, tmp_path):
    piece = "".join(PIECES)
    huge = (piece * (100_000 // len(piece) + 1))[:99_990] + " 末尾の語句"
    _fill(huge, [huge, huge, huge, huge])
    vendor = vendors.get_vendor(1)
    assert_line(vendor.name, huge)
    assert_block(vendor.notes, huge)
    assert len(vendor.notes) > 90_000
    found = {(hit.kind, hit.id) for hit in search("末尾の語句", None)}
    assert found == {
        *(("vendor", 1), ("contact", 1), ("call", 1), ("request", 1), ("request", 2)),
        ("contract", 1),
    }
    exported = export_ledger("toml")
    open_ledger(tmp_path / "copy.db")
    import_text(exported)
    assert export_ledger("toml") == exported
