"""One contract in full: its fields, the dates its current term gives, the reminders that
fired and its history, every earlier term among it. `r` renews, `x` ends, `k` cancels (the
day notice was given is asked), `o` reopens, `e` edits; each key only where it applies.

Every change goes through the contract services and is then read back, so what the screen
shows is what was stored.
"""

from functools import partial
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalGroup, VerticalGroup, VerticalScroll
from textual.widgets import Static

from daicho.data.contracts import store
from daicho.data.contracts.detail import ContractInFull, FiredReminder, contract_in_full
from daicho.data.contracts.lines import ContractLine
from daicho.data.contracts.terms import Term, lead_days_text, notice_words
from daicho.data.dates.notes import named_day
from daicho.data.dates.style import full_date
from daicho.data.errors import DaichoError
from daicho.data.ledger import LEDGER_ERRORS
from daicho.data.records import ContractRecord, RequestEventRecord
from daicho.i18n import N_, _
from daicho.i18n.labels import contract_label, field_label
from daicho.screens.bases.detail import DetailScreen
from daicho.screens.mixins.follows_ledger import FollowsLedger
from daicho.screens.support.ledger_access import read_ledger
from daicho.screens.support.rendering import by_whom, facts, local_time, stored_day
from daicho.widgets.contract_table import decision_cell, decision_deadline
from daicho.widgets.deadline_look import band_style
from daicho.widgets.key_bar import KeyBar

# The statuses each change makes sense from; the footer dims the others.
_CHANGES_FROM = {
    "renew": ("active",),
    "end": ("active",),
    "cancel": ("active",),
    "reopen": ("ended", "cancelled"),
}


class ContractDetail(FollowsLedger, DetailScreen):
    """The contract `contract_id`; dismisses with None when left (escape)."""

    DEFAULT_CSS = """
    ContractDetail #contract-detail { height: 1fr; }
    ContractDetail #contract-title { text-style: bold; margin-bottom: 1; }
    ContractDetail #contract-fields, ContractDetail #contract-history { width: 1fr; }
    ContractDetail #contract-history { padding-left: 2; }
    ContractDetail .section { color: $text-accent; text-style: bold; }
    ContractDetail #reminders-title { margin-top: 1; }
    ContractDetail.-narrow #contract-columns { layout: vertical; }
    ContractDetail.-narrow #contract-history { padding-left: 0; margin-top: 1; }
    """
    BINDINGS: ClassVar = [
        Binding("r", "renew", N_("Renew"), id="contract.renew"),
        Binding("x", "end", N_("End"), id="contract.end"),
        Binding("k", "cancel", N_("Cancel (notice given)"), id="contract.cancel"),
        Binding("o", "reopen", N_("Reopen"), id="contract.reopen"),
        Binding("e", "edit", N_("Edit"), id="contract.edit"),
    ]
    HELP_TITLE = N_("Contract detail")
    AUTO_FOCUS = "#contract-detail"

    def __init__(self, contract_id: int) -> None:
        super().__init__()
        self.contract_id = contract_id
        self.contract: ContractRecord | None = None

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="contract-detail", classes="pane") as pane:
            pane.border_title = _("Contract #{id}", id=self.contract_id)
            yield Static(id="contract-title", markup=False)
            with HorizontalGroup(id="contract-columns"):
                yield Static(id="contract-fields")
                with VerticalGroup(id="contract-history"):
                    yield Static(_("History"), classes="section", markup=False)
                    yield Static(id="history-lines")
                    title = _("Reminders fired")
                    yield Static(title, id="reminders-title", classes="section", markup=False)
                    yield Static(id="reminder-lines")
        yield KeyBar(first=("r", "x", "k", "o", "e"))

    def on_mount(self) -> None:
        self.reload()

    def on_resize(self, event) -> None:
        self.set_class(event.size.width < 110, "-narrow")

    def watch_today(self, today) -> None:
        """A new day: the current term and the days left move with it."""
        super().watch_today(today)
        self.reload()

    def reload(self) -> None:
        read = partial(contract_in_full, self.contract_id, self.today)
        read_ledger(self, read, self._show, kind="contract")

    def ledger_changed(self) -> None:
        self.reload()

    def _show(self, loaded: ContractInFull) -> None:
        self.contract = contract = loaded.contract
        self.query_one("#contract-title", Static).update(Text(contract.title))
        self.query_one("#contract-fields", Static).update(self._fields(loaded))
        self.query_one("#history-lines", Static).update(_history(loaded.history))
        self.query_one("#reminder-lines", Static).update(_reminders(loaded.reminders))
        self.refresh_bindings()

    def _fields(self, loaded: ContractInFull) -> Table:
        contract, dates = loaded.contract, loaded.dates
        line = ContractLine(contract, dates)
        deadline = decision_deadline(line, self.today)
        decision = Text(decision_cell(deadline), style=band_style(self, deadline.band))
        decision.append(f" · {named_day(dates.decision_date)}", style="dim")
        status = contract_label(contract.status)
        if contract.notice_given is not None:
            status += " · " + _("notice given {day}", day=full_date(contract.notice_given))
        renewal = contract_label(contract.renewal)
        if contract.renewal_term_months:
            renewal += " · " + _("{months} months", months=contract.renewal_term_months)
        cost = "—"
        if contract.cost is not None:
            tax = _("tax included") if contract.tax_included else _("tax not included")
            cost = f"¥{contract.cost:,} · {contract_label(contract.cost_period)} · {tax}"
        rows = [
            (_("Vendor"), contract.vendor_name),
            (_("Kind"), contract_label(contract.kind)),
            (_("Contract number"), contract.number or "—"),
            (_("Status"), status),
            (_("Current term"), _term_words(dates.term)),
            (_("Renewal"), renewal),
            (_("Notice"), notice_words(contract.notice_months, contract.notice_days)),
            (_("Cancel by"), named_day(dates.cancel_by)),
            (_("Decide by"), decision),
            (_("Reminders"), _("{days} days before", days=lead_days_text(contract.reminder_days))),
            (_("Cost"), cost),
        ]
        if contract.snoozed_until is not None:
            rows.append((_("Snoozed until"), full_date(contract.snoozed_until)))
        rows += [
            (_("Created"), by_whom(contract.created_at, contract.created_by)),
            (_("Updated"), by_whom(contract.updated_at, contract.changed_by)),
        ]
        if contract.notes:
            rows.append((_("Notes"), contract.notes))
        return facts(rows)

    # --- changes ------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action in ("copy_mail", "preview_mail"):
            return False
        if action == "edit":
            return self.contract is not None
        if action not in _CHANGES_FROM:
            return True
        return self.contract is not None and self.contract.status in _CHANGES_FROM[action]

    def action_renew(self) -> None:
        term = self._change(store.renew_contract, self.contract_id, self.today)
        if term is not None:
            message = _(
                "Renewed: term {number}, {start} to {end}",
                number=term.number,
                start=full_date(term.start),
                end=full_date(term.end),
            )
            self.notify(message, markup=False)

    def action_end(self) -> None:
        self._change(store.end_contract, self.contract_id)

    def action_reopen(self) -> None:
        self._change(store.reopen_contract, self.contract_id)

    def action_cancel(self) -> None:
        from daicho.screens.contract_cancel_prompt import ContractCancelPrompt

        self.app.push_screen(ContractCancelPrompt(self.contract), self._after_form)

    def action_edit(self) -> None:
        from daicho.screens.contract_form import ContractForm

        self.app.push_screen(ContractForm(contract=self.contract), self._after_form)

    def _change(self, change, *args):
        """Make a one-key change to the contract as shown; what the ledger refuses (someone
        changed it since) shows as a notice, and the contract as it is now."""
        result = None
        try:
            result = change(*args, expected_version=self.contract.version)
        except DaichoError as error:
            self.notify(str(error), severity="error", markup=False)
        except LEDGER_ERRORS as error:
            reason = _("The ledger could not be written: {reason}", reason=error)
            self.notify(reason, severity="error", markup=False)
        self.reload()
        return result

    def _after_form(self, result: ContractRecord | None) -> None:
        if result is not None:
            self.reload()


def _term_words(term: Term) -> str:
    return _(
        "term {number}: {start} to {end} ({months} months)",
        number=term.number,
        start=full_date(term.start),
        end=full_date(term.end),
        months=term.months,
    )


def _span_words(value: str) -> str:
    """A term as its history keeps it (`2026-04-01..2027-03-31`), in the date style."""
    first, _dots, last = value.partition("..")
    return f"{stored_day(first)} – {stored_day(last)}" if last else value


def _history(events: list[RequestEventRecord]) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="dim", no_wrap=True)
    table.add_column(no_wrap=True)
    table.add_column(ratio=1, overflow="fold")
    for event in events:
        when = Text(by_whom(event.at, event.created_by))
        table.add_row(when, Text(_event_kind(event.kind)), _event_text(event))
    return table


def _event_kind(kind: str) -> str:
    return {
        "created": _("created"),
        "edited": _("edited"),
        "renewed": _("renewed"),
        "ended": _("ended"),
        "cancelled": _("cancelled"),
        "reopened": _("reopened"),
        "reminder": _("reminder"),
    }.get(kind, kind)


def _event_text(event: RequestEventRecord) -> Text:
    if event.kind == "created":
        return Text(_("from {day}", day=stored_day(event.new_value)))
    if event.kind == "edited":
        return Text(", ".join(field_label(name.strip()) for name in event.new_value.split(",")))
    if event.kind == "renewed":
        return Text.assemble(
            (_span_words(event.old_value), "dim"), " → ", _span_words(event.new_value)
        )
    if event.kind == "cancelled":
        return Text(_("notice given {day}", day=stored_day(event.new_value)))
    if event.kind == "reopened":
        return Text.assemble((contract_label(event.old_value), "dim"), " → ", _("in force"))
    if event.kind == "reminder":  # no request when a nearer reminder made the one needed
        lead = _("{days} days before", days=event.note)
        made = _("request #{id}", id=event.new_value) if event.new_value else _("no request")
        return Text(f"{lead} · {made}")
    return Text()


def _reminders(reminders: list[FiredReminder]) -> Text | Table:
    if not reminders:
        return Text(_("None yet"), style="dim")
    table = Table.grid(padding=(0, 2))
    table.add_column(style="dim", no_wrap=True)
    table.add_column(no_wrap=True)
    table.add_column(ratio=1)
    for fired in reminders:
        lead = _(
            "term {number}, {days} days before {day}",
            number=fired.term_no,
            days=fired.lead_days,
            day=full_date(fired.decision_date),
        )
        request = _("request #{id}", id=fired.request_id) if fired.request_id else _("no request")
        table.add_row(local_time(fired.fired_at), lead, request)
    return table
