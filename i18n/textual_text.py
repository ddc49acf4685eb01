"""Textual's own English in the user's language: its system commands (Theme, Keys, Quit…),
the command palette's placeholders, and what the keys of its widgets do (Focus Next,
Scroll Left…), which the key bar, help and the palette show through `_()`.

Textual's texts are their own message ids, as ours are: one that a later Textual adds or
rewords shows in English until the catalog has it.
"""

from collections.abc import Iterable, Iterator

from textual.app import SystemCommand

from daicho.i18n import N_, _

COMMANDS_PLACEHOLDER = N_("Search for commands…")
THEMES_PLACEHOLDER = N_("Search for themes…")

# Titles and help of the commands `App.get_system_commands` yields (Textual 8.2).
SYSTEM_COMMANDS = (
    N_("Theme"),
    N_("Change the current theme"),
    N_("Quit"),
    N_("Quit the application as soon as possible"),
    N_("Keys"),
    N_("Show help for the focused widget and a summary of available keys"),
    N_("Hide the keys and widget help panel"),
    N_("Maximize"),
    N_("Maximize the focused widget"),
    N_("Minimize"),
    N_("Minimize the widget and restore to normal size"),
    N_("Screenshot"),
    N_("Save an SVG 'screenshot' of the current screen"),
)

# Descriptions of the keys Textual binds on the screen and the widgets Daicho uses
# (Screen, Input, TextArea, OptionList, Checkbox, scrolling containers; Textual 8.2).
KEY_DESCRIPTIONS = (
    N_("palette"),
    N_("Focus Next"),
    N_("Focus Previous"),
    N_("Copy selected text"),
    N_("Copy"),
    N_("Cut"),
    N_("Cut selected text"),
    N_("Paste"),
    N_("Paste text from the clipboard"),
    N_("Undo"),
    N_("Redo"),
    N_("Select all"),
    N_("Select line"),
    N_("Select line start"),
    N_("Select line end"),
    N_("Submit"),
    N_("Toggle"),
    N_("Select"),
    N_("Up"),
    N_("Down"),
    N_("First"),
    N_("Last"),
    N_("Page Up"),
    N_("Page Down"),
    N_("Page Left"),
    N_("Page Right"),
    N_("Scroll Up"),
    N_("Scroll Down"),
    N_("Scroll Left"),
    N_("Scroll Right"),
    N_("Scroll Home"),
    N_("Scroll End"),
    N_("Go to start"),
    N_("Go to end"),
    N_("Move cursor left"),
    N_("Move cursor left and select"),
    N_("Move cursor left a word"),
    N_("Move cursor left a word and select"),
    N_("Move cursor right and select"),
    N_("Move cursor right a word"),
    N_("Move cursor right a word and select"),
    N_("Move cursor right or accept the completion suggestion"),
    N_("Cursor up"),
    N_("Cursor down"),
    N_("Cursor left"),
    N_("Cursor right"),
    N_("Cursor up select"),
    N_("Cursor down select"),
    N_("Cursor left select"),
    N_("Cursor right select"),
    N_("Cursor word left"),
    N_("Cursor word right"),
    N_("Cursor left word select"),
    N_("Cursor right word select"),
    N_("Cursor line start"),
    N_("Cursor line end"),
    N_("Cursor line start select"),
    N_("Cursor line end select"),
    N_("Cursor page up"),
    N_("Cursor page down"),
    N_("Delete character left"),
    N_("Delete character right"),
    N_("Delete left to start of word"),
    N_("Delete right to start of word"),
    N_("Delete all to the left"),
    N_("Delete all to the right"),
    N_("Delete to line start"),
    N_("Delete to line end"),
    N_("Delete line"),
)


def translated_commands(commands: Iterable[SystemCommand]) -> Iterator[SystemCommand]:
    """Textual's system commands with their title and help in the current language."""
    for command in commands:
        yield command._replace(title=_(command.title), help=_(command.help))
