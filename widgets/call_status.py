"""The call form's status line: how long the call has lasted, and what the form has to say."""

from datetime import datetime

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from daicho.data.dates import clock


def local_now() -> datetime:
    """Now, as an aware local time (the clock module keeps time in one place)."""
    return clock.to_local(clock.utcnow())


class CallStatus(Horizontal):
    """`⏱ 03:12`, ticking each second while a call is open, then a message (literal text)."""

    DEFAULT_CSS = """
    CallStatus { height: 1; }
    CallStatus > #clock { width: auto; margin-right: 2; }
    CallStatus > #message { width: 1fr; color: $text-success; }
    CallStatus > #message.-error { color: $text-error; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.started_at: datetime | None = None
        self.showing_error = False

    def compose(self) -> ComposeResult:
        yield Static(id="clock", markup=False)
        yield Static(id="message", markup=False)

    def on_mount(self) -> None:
        self._ticker = self.set_interval(1, self._show_clock, pause=True)
        self._show_clock()

    def start_clock(self, at: datetime | None) -> None:
        """Run the clock from `at` (an aware local time); None stops it."""
        self.started_at = at.replace(microsecond=0) if at else None
        if self.started_at is None:
            self._ticker.pause()
        else:
            self._ticker.resume()
        self._show_clock()

    @property
    def duration_s(self) -> int:
        if self.started_at is None:
            return 0
        return max(0, int((local_now() - self.started_at).total_seconds()))

    def _show_clock(self) -> None:
        text = "⏱ --:--"
        if self.started_at is not None:
            minutes, seconds = divmod(self.duration_s, 60)
            hours, minutes = divmod(minutes, 60)
            text = (
                f"⏱ {hours}:{minutes:02}:{seconds:02}" if hours else f"⏱ {minutes:02}:{seconds:02}"
            )
        self.query_one("#clock", Static).update(text)

    def show(self, text: str, *, error: bool = False) -> None:
        message = self.query_one("#message", Static)
        message.update(text)
        message.set_class(error, "-error")
        self.showing_error = error
