"""The main screen's call log: starting a call, completing names, saving it in one go."""

import sqlite3

from textual import events

from daicho.data import calls, clock, vendors
from daicho.data.errors import DaichoError
from daicho.i18n import _
from daicho.screens.copying import call_source, copy_mail
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
    (`last_call_id`) until the user moves on: to another vendor, pane or field.
    """

    last_call_id: int | None = None

    def action_new_call(self) -> None:
        """Focus the form and start the clock, with the selected vendor filled in."""
        current = self.query_one(VendorList).current
        self.set_class(True, "-calling")
        self.query_one(CallForm).start(current.name if current else "")

    def on_call_form_vendor_changed(self, event: CallForm.VendorChanged) -> None:
        form = self.query_one(CallForm)
        vendor = vendors.find_vendor(event.name) if event.name.strip() else None
        form.set_vendor_status(vendor is not None or not event.name.strip())
        form.contact_names = [c.name for c in vendors.list_contacts(vendor.id)] if vendor else []

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
        except sqlite3.Error as error:
            self.notify(
                _("The ledger could not be written: {reason}", reason=error),
                title=_("Not saved"),
                severity="error",
                markup=False,
            )
            return
        form.clear()
        summary = saved_summary(call)
        form.show_saved(summary)
        self.set_class(False, "-calling")
        self.query_one(VendorList).focus_list()
        self.last_call_id = call.id
        if event.copy:
            self.notify(summary, markup=False)
            copy_mail(self, call_source(call.id))
        else:
            self.notify(summary + "\n" + _("y copies the confirmation email"), markup=False)
        self.refresh_ledger()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Saving puts the cursor on the vendors; any other focus is moving on from the call."""
        if not isinstance(event.widget, VendorRows):
            self.last_call_id = None

    def _log_call(self, values: CallFormValues):
        vendor = vendors.find_vendor(values.vendor_name)
        contact = vendors.find_contact(vendor.id, values.contact_name) if vendor else None
        return calls.log_call(
            vendor_id=vendor.id if vendor else None,
            new_vendor_name="" if vendor else values.vendor_name,
            contact_id=contact.id if contact else None,
            new_contact_name="" if contact else values.contact_name,
            direction=values.direction,
            channel=values.channel,
            started_at=clock.to_utc(values.started_at),
            duration_s=values.duration_s,
            subject=values.subject,
            notes=values.notes,
            decisions=values.decisions,
            follow_ups=values.follow_ups,
        )
