"""One request in full: its fields, the call it came from, and its history, oldest first.

Every change is made here through the request services and then read back from the ledger,
so what the screen shows is always what was stored.
"""

from datetime import date
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalGroup, VerticalGroup, VerticalScroll
from textual.widgets import Static

from daicho.data import calls, requests
from daicho.data.chasing import can_chase
from daicho.data.contracts.reminders import reminding_contract
from daicho.data.dates.style import full_date
from daicho.data.errors import DaichoError
from daicho.data.ledger import LEDGER_ERRORS
from daicho.data.records import REQUEST_STATUSES, CallRecord, RequestEventRecord, RequestRecord
from daicho.data.today_words import chased_words
from daicho.i18n import N_, _
from daicho.i18n.labels import field_label, label
from daicho.screens.bases.detail import DetailScreen
from daicho.screens.mixins.follows_ledger import FollowsLedger
from daicho.screens.support.copying import MailSource, request_source
from daicho.screens.support.ledger_access import read_ledger
from daicho.screens.support.rendering import (
    DIRECTION_MARKS,
    by_whom,
    due_line,
    facts,
    local_time,
    stored_day,
)
from daicho.widgets.key_bar import KeyBar

# Which statuses each change makes sense from; the footer shows only those that do.
_CHANGES_FROM = {
    "answer": ("open",),
    "close_request": ("open", "answered"),
    "cancel_request": ("open",),
    "reopen": ("answered", "closed", "cancelled"),
    "redate": REQUEST_STATUSES,
    "note": REQUEST_STATUSES,
    "edit": REQUEST_STATUSES,
}


class RequestDetailScreen(FollowsLedger, DetailScreen):
    """The request `request_id`; dismisses with None when left (escape)."""

    DEFAULT_CSS = """
    RequestDetailScreen #request-detail { height: 1fr; }
    RequestDetailScreen #request-title { text-style: bold; margin-bottom: 1; }
    RequestDetailScreen #request-fields, RequestDetailScreen #request-history { width: 1fr; }
    RequestDetailScreen #request-history { padding-left: 2; }
    RequestDetailScreen .section { color: $text-accent; text-style: bold; }
    RequestDetailScreen.-narrow #request-columns { layout: vertical; }
    RequestDetailScreen.-narrow #request-history { padding-left: 0; margin-top: 1; }
    """
    BINDINGS: ClassVar = [
        Binding("x", "answer", N_("Answered/done"), id="request.answer"),
        Binding("t", "redate", N_("Re-date"), id="request.redate"),
        Binding("c", "close_request", N_("Close request"), id="request.close"),
        Binding("o", "reopen", N_("Reopen"), id="request.reopen"),
        Binding("k", "cancel_request", N_("Cancel request"), id="request.cancel"),
        Binding("m", "note", N_("Add note"), id="request.note"),
        Binding("u", "chase", N_("Chase"), id="request.chase"),
        Binding("w", "next_chase", N_("Next chase date"), id="request.next_chase"),
        Binding("e", "edit", N_("Edit"), id="request.edit"),
    ]
    HELP_TITLE = N_("Request detail")
    AUTO_FOCUS = "#request-detail"

    def __init__(self, request_id: int) -> None:
        super().__init__()
        self.request_id = request_id
        self.request: RequestRecord | None = None

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="request-detail", classes="pane") as pane:
            pane.border_title = _("Request #{id}", id=self.request_id)
            yield Static(id="request-title")
            with HorizontalGroup(id="request-columns"):
                yield Static(id="request-fields")
                with VerticalGroup(id="request-history"):
                    yield Static(_("History"), classes="section", markup=False)
                    yield Static(id="history-lines")
        yield KeyBar()

    def on_mount(self) -> None:
        self.reload()

    def on_resize(self, event) -> None:
        self.set_class(event.size.width < 110, "-narrow")

    def watch_today(self, today) -> None:
        """A new day: the due line's words and colour move with it."""
        super().watch_today(today)
        self.reload()

    def reload(self) -> None:
        read_ledger(self, self._read, self._show, kind="request")

    def ledger_changed(self) -> None:
        self.reload()

    def _read(self) -> tuple:
        """The request, its history, the call it came from and the contract whose renewal
        reminder made it (None for either when there is none)."""
        request = requests.get_request(self.request_id)
        call = calls.get_call(request.call_id) if request.call_id else None
        contract = reminding_contract(self.request_id)
        return request, requests.request_history(self.request_id), call, contract

    def _show(self, loaded: tuple) -> None:
        request, history, call, contract = loaded
        self.request = request
        self.query_one("#request-title", Static).update(Text(request.subject))
        fields = self._fields(request, call, contract)
        self.query_one("#request-fields", Static).update(fields)
        self.query_one("#history-lines", Static).update(_history(history))
        self.refresh_bindings()

    def _fields(
        self, request: RequestRecord, call: CallRecord | None, contract: tuple[int, str] | None
    ) -> Table:
        mark = DIRECTION_MARKS.get(request.direction, "")
        texts = (
            (_("Details"), request.body),
            (_("Internal memo"), request.internal_notes),
            (_("Answer"), request.answer),
        )
        from_call = "—"
        if call is not None:
            from_call = Text.assemble((local_time(call.started_at), "dim"), "  ", call.subject)
        return facts(
            [
                (_("Direction"), f"{mark} {label(request.direction)}"),
                (_("Vendor"), request.vendor_name),
                (_("Contact"), request.contact_name or "—"),
                (_("Status"), label(request.status)),
                (_("Priority"), label(request.priority)),
                (_("Assignee"), request.assignee or "—"),
                (_("Due"), due_line(self.deadline(request), self)),
                *_chasing_facts(request, self.today),
                (_("From call"), from_call),
                *([(_("From contract"), contract[1])] if contract else []),
                (_("Created"), by_whom(request.created_at, request.created_by)),
                (_("Updated"), by_whom(request.updated_at, request.changed_by)),
                *((name, text) for name, text in texts if text),
            ]
        )

    def mail_source(self) -> MailSource:
        return request_source(self.request_id, self.app.config.soon_days)

    # --- changes ------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action in ("chase", "next_chase"):  # only what we wait on the vendor for
            return self.request is not None and can_chase(self.request)
        if action not in _CHANGES_FROM:
            return True
        return self.request is not None and self.request.status in _CHANGES_FROM[action]

    def action_answer(self) -> None:
        from daicho.screens.answer_prompt import AnswerPrompt

        self.app.push_screen(AnswerPrompt(self.request), self._after_prompt)

    def action_redate(self) -> None:
        from daicho.screens.redate_prompt import RedatePrompt

        self.app.push_screen(RedatePrompt(self.request), self._after_prompt)

    def action_note(self) -> None:
        from daicho.screens.note_prompt import NotePrompt

        self.app.push_screen(NotePrompt(self.request), self._after_prompt)

    def action_chase(self) -> None:
        from daicho.screens.chase_prompt import ChasePrompt

        self.app.push_screen(ChasePrompt(self.request), self._after_prompt)

    def action_next_chase(self) -> None:
        from daicho.screens.next_chase_prompt import NextChasePrompt

        self.app.push_screen(NextChasePrompt(self.request), self._after_prompt)

    def action_edit(self) -> None:
        from daicho.screens.request_edit_form import RequestEditForm

        self.app.push_screen(RequestEditForm(self.request), self._after_prompt)

    def action_close_request(self) -> None:
        self._change(requests.close_request)

    def action_reopen(self) -> None:
        self._change(requests.reopen_request)

    def action_cancel_request(self) -> None:
        self._change(requests.cancel_request)

    def _change(self, change) -> None:
        """Make a one-key change to the request as shown; what the ledger refuses (someone
        changed it since: data/versions.py) shows as a notice, and the request as it is now."""
        try:
            change(self.request_id, expected_version=self.request.version)
        except DaichoError as error:
            self.notify(str(error), severity="error", markup=False)
        except LEDGER_ERRORS as error:
            reason = _("The ledger could not be written: {reason}", reason=error)
            self.notify(reason, severity="error", markup=False)
        self.reload()

    def _after_prompt(self, result: RequestRecord | None) -> None:
        if result is not None:
            self.reload()


def _chasing_facts(request: RequestRecord, today: date) -> list[tuple[str, str]]:
    """How the vendor was chased and when next, for the lines that have something to say."""
    facts = []
    if request.times_chased and request.last_chased is not None:
        chased = (
            chased_words(request.times_chased, request.last_chased, today)
            + " · "
            + local_time(request.last_chased)
        )
        facts.append((_("Chased"), chased))
    if request.next_chase is not None:
        facts.append((_("Next chase"), full_date(request.next_chase)))
    if request.snoozed_until is not None:
        facts.append((_("Snoozed until"), full_date(request.snoozed_until)))
    return facts


def _history(events: list[RequestEventRecord]) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="dim", no_wrap=True)
    table.add_column(no_wrap=True)
    table.add_column(ratio=1, overflow="fold")
    for event in events:
        change = _change_text(event)
        if event.note:
            change.append_text(Text.assemble("\n" if change else "", (event.note, "italic")))
        when = Text(by_whom(event.at, event.created_by))
        table.add_row(when, Text(_event_kind(event.kind)), change)
    return table


def _event_kind(kind: str) -> str:
    return {
        "created": _("created"),
        "status_changed": _("status"),
        "due_changed": _("due date"),
        "note_added": _("note"),
        "edited": _("edited"),
        "chase": _("chase"),
        "next_chase_changed": _("next chase"),
        "snoozed": _("snoozed"),
    }.get(kind, kind)


def _change_text(event: RequestEventRecord) -> Text:
    """Old → new in words: statuses by their labels, dates as dates, edited fields by name."""
    if event.kind in ("created", "status_changed"):
        old, new = label(event.old_value), label(event.new_value)
    elif event.kind == "chase":  # how the vendor was chased; what was said is the note
        return Text(label(event.new_value))
    elif event.kind in ("due_changed", "next_chase_changed", "snoozed"):
        old = stored_day(event.old_value) if event.old_value else _("none")
        new = stored_day(event.new_value) if event.new_value else _("none")
    elif event.kind == "edited":
        names = [field_label(name.strip()) for name in event.new_value.split(",")]
        return Text(", ".join(names))
    else:
        return Text()
    return Text.assemble((old, "dim"), " → ", new) if old else Text(new)
