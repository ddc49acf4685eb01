"""No English left in the Japanese UI: Textual's own command palette and commands, and the
command line's help and errors (argparse's headings), speak the configured language."""

import re

from conftest import settle
from textual.app import App
from textual.binding import Binding
from textual.command import CommandInput, CommandList, CommandPalette
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Checkbox, Input, OptionList, TextArea

from daicho.app import DaichoApp
from daicho.data import vendors
from daicho.i18n import set_language
from daicho.i18n.catalog_ja import JA

TEXTUAL_ENGLISH = ("Search for commands", "Focus Next", "Theme", "Quit", "Keys", "Screenshot")


async def _palette_lines(pilot) -> tuple[str, list[str]]:
    """Open the palette; once its list is filled, its placeholder and each entry as shown."""
    await pilot.press("ctrl+p")
    for _ in range(200):
        await pilot.pause()
        palette = pilot.app.screen
        if isinstance(palette, CommandPalette) and palette.query_one(CommandList).option_count:
            break
    await settle(pilot)
    commands = palette.query_one(CommandList)
    entries = [str(commands.get_option_at_index(i).prompt) for i in range(commands.option_count)]
    return str(palette.query_one(CommandInput).placeholder), entries


def _english_words(entries: list[str]) -> list[str]:
    """Words of ASCII letters in the entries' titles and help, besides key names
    ("キー: shift+tab") and the acronyms Japanese writes as they are."""
    lines = [line for entry in entries for line in entry.splitlines()]
    text = "\n".join(line for line in lines if not line.startswith("キー: "))
    return [word for word in re.findall(r"[A-Za-z]{2,}", text) if word != "SVG"]


async def test_the_command_palette_in_japanese_has_no_english(ledger):
    vendors.create_vendor("株式会社青葉電機")
    set_language("ja")
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        placeholder, entries = await _palette_lines(pilot)
        assert placeholder == "コマンドを検索…"
        shown = "\n".join(entries)
        assert {"テーマ", "キー一覧", "終了", "次の項目へ", "スクリーンショット"} <= {
            entry.splitlines()[0] for entry in entries
        }
        assert not any(english in shown for english in TEXTUAL_ENGLISH), shown
        assert _english_words(entries) == [], shown


async def test_the_palette_over_a_text_field_names_its_keys_in_japanese(ledger):
    vendors.create_vendor("株式会社青葉電機")
    set_language("ja")
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("n")  # a new call: the cursor is in its vendor field
        await settle(pilot)
        _placeholder, entries = await _palette_lines(pilot)
        shown = "\n".join(entries)
        assert "左の1文字を削除" in shown
        assert _english_words(entries) == [], shown


async def test_the_theme_picker_in_japanese(ledger):
    set_language("ja")
    app = DaichoApp(ledger_path=ledger)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        app.search_themes()
        await settle(pilot)
        assert str(app.screen.query_one(CommandInput).placeholder) == "テーマを検索…"


def test_every_key_textual_binds_on_the_widgets_daicho_uses_has_japanese():
    """A Textual upgrade that adds or rewords a key shows here, not as English on screen."""
    widgets = (App, Screen, Input, TextArea, OptionList, Checkbox, VerticalScroll)
    described = {
        binding.description
        for widget in widgets
        for cls in widget.__mro__
        for binding in cls.__dict__.get("BINDINGS", [])
        if isinstance(binding, Binding) and binding.description
    }
    assert described - set(JA) == set()
