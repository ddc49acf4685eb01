"""The weekly report for management (DESIGN §8), as whole golden texts on a fixed ledger and day.

Today is Friday 20 November 2026 (conftest): the week is Sat 14 – Fri 20 Nov, and what falls due
from today to Fri 27 Nov is listed both ways.
"""

import itertools
from datetime import date

import pytest
from conftest import at
from hypothesis import given, settings
from hypothesis import strategies as st

from daicho.data import calls, requests, vendors
from daicho.data.dates import clock
from daicho.data.ledger import close_ledger, open_ledger
from daicho.data.mail.format import LONGEST_LIST
from daicho.data.mail.weekly_report import weekly_report
from daicho.data.records import FollowUp
from daicho.i18n import set_language

pytestmark = pytest.mark.both_engines


@pytest.fixture
def desk(ledger, now) -> None:
    now(2026, 11, 2, 9, 0)
    acme = vendors.create_vendor("株式会社アクメ通信", reading="あくめ").id
    beta = vendors.create_vendor("Beta Systems", reading="べーた").id
    crest = vendors.create_vendor("クレスト電機", reading="くれすと").id
    # Answered in October: Beta takes 6, 5 and 5 business days (Mon 12 Oct is a holiday),
    # アクメ 2, 2, 3 and 4 (and 0 in the week); two answers of クレスト say too little.
    for vendor, asked, answered in [
        *[(beta, 1, 9), (beta, 5, 13), (beta, 14, 21)],
        *[(acme, 19, 21), (acme, 20, 22), (acme, 26, 29), (acme, 26, 30)],
        *[(crest, 1, 2), (crest, 5, 6)],
    ]:
        now(2026, 10, asked, 9, 0)
        earlier = requests.open_request(vendor, "outbound", "回答済みの問い合わせ")
        now(2026, 10, answered, 9, 0)
        requests.answer_request(earlier.id)
    # Before the week: counted nowhere but in what is overdue.
    now(2026, 11, 4, 10, 0)
    requests.open_request(acme, "outbound", "請求書再発行", due=date(2026, 11, 13))
    requests.open_request(beta, "outbound", "請求書再発行", due=date(2026, 11, 13))
    now(2026, 11, 6, 15, 0)
    requests.open_request(acme, "outbound", "請求書再発行", due=date(2026, 11, 13))
    requests.open_request(crest, "inbound", "資産台帳の提出", due=date(2026, 11, 10))
    requests.open_request(beta, "outbound", "障害報告書", due=date(2026, 11, 16), priority="high")
    now(2026, 11, 10, 9, 0)
    requests.open_request(
        acme, "outbound", "保守契約の見積", due=date(2026, 11, 18), priority="urgent"
    )
    calls.log_call(
        vendor_id=crest,
        started_at=at(2026, 11, 10, 9, 0),
        subject="先週の打合せ",
        decisions=["先週決まったこと"],
    )
    now(2026, 11, 13, 23, 59)  # a minute before the week: not opened in it
    old = requests.open_request(acme, "outbound", "古い依頼", due=date(2026, 11, 13))
    now(2026, 11, 14, 0, 0)  # the week's first minute: answered in it
    requests.answer_request(old.id, "済")
    # The week.
    now(2026, 11, 16, 10, 0)
    requests.open_request(
        beta, "inbound", "【社長オーダー】PC入替の稟議資料", due=date(2026, 11, 19)
    )
    calls.log_call(
        vendor_id=beta,
        channel="meeting",
        started_at=at(2026, 11, 16, 10, 0),
        subject="ライセンス更新",
        decisions=["来年度は 25 ライセンスで更新"],
        follow_ups=[FollowUp("見積書の送付", "outbound", date(2026, 11, 20))],
    )
    now(2026, 11, 18, 16, 0)
    calls.log_call(vendor_id=crest, started_at=at(2026, 11, 18, 16, 0), decisions=["現行機で継続"])
    calls.log_call(vendor_id=acme, started_at=at(2026, 11, 18, 16, 30), subject="定例の連絡")
    done = requests.open_request(crest, "inbound", "納品書の確認", due=date(2026, 11, 24))
    requests.close_request(done.id)
    requests.open_request(
        crest, "outbound", "修理の日程", due=date(2026, 11, 25), priority="urgent"
    )
    requests.open_request(acme, "outbound", "来月の作業予定", due=date(2026, 11, 28))
    now(2026, 11, 20, 14, 30)
    calls.log_call(
        vendor_id=acme,
        started_at=at(2026, 11, 20, 14, 5),
        subject="ルーター交換",
        decisions=["12月1日(火) 10時に交換作業", "費用は保守契約の範囲内"],
        follow_ups=[
            FollowUp("作業手順書の送付", "outbound", date(2026, 11, 27)),
            FollowUp("入館申請", "inbound", date(2026, 11, 26)),
        ],
    )


WEEKLY = {
    "ja": """\
【週次報告】業者対応状況（11月14日(土)〜11月20日(金)）
お疲れさまです。
11月14日(土)〜11月20日(金)の業者対応状況をご報告します。

■概況
通話4件／依頼・問い合わせ 新規7件・回答1件・完了1件

■今週の決定事項
【株式会社アクメ通信】
・12月1日(火) 10時に交換作業（11月20日(金)・ルーター交換）
・費用は保守契約の範囲内（11月20日(金)・ルーター交換）
【クレスト電機】
・現行機で継続（11月18日(水)）
【Beta Systems】
・来年度は 25 ライセンスで更新（11月16日(月)・ライセンス更新）

■期限超過（11月20日(金)時点）：7件
・［先方待ち・至急］株式会社アクメ通信：保守契約の見積（11月18日(水)まで・2日超過）
・［こちら対応］Beta Systems：【社長オーダー】PC入替の稟議資料（11月19日(木)まで・1日超過）
・［先方待ち・高］Beta Systems：障害報告書（11月16日(月)まで・4日超過）
・［こちら対応］クレスト電機：資産台帳の提出（11月10日(火)まで・10日超過）
・［先方待ち］株式会社アクメ通信：請求書再発行（11月13日(金)まで・7日超過・11月4日(水)依頼分）
・［先方待ち］Beta Systems：請求書再発行（11月13日(金)まで・7日超過）
・［先方待ち］株式会社アクメ通信：請求書再発行（11月13日(金)まで・7日超過・11月6日(金)依頼分）

■今後1週間の期限（11月27日(金)まで）：4件
先方待ち：3件
・Beta Systems：見積書の送付（11月20日(金)まで・本日期限）
・［至急］クレスト電機：修理の日程（11月25日(水)まで）
・株式会社アクメ通信：作業手順書の送付（11月27日(金)まで）
こちら対応：1件
・株式会社アクメ通信：入館申請（11月26日(木)まで）

■回答の遅い業者（直近12か月の中央値）
・Beta Systems：5営業日（回答3件）
・株式会社アクメ通信：2営業日（回答5件）

以上です。""",
    "en": """\
Weekly vendor report: Sat 14 Nov – Fri 20 Nov
Hello,

Here is the summary of our work with vendors from Sat 14 Nov to Fri 20 Nov.
Calls: 4. Requests opened: 7, answered: 1, closed: 1.

Decided this week:
株式会社アクメ通信:
- 12月1日(火) 10時に交換作業 (Fri 20 Nov, ルーター交換)
- 費用は保守契約の範囲内 (Fri 20 Nov, ルーター交換)
クレスト電機:
- 現行機で継続 (Wed 18 Nov)
Beta Systems:
- 来年度は 25 ライセンスで更新 (Mon 16 Nov, ライセンス更新)

Overdue as of Fri 20 Nov: 7
- [waiting on them, urgent] 株式会社アクメ通信: 保守契約の見積 (by Wed 18 Nov, 2 days late)
- [we owe] Beta Systems: 【社長オーダー】PC入替の稟議資料 (by Thu 19 Nov, 1 day late)
- [waiting on them, high] Beta Systems: 障害報告書 (by Mon 16 Nov, 4 days late)
- [we owe] クレスト電機: 資産台帳の提出 (by Tue 10 Nov, 10 days late)
- [waiting on them] 株式会社アクメ通信: 請求書再発行 (by Fri 13 Nov, 7 days late, opened Wed 4 Nov)
- [waiting on them] Beta Systems: 請求書再発行 (by Fri 13 Nov, 7 days late)
- [waiting on them] 株式会社アクメ通信: 請求書再発行 (by Fri 13 Nov, 7 days late, opened Fri 6 Nov)

Due in the coming week (by Fri 27 Nov): 4
Waiting on them: 3
- Beta Systems: 見積書の送付 (by Fri 20 Nov, due today)
- [urgent] クレスト電機: 修理の日程 (by Wed 25 Nov)
- 株式会社アクメ通信: 作業手順書の送付 (by Fri 27 Nov)
We owe: 1
- 株式会社アクメ通信: 入館申請 (by Thu 26 Nov)

Slowest to answer (median over the last 12 months):
- Beta Systems: 5 business days (3 answers)
- 株式会社アクメ通信: 2 business days (5 answers)

Best regards,""",
}


@pytest.mark.parametrize("language", ["ja", "en"])
def test_the_weekly_report_says_what_management_needs(desk, language):
    set_language(language)
    mail = weekly_report({})
    assert (mail.kind, mail.template, mail.problems) == ("weekly", f"weekly_{language}", ())
    assert mail.text == WEEKLY[language]


def test_an_earlier_week_counts_from_its_own_local_midnight(desk):
    text = weekly_report({}, today=date(2026, 11, 13)).text
    assert text.startswith("Weekly vendor report: Sat 7 Nov – Fri 13 Nov\n")
    assert "Calls: 1. Requests opened: 2, answered: 0, closed: 0.\n" in text
    decided = "Decided this week:\nクレスト電機:\n- 先週決まったこと (Tue 10 Nov, 先週の打合せ)\n"
    assert decided in text
    assert "Overdue as of Fri 13 Nov: 1\n" in text


def test_a_template_of_the_old_placeholders_still_works(desk):
    old = "週報 {start}〜{end}\n通話 {call_count}\n{calls}\n期限切れ {overdue_count}\n{signature}"
    mail = weekly_report({"weekly_old_ja": old, "signature": "情シス 佐藤"}, "weekly_old_ja")
    assert (mail.template, mail.problems) == ("weekly_old_ja", ())
    assert mail.text == (
        "週報 11月14日(土)〜11月20日(金)\n"
        "通話 4\n"
        "・株式会社アクメ通信：2件\n"
        "・クレスト電機：1件\n"
        "・Beta Systems：1件\n"
        "期限切れ 7\n"
        "情シス 佐藤"
    )


def test_a_quiet_week_says_so_in_every_section(ledger):
    set_language("ja")
    text = weekly_report({}).text
    assert "■今週の決定事項\n（なし）\n" in text
    assert "■期限超過（11月20日(金)時点）：0件\n（なし）\n" in text
    assert "■今後1週間の期限（11月27日(金)まで）：0件\n先方待ち：0件\nこちら対応：0件\n" in text
    assert "■回答の遅い業者（直近12か月の中央値）\n（なし）\n" in text


def test_long_lists_are_cut_with_how_many_more(ledger):
    vendor = vendors.create_vendor("ACME").id
    points = [f"point {n:03}" for n in range(LONGEST_LIST + 2)]
    calls.log_call(vendor_id=vendor, started_at=at(2026, 11, 20, 9, 0), decisions=points)
    for number in range(LONGEST_LIST + 1):
        requests.open_request(vendor, "outbound", f"late {number:03}", due=date(2026, 11, 19))
        requests.open_request(vendor, "inbound", f"soon {number:03}", due=date(2026, 11, 23))
    text = weekly_report({}).text
    assert f"- point {LONGEST_LIST - 1:03} (Fri 20 Nov)\n… and 2 more\n\nOverdue" in text
    assert f"late {LONGEST_LIST - 1:03} (by Thu 19 Nov, 1 day late)\n… and 1 more\n\n" in text
    assert f"soon {LONGEST_LIST - 1:03} (by Mon 23 Nov)\n… and 1 more\n\nSlowest to" in text
    assert "We owe: 201\n" in text


def test_the_five_slowest_vendors_with_three_answers_are_named(ledger, now):
    """The five slowest by median, of the vendors answered three times or more (G only twice);
    among equals the one with more answers first (D before C)."""
    for name, days, answers in [
        ("A", 1, 3),
        ("B", 2, 3),
        ("C", 3, 3),
        ("D", 3, 4),
        ("E", 4, 3),
        ("F", 5, 3),
        ("G", 9, 2),
    ]:
        vendor = vendors.create_vendor(name).id
        for week in range(answers):  # asked on Mondays in October, answered `days` later
            now(2026, 10, 5 + 7 * week, 9, 0)
            asked = requests.open_request(vendor, "outbound", "Quote")
            now(2026, 10, 5 + 7 * week + days + 2 * (days == 5), 9, 0)
            requests.answer_request(asked.id)
    text = weekly_report({}).text
    assert text.endswith(
        "Slowest to answer (median over the last 12 months):\n"
        "- F: 5 business days (3 answers)\n"
        "- E: 4 business days (3 answers)\n"
        "- D: 3 business days (4 answers)\n"
        "- C: 3 business days (3 answers)\n"
        "- B: 2 business days (3 answers)\n"
        "\nBest regards,"
    )


_ITEM = st.tuples(
    st.sampled_from(["ACME", "Beta"]),  # vendor
    st.sampled_from(["見積", "【社長オーダー】見積"]),  # subject
    st.sampled_from(["outbound", "inbound"]),
    st.sampled_from(["normal", "high", "urgent"]),
    st.integers(10, 19),  # due in November, before today
    st.integers(2, 4),  # opened in November
)
_LEDGERS = itertools.count()


@settings(max_examples=20)  # a fresh ledger each time: opening one costs a tenth of a second
@given(items=st.lists(_ITEM, min_size=1, max_size=8))
def test_overdue_lines_read_alike_only_for_items_alike_in_every_way(tmp_path, items):
    open_ledger(tmp_path / f"{next(_LEDGERS)}.db")
    try:
        for name in ("ACME", "Beta"):
            vendors.create_vendor(name)
        for vendor, subject, direction, priority, due, opened in items:
            clock.freeze_now(at(2026, 11, opened, 9, 0))
            requests.open_request(
                vendor, direction, subject, due=date(2026, 11, due), priority=priority
            )
        text = weekly_report({}).text
    finally:
        clock.freeze_now(None)
        close_ledger()
    overdue = text.split("Overdue as of Fri 20 Nov:")[1].split("\n\n")[0].split("\n")[1:]
    assert len(overdue) == len(items)
    assert all(line.split("] ", 1)[1].startswith(("ACME: ", "Beta: ")) for line in overdue)
    assert len(set(overdue)) == len(set(items))
