"""A due-date field: type `+3`, `fri`, `来週金曜`…; the parsed date shows beside it as you type.

A date on a closed day says so and offers the business day before (ctrl+b); a due date in
the past is saved only when asked for twice (`PastDueCheck`, for every form with a due date).
A screen may suggest a date (from the vendor's answers): shown while the field is empty, Tab
takes it.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Input, Static

from daicho.data.dates import clock
from daicho.data.dates.kept import KeptDate, kept_date, text_to_show
from daicho.data.dates.notes import closed_day_note, describe_due, named_day
from daicho.data.dates.parse import DateError, parse_due
from daicho.data.dates.settings import business_calendar
from daicho.i18n import N_, _
from daicho.widgets.text_fields import TextField


class DateField(Horizontal):
    """An Input plus a hint: the parsed date, or an inline error. Never raises on bad text."""

    DEFAULT_CSS = """
    DateField { height: auto; width: 1fr; }
    DateField > Input { width: 1fr; min-width: 10; }
    DateField > .hint { width: auto; max-width: 60%; padding: 0 1; color: $text-muted; }
    DateField > .hint.-closed { max-width: 75%; color: $text-warning; }
    DateField > .hint.-error { color: $text-error; }
    DateField.-suggesting { layout: vertical; }
    DateField.-suggesting > .hint { max-width: 100%; }
    DateField > .hint.-suggested { text-style: italic; }
    """
    BINDINGS: ClassVar = [
        Binding("ctrl+b", "business_day_before", N_("Business day before"), id="date.before"),
        Binding("tab", "take_suggestion", N_("Take the suggested date"), id="date.suggestion"),
    ]

    today: reactive[date] = reactive(clock.today, init=False)
    """What `+3` counts from: the app's today, set by the screen (until then, the clock's)."""
    suggestion: reactive[tuple[date, str] | None] = reactive(None, init=False)
    """Set by the screen: a date the empty field may take with Tab, and why (`usually answers
    in 4 business days`); None for none."""

    @dataclass
    class Changed(Message):
        """The text changed: `date` is the parsed date (None when empty or invalid)."""

        field: "DateField"
        date: date | None
        error: str

        @property
        def control(self) -> "DateField":
            return self.field

    def __init__(self, value: str = "", *, placeholder: str = "", **kwargs) -> None:
        super().__init__(**kwargs)
        self._initial = value
        self._placeholder = placeholder or _("due: +3, fri, 11/30, 来週金曜")
        self.date: date | None = None
        self.error = ""
        self.closed = False  # the date falls on a weekend, holiday or closed day

    @classmethod
    def from_draft(cls, kept: object, **kwargs) -> "DateField":
        """A field showing a date kept by a draft (see `draft_value`)."""
        return cls(text_to_show(kept, clock.today()), **kwargs)

    def compose(self) -> ComposeResult:
        yield TextField(self._initial, placeholder=self._placeholder, compact=True)
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

    @property
    def draft_value(self) -> KeptDate:
        """What a draft keeps: the date the text means and the text, so `+3` keeps its day."""
        return kept_date(self.text, self.today)

    @draft_value.setter
    def draft_value(self, kept: object) -> None:
        """Show a kept date: as typed while the text still means it, else the date itself."""
        self.text = text_to_show(kept, self.today)

    def focus(self, scroll_visible: bool = True) -> "DateField":
        self.input.focus(scroll_visible)
        return self

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "business_day_before":
            return self.closed
        if action == "take_suggestion":  # else Tab moves on as everywhere
            return self.suggestion is not None and not self.text
        return True

    def action_take_suggestion(self) -> None:
        """Fill the empty field with the suggested date; the next Tab moves on."""
        if self.suggestion is not None and not self.text:
            self.text = self.suggestion[0].isoformat()
            self.input.cursor_position = len(self.text)

    def watch_suggestion(self) -> None:
        """The suggestion goes under the field (it is long), and the hint stays there while
        typing, so that the fields below do not jump."""
        self.set_class(self.suggestion is not None, "-suggesting")
        self._parse(self.text)

    def action_business_day_before(self) -> None:
        """Take the business day before the closed day typed, written as a date."""
        if self.date is not None and self.closed:
            self.text = business_calendar().on_or_before(self.date).isoformat()
            self.input.cursor_position = len(self.text)

    def watch_today(self) -> None:
        """Past midnight `+3` still means the date it showed; only the hint's words move
        ("tomorrow" becomes "today")."""
        if self.date is not None:
            self._parse(self.date.isoformat())

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._parse(event.value)
        self.post_message(self.Changed(self, self.date, self.error))

    def _parse(self, text: str) -> None:
        hint = self.query_one(".hint", Static)
        today = self.today
        try:
            self.date, self.error = parse_due(text, today), ""
        except DateError as error:
            self.date, self.error = None, str(error)
        note = closed_day_note(self.date) if self.date else ""
        self.closed = bool(note)
        suggested = self.suggestion if not text else None
        hint.set_class(bool(self.error), "-error")
        hint.set_class(self.closed, "-closed")
        hint.set_class(suggested is not None, "-suggested")
        if suggested is not None:
            day, why = suggested
            hint.update(_("{why} → {due} (tab)", why=why, due=named_day(day)))
        elif self.error:
            hint.update(self.error)
        elif note:
            hint.update(_("{due}; {note} (ctrl+b)", due=describe_due(self.date, today), note=note))
        else:
            hint.update(describe_due(self.date, today) if self.date else "")
        self.refresh_bindings()


class PastDueCheck:
    """A due date in the past is saved only when asked for twice: a form's first save names
    the date and stops; saving again with the same dates goes ahead. Only the form's own
    fields are looked at, so it takes no database."""

    def __init__(self) -> None:
        self._told: frozenset[date] = frozenset()

    def notice(self, dues: Iterable[date | None], today: date) -> str:
        """ "" when the save may go ahead; else the notice to show instead of saving."""
        past = frozenset(due for due in dues if due is not None and due < today)
        new = past - self._told
        self._told |= past
        if not new:
            return ""
        return _("{date} is in the past: ctrl+s again saves it anyway", date=named_day(min(new)))
