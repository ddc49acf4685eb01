"""The text fields of every form, prompt and search box: Textual's Input and TextArea, except
that they keep the full-width space.

A Japanese input method types U+3000 for a space by default (`見積　回線`, `佐藤　健一`).
Python does not count it printable, so Textual's fields pass the key over and the space is
lost; ours type it like any other character.
"""

from textual import events
from textual.widgets import Input, TextArea

WIDE_SPACE = "\u3000"
_WIDE_SPACE_KEY = "ideographic_space"  # its key's name; a terminal sends the character too


class _TypedKey(events.Key):
    """A key that types its character though Python does not call the character printable."""

    @property
    def is_printable(self) -> bool:
        return True


def typed_character(event: events.Key) -> str:
    """The character a key types, the full-width space included (a Pilot test's key comes
    without its character)."""
    if event.key == _WIDE_SPACE_KEY:
        return WIDE_SPACE
    return event.character or "" if event.is_printable else ""


class KeepsWideSpace:
    """Mixed into a text field before Textual's own class: the full-width space is typed."""

    def check_consume_key(self, key: str, character: str | None) -> bool:
        return key == _WIDE_SPACE_KEY or super().check_consume_key(key, character)

    async def _on_key(self, event: events.Key) -> None:
        if event.key != _WIDE_SPACE_KEY:
            await super()._on_key(event)
            return
        event.stop()  # typed here, or not at all (a read-only area): never a binding's key
        event.prevent_default()
        await super()._on_key(_TypedKey(event.key, WIDE_SPACE))


class TextField(KeepsWideSpace, Input):
    """A one-line text field."""


class TextBox(KeepsWideSpace, TextArea):
    """A multi-line text field."""
