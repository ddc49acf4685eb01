"""A real `daicho` in a pseudo-terminal fed what terminals send besides keys (DESIGN §10):
a paste holding ESC is text, and a byte that is not UTF-8 is replaced with a notice."""

import os

from hypothesis import given
from hypothesis import strategies as st
from terminal import Terminal, start_daicho
from textual import events
from textual._xterm_parser import BRACKETED_PASTE_END, BRACKETED_PASTE_START

from daicho.data.ledger import close_ledger, open_ledger
from daicho.data.text import pasted_text
from daicho.terminal_input import PasteAsText

NOT_UTF8 = "not sending UTF-8"


def _started(tmp_path) -> Terminal:
    ledger = tmp_path / "daicho.db"
    open_ledger(ledger)
    close_ledger()
    return start_daicho(ledger, tmp_path)


def _quit(terminal: Terminal) -> None:
    terminal.child.sendcontrol("q")
    terminal.wait_for_exit()


def test_a_paste_holding_escape_and_ctrl_d_is_text_not_keys(tmp_path):
    """A pasted `ESC q ^D` fired "Call discarded": the bytes after ESC were read as keys."""
    terminal = _started(tmp_path)
    terminal.send("n")
    terminal.wait_until(lambda: "Vendor" in terminal.cursor_line(), what="the vendor field")
    terminal.send(*"Acme", *"\t" * 4)
    terminal.wait_until(lambda: "Subject" in terminal.cursor_line(), what="the subject field")
    terminal.send("\x1b[200~" + "abc\x1bq\x04def" + "\x1b[201~", *"!")
    terminal.wait_until(lambda: "abcqdef!" in terminal.cursor_line(), what="the pasted text")
    assert terminal.child.isalive()
    assert not terminal.shows("discarded")
    _quit(terminal)


def test_a_byte_that_is_not_utf8_is_replaced_and_told_once(tmp_path):
    """A Shift_JIS `あ` (82 A0) ended the app with a traceback and exit status 0."""
    terminal = _started(tmp_path)
    terminal.send("n")
    terminal.wait_until(lambda: "Vendor" in terminal.cursor_line(), what="the vendor field")
    os.write(terminal.child.child_fd, b"\x82\xa0")
    terminal.wait_for(NOT_UTF8)
    terminal.send(*"Zeta")
    terminal.wait_until(lambda: "\ufffd\ufffdZeta" in terminal.cursor_line(), what="typing on")
    os.write(terminal.child.child_fd, b"\x82\xa0")
    terminal.send(*"Co")
    terminal.wait_until(lambda: "Zeta\ufffd\ufffdCo" in terminal.cursor_line(), what="more")
    assert terminal.text().count(NOT_UTF8) == 1
    _quit(terminal)


PIECES = st.sampled_from(["\x1b", "\x1b[", "\x1b[20", "[201~", "\x04", "\x00", "\r\n", "q", "あ"])


@given(
    before=st.text(alphabet="ab"),
    pasted=st.lists(PIECES | st.text(max_size=3), max_size=10).map("".join),
    size=st.integers(1, 8),
)
def test_a_paste_in_any_pieces_is_one_paste_less_its_controls(before, pasted, size):
    """However the reads split it, a paste reaches the app whole, as text, and no keys."""
    while BRACKETED_PASTE_END in pasted:  # terminals strip ESC from a paste; taking one
        pasted = pasted.replace(BRACKETED_PASTE_END, "")  # out may join the rest into another
    sent = before + BRACKETED_PASTE_START + pasted + BRACKETED_PASTE_END
    parser = PasteAsText()
    got = [e for n in range(0, len(sent), size) for e in parser.feed(sent[n : n + size])]
    got += parser.feed("")
    assert [e.key for e in got if isinstance(e, events.Key)] == list(before)
    assert [e.text for e in got if isinstance(e, events.Paste)] == [pasted_text(pasted)]
