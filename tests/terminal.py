"""A program in a pseudo-terminal, read the way a user reads it: its output is drawn on a
terminal emulator (pyte) and tests wait until the drawn screen shows a text. The raw byte
stream is no place to look: a redraw may split a word with cursor moves, or paint it in
pieces as it is typed."""

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pexpect
import pyte

WAIT_S = 30.0  # a busy machine may take this long to start the app


class Terminal:
    """`argv` running in a `rows`×`columns` pseudo-terminal, drawn on a pyte screen."""

    def __init__(self, argv: list[str], env: dict[str, str], rows: int, columns: int) -> None:
        self.screen = pyte.Screen(columns, rows)
        self._stream = pyte.Stream(self.screen)
        self.child = pexpect.spawn(
            argv[0],
            argv[1:],
            env=env,
            dimensions=(rows, columns),
            encoding="utf-8",
            codec_errors="replace",
        )

    def send(self, *keys: str) -> None:
        """Each key on its own, as a fast typist (pexpect waits 50 ms before each send)."""
        for key in keys:
            self.child.send(key)

    def text(self) -> str:
        """What the screen shows now, line by line."""
        return "\n".join(line.rstrip() for line in self.screen.display)

    def shows(self, text: str) -> bool:
        return any(text in line for line in self.screen.display)

    def cursor_line(self) -> str:
        """The line the cursor is on: the app puts it in the focused text field."""
        return self.screen.display[self.screen.cursor.y]

    def wait_for(self, text: str, timeout: float = WAIT_S) -> None:
        """Until `text` is drawn on one line of the screen."""
        self.wait_until(lambda: self.shows(text), timeout, f"{text!r} on the screen")

    def wait_until(
        self, condition: Callable[[], bool], timeout: float = WAIT_S, what: str = ""
    ) -> None:
        """Until `condition()` holds, drawing the program's output meanwhile (a program whose
        output nobody reads stops when the terminal's buffer fills)."""
        deadline = time.monotonic() + timeout
        while not condition():
            left = deadline - time.monotonic()
            if left <= 0 or not self._draw(min(0.1, left)):
                ended = "" if self.child.isalive() else " (the program ended)"
                raise AssertionError(f"waited for {what or condition}{ended}:\n{self.text()}")

    def wait_for_exit(self, timeout: float = WAIT_S) -> None:
        """Until the program has ended, drawing what it wrote before it went."""
        self.child.expect(pexpect.EOF, timeout=timeout)
        self._stream.feed(self.child.before)
        self.child.wait()

    def _draw(self, timeout: float) -> bool:
        """Feed what the program writes within `timeout` seconds to the screen; False once
        it has ended and nothing more can come."""
        try:
            self._stream.feed(self.child.read_nonblocking(65536, timeout))
        except pexpect.TIMEOUT:
            pass
        except pexpect.EOF:
            return False
        return True


def start_daicho(
    ledger: Path | str, tmp_path: Path, rows: int = 34, columns: int = 110
) -> Terminal:
    """A real `daicho` on `ledger` (a file, or a shared ledger's URL) in a UTF-8 xterm, once
    its main screen is up."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DAICHO_")}
    env.update(
        DAICHO_CONFIG=str(tmp_path / "config.toml"),
        TERM="xterm-256color",
        LANG="C.UTF-8",
        LC_ALL="C.UTF-8",
        XDG_DATA_HOME=str(tmp_path / "share"),
    )
    terminal = Terminal(
        [sys.executable, "-m", "daicho.cli", "--db", str(ledger)], env, rows, columns
    )
    terminal.wait_for("Vendors")
    return terminal
