"""`daicho contracts [--json]`: every contract with its dates as of today, run in-process so
that the conftest's frozen today (Friday 2026-11-20) is the command's today."""

import json
import tomllib
from datetime import date

import pytest
import tomli_w

from daicho.cli import main
from daicho.data import vendors
from daicho.data.contracts.store import add_contract, cancel_contract
from daicho.data.ledger import close_ledger, open_ledger
from daicho.data.transfer.export import export_ledger


@pytest.fixture
def desk(tmp_path):
    """Three contracts of two vendors, one of them cancelled."""
    ledger = tmp_path / "desk.db"
    open_ledger(ledger)
    try:
        toto = vendors.create_vendor("東都ビジネス機器")
        aoba = vendors.create_vendor("Aoba Networks")
        add_contract(
            toto.id,
            title="複合機保守契約",
            kind="maintenance",
            start=date(2026, 4, 1),
            term_months=12,
            notice_months=3,
            cost=12000,
        )
        add_contract(
            aoba.id,
            title="Leased line",
            kind="line",
            start=date(2024, 12, 1),
            term_months=24,
            renewal="agreement",
            notice_days=30,
        )
        tools = add_contract(
            aoba.id,
            title="Monitoring",
            kind="license",
            start=date(2026, 1, 1),
            term_months=12,
            notice_months=1,
        )
        cancel_contract(tools.id, date(2026, 11, 2))
    finally:
        close_ledger()
    return ledger


EN = """\
Aoba Networks · Leased line · line · by agreement · term ends 2026-11-30 · \
cancel by 2026-10-30 · decide by 2026-11-30 · #2
Aoba Networks · Monitoring · license / subscription · auto-renews · \
term ends 2026-12-31 · cancel by 2026-11-30 · decide by 2026-11-30 · \
cancelled (notice given) · #3
東都ビジネス機器 · 複合機保守契約 · maintenance · auto-renews · \
term ends 2027-03-31 · cancel by 2026-12-28 · decide by 2026-12-28 · #1
"""

JA = """\
Aoba Networks · Leased line · 回線 · 更新手続き · 契約終了 2026-11-30 · \
解約期限 2026-10-30 · 判断期限 2026-11-30 · #2
Aoba Networks · Monitoring · ライセンス・サブスクリプション · 自動更新 · \
契約終了 2026-12-31 · 解約期限 2026-11-30 · 判断期限 2026-11-30 · 解約 · #3
東都ビジネス機器 · 複合機保守契約 · 保守 · 自動更新 · \
契約終了 2027-03-31 · 解約期限 2026-12-28 · 判断期限 2026-12-28 · #1
"""


@pytest.mark.parametrize("language, expected", [("en", EN), ("ja", JA)], ids=["en", "ja"])
def test_a_line_per_contract_the_nearest_decision_first(desk, tmp_path, capsys, language, expected):
    (tmp_path / "config.toml").write_text(f'language = "{language}"\n', encoding="utf-8")
    capsys.readouterr()
    assert main(["contracts", "--db", str(desk)]) == 0
    assert capsys.readouterr().out == expected


def test_json_holds_the_export_s_fields_and_the_dates(desk, capsys):
    capsys.readouterr()
    assert main(["contracts", "--db", str(desk), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [contract["id"] for contract in listed] == [2, 3, 1]
    open_ledger(desk)
    try:
        exported = {row["id"]: row for row in json.loads(export_ledger("json"))["contracts"]}
        in_toml = tomllib.loads(export_ledger("toml"))["contracts"]
    finally:
        close_ledger()
    added = ("vendor", "term_end", "cancel_by", "decision_date")
    for contract in listed:
        assert list(contract)[-4:] == list(added)
        stored = {key: value for key, value in contract.items() if key not in added}
        assert stored == exported[contract["id"]]
    assert set(in_toml[0]) <= set(listed[0])
    copier = listed[2]
    assert (copier["vendor"], copier["term_end"], copier["cancel_by"]) == (
        "東都ビジネス機器",
        "2027-03-31",
        "2026-12-28",
    )
    assert (copier["renewal"], copier["notice_months"], copier["notice_days"]) == ("auto", 3, None)
    assert (copier["start"], copier["renewal_term_months"], copier["cost"]) == (
        "2026-04-01",
        None,
        12000,
    )


def test_no_contracts_says_so(tmp_path, capsys):
    ledger = tmp_path / "empty.db"
    open_ledger(ledger)
    close_ledger()
    capsys.readouterr()
    assert main(["contracts", "--db", str(ledger)]) == 0
    assert capsys.readouterr().out == "No contracts yet\n"
    assert main(["contracts", "--db", str(ledger), "--json"]) == 0
    assert capsys.readouterr().out == "[]\n"


DEMO = """\
関東ホスティング株式会社 · Domain and DNS management · other · \
auto-renews · term ends 2026-12-01 · cancel by 2026-11-17 · \
decide by 2026-11-17 · #8
銀河情報システム株式会社 · Help desk support · support · auto-renews · \
term ends 2026-12-25 · cancel by 2026-11-25 · \
decide by 2026-11-25 · #7
株式会社ユニオンシステムサービス · Copier maintenance · maintenance · \
auto-renews · term ends 2027-03-10 · cancel by 2026-12-10 · \
decide by 2026-12-10 · #1
北陸ソリューションズ株式会社 · Antivirus yearly licence · \
license / subscription · auto-renews · \
term ends 2027-02-28 · cancel by 2026-12-28 · \
decide by 2026-12-28 · cancelled (notice given) · #6
株式会社日進データセンター · Microsoft 365 Business Standard · \
license / subscription · auto-renews · \
term ends 2027-03-05 · cancel by 2027-02-03 · \
decide by 2027-02-03 · #2
つばさOA機器株式会社 · Core server maintenance (yearly) · \
maintenance · by agreement · term ends 2027-03-10 · \
cancel by 2027-01-08 · decide by 2027-03-10 · #4
株式会社白鷺通信 · Leased fiber line · line · auto-renews · \
term ends 2027-07-08 · cancel by 2027-06-08 · \
decide by 2027-06-08 · #3
株式会社常盤事務機 · UTM lease · lease · no renewal · \
term ends 2027-12-25 · cancel by 2027-12-24 · \
decide by 2027-12-25 · #5
"""


def test_the_demo_s_contracts_as_of_the_frozen_today(tmp_path, capsys):
    ledger = tmp_path / "demo.db"
    assert main(["seed", "--db", str(ledger)]) == 0
    capsys.readouterr()
    assert main(["contracts", "--db", str(ledger)]) == 0
    assert capsys.readouterr().out == DEMO


@pytest.mark.parametrize(
    "key, value, problem",
    [
        ("notice_months", 13, "The notice period is longer than the term"),
        ("term_months", 0, "The term must end after it starts"),
        ("cost", "12,000円", "cost must be a whole number of 0 or more"),
        ("vendor_id", 9, "vendor_id 9 is not the id of a row in vendors"),
        ("renewal", "yearly", "renewal must be one of auto, agreement, none, not 'yearly'"),
    ],
)
def test_a_bad_contract_in_an_import_exits_2_naming_it_and_saves_nothing(
    desk, tmp_path, capsys, key, value, problem
):
    open_ledger(desk)
    try:
        document = tomllib.loads(export_ledger("toml"))
    finally:
        close_ledger()
    document["contracts"][0][key] = value
    path = tmp_path / "bad.toml"
    path.write_text(tomli_w.dumps(document), encoding="utf-8")
    fresh = tmp_path / "fresh.db"
    capsys.readouterr()
    assert main(["import", str(path), "--db", str(fresh)]) == 2
    assert capsys.readouterr().err == f"daicho: contracts id 1: {problem}\n"
    assert main(["contracts", "--db", str(fresh)]) == 0
    assert capsys.readouterr().out == "No contracts yet\n"
