"""What the terminal sends, read as text (DESIGN §10): a paste is text even when it holds
ESC, and a byte that is not UTF-8 is replaced and told, never a crash.

Both are Textual's (8.2.8), worked around here until it changes:
- its XTermParser takes an ESC inside a bracketed paste for the start of a key sequence and
  sends what follows as key presses (a pasted `ESC q ^D` discarded a call); no upstream
  report was found, so the paste is stripped of its controls before the parser reads it;
- its LinuxDriver decodes stdin with a strict UTF-8 decoder, whose error ends the input
  thread and the app (https://github.com/Textualize/textual/issues/6456, still open).
The driver makes both in `run_input_thread` from its module's names, which is what
`read_terminal_as_text` replaces.
"""

import codecs
from collections.abc import Callable
from functools import partial

from textual._xterm_parser import BRACKETED_PASTE_END, BRACKETED_PASTE_START, XTermParser
from textual.driver import Driver

from daicho.data.text import pasted_text

_LINUX_DRIVER = "textual.drivers.linux_driver"


def read_terminal_as_text(driver: type[Driver], on_undecodable: Callable[[], None]) -> None:
    """Make `driver` (Textual's own on Linux and macOS) read pastes as text and undecodable
    bytes as U+FFFD, calling `on_undecodable` (from its input thread) the first time."""
    if driver.__module__ != _LINUX_DRIVER:
        return
    from textual.drivers import linux_driver

    linux_driver.XTermParser = PasteAsText
    linux_driver.getincrementaldecoder = lambda _encoding: partial(
        TolerantUtf8Decoder, on_undecodable
    )


class PasteAsText(XTermParser):
    """Textual's parser, fed each bracketed paste less its controls, so that nothing in a
    paste can reach the parser as an escape sequence.

    The markers may come split across reads: the last few characters fed outside a paste
    are kept to find a start marker, and a paste's last few characters wait for the next
    read when they may be the start of its end marker.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._in_paste = False
        self._before = ""  # the end of what was fed outside a paste, already passed on
        self._held = ""  # the end of a paste that may begin its end marker, not passed on

    def feed(self, data: str):
        if not data:
            return super().feed(data)  # the end of input
        text = self._as_text(data)
        return super().feed(text) if text else ()

    def _as_text(self, data: str) -> str:
        out: list[str] = []
        while data:
            if self._in_paste:
                data, self._held = self._held + data, ""
                end = data.find(BRACKETED_PASTE_END)
                if end == -1:
                    keep = _marker_start(data, BRACKETED_PASTE_END)
                    out.append(pasted_text(data[: len(data) - keep]))
                    self._held = data[len(data) - keep :]
                    break
                out += [pasted_text(data[:end]), BRACKETED_PASTE_END]
                data = data[end + len(BRACKETED_PASTE_END) :]
                self._in_paste = False
            else:
                seen = self._before + data
                start = seen.find(BRACKETED_PASTE_START)
                if start == -1:
                    out.append(data)
                    self._before = seen[-(len(BRACKETED_PASTE_START) - 1) :]
                    break
                after = start + len(BRACKETED_PASTE_START) - len(self._before)
                out.append(data[:after])
                data, self._before, self._in_paste = data[after:], "", True
        return "".join(out)


def _marker_start(text: str, marker: str) -> int:
    """How many of `text`'s last characters are the start of `marker`."""
    return next(
        (n for n in range(len(marker) - 1, 0, -1) if text.endswith(marker[:n])),
        0,
    )


class TolerantUtf8Decoder(codecs.BufferedIncrementalDecoder):
    """UTF-8 as the terminal sends it; what is not UTF-8 becomes U+FFFD, and the first time
    `on_undecodable` is called (a Shift_JIS or EUC-JP terminal, or a stray byte)."""

    def __init__(self, on_undecodable: Callable[[], None], errors: str = "strict") -> None:
        super().__init__(errors)
        self._on_undecodable: Callable[[], None] | None = on_undecodable

    def _buffer_decode(self, data, errors: str, final: bool) -> tuple[str, int]:
        try:
            return codecs.utf_8_decode(data, "strict", final)
        except UnicodeDecodeError:
            if self._on_undecodable is not None:
                self._on_undecodable()
                self._on_undecodable = None
            return codecs.utf_8_decode(data, "replace", final)
