"""The main screen's call log: starting a call, completing names, saving it in one go."""

from textual import events

from daicho.data import calls, drafts, vendors
from daicho.data.dates import clock
from daicho.data.errors import DaichoError
from daicho.data.ledger import LEDGER_ERRORS, ledger_version
from daicho.data.names.readings import has_kanji, prepare_readings
from daicho.data.records import CallRecord
from daicho.i18n import _
from daicho.screens.support.copying import call_source, copy_mail
from daicho.screens.support.draft_keeping import keep_draft
from daicho.screens.support.ledger_access import read_ledger
from daicho.widgets.call_form import CallForm, CallFormValues
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

    _call_draft: dict | None = None  # what the next draft write keeps (None: no draft)
    _data_version: int | None = None  # the ledger's commit count last seen (other windows)

    last_call_id: int | None = None
    _last_call_vendor: int | None = None

    def vendor_selected(self, vendor_id: int | None) -> None:
        """Moving to another vendor is moving on from the call just saved."""
        if vendor_id != self._last_call_vendor:
            self.last_call_id = None

    def action_new_call(self) -> None:
        """Focus the form and start the clock, with the selected vendor filled in."""
        current = self.query_one(VendorList).current
        self.last_call_id = None
        self.set_class(True, "-calling")
        self.query_one(CallForm).start(current.name if current else "")

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

    def on_call_form_edited(self, event: CallForm.Edited) -> None:
        form = self.query_one(CallForm)
        self._call_draft = None if form.is_blank() else form.snapshot()
        self.keep_call_draft()

    def on_call_form_discarded(self, event: CallForm.Discarded) -> None:
        """The call is over, as after saving: the cursor goes back to the vendors."""
        self._call_draft = None
        self.keep_call_draft()
        self.set_class(False, "-calling")
        self.query_one(VendorList).focus_list()

    def keep_call_draft(self) -> None:
        """Write the latest draft (or its absence); our own write is no reason to reload."""
        keep_draft(self, drafts.CALL_FORM, "", lambda: self._call_draft, self._own_write_seen)

    def _own_write_seen(self) -> None:
        self._data_version = ledger_version()

    def restore_call_draft(self, draft: drafts.DraftRecord | None) -> None:
        """Put back the call that was being typed when the app last stopped, and say so,
        with the cursor in it: the keys the notice names work at once."""
        if draft is None:
            return
        self._call_draft = draft.content
        form = self.query_one(CallForm)
        form.load(draft.content)
        self.set_class(True, "-calling")
        form.focus()
        when = clock.to_local(draft.updated_at).strftime("%m/%d %H:%M")
        self.notify(
            _(
                "Restored the call you were typing ({time}): ctrl+s saves it,"
                " ctrl+d twice discards it",
                time=when,
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
        self._call_draft = None
        self.keep_call_draft()
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
        return calls.log_call(
            vendor_name=values.vendor_name,
            contact_name=values.contact_name,
            direction=values.direction,
            channel=values.channel,
            started_at=clock.to_utc(values.started_at),
            duration_s=values.duration_s,
            subject=values.subject,
            notes=values.notes,
            decisions=values.decisions,
            follow_ups=values.follow_ups,
        )


def _new_prospect_notice(vendor: str) -> str:
    return _(
        "{vendor} was added to the vendors as a prospect: h shows or hides prospects",
        vendor=vendor,
    )
