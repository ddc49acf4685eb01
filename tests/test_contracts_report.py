"""The 年度 contracts report (DESIGN §13): what each contract costs inside a 年度 and which
decisions fall in it, as whole golden texts in both languages on a fixed ledger.

Today is Friday 20 November 2026 (conftest): 2026年度 runs 2026-04-01 to 2027-03-31.
"""

from datetime import date

import pytest

from daicho.cli import main
from daicho.data import vendors
from daicho.data.contracts.store import add_contract, cancel_contract, renew_contract
from daicho.data.dates.settings import DateSettings, set_date_settings
from daicho.data.ledger import close_ledger
from daicho.data.mail.contracts_report import contracts_report
from daicho.i18n import set_language

pytestmark = pytest.mark.both_engines


@pytest.fixture
def desk(ledger):
    acme = vendors.create_vendor("株式会社アクメ通信", reading="あくめ").id
    beta = vendors.create_vendor("Beta Systems", reading="べーた").id
    crest = vendors.create_vendor("クレスト電機", reading="くれすと").id
    delta = vendors.create_vendor("デルタ商事", reading="でるた").id
    add_contract(
        acme,
        title="複合機保守契約",
        kind="maintenance",
        number="MF-2026-01",
        start=date(2026, 4, 1),
        term_months=12,
        notice_months=3,
        cost=10_000,
        cost_period="month",
    )
    add_contract(
        acme,
        title="光回線",
        kind="line",
        start=date(2026, 10, 1),
        term_months=12,
        notice_days=30,
        cost=10_000,
        cost_period="month",
        tax_included=True,
    )
    licences = add_contract(
        beta,
        title="Microsoft 365",
        kind="license",
        start=date(2025, 7, 1),
        term_months=12,
        renewal="agreement",
        notice_months=1,
        cost=600_000,
        cost_period="year",
    )
    renew_contract(licences.id, date(2026, 6, 20))
    add_contract(
        beta,
        title="導入作業",
        kind="support",
        start=date(2026, 5, 1),
        term_months=3,
        renewal="none",
        cost=330_000,
        cost_period="once",
        tax_included=True,
    )
    lease = {"kind": "lease", "start": date(2022, 4, 1), "term_months": 60, "renewal": "none"}
    add_contract(crest, title="PCリース", **lease)
    old = add_contract(
        crest,
        title="旧サーバー保守",
        kind="maintenance",
        start=date(2025, 10, 1),
        term_months=12,
        notice_months=3,
        cost=5_000,
    )
    cancel_contract(old.id, date(2026, 6, 15))
    add_contract(delta, title="来年度の契約", start=date(2028, 1, 1), term_months=12, cost=1)


GOLDEN = {
    "ja": """\
2026年度 契約一覧（2026/04/01〜2027/03/31）
お疲れさまです。
2026年度（2026/04/01〜2027/03/31）の契約と、年度内の費用・判断期限をご報告します。

■契約：6件

【株式会社アクメ通信】
・光回線（回線・自動更新）
　契約期間：2026/10/01〜2027/09/30（12か月）
　年度内の費用：60,000円（税込・月額10,000円×6か月）
・複合機保守契約（保守・自動更新・契約番号 MF-2026-01）
　契約期間：2026/04/01〜2027/03/31（12か月）
　年度内の費用：120,000円（税抜・月額10,000円×12か月）
　判断期限（解約期限）：2026/12/28(月)
小計：税込60,000円・税抜120,000円

【クレスト電機】
・PCリース（リース・満了）
　契約期間：2022/04/01〜2027/03/31（60か月）
　年度内の費用：未記入
　判断期限（満了日）：2027/03/31(水)
・旧サーバー保守（保守・自動更新・解約）
　契約期間：2025/10/01〜2026/09/30（12か月）
　年度内の費用：30,000円（税抜・月額5,000円×6か月）
　判断期限（解約期限）：2026/06/30(火)
小計：税抜30,000円

【Beta Systems】
・Microsoft 365（ライセンス・サブスクリプション・更新手続き）
　契約期間：2025/07/01〜2027/06/30（2期）
　年度内の費用：600,000円（税抜・年額600,000円×1年）
　判断期限（満了日）：2026/06/30(火)
・導入作業（サポート・満了）
　契約期間：2026/05/01〜2026/07/31（3か月）
　年度内の費用：330,000円（税込・一括）
　判断期限（満了日）：2026/07/31(金)
小計：税込330,000円・税抜600,000円

■合計
税込：390,000円
税抜：750,000円

以上です。""",
    "en": """\
Contracts for FY2026 (1 Apr 2026 – 31 Mar 2027)
Hello,

Here are the contracts running in FY2026 (1 Apr 2026 – 31 Mar 2027), their cost within it
and the decisions that fall in it.

Contracts: 6

株式会社アクメ通信:
- 光回線 (line, auto-renews)
  Term: 1 Oct 2026 – 30 Sep 2027 (12 months)
  Cost in the year: ¥60,000 (tax included, ¥10,000 a month × 6)
- 複合機保守契約 (maintenance, auto-renews, No. MF-2026-01)
  Term: 1 Apr 2026 – 31 Mar 2027 (12 months)
  Cost in the year: ¥120,000 (tax excluded, ¥10,000 a month × 12)
  Decide by (cancel-by): Mon 28 Dec 2026
Subtotal: ¥60,000 tax included, ¥120,000 tax excluded

クレスト電機:
- PCリース (lease, no renewal)
  Term: 1 Apr 2022 – 31 Mar 2027 (60 months)
  Cost in the year: not entered
  Decide by (term ends): Wed 31 Mar 2027
- 旧サーバー保守 (maintenance, auto-renews, cancelled (notice given))
  Term: 1 Oct 2025 – 30 Sep 2026 (12 months)
  Cost in the year: ¥30,000 (tax excluded, ¥5,000 a month × 6)
  Decide by (cancel-by): Tue 30 Jun 2026
Subtotal: ¥30,000 tax excluded

Beta Systems:
- Microsoft 365 (license / subscription, by agreement)
  Term: 1 Jul 2025 – 30 Jun 2027 (2 terms)
  Cost in the year: ¥600,000 (tax excluded, ¥600,000 a year × 1)
  Decide by (term ends): Tue 30 Jun 2026
- 導入作業 (support, no renewal)
  Term: 1 May 2026 – 31 Jul 2026 (3 months)
  Cost in the year: ¥330,000 (tax included, one-off)
  Decide by (term ends): Fri 31 Jul 2026
Subtotal: ¥330,000 tax included, ¥600,000 tax excluded

Total:
Tax included: ¥390,000
Tax excluded: ¥750,000

Best regards,""",
}


@pytest.mark.parametrize("language", ["ja", "en"])
def test_the_report_of_this_year_per_vendor_with_costs_decisions_and_totals(desk, language):
    set_language(language)
    mail = contracts_report({})
    assert (mail.kind, mail.template, mail.problems) == ("contracts", f"contracts_{language}", ())
    assert mail.text == GOLDEN[language]


def test_a_year_without_contracts_says_so(ledger):
    assert contracts_report({}, year=2030).text == (
        "Contracts for FY2030 (1 Apr 2030 – 31 Mar 2031)\n"
        "Hello,\n"
        "\n"
        "Here are the contracts running in FY2030 (1 Apr 2030 – 31 Mar 2031), their cost"
        " within it\n"
        "and the decisions that fall in it.\n"
        "\n"
        "Contracts: 0\n"
        "\n"
        "(no contracts run in this fiscal year)\n"
        "\n"
        "Total:\n"
        "no costs entered\n"
        "\n"
        "Best regards,"
    )


def test_an_earlier_year_counts_the_terms_renewals_left_behind(desk):
    set_language("ja")
    text = contracts_report({}, year=2025).text
    assert text.startswith("2025年度 契約一覧（2025/04/01〜2026/03/31）\n")
    assert (
        "・Microsoft 365（ライセンス・サブスクリプション・更新手続き）\n"
        "　契約期間：2025/07/01〜2026/06/30（12か月）\n"
        "　年度内の費用：600,000円（税抜・年額600,000円×1年）\n"
    ) in text
    assert "導入作業" not in text and "光回線" not in text


def test_the_year_follows_the_configured_start_month(desk):
    set_date_settings(DateSettings(fiscal_year_start=1))
    text = contracts_report({}).text
    assert text.startswith("Contracts for FY2026 (1 Jan 2026 – 31 Dec 2026)\n")
    assert "Cost in the year: ¥30,000 (tax included, ¥10,000 a month × 3)" in text


# --- daicho report --contracts -------------------------------------------------------------


def test_the_command_prints_this_years_report(desk, ledger_location, capsys):
    close_ledger()
    capsys.readouterr()
    assert main(["--db", str(ledger_location), "report", "--contracts"]) == 0
    assert capsys.readouterr().out == GOLDEN["en"] + "\n"


def test_the_command_prints_another_year_in_the_configured_language(
    desk, ledger_location, tmp_path, capsys
):
    close_ledger()
    (tmp_path / "config.toml").write_text('language = "ja"\n', encoding="utf-8")
    capsys.readouterr()
    assert main(["--db", str(ledger_location), "report", "--contracts", "--fy", "2025"]) == 0
    assert capsys.readouterr().out.startswith("2025年度 契約一覧（2025/04/01〜2026/03/31）\n")


@pytest.mark.parametrize(
    "words, said",
    [
        (["report", "--week", "--fy", "2026"], "--fy goes with --contracts"),
        (["report", "--contracts", "--fy", "0"], "--fy must be a year from 1 to 9998"),
    ],
)
@pytest.mark.sqlite_only
def test_a_bad_year_is_one_line_and_exit_2(ledger_path, capsys, words, said):
    assert main(["--db", str(ledger_path), *words]) == 2
    assert capsys.readouterr().err == f"daicho: {said}\n"
