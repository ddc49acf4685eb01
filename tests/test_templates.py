"""Email templates: built in or configured, checked, and never a crash (DESIGN §8)."""

from datetime import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from daicho.data import calls, vendors
from daicho.data.dates import clock
from daicho.data.mail.summaries import call_mail
from daicho.data.mail.templates import (
    DEFAULT_TEMPLATES,
    KINDS,
    OUTSIDE_KINDS,
    PLACEHOLDERS,
    Template,
    TemplateProblem,
    check_templates,
    choose_template,
    fill,
    template_label,
    template_names,
)
from daicho.i18n import set_language

pytestmark = pytest.mark.both_engines


@pytest.fixture
def call_id(ledger):
    vendor = vendors.create_vendor("ACME")
    started_at = clock.to_utc(datetime(2026, 11, 20, 9, 0))
    call = calls.log_call(
        vendor_id=vendor.id, started_at=started_at, subject="Router", decisions=["Swap it"]
    )
    return call.id


def test_every_kind_has_a_japanese_and_an_english_template_that_checks_clean():
    assert sorted(DEFAULT_TEMPLATES) == sorted(
        f"{k}_{lang}" for k in KINDS for lang in ("ja", "en")
    )
    assert check_templates(DEFAULT_TEMPLATES) == []


def test_japanese_templates_read_as_business_mail():
    call = DEFAULT_TEMPLATES["call_ja"]
    assert call.split("\n")[1:3] == ["{addressee}", ""]  # 宛名, then a blank line
    for line in (
        "いつもお世話になっております。",
        "{introduction}",  # the 名乗り, right after the greeting
        "{occasion}確認させていただいた内容を、下記のとおりお送りいたします。",
        "以上、よろしくお願いいたします。",
    ):
        assert line in call.split("\n")
    assert "Here is a summary of what we agreed {occasion}." in DEFAULT_TEMPLATES["call_en"]


@pytest.mark.parametrize("kind", OUTSIDE_KINDS)
def test_nothing_internal_is_a_placeholder_of_a_mail_to_a_vendor(kind):
    assert not {"notes", "internal_notes", "memo"} & set(PLACEHOLDERS[kind])


@pytest.mark.parametrize("name", sorted(DEFAULT_TEMPLATES))
def test_a_built_in_mail_to_a_vendor_names_its_sender_and_holds_nothing_internal(name):
    text = DEFAULT_TEMPLATES[name]
    if name.rsplit("_", 1)[0] not in OUTSIDE_KINDS:
        return
    lines = text.split("\n")
    greeting = "いつもお世話になっております。" if name.endswith("_ja") else "Dear {contact},"
    assert lines[lines.index(greeting) + 1 : lines.index("{introduction}")] in ([], [""])
    assert "{priority}" not in text and "{notes}" not in text
    assert text.endswith("\n{signature}\n")


def test_a_configured_template_overrides_the_built_in_one(call_id):
    mail = call_mail(call_id, {"call_en": "Call with {vendor}\n{decisions}"})
    assert (mail.template, mail.text, mail.problems) == ("call_en", "Call with ACME\n- Swap it", ())


def test_a_configured_variant_is_listed_after_the_ui_languages_default():
    configured = {"call_short": "x", "call_a": "x", "request_short": "x", "signature": "me"}
    assert template_names(("call",), configured) == ["call_en", "call_a", "call_ja", "call_short"]
    set_language("ja")
    assert template_names(("call",), configured) == ["call_ja", "call_a", "call_en", "call_short"]
    assert template_names(("weekly",), {}) == ["weekly_ja", "weekly_en"]


@pytest.mark.parametrize(
    "text, problem",
    [
        (
            "Hello {vendr}\nbody",
            "Template call_en: unknown placeholder {vendr}; did you mean {vendor}?",
        ),
        (
            "Hello {price}\nbody",
            "Template call_en: unknown placeholder {price}; use one of {vendor} {contact} "
            "{addressee} {subject} {date} {time} {when} {occasion} {on_day} {channel} "
            "{decisions} {follow_ups} {today} {signature} {introduction} {sender_company} "
            "{sender_department} {sender_name} {sender_phone} {sender_mail}",
        ),
        (
            "Hello {vendor\nbody",
            "Template call_en: unbalanced braces (write {{ }} for literal ones)",
        ),
        (
            "Hello }\nbody",
            "Template call_en: unbalanced braces (write {{ }} for literal ones)",
        ),
        (
            "Hello {vendor.__class__}",
            "Template call_en: {vendor.__class__} is not a plain placeholder such as {vendor}",
        ),
        (
            "Hello {vendor[0]}",
            "Template call_en: {vendor[0]} is not a plain placeholder such as {vendor}",
        ),
        ("Hello {0}", "Template call_en: {0} is not a plain placeholder such as {vendor}"),
        ("Hello {}", "Template call_en: {} is not a plain placeholder such as {vendor}"),
        ("Hello {vendor:d}", "Template call_en: {vendor:d} has a format that cannot be used"),
        ("Hello {vendor!r}", "Template call_en: {vendor!r} has a format that cannot be used"),
        (
            "Hello {vendor:{contact}}",
            "Template call_en: {vendor:{contact}} has a format that cannot be used",
        ),
        (
            "Hello {vendor:>99999999}",
            "Template call_en: {vendor:>99999999} has a format that cannot be used",
        ),
        ("\nHello {vendor}", "Template call_en: the first line, the subject, is empty"),
    ],
)
def test_a_bad_template_is_named_and_the_built_in_one_is_used(call_id, text, problem):
    mail = call_mail(call_id, {"call_en": text})
    assert mail.problems == (TemplateProblem("call_en", problem),)
    assert str(mail.problems[0]) == problem
    assert mail.template == "call_en"
    assert mail.text == call_mail(call_id, {}).text
    assert check_templates({"call_en": text}) == list(mail.problems)


def test_a_format_that_works_is_allowed(call_id):
    mail = call_mail(call_id, {"call_en": "[{vendor:>6}] {{literal}}"})
    assert (mail.text, mail.problems) == ("[  ACME] {literal}", ())


def test_a_bad_variant_falls_back_to_the_built_in_template_of_its_language(call_id):
    mail = call_mail(call_id, {"call_formal_ja": "{oops}"}, "call_formal_ja")
    assert mail.template == "call_ja"
    assert mail.subject == "【ご確認】Router（11月20日(金)）"
    assert [p.name for p in mail.problems] == ["call_formal_ja"]


def test_a_missing_or_foreign_template_name_is_a_problem_not_an_error(call_id):
    missing = call_mail(call_id, {}, "call_gone_ja")
    assert missing.template == "call_ja"
    assert missing.problems == (TemplateProblem("call_gone_ja", "No template named call_gone_ja"),)
    foreign = call_mail(call_id, {}, "request_en")
    assert foreign.template == "call_en"
    assert str(foreign.problems[0]) == "Template request_en is not a call template"


def test_checking_names_every_problem_in_the_ui_language():
    configured = {
        "weekly_ja": "{vendor}",
        "call_x": "ok {vendor}",
        "greeting": "Hello",
        "signature": "佐藤",
        "queue_en": "{items",
    }
    set_language("ja")
    problems = check_templates(configured)
    assert [p.name for p in problems] == ["greeting", "queue_en", "weekly_ja"]
    assert [str(p) for p in problems] == [
        "テンプレート greeting: 名前は call_, request_, reminder_, chase_, answer_, vendor_, "
        "queue_, weekly_, contracts_ のいずれかで始めてください",
        "テンプレート queue_en: 波かっこの対応が取れていません (文字としては {{ }} と書きます)",
        "テンプレート weekly_ja: 差し込み項目 {vendor} はありません (使える項目: {start} {end} "
        "{call_count} {calls} {opened} {answered} {closed} {decisions} {overdue_count} "
        "{overdue} {due_until} {due_next_week_count} {due_next_week} {slowest} {today} {signature} "
        "{introduction} {sender_company} {sender_department} {sender_name} {sender_phone} "
        "{sender_mail})",
    ]


def test_a_problem_is_one_short_line_whatever_the_template_holds():
    name = "call_\nbad\x1b[31m name that goes on and on and on and on and on"
    (problem,) = check_templates({name: "x {a\n\nb}"})
    assert "\n" not in problem.message and "\x1b" not in problem.message
    assert problem.message.startswith("Template call_ bad[31m name that goes on and on …: {a b} is")
    assert problem.name == name


def test_an_optional_paragraph_goes_when_its_placeholders_are_empty():
    text = "{body}\nA\n\nB\n{body}\n\nC {vendor} {body}\n\nD"
    template = choose_template("request", "request_x", {"request_x": text})
    values = {**dict.fromkeys(PLACEHOLDERS["request"], ""), "vendor": "V"}
    assert fill(template, values)[1] == "\nA\n\nC V \n\nD"


def test_a_line_of_nothing_but_empty_placeholders_goes_and_the_sender_never_makes_a_paragraph_go():
    text = (
        "{subject}\nいつもお世話になっております。\n {introduction}{sender_name} \n\n"
        "{introduction}\n\n■内容\n{body}\n\n以上\n\n{signature}\n\n{sender_name}様\n"
    )
    template = choose_template("request", "request_x", {"request_x": text})
    values = dict.fromkeys(PLACEHOLDERS["request"], "")
    assert fill(template, values)[1] == "\nいつもお世話になっております。\n\n以上\n\n様\n"


def test_a_template_that_cannot_be_filled_after_all_gives_way_to_the_built_in_one():
    unchecked = Template("queue", "queue_raw", "{count:d}", "en")
    used, text = fill(unchecked, {**dict.fromkeys(PLACEHOLDERS["queue"], ""), "count": "3"})
    assert used.name == "queue_en" and text.startswith("Request queue as of ")
    assert [p.name for p in used.problems] == ["queue_raw"]
    assert used.problems[0].message.startswith("Template queue_raw: cannot be filled: ")


# Any text at all, as a template or as what the user typed.
any_text = st.text(alphabet=st.characters(codec="utf-8"))


@given(template=any_text, typed=any_text, kind=st.sampled_from(KINDS))
def test_any_template_with_any_user_text_never_raises(template, typed, kind):
    chosen = choose_template(kind, f"{kind}_en", {f"{kind}_en": template})
    used, text = fill(chosen, dict.fromkeys(PLACEHOLDERS[kind], typed))
    assert isinstance(text, str)
    assert used.name == f"{kind}_en"
    assert (used.text == template) == (not used.problems)


# Typed text is never empty here: a paragraph whose placeholders all come out empty is left
# out of a mail by design (`subject\n\n{vendor}` with no vendor is just the subject).
@given(before=any_text, after=any_text, typed=any_text.filter(bool))
def test_user_text_is_never_read_as_a_template(before, after, typed):
    def literal(text):
        return text.replace("{", "{{").replace("}", "}}")

    template = "subject\n" + literal(before) + "{vendor}" + literal(after)
    chosen = choose_template("vendor", "vendor_mine", {"vendor_mine": template})
    _used, text = fill(chosen, {**dict.fromkeys(PLACEHOLDERS["vendor"], ""), "vendor": typed})
    assert chosen.problems == ()
    assert text == "subject\n" + before + typed + after


def test_built_in_templates_are_named_for_what_they_are_in_the_ui_language():
    assert [template_label(name) for name in ("call_en", "request_ja", "answer_en")] == [
        "Confirmation",
        "Confirmation（日本語）",
        "Answer",
    ]
    assert template_label("call_short") == "call_short"  # a configured one: its own name
    set_language("ja")
    names = ("call_ja", "request_ja", "reminder_ja", "answer_en", "vendor_ja", "queue_ja")
    assert [template_label(name) for name in (*names, "weekly_ja", "reminder_x")] == [
        "確認メール",
        "確認メール",
        "催促",
        "回答 (English)",
        "未完了の件の一覧",
        "状況報告",
        "週次報告",
        "reminder_x",
    ]
