"""The call log form, filled in during the call: faster than paper, and nothing typed is lost.

The form never touches the ledger. The screen sets `vendor_names`, `contact_names` and
`known_vendor`, and answers the messages: save, vendor changed, edited (for drafts), left.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.await_complete import AwaitComplete
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.reactive import reactive
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input, Label, Static, TextArea

from daicho.data.records import CALL_CHANNELS, CALL_DIRECTIONS, FollowUp
from daicho.i18n import N_, _
from daicho.widgets.call_status import CallStatus, local_now
from daicho.widgets.choice_field import ChoiceField
from daicho.widgets.completing_input import NAME_PLACEHOLDER, CompletingInput
from daicho.widgets.date_field import DateField, PastDueCheck
from daicho.widgets.discard_guard import DiscardGuard
from daicho.widgets.follow_up_row import FollowUpList
from daicho.widgets.text_fields import TextBox, TextField

EDIT_QUIET_S = 0.5  # an edit is reported once typing pauses this long
WIDE_FROM = 120  # columns from which notes and decisions sit side by side


@dataclass(frozen=True)
class CallFormValues:
    """What the form holds, ready for `log_call`; `started_at` is an aware local datetime."""

    vendor_name: str
    contact_name: str
    direction: str
    channel: str
    started_at: datetime
    duration_s: int
    subject: str
    notes: str
    decisions: list[str]
    follow_ups: list[FollowUp]
    errors: list[str]


def _time_from_draft(text: object) -> datetime | None:
    """The start time kept in a draft; a naive time is taken as local, a bad one as unknown."""
    try:
        started = datetime.fromisoformat(text) if isinstance(text, str) else None
    except ValueError:
        return None
    if started is None or started.tzinfo:
        return started
    return started.astimezone()


class CallForm(VerticalScroll, can_focus=False):
    """Vendor, contact, direction, channel, subject, notes, decisions and follow-ups."""

    DEFAULT_CSS = """
    CallForm { height: 1fr; padding: 0 1; }
    CallForm .line { height: 1; }
    CallForm .name { width: 11; padding-right: 1; color: $text-muted; }
    CallForm .inline-name { width: auto; padding: 0 1 0 2; color: $text-muted; }
    CallForm .line > Input { width: 1fr; }
    CallForm #vendor-hint { width: auto; padding: 0 1; color: $text-warning; }
    CallForm #texts { height: auto; }
    CallForm .block { height: auto; }
    CallForm TextArea { height: auto; min-height: 3; max-height: 8; padding: 0; }
    CallForm #notes { min-height: 4; }
    CallForm.-wide #texts { layout: horizontal; }
    CallForm.-wide .block { width: 1fr; margin-right: 2; }
    CallForm #follow-ups-title { margin-top: 1; color: $text-muted; }
    CallForm CallStatus { dock: bottom; }
    """
    BINDINGS: ClassVar = [
        Binding("ctrl+s", "save", N_("Save call"), id="call.save"),
        Binding("ctrl+o", "add_follow_up", N_("Add follow-up"), id="call.add_follow_up"),
        Binding("escape", "leave", N_("Leave form"), id="call.leave"),
        # Priority, so that it comes before the notes' own ctrl+y (redo).
        Binding(
            "ctrl+y", "save(True)", N_("Save and copy email"), id="call.save_copy", priority=True
        ),
        # Priority too, so that the guard decides: a character to delete, or a discard to
        # confirm.
        Binding(
            "ctrl+d", "discard", N_("Discard call"), show=False, id="call.discard", priority=True
        ),
    ]

    vendor_names: reactive[list[tuple[str, str]]] = reactive(list, init=False)
    """Set by the screen: names and readings the vendor field completes from."""
    contact_names: reactive[list[tuple[str, str]]] = reactive(list, init=False)
    """Set by the screen: the vendor's contacts and their readings, for the contact field."""
    known_vendor = reactive(False, init=False)
    """Set by the screen: is the typed vendor in the ledger? If not, it is saved as a prospect."""

    @dataclass
    class SaveRequested(Message):
        """ctrl+s with nothing wrong inline: the screen logs the call (ctrl+y: and copies it)."""

        values: CallFormValues
        copy: bool = False

    @dataclass
    class VendorChanged(Message):
        """The vendor text changed: the screen answers with contacts and known-vendor state."""

        name: str

    @dataclass
    class Edited(Message):
        """Typing paused after a change: time to keep a draft."""

    @dataclass
    class Left(Message):
        """escape: the user wants out; what was typed stays in the form."""

    @dataclass
    class Discarded(Message):
        """ctrl+d twice: the user threw the call away; the form is empty again."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._prefill = ("", "")
        self._reported: dict | None = None
        self._edit_timer: Timer | None = None
        self._last_focused: Widget | None = None
        self._past_due = PastDueCheck()
        self.discard_guard = DiscardGuard(self)

    def compose(self) -> ComposeResult:
        with Horizontal(classes="line"):
            yield Label(_("Vendor"), classes="name", markup=False)
            yield CompletingInput(id="vendor", compact=True, placeholder=_(NAME_PLACEHOLDER))
            yield Static(_("New vendor: saved as a prospect"), id="vendor-hint", markup=False)
        with Horizontal(classes="line"):
            yield Label(_("Contact"), classes="name", markup=False)
            yield CompletingInput(id="contact", compact=True)
        with Horizontal(classes="line"):
            yield Label(_("Direction"), classes="name", markup=False)
            yield ChoiceField(CALL_DIRECTIONS, id="direction")
            yield Label(_("Channel"), classes="inline-name", markup=False)
            yield ChoiceField(CALL_CHANNELS, id="channel")
        with Horizontal(classes="line"):
            yield Label(_("Subject"), classes="name", markup=False)
            yield TextField(id="subject", compact=True)
        with Vertical(id="texts"):
            with Horizontal(classes="block"):
                yield Label(_("Notes"), classes="name", markup=False)
                yield TextBox(id="notes", compact=True, tab_behavior="focus", soft_wrap=True)
            with Horizontal(classes="block"):
                yield Label(_("Decisions"), classes="name", markup=False)
                yield TextBox(
                    id="decisions",
                    compact=True,
                    tab_behavior="focus",
                    soft_wrap=True,
                    placeholder=_("One decision per line"),
                )
        yield Label(_("Follow-ups (ctrl+o adds one)"), id="follow-ups-title", markup=False)
        yield FollowUpList(id="follow-ups")
        yield CallStatus()

    def on_mount(self) -> None:
        self._show_vendor_hint()
        self._reported = self.snapshot()

    def watch_vendor_names(self, names: list[tuple[str, str]]) -> None:
        for field in self.query("#vendor").results(CompletingInput):
            field.set_names(names)
        self._show_vendor_hint()

    def watch_contact_names(self, names: list[tuple[str, str]]) -> None:
        for field in self.query("#contact").results(CompletingInput):
            field.set_names(names)

    def set_vendor_status(self, known: bool) -> None:
        """The screen's answer to `VendorChanged`: is the typed vendor in the ledger?"""
        self.known_vendor = known

    def watch_known_vendor(self) -> None:
        self._show_vendor_hint()

    def _input(self, name: str) -> Input:
        return self.query_one(f"#{name}", Input)

    def _text_area(self, name: str) -> TextArea:
        return self.query_one(f"#{name}", TextArea)

    def _choice(self, name: str) -> ChoiceField:
        return self.query_one(f"#{name}", ChoiceField)

    @property
    def _follow_ups(self) -> FollowUpList:
        return self.query_one(FollowUpList)

    @property
    def _status(self) -> CallStatus:
        return self.query_one(CallStatus)

    def _names(self) -> tuple[str, str]:
        return self._input("vendor").value, self._input("contact").value

    def _typed_beyond_names(self) -> bool:
        texts = [self._input("subject").value]
        texts += [self._text_area(name).text for name in ("notes", "decisions")]
        return any(text.strip() for text in texts) or not self._follow_ups.is_blank()

    def is_blank(self) -> bool:
        """Nothing typed anywhere (the two choices do not count)."""
        return not (any(name.strip() for name in self._names()) or self._typed_beyond_names())

    def has_content(self) -> bool:
        """Typed by the user, not just what `start` filled in."""
        names = self._names()
        own_names = names != self._prefill and any(name.strip() for name in names)
        return own_names or self._typed_beyond_names()

    def start(self, vendor_name: str = "", contact_name: str = "") -> None:
        """Open a call: start the clock and fill the vendor; keep a call already under way.

        Only what `start` itself filled in may be replaced, and only by another vendor.
        """
        if not self.has_content() and (vendor_name or self.is_blank()):
            self._input("vendor").value = vendor_name
            self._input("contact").value = contact_name
            self._prefill = (vendor_name, contact_name)
            self._status.start_clock(local_now())
            self._status.show("")
            self._reported = self.snapshot()  # a prefilled vendor alone is no draft yet
            self._last_focused = self._entry_field()
        elif self._status.started_at is None:
            self._status.start_clock(local_now())
        self.focus()

    def _entry_field(self) -> Widget:
        return self._input("subject" if self._input("vendor").value.strip() else "vendor")

    def focus(self, scroll_visible: bool = True) -> "CallForm":
        """Back to the field last used, else to where a new call starts."""
        last = self._last_focused
        target = last if last is not None and last.is_attached else self._entry_field()
        self._last_focused = target  # focusing is deferred: a second call must see this one
        target.focus(scroll_visible)
        return self

    def show_saved(self, text: str) -> None:
        """A one-line confirmation of the saved call, shown literally."""
        self._status.show("✓ " + text)

    def _show_vendor_hint(self) -> None:
        """A name not in the ledger, and not one whose reading finds a vendor, is saved as a
        new prospect: said beside it."""
        for hint in self.query("#vendor-hint"):
            field = self.query_one("#vendor", CompletingInput)
            typed = field.value.strip() and not field.by_reading
            hint.display = bool(typed) and not self.known_vendor

    def _problems(self) -> list[tuple[Widget, str]]:
        """Inline errors with the field to fix, in the order of the form."""
        problems: list[tuple[Widget, str]] = []
        if not self._input("vendor").value.strip():
            error = _("{what} cannot be empty", what=_("Vendor name"))
            problems.append((self._input("vendor"), error))
        return problems + self._follow_ups.problems()

    def values(self) -> CallFormValues:
        """Everything needed to log the call, with any inline errors."""
        decisions = self._text_area("decisions").text.splitlines()
        return CallFormValues(
            vendor_name=self._input("vendor").value.strip(),
            contact_name=self._input("contact").value.strip(),
            direction=self._choice("direction").value,
            channel=self._choice("channel").value,
            started_at=self._status.started_at or local_now(),
            duration_s=self._status.duration_s,
            subject=self._input("subject").value.strip(),
            notes=self._text_area("notes").text,
            decisions=[line.strip() for line in decisions if line.strip()],
            follow_ups=self._follow_ups.follow_ups(),
            errors=[text for _, text in self._problems()],
        )

    def snapshot(self) -> dict:
        """Everything typed, as plain JSON, for a draft."""
        started_at = self._status.started_at
        return {
            "vendor": self._input("vendor").value,
            "contact": self._input("contact").value,
            "direction": self._choice("direction").value,
            "channel": self._choice("channel").value,
            "subject": self._input("subject").value,
            "notes": self._text_area("notes").text,
            "decisions": self._text_area("decisions").text,
            "follow_ups": self._follow_ups.snapshot(),
            "started_at": started_at.isoformat() if started_at else None,
        }

    def load(self, values: dict) -> AwaitComplete:
        """Restore a `snapshot()`; await it to be sure the follow-up rows are mounted."""
        self._status.show("")
        return self._fill(values)

    def clear(self) -> AwaitComplete:
        """Empty the form for the next call: no text, default choices, clock stopped.

        A message from `show_saved` stays, so the screen may show it before or after.
        """
        return self._fill({})

    def _fill(self, values: dict) -> AwaitComplete:
        if self._status.showing_error:
            self._status.show("")
        self._status.start_clock(_time_from_draft(values.get("started_at")))
        for name in ("vendor", "contact", "subject"):
            self._input(name).value = str(values.get(name, ""))
        self._choice("direction").value = str(values.get("direction", "incoming"))
        self._choice("channel").value = str(values.get("channel", "phone"))
        for name in ("notes", "decisions"):
            self._text_area(name).text = str(values.get(name, ""))
        self._prefill = ("", "")
        self._past_due = PastDueCheck()  # a new call: its dates are asked about afresh
        rows = self._follow_ups.load(values.get("follow_ups") or [])

        async def settle() -> None:
            # What was just loaded is no edit: only later changes are reported.
            await rows
            self._reported = self.snapshot()

        return AwaitComplete(settle())

    def action_save(self, copy: bool = False) -> None:
        problems = self._problems()
        if problems:
            self._status.show(" · ".join(text for _, text in problems), error=True)
            problems[0][0].focus()
            return
        values = self.values()
        past_due = self._past_due.notice(*(follow_up.due for follow_up in values.follow_ups))
        if past_due:
            self._status.show(past_due, error=True)
            return
        if self._status.showing_error:
            self._status.show("")
        self.post_message(self.SaveRequested(values, copy))

    async def action_add_follow_up(self) -> None:
        """To a blank follow-up row when there is one (the form starts with one), else to a
        new row."""
        blank = next((row for row in self._follow_ups.rows if row.is_blank()), None)
        row = blank or await self._follow_ups.add()
        row.focus()

    def action_leave(self) -> None:
        self.post_message(self.Left())

    async def action_discard(self) -> None:
        if not self.discard_guard.pressed(self.snapshot(), blank=not self.has_content()):
            return
        await self.clear()
        self._reported = self.snapshot()
        self._status.show(_("Call discarded"))
        self.post_message(self.Discarded())

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width >= WIDE_FROM, "-wide")

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        self._last_focused = event.widget
        self.discard_guard.cancel()

    def on_key(self) -> None:
        self.discard_guard.cancel()  # ctrl+d, a priority binding, never comes here

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(ChoiceField.Changed)
    @on(DateField.Changed)
    def _field_changed(self, event: Message) -> None:
        """Changes stay inside the form; the screen hears the form's own messages."""
        event.stop()
        if isinstance(event, Input.Changed) and event.input.id == "vendor":
            self._show_vendor_hint()
            self.post_message(self.VendorChanged(event.value.strip()))

        self._edited()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in a one-line field moves on, as Tab does."""
        event.stop()
        self.screen.focus_next()

    def _edited(self) -> None:
        """Something changed: start the clock on the first text, re-check shown errors."""
        if self._status.started_at is None and not self.is_blank():
            self._status.start_clock(local_now())
        if self._status.showing_error:
            problems = self._problems()
            self._status.show(" · ".join(text for _, text in problems), error=bool(problems))
        if self._edit_timer is not None:
            self._edit_timer.stop()
        self._edit_timer = self.set_timer(EDIT_QUIET_S, self._report_edit)

    def _report_edit(self) -> None:
        snapshot = self.snapshot()
        if snapshot != self._reported:
            self._reported = snapshot
            self.post_message(self.Edited())
