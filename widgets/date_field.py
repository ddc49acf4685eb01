"""A due-date field: type `+3`, `fri`, `来週金曜`…; the parsed date shows beside it as you type."""

from dataclasses import dataclass
from datetime import date

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Static

from daicho.data import clock
from daicho.data.dates import DateError, parse_due
from daicho.data.due_notes import describe_due
from daicho.i18n import _


class DateField(Horizontal):
    """An Input plus a hint: the parsed date, or an inline error. Never raises on bad text."""

    DEFAULT_CSS = """
    DateField { height: 1; width: 1fr; }
    DateField > Input { width: 1fr; min-width: 10; }
    DateField > .hint { width: auto; max-width: 60%; padding: 0 1; color: $text-muted; }
    DateField > .hint.-error { color: $text-error; }
    """

    @dataclass
    class Changed(Message):
        """The text changed: `due` is the parsed date (None when empty or invalid)."""

        field: "DateField"
        due: date | None
        error: str

        @property
        def control(self) -> "DateField":
            return self.field

    def __init__(self, value: str = "", *, placeholder: str = "", **kwargs) -> None:
        super().__init__(**kwargs)
        self._initial = value
        self._placeholder = placeholder or _("due: +3, fri, 11/30, 来週金曜")
        self.due: date | None = None
        self.error = ""

    def compose(self) -> ComposeResult:
        yield Input(self._initial, placeholder=self._placeholder, compact=True)
        yield Static("", classes="hint", markup=False)

    def on_mount(self) -> None:
        self._parse(self._initial)

    @property
    def input(self) -> Input:
        return self.query_one(Input)

    @property
    def text(self) -> str:
        return self.input.value

    @text.setter
    def text(self, value: str) -> None:
        self.input.value = value

    def focus(self, scroll_visible: bool = True) -> "DateField":
        self.input.focus(scroll_visible)
        return self

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._parse(event.value)
        self.post_message(self.Changed(self, self.due, self.error))

    def _parse(self, text: str) -> None:
        hint = self.query_one(".hint", Static)
        today = clock.today()
        try:
            self.due, self.error = parse_due(text, today), ""
        except DateError as error:
            self.due, self.error = None, str(error)
        hint.set_class(bool(self.error), "-error")
        if self.error:
            hint.update(self.error)
        else:
            hint.update(describe_due(self.due, today) if self.due else "")
