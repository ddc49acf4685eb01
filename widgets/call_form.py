"""The call log form, filled in during the call: faster than paper, and nothing typed is lost.

The form never touches the ledger. The screen sets `vendor_names`, `contact_names` and
`known_vendor`, and answers the messages: save, vendor changed, edited (for drafts), left.
Its values as a draft holds them, taken and put back, are in widgets/call_form_draft.py.
"""

from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Input, Label, Static, TextArea

from daicho.data.dates import clock
from daicho.data.records import CALL_CHANNELS, CALL_DIRECTIONS, CallFields, FollowUp
from daicho.i18n import N_, _
from daicho.widgets.call_form_chase import ChaseLine, ChaseLink
from daicho.widgets.call_form_draft import CallFormDraft
from daicho.widgets.call_status import CallStatus, local_now
from daicho.widgets.choice_field import ChoiceField
from daicho.widgets.completing_input import NAME_PLACEHOLDER, CompletingInput
from daicho.widgets.date_field import DateField, PastDueCheck
from daicho.widgets.discard_guard import DiscardGuard
from daicho.widgets.follow_up_row import FollowUpList
from daicho.widgets.text_fields import TextBox, TextField

WIDE_FROM = 120  # columns from which decisions and the memo sit side by side


@dataclass(frozen=True)
class CallFormValues(CallFields):
    """What the form holds, ready for `log_call`; `started_at` is an aware local datetime."""

    decisions: list[str]
    follow_ups: list[FollowUp]
    chasing: tuple[int, ...] = ()  # the request the call chases (widgets/call_form_chase.py)


class CallForm(CallFormDraft, VerticalScroll, can_focus=False):
    """Vendor, contact, direction, channel, subject, decisions, internal memo, follow-ups."""

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
    CallForm #internal_notes { min-height: 4; }
    CallForm.-wide #texts { layout: horizontal; }
    CallForm.-wide .block { width: 1fr; margin-right: 2; }
    CallForm #follow-ups-title { margin-top: 1; color: $text-muted; }
    CallForm CallStatus { dock: bottom; }
    """
    BINDINGS: ClassVar = [
        Binding("ctrl+s", "save", N_("Save call"), id="call.save"),
        Binding("ctrl+o", "add_follow_up", N_("Add follow-up"), id="call.add_follow_up"),
        Binding("escape", "leave", N_("Leave form"), id="call.leave"),
        # Priority, so that it comes before the text boxes' own ctrl+y (redo).
        Binding(
            "ctrl+y", "save(True)", N_("Save and copy email"), id="call.save_copy", priority=True
        ),
        # Priority too, so that the guard decides: a character to delete, or a discard to
        # confirm.
        Binding(
            "ctrl+d", "discard", N_("Discard call"), show=False, id="call.discard", priority=True
        ),
        Binding("ctrl+g", "not_a_chase", N_("Not a chase"), id="call.not_a_chase"),
    ]

    vendor_names: reactive[list[tuple[str, str]]] = reactive(list, init=False)
    """Set by the screen: names and readings the vendor field completes from."""
    contact_names: reactive[list[tuple[str, str]]] = reactive(list, init=False)
    """Set by the screen: the vendor's contacts and their readings, for the contact field."""
    known_vendor = reactive(False, init=False)
    """Set by the screen: is the typed vendor in the ledger? If not, it is saved as a prospect."""
    today: reactive[date] = reactive(clock.today, init=False)
    """Set by the screen: the app's today, for the follow-ups' dates and the past-due check."""

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
        """A field changed: the screen keeps a draft once typing pauses."""

    @dataclass
    class Left(Message):
        """escape: the user wants out; what was typed stays in the form."""

    @dataclass
    class Discarded(Message):
        """ctrl+d twice: the user threw the call away; the form is empty again."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._prefill = ("", "")
        self._last_focused: Widget | None = None
        self._past_due = PastDueCheck()
        self.discard_guard = DiscardGuard(self)

    def compose(self) -> ComposeResult:
        with Horizontal(classes="line"):
            yield Label(_("Vendor"), classes="name", markup=False)
            yield CompletingInput(id="vendor", compact=True, placeholder=_(NAME_PLACEHOLDER))
            yield Static(_("New vendor: saved as a prospect"), id="vendor-hint", markup=False)
        yield ChaseLine()
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
            yield from _text_block(_("Decisions"), "decisions", _("One decision per line"))
            memo_hint = _("Stays inside: never put in a mail")
            yield from _text_block(_("Internal memo"), "internal_notes", memo_hint)
        yield Label(_("Follow-ups (ctrl+o adds one)"), id="follow-ups-title", markup=False)
        yield FollowUpList(id="follow-ups")
        yield CallStatus()

    def on_mount(self) -> None:
        self._show_vendor_hint()

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

    def watch_today(self, today: date) -> None:
        for field in self.query(DateField):
            field.today = today

    def watch_known_vendor(self) -> None:
        self._show_vendor_hint()

    def start(
        self, vendor_name: str = "", contact_name: str = "", chasing: ChaseLink | None = None
    ) -> None:
        """Open a call: start the clock and fill the vendor; keep a call already under way.
        `chasing`: the request of that vendor the new call is about, chased when it is saved.

        Only what `start` itself filled in may be replaced, and only by another vendor.
        """
        if not self.has_content() and (vendor_name or self.is_blank()):
            self._input("vendor").value = vendor_name
            self._input("contact").value = contact_name
            self._chase_line.link = chasing
            self._prefill = (vendor_name, contact_name)
            self._status.start_clock(local_now())
            self._status.show("")
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
            internal_notes=self._text_area("internal_notes").text,
            decisions=[line.strip() for line in decisions if line.strip()],
            follow_ups=self._follow_ups.follow_ups(),
            chasing=(link.request_id,) if (link := self._chase_line.link) else (),
        )

    def action_save(self, copy: bool = False) -> None:
        problems = self._problems()
        if problems:
            self._status.show(" · ".join(text for _, text in problems), error=True)
            problems[0][0].focus()
            return
        values = self.values()
        past_due = self._past_due.notice((row.due for row in values.follow_ups), self.today)
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
        row.due_field.today = self.today
        row.focus()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "not_a_chase":
            return self._chase_line.link is not None
        return True

    def action_not_a_chase(self) -> None:
        """The call is not about the request after all: saving it chases nothing."""
        self._chase_line.link = None
        self.refresh_bindings()
        self._edited()

    def action_leave(self) -> None:
        self.post_message(self.Left())

    async def action_discard(self) -> None:
        if not self.discard_guard.pressed(self.snapshot(), blank=not self.has_content()):
            return
        await self.clear()
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
            link = self._chase_line.link
            if link is not None and event.value.strip() != link.vendor_name:
                self._chase_line.link = None  # a call with another vendor chases nothing of it
                self.refresh_bindings()

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
        self.post_message(self.Edited())


def _text_block(name: str, box_id: str, placeholder: str) -> ComposeResult:
    """A labelled box of a few lines that Tab leaves (decisions, the memo)."""
    with Horizontal(classes="block"):
        yield Label(name, classes="name", markup=False)
        yield TextBox(
            id=box_id, compact=True, tab_behavior="focus", soft_wrap=True, placeholder=placeholder
        )
