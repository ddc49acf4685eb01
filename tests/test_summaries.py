"""Mails from the ledger (DESIGN §8): each kind on a small fixed ledger, in both languages."""

from dataclasses import dataclass
from datetime import date

import pytest
from conftest import at
from hypothesis import assume, given
from hypothesis import strategies as st

from daicho.data import calls, requests, vendors
from daicho.data.mail.compose import Mail
from daicho.data.mail.contracts_report import contracts_report
from daicho.data.mail.sender import Sender
from daicho.data.mail.summaries import call_mail, queue_mail, request_mail, vendor_mail
from daicho.data.mail.templates import KINDS, PLACEHOLDERS
from daicho.data.mail.weekly_report import weekly_report
from daicho.data.queue import QueueFilters
from daicho.data.records import FollowUp
from daicho.data.text import clean_line
from daicho.i18n import LANGUAGES, set_language

pytestmark = pytest.mark.both_engines


@dataclass(frozen=True)
class Desk:
    acme: int
    beta: int
    call: int  # with ACME today, two decisions and two follow-ups
    quiet_call: int  # with Beta on Monday: no contact, subject, decisions or follow-ups
    overdue: int  # urgent, waiting on ACME since before the week
    answered: int  # Beta asked us during the week; answered


@pytest.fixture
def desk(ledger, now) -> Desk:
    now(2026, 11, 2, 9, 0)
    acme = vendors.create_vendor("株式会社アクメ通信", reading="あくめ")
    beta = vendors.create_vendor("Beta Systems", reading="べーた")
    yamada = vendors.create_contact(acme.id, "山田 太郎", is_primary=True)
    now(2026, 11, 10, 9, 0)
    overdue = requests.open_request(
        acme.id,
        "outbound",
        "保守契約の見積",
        body="昨年の見積の更新版をお願いします。\n台数は 20 台です。",
        due=date(2026, 11, 18),
        priority="urgent",
    )
    now(2026, 11, 13, 23, 59)
    old = requests.open_request(acme.id, "outbound", "古い依頼", due=date(2026, 11, 13))
    now(2026, 11, 14, 0, 0)
    requests.answer_request(old.id, "済")
    now(2026, 11, 16, 10, 0)
    quiet_call = calls.log_call(vendor_id=beta.id, started_at=at(2026, 11, 16, 10, 0))
    answered = requests.open_request(beta.id, "inbound", "ライセンス数 {count} [bold]の確認")
    now(2026, 11, 17, 11, 0)
    closed = requests.open_request(acme.id, "inbound", "請求書の再発行", due=date(2026, 11, 19))
    requests.open_request(acme.id, "inbound", "社内ネットワーク図の提出")
    now(2026, 11, 18, 16, 0)
    requests.close_request(closed.id)
    now(2026, 11, 19, 9, 45)
    calls.log_call(
        vendor_id=acme.id,
        channel="mobile",
        started_at=at(2026, 11, 19, 9, 30),
        subject="回線増速",
    )
    requests.answer_request(answered.id, "25 ライセンスです。\n{count} は来月見直します。")
    now(2026, 11, 20, 14, 30)
    call = calls.log_call(
        vendor_id=acme.id,
        contact_id=yamada.id,
        direction="outgoing",
        started_at=at(2026, 11, 20, 14, 5),
        subject="ルーター交換",
        decisions=["12月1日(火) 10時に交換作業", "費用は保守契約の範囲内"],
        follow_ups=[
            FollowUp("作業手順書の送付", "outbound", date(2026, 11, 27)),
            FollowUp("入館申請", "inbound", date(2026, 11, 26)),
        ],
    )
    return Desk(acme.id, beta.id, call.id, quiet_call.id, overdue.id, answered.id)


CALL = {
    "ja": """\
【ご確認】ルーター交換（11月20日(金)）
株式会社アクメ通信
山田 太郎様

いつもお世話になっております。

本日お電話にて確認させていただいた内容を、下記のとおりお送りいたします。

■日時：2026年11月20日(金) 14:05
■件名：ルーター交換

■決定事項
・12月1日(火) 10時に交換作業
・費用は保守契約の範囲内

■今後の対応
・作業手順書の送付（貴社ご対応・11月27日(金)まで）
・入館申請（弊社対応・11月26日(木)まで）

内容に相違がございましたら、お手数ですがご連絡いただけますと幸いです。

以上、よろしくお願いいたします。""",
    "en": """\
Confirmation: ルーター交換 (Fri 20 Nov)
Dear 山田 太郎,

Here is a summary of what we agreed on the phone earlier today.

Decisions:
- 12月1日(火) 10時に交換作業
- 費用は保守契約の範囲内

Next steps:
- 作業手順書の送付 (your side, by Fri 27 Nov)
- 入館申請 (our side, by Thu 26 Nov)

When: Fri 20 Nov 2026 14:05

Please let me know if anything here differs from your understanding.

Best regards,""",
}


@pytest.mark.parametrize("language", ["ja", "en"])
def test_a_call_confirmation_lists_the_decisions_and_who_does_what_by_when(desk, language):
    set_language(language)
    mail = call_mail(desk.call, {})
    assert mail == Mail("call", f"call_{language}", CALL[language], ())
    assert mail.subject == CALL[language].split("\n")[0]


QUIET_CALL = {
    "ja": """\
【ご確認】お電話の件（11月16日(月)）
Beta Systems
ご担当者様

いつもお世話になっております。

11月16日(月)にお電話にて確認させていただいた内容を、下記のとおりお送りいたします。

■日時：2026年11月16日(月) 10:00
■件名：お電話の件

■決定事項
（なし）

■今後の対応
（なし）

内容に相違がございましたら、お手数ですがご連絡いただけますと幸いです。

以上、よろしくお願いいたします。""",
    "en": """\
Confirmation: our call (Mon 16 Nov)
Dear Sir or Madam,

Here is a summary of what we agreed on the phone on Mon 16 Nov.

Decisions:
(none)

Next steps:
(none)

When: Mon 16 Nov 2026 10:00

Please let me know if anything here differs from your understanding.

Best regards,""",
}


@pytest.mark.parametrize("language", ["ja", "en"])
def test_a_call_without_contact_subject_or_notes_still_reads_politely(desk, language):
    set_language(language)
    assert call_mail(desk.quiet_call, {}).text == QUIET_CALL[language]


OVERDUE_REQUEST = {
    "ja": """\
【ご確認】保守契約の見積
株式会社アクメ通信
ご担当者様

いつもお世話になっております。

下記の件につきまして、現在の状況をお知らせいたします。

■件名：保守契約の見積
■区分：弊社からのお願い
■期限：11月18日(水)（期限切れ）
■状況：未完了

■内容
昨年の見積の更新版をお願いします。
台数は 20 台です。

ご不明な点がございましたら、お気軽にお問い合わせください。

以上、よろしくお願いいたします。""",
    "en": """\
Update: 保守契約の見積
Dear Sir or Madam,

Here is where the following request stands as of Fri 20 Nov.

Subject: 保守契約の見積
Request: from us to you
Due: Wed 18 Nov (overdue)
Status: open

Details:
昨年の見積の更新版をお願いします。
台数は 20 台です。

Please let me know if you have any questions.

Best regards,""",
}


@pytest.mark.parametrize("language", ["ja", "en"])
def test_a_request_mail_says_what_is_asked_by_whom_by_when_and_how_it_stands(desk, language):
    set_language(language)
    mail = request_mail(desk.overdue, {}, f"request_{language}")
    assert (mail.kind, mail.template, mail.text) == (
        "request",
        f"request_{language}",
        OVERDUE_REQUEST[language],
    )


ANSWERED_REQUEST = {
    "ja": """\
【ご回答】ライセンス数 {count} [bold]の確認
Beta Systems
ご担当者様

いつもお世話になっております。

先日お問い合わせいただきました「ライセンス数 {count} [bold]の確認」の件につきまして、
下記のとおりご回答いたします。

■件名：ライセンス数 {count} [bold]の確認
■お問い合わせ日：11月16日(月)

■回答内容
25 ライセンスです。
{count} は来月見直します。

ご不明な点がございましたら、お気軽にお問い合わせください。

以上、よろしくお願いいたします。""",
    "en": """\
Answer: ライセンス数 {count} [bold]の確認
Dear Sir or Madam,

Thank you for your inquiry of Mon 16 Nov. Please find our answer below.

Subject: ライセンス数 {count} [bold]の確認
Asked on: Mon 16 Nov

Our answer:
25 ライセンスです。
{count} は来月見直します。

Please let me know if you have any questions.

Best regards,""",
}


@pytest.mark.parametrize("language", ["ja", "en"])
def test_an_answered_request_gets_the_answer_mail_and_braces_stay_as_typed(desk, language):
    set_language(language)
    mail = request_mail(desk.answered, {})
    assert (mail.template, mail.text) == (f"answer_{language}", ANSWERED_REQUEST[language])


VENDOR = {
    "ja": """\
【ご確認】未完了の件の一覧（11月20日(金)時点）
株式会社アクメ通信
山田 太郎様

いつもお世話になっております。

現在、貴社との間で未完了となっている件を下記のとおりお送りいたします。

■貴社にご対応をお願いしている件（2件）
・保守契約の見積（11月18日(水)まで・期限切れ）
・作業手順書の送付（11月27日(金)まで）

■弊社にて対応中の件（2件）
・入館申請（11月26日(木)まで）
・社内ネットワーク図の提出

内容に相違がございましたら、お手数ですがご連絡いただけますと幸いです。

以上、よろしくお願いいたします。""",
    "en": """\
Open items as of Fri 20 Nov
Dear 山田 太郎,

Here are the items still open between 株式会社アクメ通信 and us as of Fri 20 Nov.

Waiting on your side (2):
- 保守契約の見積 (by Wed 18 Nov, overdue)
- 作業手順書の送付 (by Fri 27 Nov)

On our side (2):
- 入館申請 (by Thu 26 Nov)
- 社内ネットワーク図の提出

Please let me know if anything here differs from your records.

Best regards,""",
}


@pytest.mark.parametrize("language", ["ja", "en"])
def test_a_vendor_mail_lists_open_items_both_ways_overdue_first_undated_last(desk, language):
    set_language(language)
    mail = vendor_mail(desk.acme, {})
    assert (mail.kind, mail.template, mail.text) == (
        "vendor",
        f"vendor_{language}",
        VENDOR[language],
    )


def test_a_vendor_with_nothing_open_says_so(desk):
    text = vendor_mail(desk.beta, {}).text
    assert "Waiting on your side (0):\n(none)\n\nOn our side (0):\n(none)\n" in text
    set_language("ja")
    text = vendor_mail(desk.beta, {}).text
    assert "Beta Systems\nご担当者様\n" in text
    assert "■弊社にて対応中の件（0件）\n（なし）\n" in text


QUEUE = {
    "ja": """\
【状況報告】依頼・問い合わせ一覧（11月20日(金)時点）
お疲れさまです。
11月20日(金)時点の依頼・問い合わせの状況をご報告します。

■対象：未完了
■件数：4件

・［先方待ち・至急］株式会社アクメ通信：保守契約の見積（11月18日(水)まで・期限切れ）
・［こちら対応］株式会社アクメ通信：入館申請（11月26日(木)まで）
・［先方待ち］株式会社アクメ通信：作業手順書の送付（11月27日(金)まで）
・［こちら対応］株式会社アクメ通信：社内ネットワーク図の提出

以上です。""",
    "en": """\
Request queue as of Fri 20 Nov
Hello,

Here is where our requests with vendors stand as of Fri 20 Nov.

Showing: open
Items: 4

- [waiting on them, urgent] 株式会社アクメ通信: 保守契約の見積 (by Wed 18 Nov, overdue)
- [we owe] 株式会社アクメ通信: 入館申請 (by Thu 26 Nov)
- [waiting on them] 株式会社アクメ通信: 作業手順書の送付 (by Fri 27 Nov)
- [we owe] 株式会社アクメ通信: 社内ネットワーク図の提出

Best regards,""",
}


@pytest.mark.parametrize("language", ["ja", "en"])
def test_the_queue_mail_is_a_status_report_in_queue_order(desk, language):
    set_language(language)
    mail = queue_mail(QueueFilters(), {})
    assert (mail.kind, mail.template, mail.text) == ("queue", f"queue_{language}", QUEUE[language])


def test_the_queue_mail_names_its_filters_and_marks_finished_items(desk):
    filters = QueueFilters(direction="outbound", vendor_id=desk.acme, statuses=("open", "answered"))
    text = queue_mail(filters, {}).text
    assert "Showing: open/answered, waiting on them, 株式会社アクメ通信\nItems: 3\n" in text
    assert "- [waiting on them] 株式会社アクメ通信: 古い依頼 (by Fri 13 Nov, answered)\n" in text
    set_language("ja")
    text = queue_mail(filters, {}).text
    assert "■対象：未完了/回答済み・先方待ち・株式会社アクメ通信\n■件数：3件\n" in text
    assert "・［先方待ち］株式会社アクメ通信：古い依頼（11月13日(金)まで・回答済み）\n" in text


def test_a_long_queue_stops_at_200_lines_and_says_how_many_more(ledger):
    vendor = vendors.create_vendor("ACME")
    for number in range(203):
        requests.open_request(vendor.id, "outbound", f"item {number:03}")
    text = queue_mail(QueueFilters(), {}).text
    assert "Items: 203\n" in text
    assert text.count("\n- [waiting on them] ACME: item ") == 200
    assert "- [waiting on them] ACME: item 199\n… and 3 more\n\nBest regards," in text
    set_language("ja")
    assert "ACME：item 199\n…ほか3件\n\n以上です。" in queue_mail(QueueFilters(), {}).text


def test_dates_and_words_follow_the_template_not_the_ui(desk):
    templates = {"call_formal_ja": "件名 {date}\n{when}\n{follow_ups}"}
    assert call_mail(desk.call, templates, "call_formal_ja").text == (
        "件名 11月20日(金)\n2026年11月20日(金) 14:05\n"
        "・作業手順書の送付（貴社ご対応・11月27日(金)まで）\n"
        "・入館申請（弊社対応・11月26日(木)まで）"
    )
    set_language("ja")
    mail = call_mail(desk.call, {}, "call_en")
    assert (mail.template, mail.subject) == ("call_en", "Confirmation: ルーター交換 (Fri 20 Nov)")
    assert call_mail(desk.call, {"call_short": "{date}"}, "call_short").text == "11月20日(金)"


def test_a_date_over_half_a_year_away_shows_its_year_and_today_is_marked(ledger):
    vendor = vendors.create_vendor("ACME")
    later = requests.open_request(vendor.id, "inbound", "契約更新", due=date(2027, 7, 1))
    today = requests.open_request(vendor.id, "outbound", "請求書", due=date(2026, 11, 20))
    assert "Due: Thu 1 Jul 2027\n" in request_mail(later.id, {}).text
    assert "Due: Fri 20 Nov (due today)\n" in request_mail(today.id, {}, "request_en").text
    set_language("ja")
    assert "■期限：2027年7月1日(木)\n" in request_mail(later.id, {}).text
    assert "■期限：11月20日(金)（本日期限）\n" in request_mail(today.id, {}, "request_ja").text


def test_a_cancelled_follow_up_is_left_out_and_a_finished_one_says_so(ledger):
    vendor = vendors.create_vendor("ACME")
    call = calls.log_call(
        vendor_id=vendor.id,
        subject="Renewal",
        follow_ups=[FollowUp("Quote"), FollowUp("Count PCs", "inbound"), FollowUp("Dropped")],
    )
    quote, _count, dropped = call.follow_ups
    requests.answer_request(quote.id)
    requests.cancel_request(dropped.id)
    text = call_mail(call.id, {}).text
    assert "Next steps:\n- Quote (your side, answered)\n- Count PCs (our side)\n\n" in text


def test_the_signature_closes_every_mail_when_configured(desk):
    templates = {"signature": "情報システム担当 佐藤\n内線 123"}
    assert call_mail(desk.call, templates).text.endswith(
        "Best regards,\n\n情報システム担当 佐藤\n内線 123"
    )
    set_language("ja")
    assert weekly_report(templates).text.endswith("以上です。\n\n情報システム担当 佐藤\n内線 123")


@pytest.mark.parametrize("kind", KINDS)
def test_every_placeholder_of_every_kind_is_filled(desk, kind):
    text = "subject\n" + "\n".join(f"{name}=<{{{name}}}>" for name in PLACEHOLDERS[kind])
    name = f"{kind}_all"
    make = {
        "call": lambda: call_mail(desk.call, {name: text}, name),
        "request": lambda: request_mail(desk.answered, {name: text}, name),
        "reminder": lambda: request_mail(desk.overdue, {name: text}, name),
        "chase": lambda: request_mail(desk.overdue, {name: text}, name),
        "answer": lambda: request_mail(desk.answered, {name: text}, name),
        "vendor": lambda: vendor_mail(desk.acme, {name: text}, name),
        "queue": lambda: queue_mail(QueueFilters(), {name: text}, name),
        "weekly": lambda: weekly_report({name: text}, name),
        "contracts": lambda: contracts_report({name: text}, name),
    }
    mail = make[kind]()
    assert (mail.template, mail.problems) == (name, ())
    assert mail.text.count("=<") == len(PLACEHOLDERS[kind])


def test_mails_have_no_trailing_spaces_or_blank_lines(desk):
    templates = {"queue_x": "Queue   \n\n{items}   \n\n\n{signature}\n\n"}
    assert queue_mail(QueueFilters(), templates, "queue_x").text.endswith(
        "社内ネットワーク図の提出"
    )


user_text = st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=40)


@given(vendor=user_text, subject=user_text, decision=user_text, language=st.sampled_from(LANGUAGES))
def test_any_user_text_goes_into_a_mail_as_typed(ledger, vendor, subject, decision, language):
    assume(clean_line(vendor))
    set_language(language)
    record = vendors.create_vendor(vendor)
    call = calls.log_call(vendor_id=record.id, subject=subject, decisions=[decision])
    stored = calls.get_call(call.id)
    text = call_mail(call.id, {}).text
    assert stored.vendor_name in call_mail(call.id, {}, "call_ja").text  # in the 宛名
    assert stored.subject in text
    for line in stored.decisions:
        assert line in text


def test_a_japanese_mail_is_addressed_to_company_then_department_role_and_name_with_sama(desk):
    """宛名: the company, then the contact's department and role when set and the name with 様
    (never twice) on one line; in English the name with the role, the department and the
    company, for `{addressee}`."""
    set_language("ja")
    [yamada] = vendors.list_contacts(desk.acme)
    vendors.update_contact(yamada.id, department="情報システム部", role="課長")
    addressed = "株式会社アクメ通信\n情報システム部 課長 山田 太郎様\n"
    assert addressed in call_mail(desk.call, {}).text
    asked = requests.open_request(desk.acme, "outbound", "見積", contact_id=yamada.id)
    assert addressed in request_mail(asked.id, {}).text
    assert addressed in vendor_mail(desk.acme, {}).text

    vendors.update_contact(yamada.id, name="山田様", department="", role="")
    assert "株式会社アクメ通信\n山田様\n" in vendor_mail(desk.acme, {}).text

    set_language("en")
    vendors.update_contact(yamada.id, name="Taro Yamada", department="IT", role="Manager")
    own = {"vendor_en": "Open items\n{addressee}\n\nDear {contact},"}
    assert vendor_mail(desk.acme, own).text == (
        "Open items\nTaro Yamada, Manager\nIT\n株式会社アクメ通信\n\nDear Taro Yamada,"
    )


def test_a_mail_opens_with_to_and_cc_of_the_contacts_with_an_address(desk):
    """To: the item's contact; Cc: the vendor's other contacts on it, once each, never the
    To: contact; a contact without an address is left out; the subject comes after."""
    [yamada] = vendors.list_contacts(desk.acme)
    vendors.update_contact(yamada.id, email="yamada@acme.example")
    sato = vendors.create_contact(desk.acme, "Sato, Hanako", email="sato@acme.example")
    nobody = vendors.create_contact(desk.acme, "高橋 次郎")
    call = calls.get_call(desk.call)
    for request, contact in zip(call.follow_ups, (sato, nobody), strict=True):
        requests.edit_request(request.id, contact_id=contact.id)
    mail = call_mail(desk.call, {})
    assert (mail.to, mail.cc) == (
        "山田 太郎 <yamada@acme.example>",
        '"Sato, Hanako" <sato@acme.example>',
    )
    assert mail.text.startswith(
        "To: 山田 太郎 <yamada@acme.example>\n"
        'Cc: "Sato, Hanako" <sato@acme.example>\n'
        "Confirmation: ルーター交換 (Fri 20 Nov)\n"
    )
    assert mail.subject == "Confirmation: ルーター交換 (Fri 20 Nov)"

    follow_up = call.follow_ups[0]
    assert request_mail(follow_up.id, {}).text.startswith(
        'To: "Sato, Hanako" <sato@acme.example>\nCc: 山田 太郎 <yamada@acme.example>\nUpdate: '
    )
    requests.edit_request(follow_up.id, contact_id=yamada.id)  # the call's own contact: no Cc
    assert request_mail(follow_up.id, {}).text.startswith(
        "To: 山田 太郎 <yamada@acme.example>\nUpdate: "
    )
    assert vendor_mail(desk.acme, {}).text.startswith("To: 山田 太郎 <yamada@acme.example>\nOpen")
    assert call_mail(desk.quiet_call, {}).text.startswith("Confirmation: ")


def test_the_sender_names_themselves_after_the_greeting_and_signs_from_the_parts_set(desk):
    """The 名乗り and the built-in signature use what `[sender]` holds, line by line; a
    configured signature wins; nothing set leaves neither a line nor a gap."""
    partial = Sender(name="鈴木", mail="suzuki@example.jp")
    set_language("ja")
    text = call_mail(desk.call, {}, sender=partial).text
    assert "いつもお世話になっております。\n鈴木です。\n\n本日お電話にて" in text
    assert text.endswith(
        "以上、よろしくお願いいたします。\n\n"
        + "-" * 40
        + "\n鈴木\nMail：suzuki@example.jp\n"
        + "-" * 40
    )
    team = Sender(company="株式会社サンプル", department="情報システム課")
    assert "いつもお世話になっております。\n株式会社サンプル 情報システム課です。\n\n" in (
        vendor_mail(desk.acme, {}, sender=team).text
    )
    own = {"signature": "情報システム課 鈴木\n内線 123"}
    assert call_mail(desk.call, own, sender=partial).text.endswith(
        "\n\n情報システム課 鈴木\n内線 123"
    )

    set_language("en")
    text = call_mail(desk.call, {}, sender=partial).text
    assert "Dear 山田 太郎,\n\nThis is 鈴木.\n\nHere is a summary" in text
    assert text.endswith("Best regards,\n\n--\n鈴木\nEmail: suzuki@example.jp")
    assert (
        "This is IT, Example Corp.\n"
        in vendor_mail(desk.acme, {}, sender=Sender(company="Example Corp.", department="IT")).text
    )
    assert call_mail(desk.call, {}).text.startswith(
        "Confirmation: ルーター交換 (Fri 20 Nov)\nDear 山田 太郎,\n\nHere is a summary"
    )


def test_every_sender_part_is_a_placeholder_of_every_kind(desk):
    sender = Sender("Example Corp.", "IT", "Ichiro Suzuki", "03-1234-5678", "suzuki@example.jp")
    own = {
        "queue_me": "From {sender_name} ({sender_department}, {sender_company})\n"
        "{sender_phone} {sender_mail}\n{introduction}"
    }
    assert queue_mail(QueueFilters(), own, "queue_me", sender=sender).text == (
        "From Ichiro Suzuki (IT, Example Corp.)\n03-1234-5678 suzuki@example.jp\n"
        "This is Ichiro Suzuki of IT, Example Corp."
    )


@pytest.mark.parametrize(
    "channel, direction, today, earlier",
    [
        ("phone", "incoming", "本日お電話にて", "11月17日(火)にお電話にて"),
        ("mobile", "outgoing", "本日お電話にて", "11月17日(火)にお電話にて"),
        ("meeting", "incoming", "本日のお打合せにて", "11月17日(火)のお打合せにて"),
        ("visit", "incoming", "本日ご来訪の際に", "11月17日(火)にご来訪いただいた際に"),
        ("visit", "outgoing", "本日お伺いした際に", "11月17日(火)にお伺いした際に"),
        ("email", "incoming", "本日いただいたメールにて", "11月17日(火)にいただいたメールにて"),
        ("email", "outgoing", "本日お送りしたメールにて", "11月17日(火)にお送りしたメールにて"),
        ("chat", "incoming", "本日チャットにて", "11月17日(火)にチャットにて"),
    ],
)
def test_a_call_mail_says_how_and_when_we_talked(ledger, channel, direction, today, earlier):
    vendor = vendors.create_vendor("ACME")
    sentence = "{}確認させていただいた内容を、下記のとおりお送りいたします。\n"
    set_language("ja")
    for day, said in ((20, today), (17, earlier)):
        call = calls.log_call(
            vendor_id=vendor.id,
            channel=channel,
            direction=direction,
            started_at=at(2026, 11, day, 10, 0),
            subject="回線",
        )
        assert sentence.format(said) in call_mail(call.id, {}).text


def test_a_call_mail_in_english_says_how_and_when_we_talked(ledger):
    vendor = vendors.create_vendor("ACME")
    said = []
    for channel, direction, day in (("meeting", "incoming", 17), ("visit", "outgoing", 20)):
        started = at(2026, 11, day, 10, 0)
        call = calls.log_call(
            vendor_id=vendor.id, channel=channel, direction=direction, started_at=started
        )
        said.append(call_mail(call.id, {}).text.split("\n")[:4])
    assert said == [
        [
            "Confirmation: our meeting (Tue 17 Nov)",
            "Dear Sir or Madam,",
            "",
            "Here is a summary of what we agreed in our meeting on Tue 17 Nov.",
        ],
        [
            "Confirmation: our meeting (Fri 20 Nov)",
            "Dear Sir or Madam,",
            "",
            "Here is a summary of what we agreed when we visited you earlier today.",
        ],
    ]


@pytest.mark.parametrize(
    "direction, due, finish, kind",
    [
        ("outbound", date(2026, 11, 18), None, "reminder"),  # overdue
        ("outbound", date(2026, 11, 20), None, "reminder"),  # due today
        ("outbound", date(2026, 11, 25), None, "reminder"),  # 3 business days away: soon
        ("outbound", date(2026, 11, 27), None, "request"),  # a week away
        ("outbound", None, None, "request"),
        ("outbound", date(2026, 11, 18), "answer", "request"),  # answered: nothing to chase
        ("inbound", date(2026, 11, 18), None, "request"),  # we owe it: no reminder to them
        ("inbound", None, "answer", "answer"),
        ("inbound", None, "answer then close", "answer"),
        ("inbound", None, "answer without text", "request"),  # nothing to tell them
        ("inbound", None, "close", "request"),
    ],
)
def test_a_request_gets_the_mail_its_moment_calls_for(ledger, direction, due, finish, kind):
    vendor = vendors.create_vendor("ACME")
    request = requests.open_request(vendor.id, direction, "Quote", due=due)
    if finish in ("answer", "answer then close"):
        requests.answer_request(request.id, "20 licences")
    if finish == "answer without text":
        requests.answer_request(request.id)
    if finish in ("close", "answer then close"):
        requests.close_request(request.id)
    mail = request_mail(request.id, {})
    assert (mail.kind, mail.template) == (kind, f"{kind}_en")
    assert request_mail(request.id, {}, "reminder_ja").template == "reminder_ja"  # as chosen
    assert request_mail(request.id, {}, "call_ja").template == "request_ja"  # not for requests


def test_a_reminder_is_due_as_soon_as_the_queue_says_soon(ledger):
    """`soon_days` from the config: a week away is soon for a desk that set it to 5."""
    vendor = vendors.create_vendor("ACME")
    request = requests.open_request(vendor.id, "outbound", "Quote", due=date(2026, 11, 27))
    assert request_mail(request.id, {}).template == "request_en"
    assert request_mail(request.id, {}, soon_days=5).template == "reminder_en"


def test_what_the_sender_and_contacts_hold_goes_in_as_text_on_its_line(desk):
    """Braces, markup and line breaks in `[sender]` or a contact are text, each on its line."""
    sender = Sender(company="{vendor} [bold]", name="鈴木\n一郎", mail="a@b.example\r\nBcc: x")
    [yamada] = vendors.list_contacts(desk.acme)
    vendors.update_contact(yamada.id, email=" yamada@acme.example\n", role="{subject}")
    set_language("ja")
    mail = call_mail(desk.call, {}, sender=sender)
    assert mail.to == "山田 太郎 <yamada@acme.example>"
    assert "株式会社アクメ通信\n{subject} 山田 太郎様\n" in mail.text
    assert "いつもお世話になっております。\n{vendor} [bold]の鈴木 一郎です。\n" in mail.text
    assert mail.text.endswith("{vendor} [bold]\n鈴木 一郎\nMail：a@b.example Bcc: x\n" + "-" * 40)
