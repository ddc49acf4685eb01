"""What stays inside: the internal memo (社内メモ) of a call or a request never reaches a mail
to the vendor, whatever it holds."""

import pytest

from daicho.data import calls, requests, vendors
from daicho.data.mail.summaries import call_mail, request_mail, vendor_mail
from daicho.data.records import FollowUp
from daicho.data.search.find import search

pytestmark = pytest.mark.both_engines

# Markup, template fields, our priority words, control characters and a secret.
HOSTILE = (
    "【社長オーダー】最優先で対応すること\n"
    "[bold red]相見積もり中[/] 他社の方が 2 割安い\n"
    "{subject} {signature} {notes} }{ {0} {vendor!r:>99999}\n"
    "\x1b[31m至急\x07 パスワードは hunter2"
)
MARK = "社内だけ"  # every memo carries it: no mail may


def _memo_lines(memo: str) -> list[str]:
    return [line.strip() for line in memo.splitlines() if len(line.strip()) >= 4]


def _ledger_with_memos(memo: str) -> tuple[int, int, int]:
    """A vendor with a call (two decisions, two follow-ups) and a request, every one of them
    with `memo` inside; (call id, request id, vendor id)."""
    vendor = vendors.create_vendor("株式会社サンプル")
    contact = vendors.create_contact(vendor.id, "佐藤 健一", email="sato@example.co.jp")
    call = calls.log_call(
        vendor_id=vendor.id,
        contact_id=contact.id,
        subject="複合機の入れ替え",
        internal_notes=memo,
        decisions=["12/4 に搬入", "旧機は引き取り"],
        follow_ups=[FollowUp("見積書の送付"), FollowUp("設置場所の連絡", direction="inbound")],
    )
    request = requests.open_request(
        vendor.id,
        "outbound",
        "保守契約の更新",
        body="更新後の年額をお知らせください",
        internal_notes=memo,
        contact_id=contact.id,
    )
    for follow_up in call.follow_ups:
        requests.edit_request(follow_up.id, internal_notes=memo)
    return call.id, request.id, vendor.id


def _mails(call_id: int, request_id: int, vendor_id: int, language: str) -> list[str]:
    return [
        call_mail(call_id, {}, f"call_{language}").text,
        request_mail(request_id, {}, f"request_{language}").text,
        vendor_mail(vendor_id, {}, f"vendor_{language}").text,
    ]


@pytest.mark.parametrize("language", ["ja", "en"])
def test_no_internal_memo_reaches_the_call_request_or_vendor_mail(ledger, language):
    memo = f"{MARK}\n{HOSTILE}"
    for mail in _mails(*_ledger_with_memos(memo), language):
        assert MARK not in mail
        for line in _memo_lines(memo):
            assert line not in mail, line


def test_the_memos_are_searched_like_the_rest(ledger):
    call_id, request_id, _vendor_id = _ledger_with_memos(f"{MARK} 相見積もり中")
    found = {(hit.kind, hit.id) for hit in search("相見積もり", None)}
    assert {("call", call_id), ("request", request_id)} <= found
