"""Who wrote what, and compare-and-set (DESIGN §17): a save made from an older reading of a
vendor, contact or request is refused, saying who changed what and when, and writes nothing.

"The other person" is the same services called under another `[user] name` between the
reading and the save.
"""

import threading

import pytest

from daicho.data import calls, requests, vendors
from daicho.data.errors import EditConflict
from daicho.data.models import Call, Contact, Request, RequestEvent, Vendor
from daicho.data.search.find import search
from daicho.data.who import set_user_name
from daicho.i18n import set_language

pytestmark = pytest.mark.both_engines


@pytest.fixture
def as_user():
    """`as_user("Sato")`: what is written next is stamped with that name."""
    yield set_user_name
    set_user_name("")


@pytest.fixture
def at_1405(now):
    now(2026, 11, 20, 14, 5)  # today, in the tests' fixed calendar


def outbound(subject: str = "Send the quote", **details):
    vendor = vendors.create_vendor("Acme")
    return requests.open_request(vendor.id, "outbound", subject, **details)


def test_new_rows_are_stamped_with_who_wrote_them(ledger, as_user):
    as_user("Sato")
    vendor = vendors.create_vendor("Acme")
    contact = vendors.create_contact(vendor.id, "Tanaka")
    call = calls.log_call(vendor_id=vendor.id, subject="Router", follow_ups=[])
    request = requests.open_request(vendor.id, "outbound", "Quote")
    for model, row_id in (
        (Vendor, vendor.id),
        (Contact, contact.id),
        (Call, call.id),
        (Request, request.id),
    ):
        row = model.get_by_id(row_id)
        assert (row.created_by, row.changed_by, row.version) == ("Sato", "Sato", 1)
    [created] = RequestEvent.select().where(RequestEvent.request == request.id)
    assert created.created_by == "Sato"


def test_every_change_stamps_who_and_raises_the_version(ledger, as_user):
    as_user("Sato")
    request = outbound()
    as_user("Tanaka")
    requests.edit_request(request.id, subject="Quote for 10")
    requests.redate_request(request.id, None)
    requests.add_request_note(request.id, "Chased")
    changed = requests.close_request(request.id)
    row = Request.get_by_id(request.id)
    assert (row.created_by, row.changed_by, row.version) == ("Sato", "Tanaka", 5)
    assert changed.version == 5
    events = RequestEvent.select().where(RequestEvent.request == request.id)
    assert [e.created_by for e in events.order_by(RequestEvent.id)] == ["Sato"] + ["Tanaka"] * 4


def test_a_contact_made_primary_changes_the_one_that_was(ledger, as_user):
    as_user("Sato")
    vendor = vendors.create_vendor("Acme")
    first = vendors.create_contact(vendor.id, "Yamada", is_primary=True)
    as_user("Tanaka")
    second = vendors.create_contact(vendor.id, "Sasaki", is_primary=True)
    was = vendors.get_contact(first.id)
    assert (was.is_primary, was.version) == (False, 2)
    assert Contact.get_by_id(first.id).changed_by == "Tanaka"
    with pytest.raises(EditConflict):  # Sato's form still shows Yamada as primary
        vendors.update_contact(first.id, expected_version=first.version, role="Sales")
    assert vendors.get_contact(second.id).version == 1


def test_an_edit_from_an_older_reading_is_refused_naming_who_what_and_when(
    ledger, as_user, at_1405
):
    as_user("Sato")
    read = outbound(body="10 units")
    as_user("Tanaka")
    requests.edit_request(read.id, subject="Quote for 12", expected_version=read.version)
    requests.redate_request(read.id, None)
    as_user("Sato")
    with pytest.raises(EditConflict) as refused:
        requests.edit_request(read.id, body="12 units", expected_version=read.version)
    assert str(refused.value) == (
        "Tanaka changed this request at 14:05 (Subject, Due) after you opened it. "
        "Your text is kept: check and save again."
    )
    assert (refused.value.by, refused.value.version) == ("Tanaka", 3)
    now = requests.get_request(read.id)
    assert (now.subject, now.body, now.version) == ("Quote for 12", "10 units", 3)
    assert len(requests.request_history(read.id)) == 3  # nothing of the refused save


def test_the_refusal_in_japanese(ledger, as_user, at_1405):
    set_language("ja")
    read = outbound()
    as_user("佐藤")
    requests.edit_request(read.id, subject="見積（12台）")
    requests.redate_request(read.id, None)
    as_user("田中")
    with pytest.raises(EditConflict) as refused:
        requests.edit_request(read.id, subject="見積", expected_version=read.version)
    assert str(refused.value) == (
        "佐藤さんが 14:05 にこの依頼を変更しました（件名・期限）。"
        "あなたの入力はそのまま残っています。内容を確かめてからもう一度保存してください。"
    )


@pytest.mark.parametrize(
    "language, message",
    [
        ("en", "Someone else changed this request at 14:05 (Note) after you opened it."),
        ("ja", "ほかの人が 14:05 にこの依頼を変更しました（メモ）。"),
    ],
    ids=["en", "ja"],
)
def test_a_change_by_someone_unnamed(ledger, at_1405, language, message):
    set_language(language)
    read = outbound()
    requests.add_request_note(read.id, "Chased")
    with pytest.raises(EditConflict, match=message.replace("(", r"\(").replace(")", r"\)")):
        requests.redate_request(read.id, None, expected_version=read.version)


def test_a_change_on_another_day_says_the_date(ledger, as_user, now):
    read = outbound()
    as_user("Tanaka")
    now(2026, 11, 19, 17, 30)
    requests.edit_request(read.id, priority="high")
    now(2026, 11, 20, 9, 0)
    with pytest.raises(EditConflict, match=r"at 2026-11-19 17:30 \(Priority\)"):
        requests.close_request(read.id, expected_version=read.version)


def test_a_one_key_change_is_refused_after_someone_else_s(ledger, as_user, at_1405):
    read = outbound()
    as_user("Tanaka")
    requests.add_request_note(read.id, "Do not close: they call back")
    as_user("Sato")
    with pytest.raises(EditConflict, match=r"Tanaka changed this request at 14:05 \(Note\)"):
        requests.close_request(read.id, expected_version=read.version)
    assert requests.get_request(read.id).status == "open"
    shown_again = requests.get_request(read.id)
    assert requests.close_request(read.id, expected_version=shown_again.version).status == "closed"


@pytest.mark.parametrize(
    "language, message",
    [
        ("en", "This request is already closed: Sato did it at 14:05"),
        ("ja", "この依頼はすでに「完了」です（佐藤さんが 14:05 に変更）"),
    ],
    ids=["en", "ja"],
)
def test_closing_a_closed_request_says_who_closed_it(ledger, as_user, at_1405, language, message):
    set_language(language)
    read = outbound()
    as_user("佐藤" if language == "ja" else "Sato")
    requests.close_request(read.id, expected_version=read.version)
    as_user("Tanaka")
    for expected_version in (read.version, None):  # the form's reading, or the command line
        with pytest.raises(EditConflict) as refused:
            requests.close_request(read.id, expected_version=expected_version)
        assert str(refused.value) == message
    assert [e.kind for e in requests.request_history(read.id)] == ["created", "status_changed"]


@pytest.mark.parametrize(
    "language, message",
    [
        ("en", "This request is already answered: Sato did it at 14:05"),
        ("ja", "この依頼はすでに「回答済み」です（Satoさんが 14:05 に変更）"),
    ],
    ids=["en", "ja"],
)
def test_answering_an_answered_request_says_who_answered(
    ledger, as_user, at_1405, language, message
):
    set_language(language)
    read = outbound()
    as_user("Sato")
    requests.answer_request(read.id, "Quote attached", expected_version=read.version)
    as_user("Tanaka")
    with pytest.raises(EditConflict) as refused:
        requests.answer_request(read.id, "My answer", expected_version=read.version)
    assert str(refused.value) == message
    assert requests.get_request(read.id).answer == "Quote attached"


def test_an_unnamed_repeat_says_since_when(ledger, at_1405):
    read = outbound()
    requests.cancel_request(read.id)
    with pytest.raises(EditConflict, match=r"^This request is already cancelled \(since 14:05\)$"):
        requests.cancel_request(read.id)


@pytest.mark.parametrize(
    "language, message",
    [
        ("en", "Tanaka changed this vendor at 14:05 after you opened it. Your text is kept"),
        ("ja", "Tanakaさんが 14:05 にこの業者を変更しました。あなたの入力はそのまま残っています"),
    ],
    ids=["en", "ja"],
)
def test_a_vendor_edit_from_an_older_reading_is_refused(
    ledger, as_user, at_1405, language, message
):
    set_language(language)
    read = vendors.create_vendor("Acme", phone="03-1111-2222")
    as_user("Tanaka")
    vendors.update_vendor(read.id, phone="03-9999-0000", expected_version=read.version)
    as_user("Sato")
    with pytest.raises(EditConflict, match=message):
        vendors.update_vendor(read.id, notes="mine", expected_version=read.version)
    now = vendors.get_vendor(read.id)
    assert (now.phone, now.notes, now.version) == ("03-9999-0000", "", 2)


def test_a_contact_edit_from_an_older_reading_is_refused(ledger, as_user, at_1405):
    vendor = vendors.create_vendor("Acme")
    read = vendors.create_contact(vendor.id, "Yamada")
    as_user("Tanaka")
    vendors.update_contact(read.id, email="y@acme.example", expected_version=read.version)
    with pytest.raises(EditConflict, match="Tanaka changed this contact at 14:05"):
        vendors.update_contact(read.id, email="old@acme.example", expected_version=read.version)
    assert vendors.get_contact(read.id).email == "y@acme.example"


def test_without_a_version_a_change_goes_ahead(ledger, as_user):
    """The command line and imports name no version: they change what is there now."""
    read = outbound()
    as_user("Tanaka")
    requests.edit_request(read.id, subject="Changed")
    assert requests.edit_request(read.id, body="more").version == 3
    vendor = vendors.create_vendor("Acme 2")
    vendors.update_vendor(vendor.id, phone="1")
    assert vendors.update_vendor(vendor.id, phone="2").version == 3


def at_once(*changes) -> list:
    """Each change run in a thread of its own (a connection of its own), all let go together:
    what each returned, or raised."""
    start = threading.Barrier(len(changes))
    results: list = [None] * len(changes)

    def run(index: int) -> None:
        start.wait()
        try:
            results[index] = changes[index]()
        except Exception as error:  # the test looks at it
            results[index] = error

    threads = [threading.Thread(target=run, args=(index,)) for index in range(len(changes))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_of_two_edits_saved_at_once_from_one_reading_one_is_refused(ledger):
    read = outbound()

    def edit(subject: str):
        version = read.version
        return lambda: requests.edit_request(read.id, subject=subject, expected_version=version)

    results = at_once(edit("Quote A"), edit("Quote B"))
    refused = [r for r in results if isinstance(r, EditConflict)]
    saved = [r for r in results if not isinstance(r, Exception)]
    assert (len(saved), len(refused)) == (1, 1), results
    assert "(Subject)" in str(refused[0])
    assert requests.get_request(read.id).subject == saved[0].subject
    assert len(requests.request_history(read.id)) == 2


def test_of_two_closing_at_once_one_is_told_it_is_closed_already(ledger, at_1405):
    read = outbound()

    def close():  # naming no version, as the command line does
        return requests.close_request(read.id)

    results = at_once(close, close)
    refused = [r for r in results if isinstance(r, EditConflict)]
    assert len(refused) == 1, results
    assert str(refused[0]) == "This request is already closed (since 14:05)"
    assert [e.kind for e in requests.request_history(read.id)] == ["created", "status_changed"]


def test_calls_logged_at_once_all_save(ledger, at_1405):
    """Five people logging calls in the same second: every call is saved (and found)."""
    vendor = vendors.create_vendor("Acme")

    def log(name: str):
        return lambda: [
            calls.log_call(vendor_id=vendor.id, subject=f"{name} {number}") for number in range(4)
        ]

    results = at_once(*(log(name) for name in ("Sato", "Tanaka", "Suzuki", "Ito", "Kato")))
    assert [r for r in results if isinstance(r, Exception)] == []
    assert Call.select().where(Call.vendor == vendor.id).count() == 20
    assert len(search("Tanaka")) == 4
