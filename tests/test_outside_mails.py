"""The mails that go to a vendor, as they are pasted and sent (DESIGN §8, issue 16): whole
golden texts in tests/fixtures/mails/, in Japanese and English, from a sender to contacts with
roles and addresses; and none of them ever carries our own priority words."""

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from conftest import at

from daicho.data import calls, chasing, requests, vendors
from daicho.data.dates import clock
from daicho.data.mail.compose import Mail
from daicho.data.mail.outside import has_priority_word
from daicho.data.mail.sender import Sender
from daicho.data.mail.summaries import call_mail, request_mail, vendor_mail
from daicho.data.mail.templates import OUTSIDE_KINDS
from daicho.data.records import FollowUp
from daicho.i18n import LANGUAGES, set_language

pytestmark = pytest.mark.both_engines

GOLDEN = Path(__file__).parent / "fixtures" / "mails"
SENDERS = {
    "ja": Sender(
        company="株式会社サンプル商事",
        department="情報システム課",
        name="鈴木 一郎",
        phone="03-1234-5678",
        mail="suzuki@sample-shoji.co.jp",
    ),
    "en": Sender(
        company="Sample Trading Co., Ltd.",
        department="IT Section",
        name="Ichiro Suzuki",
        phone="+81 3-1234-5678",
        mail="suzuki@sample-shoji.co.jp",
    ),
}
# What the desk typed, in the language of its mails.
TYPED = {
    "ja": {
        "vendor": "株式会社アクメ通信",
        "yamada": ("山田 太郎", "課長", "法人営業部"),
        "sato": ("佐藤 花子", "主任", "技術部"),
        "takahashi": ("高橋 次郎", "", "技術部"),
        "renewal": "保守契約の更新",
        "quote": "【社長オーダー】保守契約更新のお見積り",
        "quote_sent": "保守契約更新のお見積り",
        "quote_body": "現行の保守契約（2027年3月末満了）を1年間更新する場合のお見積りを"
        "お願いいたします。\n対象機器：ルーター 2台、L3スイッチ 4台",
        "parking": "作業当日の駐車場のご利用について",
        "parking_body": "交換作業の当日、作業車両1台を貴社の駐車場に停めることは可能でしょうか。",
        "parking_answer": "当日は来客用駐車場（地下1階）を1台分ご用意いたします。\n"
        "ご到着の際は、1階の守衛室にて車両番号をお伝えください。",
        "meeting": "次期ネットワーク構成の検討",
        "meeting_decisions": [
            "拠点間VPNは現行の回線を継続して利用する",
            "無線LANアクセスポイントの更新は来年度に検討する",
        ],
        "wifi_quote": "[URGENT] 無線LAN更新の概算見積",
        "router": "【至急】本社ルーターの交換",
        "router_decisions": [
            "12月1日(火) 10:00から本社サーバー室でルーターを交換する",
            "交換費用は保守契約の範囲内とする",
        ],
        "procedure": "作業手順書の送付",
        "access": "至急：サーバー室の入館申請",
    },
    "en": {
        "vendor": "Acme Networks Ltd.",
        "yamada": ("Taro Yamada", "Account Manager", "Corporate Sales"),
        "sato": ("Hanako Sato", "Lead Engineer", "Engineering"),
        "takahashi": ("Jiro Takahashi", "", "Engineering"),
        "renewal": "Maintenance contract renewal",
        "quote": "[President's order] Quote for renewing the maintenance contract",
        "quote_sent": "Quote for renewing the maintenance contract",
        "quote_body": "Please send us a quote for renewing our maintenance contract (ending "
        "31 March 2027) for one year.\nEquipment: 2 routers, 4 L3 switches",
        "parking": "Parking on the day of the work",
        "parking_body": "May we park one service van at your office on the day of the "
        "router replacement?",
        "parking_answer": "Yes: one space is reserved for you in the visitors' car park "
        "(B1).\nPlease give your vehicle number at the security desk on the ground floor.",
        "meeting": "Next network design",
        "meeting_decisions": [
            "Keep the current lines for the site-to-site VPN",
            "Consider replacing the Wi-Fi access points in the next fiscal year",
        ],
        "wifi_quote": "[URGENT] Rough quote for the Wi-Fi upgrade",
        "router": "【至急】Head office router replacement",
        "router_decisions": [
            "Replace the router in the head office server room on Tue 1 Dec from 10:00",
            "The replacement is covered by the maintenance contract",
        ],
        "procedure": "Work procedure",
        "access": "URGENT: Server room access request",
    },
}


@dataclass(frozen=True)
class Office:
    acme: int
    phone_call: int  # today with Yamada: two decisions, a follow-up each way (one for Sato)
    meeting: int  # on Tuesday with Sato: two decisions and a quote for Yamada to send
    overdue: int  # 【社長オーダー】 quote asked of Sato on a call with Yamada, due Wednesday
    answered: int  # Sato asked us about parking on Monday; answered Thursday
    wifi_quote: int  # [URGENT] asked of Yamada at Tuesday's meeting, due Fri 4 Dec


@pytest.fixture(params=LANGUAGES)
def language(request) -> str:
    set_language(request.param)
    return request.param


@pytest.fixture
def office(ledger, language) -> Office:
    typed = TYPED[language]

    def now(*local):
        clock.freeze_now(at(*local))

    def contact(vendor_id, who, **details):
        name, role, department = typed[who]
        return vendors.create_contact(
            vendor_id, name, role=role, department=department, **details
        ).id

    try:
        now(2026, 11, 2, 9, 0)
        acme = vendors.create_vendor(typed["vendor"]).id
        yamada = contact(acme, "yamada", email="yamada@acme-net.example", is_primary=True)
        sato = contact(acme, "sato", email="sato@acme-net.example")
        contact(acme, "takahashi")  # no address: never in To or Cc

        now(2026, 11, 10, 11, 0)
        quote_call = calls.log_call(
            vendor_id=acme,
            contact_id=yamada,
            direction="outgoing",
            started_at=at(2026, 11, 10, 10, 30),
            subject=typed["renewal"],
            follow_ups=[
                FollowUp(
                    typed["quote"], "outbound", date(2026, 11, 18), "urgent", typed["quote_body"]
                )
            ],
        )
        [overdue] = quote_call.follow_ups
        requests.edit_request(overdue.id, contact_id=sato)

        now(2026, 11, 16, 17, 0)
        answered = requests.open_request(
            acme, "inbound", typed["parking"], body=typed["parking_body"], contact_id=sato
        )

        now(2026, 11, 17, 16, 30)
        meeting = calls.log_call(
            vendor_id=acme,
            contact_id=sato,
            direction="incoming",
            channel="meeting",
            started_at=at(2026, 11, 17, 15, 0),
            subject=typed["meeting"],
            decisions=typed["meeting_decisions"],
            follow_ups=[FollowUp(typed["wifi_quote"], "outbound", date(2026, 12, 4))],
        )
        requests.edit_request(meeting.follow_ups[0].id, contact_id=yamada)

        now(2026, 11, 19, 10, 0)
        requests.answer_request(answered.id, typed["parking_answer"])

        now(2026, 11, 20, 14, 30)
        phone_call = calls.log_call(
            vendor_id=acme,
            contact_id=yamada,
            direction="outgoing",
            started_at=at(2026, 11, 20, 14, 5),
            subject=typed["router"],
            decisions=typed["router_decisions"],
            follow_ups=[
                FollowUp(typed["procedure"], "outbound", date(2026, 11, 27)),
                FollowUp(typed["access"], "inbound", date(2026, 11, 26), "urgent"),
            ],
        )
        requests.edit_request(phone_call.follow_ups[0].id, contact_id=sato)
    finally:
        clock.freeze_now(None)
    wifi_quote = meeting.follow_ups[0].id
    return Office(acme, phone_call.id, meeting.id, overdue.id, answered.id, wifi_quote)


def mails(office: Office, language: str) -> dict[str, Mail]:
    """Each outside mail of the office, as `y` makes it (the template the moment calls for)."""
    sender = SENDERS[language]
    return {
        "phone_call": call_mail(office.phone_call, {}, sender=sender),
        "meeting": call_mail(office.meeting, {}, sender=sender),
        "reminder": request_mail(office.overdue, {}, sender=sender),
        "answer": request_mail(office.answered, {}, sender=sender),
        "vendor": vendor_mail(office.acme, {}, sender=sender),
    }


@pytest.mark.parametrize("which", ["phone_call", "meeting", "reminder", "answer", "vendor"])
def test_an_outside_mail_reads_as_sent(office, language, which):
    mail = mails(office, language)[which]
    assert mail.problems == ()
    # The files end their last line like any text file; the mail itself ends on its text.
    assert mail.text + "\n" == (GOLDEN / f"{which}_{language}.txt").read_text(encoding="utf-8")


def test_the_chase_mail_of_a_chased_request_reads_as_sent(office, language):
    """Chased once by phone: `y` makes the polite 催促, which says when we asked, that this is
    not the first time, and by when we hoped to hear, never our [URGENT]."""
    clock.freeze_now(at(2026, 11, 19, 9, 0))
    try:
        chasing.chase_request(office.wifi_quote, "phone", "Left a message")
    finally:
        clock.freeze_now(None)
    mail = request_mail(office.wifi_quote, {}, sender=SENDERS[language])
    assert (mail.kind, mail.template, mail.problems) == ("chase", f"chase_{language}", ())
    assert mail.text + "\n" == (GOLDEN / f"chase_{language}.txt").read_text(encoding="utf-8")


def test_a_request_gets_the_mail_its_moment_calls_for(office, language):
    made = mails(office, language)
    assert (made["reminder"].kind, made["reminder"].template) == (
        "reminder",
        f"reminder_{language}",
    )
    assert (made["answer"].kind, made["answer"].template) == ("answer", f"answer_{language}")
    yamada, sato = (TYPED[language][who][0] for who in ("yamada", "sato"))
    assert (made["reminder"].to, made["reminder"].cc) == (
        f"{sato} <sato@acme-net.example>",
        f"{yamada} <yamada@acme-net.example>",
    )
    status = request_mail(office.overdue, {}, "request_ja", sender=SENDERS[language])
    assert (status.kind, status.template) == ("request", "request_ja")
    assert status.subject == "【ご確認】" + TYPED[language]["quote_sent"]


def test_no_priority_word_of_ours_reaches_a_vendor(office, language):
    """Every outside kind, built in or named, in both languages: subjects tagged 【社長オーダー】,
    [URGENT], 至急： and urgent items go out without the tags."""
    sent = [
        *mails(office, language).values(),
        *(
            request_mail(request, {}, f"{kind}_{language}", sender=SENDERS[language])
            for request in (office.overdue, office.answered)
            for kind in ("request", "reminder", "chase", "answer")
        ),
    ]
    assert {mail.kind for mail in sent} == set(OUTSIDE_KINDS)
    for mail in sent:
        assert not has_priority_word(mail.text), mail.text


def test_a_vendor_is_never_told_we_are_late(office, language):
    """Our own overdue item goes out with its date alone; theirs is still called overdue."""
    late = requests.open_request(office.acme, "inbound", "入館申請書の返送", due=date(2026, 11, 18))
    overdue_word = "期限切れ" if language == "ja" else "overdue"
    owed_line = next(
        line for line in vendor_mail(office.acme, {}).text.split("\n") if "入館申請書" in line
    )
    assert overdue_word not in owed_line
    assert overdue_word in request_mail(office.overdue, {}, f"request_{language}").text
    assert overdue_word not in request_mail(late.id, {}, f"request_{language}").text
