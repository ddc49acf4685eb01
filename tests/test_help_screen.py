"""The help screen: every key it is given, in the user's language, and the date forms."""

import pytest
from textual.binding import Binding
from textual.containers import VerticalScroll

from daicho.app import DaichoApp
from daicho.i18n import N_, _, set_language
from daicho.screens.help_screen import HelpScreen


def shown(screen: HelpScreen) -> str:
    """Every line the help holds, scrolled into view or not."""
    return "\n".join(
        strip.text
        for widget in screen.query(".help-section > Static")
        for strip in widget.render_lines(widget.size.region)
    )


SECTIONS = [
    ("Anywhere", [Binding("ctrl+q", "quit", N_("Quit"), id="quit")]),
    (
        "Forms",
        [
            Binding("ctrl+s", "save", N_("Save"), id="form.save"),
            Binding("question_mark,f1", "help", N_("Help"), id="main.help"),
        ],
    ),
]


async def test_help_lists_the_keys_it_was_given_in_japanese(ledger):
    set_language("ja")
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(100, 34)) as pilot:
        help_screen = HelpScreen(SECTIONS)
        app.push_screen(help_screen)
        await pilot.pause()
        text = shown(help_screen)
    assert _("Quit") == "終了"
    for expected in ("Anywhere", "^q", "終了", "^s", _("Save"), "? / f1", _("Help")):
        assert expected in text
    for expected in ("+2w", "来週金曜", _("Friday next week"), _("Date fields")):
        assert expected in text


@pytest.mark.parametrize("key", ["escape", "question_mark", "f1"])
async def test_help_closes_with_escape_question_mark_or_f1(ledger, key):
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(100, 34)) as pilot:
        results = []
        help_screen = HelpScreen(SECTIONS)
        app.push_screen(help_screen, callback=results.append)
        await pilot.pause()
        await pilot.press(key)
        await pilot.pause()
        assert app.screen is not help_screen
    assert results == [None]


async def test_a_long_help_scrolls_at_80_by_24(ledger):
    many = [Binding(f"ctrl+{letter}", letter, N_("Quit")) for letter in "abcdefghijklmnop"]
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(80, 24)) as pilot:
        help_screen = HelpScreen([("One", many), ("Two", many)])
        app.push_screen(help_screen)
        await pilot.pause()
        body = help_screen.query_one("#help-body", VerticalScroll)
        assert app.focused is body
        await pilot.press("end")
        await pilot.pause()
        assert body.scroll_y > 0
