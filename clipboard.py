"""Putting text on the clipboard, and saying how it got there (DESIGN §8).

The system clipboard (pyperclip) works on a desktop; over SSH only the terminal's clipboard
(OSC 52) reaches the user, and some terminals ignore it. So the app tries them in turn and
tells the user which one took the text. Kept free of Textual: the terminal's clipboard needs
the running app, which hands in the function that writes to it.
"""

import base64
from collections.abc import Callable
from typing import Protocol

import pyperclip

from daicho.data.errors import DaichoError
from daicho.i18n import _


class CopyFailed(DaichoError):
    """The text did not reach this clipboard; the message says why, for the user."""


class Clipboard(Protocol):
    def copy(self, text: str) -> str:
        """Put `text` on the clipboard and say how ("to the system clipboard");
        raise CopyFailed when it could not."""
        ...


class SystemClipboard:
    """The desktop's clipboard through pyperclip: xclip, xsel or wl-copy on Linux."""

    def copy(self, text: str) -> str:
        try:
            pyperclip.copy(text)
            pasted = pyperclip.paste()
        except pyperclip.PyperclipException as error:
            reason = str(error).splitlines()[0] if str(error) else type(error).__name__
            raise CopyFailed(
                _("the system clipboard cannot be used: {reason}", reason=reason)
            ) from error
        # xclip "succeeds" when its display is gone (a stale DISPLAY in tmux over SSH): read
        # the text back, so that the notice never claims a copy that did not happen.
        if _plain(pasted) != _plain(text):
            raise CopyFailed(_("the system clipboard did not keep the text"))
        return _("to the system clipboard")


# The longest OSC 52 payload (base64) that common terminals and tmux pass on; a longer one
# is dropped without a word, so the app must not claim the copy.
OSC52_LIMIT = 74_994


class TerminalClipboard:
    """The terminal's own clipboard, by an OSC 52 escape sequence written to the terminal.

    `write` sends the text (Textual's `App.copy_to_clipboard`); `reachable` says whether a
    terminal is there to receive it. Whether the terminal honours OSC 52 cannot be known,
    but a text over what terminals take (`OSC52_LIMIT`) is known not to arrive.
    """

    def __init__(self, write: Callable[[str], None], reachable: Callable[[], bool]) -> None:
        self.write = write
        self.reachable = reachable

    def copy(self, text: str) -> str:
        if not self.reachable():
            raise CopyFailed(_("no terminal is attached to take the text"))
        size = len(base64.b64encode(text.encode("utf-8")))
        if size > OSC52_LIMIT:
            raise CopyFailed(
                _(
                    "the text is too large for the terminal's clipboard"
                    " ({size} KB; terminals take about {limit} KB)",
                    size=size // 1000,
                    limit=OSC52_LIMIT // 1000,
                )
            )
        self.write(text)
        return _("via the terminal (OSC 52) — works if your terminal allows it")


class FirstThatWorks:
    """Each clipboard in turn until one takes the text; all their reasons when none does."""

    def __init__(self, *clipboards: Clipboard) -> None:
        self.clipboards = clipboards

    def copy(self, text: str) -> str:
        reasons = []
        for clipboard in self.clipboards:
            try:
                return clipboard.copy(text)
            except CopyFailed as error:
                reasons.append(str(error))
        raise CopyFailed("; ".join(reasons))


def _plain(text: str) -> str:
    """Text as any clipboard gives it back: Windows line ends and a trailing newline vary."""
    return text.replace("\r\n", "\n").rstrip("\n")
