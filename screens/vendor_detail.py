"""One vendor: its fields, its contacts, and a timeline of its calls, requests and contracts'
events, newest first.

The timeline reads a page at a time and the next page when the cursor nears the end, so a
vendor with thousands of calls opens as fast as one with three.
"""

from dataclasses import replace
from functools import partial
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from daicho.data import requests, timeline, vendors
from daicho.data.answer_times import AnswerTime, answer_times, business_days_words
from daicho.data.names.phones import display_phone
from daicho.data.records import CallRecord, ContactRecord, RequestRecord, VendorRecord
from daicho.data.timeline import ContractMoment, TimelineEntry
from daicho.i18n import N_, _
from daicho.i18n.labels import label
from daicho.screens.bases.detail import DetailScreen
from daicho.screens.mixins.contracts_section import ContractsSection
from daicho.screens.mixins.follows_ledger import FollowsLedger
from daicho.screens.support.copying import (
    MailSource,
    call_source,
    copy_text,
    request_source,
    vendor_source,
)
from daicho.screens.support.ledger_access import read_ledger
from daicho.screens.support.rendering import (
    DIRECTION_MARKS,
    due_cell,
    facts,
    local_time,
    stored_day,
    who_text,
)
from daicho.widgets.key_bar import KeyBar
from daicho.widgets.vendor_contracts import VendorContracts

PAGE = 50
LOAD_AHEAD = 10  # read the next page when the cursor is this close to the end
INDENT = "    "


class VendorDetailScreen(ContractsSection, FollowsLedger, DetailScreen):
    """The vendor `vendor_id`; dismisses with None when left (escape)."""

    DEFAULT_CSS = """
    VendorDetailScreen #vendor-side { width: 40%; min-width: 30; max-width: 72; }
    VendorDetailScreen #vendor-info { height: auto; max-height: 50%; }
    VendorDetailScreen #contacts { height: 1fr; min-height: 5; }
    VendorDetailScreen #vendor-main { width: 1fr; }
    VendorDetailScreen #timeline { height: 1fr; }
    VendorDetailScreen #vendor-contracts { height: auto; max-height: 30%; }
    """
    BINDINGS: ClassVar = [
        Binding("a", "add_contact", N_("Add contact"), id="vendor_detail.add_contact"),
        Binding("e", "edit_contact", N_("Edit contact"), id="vendor_detail.edit_contact"),
        Binding("p", "copy_phone", N_("Copy phone number"), id="vendor_detail.copy_phone"),
        Binding("C", "new_contract", N_("New contract"), id="vendor_detail.new_contract"),
        # Priority, so that it shows in the footer ahead of the list's own silent `enter`.
        Binding("enter", "open", N_("Open"), id="vendor_detail.open", priority=True),
    ]
    HELP_TITLE = N_("Vendor detail")
    AUTO_FOCUS = "#timeline"

    def __init__(self, vendor_id: int) -> None:
        super().__init__()
        self.vendor_id = vendor_id
        self.contacts: list[ContactRecord] = []
        self.entries: list[TimelineEntry] = []
        self._timeline_ended = False
        self._timeline_loading = False
        self._expanded: set[int] = set()  # calls whose memos are shown
        self._select_contact: int | None = None
        self._select_entry = 0  # where the cursor goes on a timeline read again
        self._vendor_phone = ""
        self._vendor_name = ""

    def compose(self) -> ComposeResult:
        with Horizontal():
            with Vertical(id="vendor-side"):
                yield VerticalScroll(Static(id="vendor-fields"), id="vendor-info", classes="pane")
                yield OptionList(id="contacts", classes="pane")
            with Vertical(id="vendor-main"):
                yield OptionList(id="timeline", classes="pane")
                yield VendorContracts(id="vendor-contracts", classes="pane")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#contacts").border_title = _("Contacts")
        self.query_one("#timeline").border_title = _("Timeline")
        self.query_one(VendorContracts).border_title = _("Contracts")
        self.load_vendor()
        self.load_contracts()
        self.load_timeline_page()

    # --- the vendor and its contacts ---------------------------------------------------

    def load_vendor(self) -> None:
        """The vendor, its contacts and how fast it answers (as of the screen's today)."""
        today = self.today

        def read() -> tuple[VendorRecord, list[ContactRecord], AnswerTime | None]:
            vendor = vendors.get_vendor(self.vendor_id)
            contacts = vendors.list_contacts(self.vendor_id)
            return vendor, contacts, answer_times(today, self.vendor_id).get(self.vendor_id)

        read_ledger(self, read, self._show_vendor, kind="vendor")

    def _show_vendor(
        self, loaded: tuple[VendorRecord, list[ContactRecord], AnswerTime | None]
    ) -> None:
        vendor, self.contacts, answer_time = loaded
        self._vendor_phone, self._vendor_name = vendor.phone, vendor.name
        info = self.query_one("#vendor-info")
        info.border_title = Text(vendor.name)
        info.border_subtitle = who_text(vendor)
        self.query_one("#vendor-fields", Static).update(_vendor_facts(vendor, answer_time))
        contacts = self.query_one("#contacts", OptionList)
        contacts.set_options(
            [Option(_contact_prompt(contact)) for contact in self.contacts]
            or [Option(_("No contacts yet: a adds one"), disabled=True)]
        )
        ids = [contact.id for contact in self.contacts]
        if ids:
            selected = self._select_contact
            contacts.highlighted = ids.index(selected) if selected in ids else 0
        self.refresh_bindings()

    @property
    def current_contact(self) -> ContactRecord | None:
        index = self.query_one("#contacts", OptionList).highlighted
        return self.contacts[index] if index is not None and index < len(self.contacts) else None

    def action_add_contact(self) -> None:
        from daicho.screens.contact_form import ContactForm

        self.app.push_screen(ContactForm(self.vendor_id), self._contact_saved)

    def action_edit_contact(self) -> None:
        from daicho.screens.contact_form import ContactForm

        if contact := self.current_contact:
            self.app.push_screen(ContactForm(self.vendor_id, contact), self._contact_saved)

    def _phone_to_copy(self) -> str:
        """The selected contact's phone (else mobile) in the contacts pane, else the vendor's."""
        contact = self.current_contact
        if contact is not None and self.focused is self.query_one("#contacts"):
            return contact.phone or contact.mobile or self._vendor_phone
        return self._vendor_phone

    def action_copy_phone(self) -> None:
        """`p`: a phone number on the clipboard as it was typed (shown normalised)."""
        if phone := self._phone_to_copy():
            copy_text(self.app, phone)

    def _contact_saved(self, contact: ContactRecord | None) -> None:
        if contact is None:
            return
        renamed = any(
            shown.id == contact.id and shown.name != contact.name for shown in self.contacts
        )
        self._select_contact = contact.id
        self.load_vendor()
        self.query_one("#contacts").focus()  # on the contact just saved: `p` copies their phone
        if renamed:  # the calls on the timeline name their contact
            self._restart_timeline()

    def ledger_changed(self) -> None:
        """The vendor, its contacts and its timeline again, the cursors where they were (on
        the timeline, within its first page)."""
        if contact := self.current_contact:
            self._select_contact = contact.id
        self.load_vendor()
        self.load_contracts()
        self._restart_timeline()

    # --- the timeline ------------------------------------------------------------------

    def _restart_timeline(self) -> None:
        """The first page read again, put in place of what is shown when it arrives (never
        a blank timeline meanwhile), the cursor where it was within that page."""
        self._select_entry = self.query_one("#timeline", OptionList).highlighted or 0
        self._timeline_loading = True  # no older page is asked for meanwhile
        read = partial(timeline.vendor_timeline, self.vendor_id, PAGE, None)
        read_ledger(self, read, self._timeline_read_again, kind="timeline")

    def _timeline_read_again(self, page: list[TimelineEntry]) -> None:
        self.entries.clear()
        self.query_one("#timeline", OptionList).clear_options()
        self._add_entries(None, page)

    def load_timeline_page(self) -> None:
        """Read the page after the last entry shown (the first page when none is)."""
        if self._timeline_ended or self._timeline_loading:
            return
        self._timeline_loading = True
        before = self.entries[-1] if self.entries else None
        read = partial(timeline.vendor_timeline, self.vendor_id, PAGE, before)
        read_ledger(self, read, partial(self._add_entries, before), kind="timeline")

    def _add_entries(self, before: TimelineEntry | None, page: list[TimelineEntry]) -> None:
        if before is not (self.entries[-1] if self.entries else None):
            return  # read before the timeline was started again
        self._timeline_loading = False
        self._timeline_ended = len(page) < PAGE
        options = self.query_one("#timeline", OptionList)
        if not self.entries and not page:
            options.add_option(Option(_("No calls or requests yet"), disabled=True))
        self.entries.extend(page)
        options.add_options(Option(self._entry_prompt(entry)) for entry in page)
        if options.highlighted is None and self.entries:
            options.highlighted = min(self._select_entry, len(self.entries) - 1)
        if self._timeline_ended:
            options.border_subtitle = _("{count} in all", count=len(self.entries))
        else:
            options.border_subtitle = _("{count} shown, more below", count=len(self.entries))
        self.refresh_bindings()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        near_the_end = event.option_index >= len(self.entries) - LOAD_AHEAD
        if event.option_list.id == "timeline" and near_the_end:
            self.load_timeline_page()
        self.refresh_bindings()

    @property
    def current_entry(self) -> TimelineEntry | None:
        index = self.query_one("#timeline", OptionList).highlighted
        return self.entries[index] if index is not None and index < len(self.entries) else None

    def mail_source(self) -> MailSource:
        """The call or request under the timeline's cursor; from the contacts, the vendor."""
        entry = self.current_entry
        if entry is None or self.focused is not self.query_one("#timeline") or entry.contract:
            return vendor_source(self.vendor_id)
        if entry.call:
            return call_source(entry.call.id)
        return request_source(entry.request.id, self.app.config.soon_days)

    def _entry_prompt(self, entry: TimelineEntry) -> Text:
        if entry.call:
            return _call_prompt(entry.call, entry.call.id in self._expanded)
        if entry.contract:
            return _contract_prompt(entry.at, entry.contract)
        return _request_prompt(entry.request, due_cell(self.deadline(entry.request), self))

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "edit_contact":
            return self.current_contact is not None
        if action == "copy_phone":
            return bool(self._phone_to_copy()) or None  # dimmed: no number to copy
        if action == "open":
            focused = self.focused.id if self.focused else None
            if focused == "contacts":
                return self.current_contact is not None
            if focused == "vendor-contracts":
                return self.query_one(VendorContracts).current is not None
            return focused == "timeline" and self.current_entry is not None
        return True

    def action_open(self) -> None:
        """On a contact: edit it. On a request or a contract's event: its detail. On a call:
        show or hide its memo."""
        if self.focused is self.query_one("#contacts"):
            self.action_edit_contact()
            return
        if self.focused is self.query_one(VendorContracts):
            self.open_contract(self.query_one(VendorContracts).current.contract.id)
            return
        entry = self.current_entry
        if entry.request:
            from daicho.screens.request_detail import RequestDetailScreen

            request_id = entry.request.id
            self.app.push_screen(
                RequestDetailScreen(request_id), lambda _result: self.reload_request(request_id)
            )
        elif entry.contract:
            from daicho.screens.contract_detail import ContractDetail

            # Renewed, ended or cancelled there: new entries on the way back.
            contract = ContractDetail(entry.contract.contract_id)
            self.app.push_screen(contract, lambda _result: self._restart_timeline())
        else:
            self._expanded ^= {entry.call.id}
            self._update_entry(entry)

    def watch_today(self, today) -> None:
        """A new day: the requests' due words and colours move with it, and the 12 months
        the answer time is taken over."""
        super().watch_today(today)
        self.load_vendor()
        self.load_contracts()
        for entry in self.entries:
            if entry.request:
                self._update_entry(entry)

    def reload_request(self, request_id: int) -> None:
        """Show a request's line as it is now, after its detail screen may have changed it."""
        read = partial(requests.get_request, request_id)
        read_ledger(self, read, self._request_reloaded, kind=f"request-{request_id}")

    def _request_reloaded(self, request: RequestRecord) -> None:
        for entry in self.entries:
            if entry.request and entry.request.id == request.id:
                self._update_entry(replace(entry, request=request))

    def _update_entry(self, entry: TimelineEntry) -> None:
        index = next(i for i, shown in enumerate(self.entries) if shown.key == entry.key)
        self.entries[index] = entry
        options = self.query_one("#timeline", OptionList)
        options.replace_option_prompt_at_index(index, self._entry_prompt(entry))


def _vendor_facts(vendor: VendorRecord, answer_time: AnswerTime | None) -> Table:
    return facts(
        [
            (_("Reading"), vendor.reading),
            (_("Category"), label(vendor.category)),
            (_("Status"), label(vendor.status)),
            (_("Phone"), display_phone(vendor.phone)),
            (_("Web"), vendor.website),
            (_("Tags"), " ".join(vendor.tags)),
            (_("Answers"), _answer_time_words(answer_time)),
            (_("Notes"), vendor.notes),
        ]
    )


def _answer_time_words(found: AnswerTime | None) -> str:
    """`in 4 business days (median of 12 answers, last 12 months)`, beside "Answers"."""
    if found is None:
        return _("— (none in the last 12 months)")
    span = business_days_words(found.median_days)
    if found.answers == 1:
        return _("in {span} (1 answer, last 12 months)", span=span)
    return _(
        "in {span} (median of {count} answers, last 12 months)", span=span, count=found.answers
    )


def _contact_prompt(contact: ContactRecord) -> Text:
    """Name (reading), a primary mark; role and department; the ways to reach them (phone
    numbers in their normal form, data/names/phones.py); notes."""
    text = Text(contact.name, style="bold")
    if contact.reading:
        text.append(f" ({contact.reading})", style="dim")
    if contact.is_primary:
        text.append("  " + _("primary"), style="reverse")
    reach = (display_phone(contact.phone), display_phone(contact.mobile), contact.email)
    for line, style in (
        (" · ".join(filter(None, (contact.role, contact.department))), ""),
        ("  ".join(filter(None, reach)), ""),
        (contact.notes, "dim italic"),
    ):
        if line:
            text.append("\n" + _indented(line), style=style)
    return text


def _call_prompt(call: CallRecord, expanded: bool) -> Text:
    """When, how, subject and who; its decisions beneath; its internal memo too when opened,
    under a heading that says it is internal."""
    text = Text.assemble(
        (local_time(call.started_at), "dim"),
        "  ",
        (f"{label(call.channel)}/{label(call.direction)}", "cyan"),
        "  ",
        call.subject or (_("(no subject)"), "dim"),
    )
    if call.contact_name:
        text.append(f"  · {call.contact_name}", style="dim")
    _append_who(text, call)
    for decision in call.decisions:
        text.append(f"\n{INDENT}・{decision}")
    if expanded and call.internal_notes:
        text.append(f"\n{INDENT}{_('Internal memo')}", style="bold")
        text.append("\n" + _indented(call.internal_notes), style="italic")
    return text


def _request_prompt(request: RequestRecord, due: Text) -> Text:
    """When, which way and how far along, subject, `due`; finished requests dimmed."""
    mark = f"{DIRECTION_MARKS.get(request.direction, '')} {label(request.status)}"
    text = Text.assemble(
        (local_time(request.created_at), "dim"), "  ", (mark, "bold"), "  ", request.subject
    )
    if request.due:
        text.append("  · ")
        text.append_text(due)
    if request.assignee:
        text.append("  · " + _("assignee: {name}", name=request.assignee), style="dim")
    _append_who(text, request)
    if request.status in ("closed", "cancelled"):
        text.stylize("dim")
    return text


def _contract_prompt(at, moment: ContractMoment) -> Text:
    """When, what became of the contract, its name; the term a renewal went on to."""
    happened = {
        "created": _("contract added"),
        "renewed": _("contract renewed"),
        "ended": _("contract ended"),
        "cancelled": _("contract cancelled"),
    }[moment.kind]
    text = Text.assemble((local_time(at), "dim"), "  ", (happened, "bold"), "  ", moment.title)
    if moment.kind == "renewed":
        start, _dots, end = moment.new_value.partition("..")
        text.append("  · " + _("{start} to {end}", start=stored_day(start), end=stored_day(end)))
    elif moment.kind == "cancelled":
        text.append("  · " + _("notice given {day}", day=stored_day(moment.new_value)))
    if moment.created_by:
        text.append("  · " + _("by {name}", name=moment.created_by), style="dim")
    return text


def _append_who(text: Text, record: CallRecord | RequestRecord) -> None:
    if who := who_text(record):
        text.append("  · ")
        text.append_text(who)


def _indented(block: str) -> str:
    return "\n".join(INDENT + line for line in block.splitlines())
