"""The main screen's call log: starting a call, completing names, saving it in one go."""

from functools import cached_property

from textual import events

from daicho.data import calls, drafts, vendors
from daicho.data.chasing import can_chase
from daicho.data.dates import clock
from daicho.data.errors import DaichoError
from daicho.data.ledger import LEDGER_ERRORS, ledger_version
from daicho.data.names.readings import has_kanji, prepare_readings
from daicho.data.records import CallRecord
from daicho.i18n import _
from daicho.screens.support.copying import call_source, copy_mail
from daicho.screens.support.draft_keeping import DraftKeeper
from daicho.screens.support.ledger_access import read_ledger
from daicho.widgets.call_form import CallForm, CallFormValues
from daicho.widgets.call_form_chase import ChaseLink
from daicho.widgets.queue_table import QueueTable
from daicho.widgets.vendor_list import VendorList, VendorRows


def saved_summary(call) -> str:
    """One line confirming a saved call: time, vendor, subject, what it holds."""
    when = clock.to_local(call.started_at).strftime("%H:%M")
    return _(
        "Saved {time} {vendor} — {subject} (decisions: {decisions}, follow-ups: {follow_ups})",
        time=when,
        vendor=call.vendor_name,
        subject=call.subject or "…",
        decisions=len(call.decisions),
        follow_ups=len(call.follow_ups),
    )


class CallLogging:
    """Mixed into MainScreen: everything the call form asks of the ledger.

    Right after a save the cursor is back on the vendors, and `y` copies the call just saved
    (`last_call_id`) until the user moves on: to another vendor, pane or field. A vendor
    made by the call is selected, though the list hides prospects, and a notice says so.
    """

    _data_version: int | None = None  # the ledger's commit count last seen (other windows)

    last_call_id: int | None = None
    _last_call_vendor: int | None = None

    def vendor_selected(self, vendor_id: int | None) -> None:
        """Moving to another vendor is moving on from the call just saved."""
        if vendor_id != self._last_call_vendor:
            self.last_call_id = None

    def action_new_call(self) -> None:
        """Focus the form and start the clock, with the selected vendor filled in; from an
        open request we wait on in the queue, with its vendor, and the call chases it."""
        current = self.query_one(VendorList).current
        self.last_call_id = None
        self.set_class(True, "-calling")
        form = self.query_one(CallForm)
        table = self.query_one(QueueTable)
        request = table.current if self.focused is table else None
        if request is not None and can_chase(request):
            link = ChaseLink(request.id, request.subject, request.vendor_name)
            form.start(request.vendor_name, chasing=link)
        else:
            form.start(current.name if current else "")

    def on_call_form_vendor_changed(self, event: CallForm.VendorChanged) -> None:
        self.look_up_call_vendor(event.name)

    def look_up_call_vendor(self, name: str) -> None:
        """Whether the typed vendor is known, and its contacts (off the UI: typing never waits)."""

        def read() -> tuple[bool, list[tuple[str, str]]]:
            vendor = vendors.find_vendor(name) if name.strip() else None
            if vendor is None:
                return not name.strip(), []
            return True, [(c.name, c.reading) for c in vendors.list_contacts(vendor.id)]

        read_ledger(self, read, lambda found: self._call_vendor_found(*found), kind="call-vendor")
        if has_kanji(name):  # a new vendor or contact saved with the call is sorted by its
            # reading, read from the name: the dictionary loads now, before the save needs it
            self.run_worker(
                prepare_readings, thread=True, group="readings", exclusive=True, exit_on_error=False
            )

    def _call_vendor_found(self, known: bool, contacts: list[tuple[str, str]]) -> None:
        form = self.query_one(CallForm)
        form.set_vendor_status(known)
        form.contact_names = contacts

    # --- drafts: nothing typed is lost (DESIGN §10) ------------------------------------

    @cached_property
    def call_draft(self) -> DraftKeeper:
        """The call's draft; our own write is no reason to reload."""

        def values() -> dict | None:
            return self.query_one(CallForm).draft_values()

        return DraftKeeper(self, drafts.CALL_FORM, values, written=self._own_write_seen)

    def on_call_form_edited(self, event: CallForm.Edited) -> None:
        self.call_draft.changed()

    def on_call_form_discarded(self, event: CallForm.Discarded) -> None:
        """The call is over, as after saving: the cursor goes back to the vendors."""
        self.call_draft.drop()
        self.set_class(False, "-calling")
        self.query_one(VendorList).focus_list()

    def _own_write_seen(self) -> None:
        self._data_version = ledger_version()

    def restore_call_draft(self, draft: drafts.DraftRecord | None) -> None:
        """Put back the call that was being typed when the app last stopped, and say so,
        with the cursor in it: the keys the notice names work at once."""
        if draft is None:
            return
        form = self.query_one(CallForm)
        form.load(draft.content)
        self.set_class(True, "-calling")
        form.focus()
        self.notify(
            _(
                "Restored the call you were typing ({time}): ctrl+s saves it,"
                " ctrl+d twice discards it",
                time=self.call_draft.restored(draft),
            ),
            timeout=10,
            markup=False,
        )

    def on_call_form_left(self, event: CallForm.Left) -> None:
        self.set_class(False, "-calling")
        self.query_one(VendorList).focus_list()

    def on_call_form_save_requested(self, event: CallForm.SaveRequested) -> None:
        form = self.query_one(CallForm)
        try:
            call = self._log_call(event.values)
        except DaichoError as error:
            self.notify(str(error), title=_("Not saved"), severity="error", markup=False)
            return
        except LEDGER_ERRORS as error:
            self.notify(
                _("The ledger could not be written: {reason}", reason=error),
                title=_("Not saved"),
                severity="error",
                markup=False,
            )
            return
        self.call_draft.drop()
        form.clear()
        summary = saved_summary(call)
        form.show_saved(summary)
        self.set_class(False, "-calling")
        self.query_one(VendorList).focus_list()
        self.last_call_id, self._last_call_vendor = call.id, call.vendor_id
        if event.copy:
            self.notify(summary, markup=False)
            copy_mail(self, call_source(call.id))
        else:
            self.notify(summary + "\n" + _("y copies the confirmation email"), markup=False)
        if call.new_vendor:
            self.notify(_new_prospect_notice(call.vendor_name), timeout=10, markup=False)
            self.show_saved_vendor(call.vendor_id)
        else:
            self.refresh_ledger()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Saving puts the cursor on the vendors; a focus elsewhere is moving on from the
        call. The form's own fields do not count: emptying it after the save may focus one
        for a moment, and a new call (`n`) forgets the last one itself."""
        widget = event.widget
        if not isinstance(widget, VendorRows) and CallForm not in map(type, widget.ancestors):
            self.last_call_id = None

    def _log_call(self, values: CallFormValues) -> CallRecord:
        """The call saved with its vendor and contact as typed (the service finds or makes
        them as it saves)."""
        return calls.log_call(**{**vars(values), "started_at": clock.to_utc(values.started_at)})


def _new_prospect_notice(vendor: str) -> str:
    return _(
        "{vendor} was added to the vendors as a prospect: h shows or hides prospects",
        vendor=vendor,
    )
