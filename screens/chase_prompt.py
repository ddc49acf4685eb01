"""Chasing the vendor (`u`, 催促, DESIGN §12): the chase is recorded now, by a channel, with an
optional one-line note and the day to chase next; `u` then `enter` records the common case.

The channel starts at the one the user last chased by (read off the UI thread; until it
arrives, a save leaves the choice to the ledger, which makes the same one). The next chase
date shows the one already set while it is still to come: left as it is, it stays; emptied,
it goes. A date that has come is not shown: this chase is the one it asked for.
"""

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input

from daicho.data.chasing import chase_request, last_chase_channel
from daicho.data.records import CALL_CHANNELS, RequestRecord
from daicho.i18n import N_, _
from daicho.screens.bases.form import FieldError, choice, line, row
from daicho.screens.bases.request_prompt import RequestPrompt
from daicho.screens.support.ledger_access import read_ledger
from daicho.widgets.choice_field import ChoiceField
from daicho.widgets.date_field import DateField


class ChasePrompt(RequestPrompt):
    """Dismisses with the chased RequestRecord, or None when cancelled."""

    AUTO_FOCUS = "#chase-note"
    DRAFT_FORM = "chase"
    BINDINGS: ClassVar = [
        Binding("enter", "save", N_("Save"), id="chase.save"),
    ]

    def __init__(self, request: RequestRecord) -> None:
        super().__init__(_("Chase"), request)
        self._channel_known = False  # the channel shown is the user's last, or their choice

    def compose_prompt(self) -> ComposeResult:
        yield from row(_("Channel"), choice(CALL_CHANNELS, CALL_CHANNELS[0], id="channel"))
        placeholder = _("optional: what was said")
        yield from row(_("Note"), line(id="chase-note", placeholder=placeholder))
        upcoming = self.request.next_chase
        shown = upcoming.isoformat() if upcoming and upcoming > self.today else ""
        placeholder = _("optional: +3, fri, 来週金曜")
        yield from row(_("Next chase"), DateField(shown, id="next-chase", placeholder=placeholder))

    def on_mount(self) -> None:
        read_ledger(self, last_chase_channel, self._show_last_channel, kind="chase-channel")

    def _show_last_channel(self, channel: str) -> None:
        """The user's last channel, unless they chose one already (or a draft put one back)."""
        field = self.query_one("#channel", ChoiceField)
        if self._channel_known or field.value != CALL_CHANNELS[0]:
            self._channel_known = True
            return
        self._channel_known = True
        field.value = channel
        if self._opened_with is not None:  # what the form opened with, not a change to keep
            self._opened_with["channel"] = channel

    @on(ChoiceField.Changed, "#channel")
    def _channel_chosen(self, event: ChoiceField.Changed) -> None:
        if self._opened_with is not None and event.value != self._opened_with.get("channel"):
            self._channel_known = True

    @on(Input.Submitted)
    def _save_on_enter(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def save(self) -> RequestRecord:
        field = self.query_one("#next-chase", DateField)
        if field.error:
            raise FieldError(field.error, "next-chase")
        if field.date is not None and field.date <= self.today:
            raise FieldError(_("The next chase is a day after today"), "next-chase")
        channel = self.query_one("#channel", ChoiceField).value if self._channel_known else None
        return chase_request(
            self.request.id,
            channel,
            self.query_one("#chase-note", Input).value,
            field.date,
            expected_version=self.read_version,
        )
