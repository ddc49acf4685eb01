"""The contract form (`n` on the contracts screen, `C` in a vendor's detail, `e` on a
contract): the fields of DESIGN §13 as people type them, and the term end, cancel-by and
decision dates they give shown as they are typed.

Nothing is written until every field reads: the term (`12`, `1年`, or its last day), the
notice (`3か月前`), the reminders (`90 30 7`) and the cost (`¥12,000`) are read here, and what
the store refuses (a notice longer than the term) comes back naming its field.
"""

from datetime import date
from functools import partial

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Input, Label, Static

from daicho.data import vendors
from daicho.data.contracts import store
from daicho.data.contracts.terms import (
    cancel_by,
    decision_date,
    lead_days_text,
    parse_lead_days,
    parse_notice,
    term_end,
)
from daicho.data.contracts.typed import parse_cost, parse_term
from daicho.data.dates.notes import named_day
from daicho.data.dates.settings import business_calendar
from daicho.data.errors import InputError
from daicho.data.records import (
    CONTRACT_KINDS,
    CONTRACT_RENEWALS,
    COST_PERIODS,
    ContractRecord,
    VendorRow,
)
from daicho.i18n import _
from daicho.i18n.labels import contract_label
from daicho.screens.bases.form import FieldError, FormModal, block, choice, line, required, row
from daicho.screens.support.ledger_access import read_ledger
from daicho.widgets.choice_field import ChoiceField
from daicho.widgets.completing_input import NAME_PLACEHOLDER, CompletingInput
from daicho.widgets.date_field import DateField

_YES_NO = ("no", "yes")
_DATES_FROM = ("term_months", "notice")  # the lines the dates follow (and start, renewal)


class ContractForm(FormModal):
    """New contract (for `vendor_id`, when given), or edit `contract`; dismisses with the
    saved ContractRecord, or None. A contract's vendor is fixed once it is saved."""

    AUTO_FOCUS = ""  # on_mount picks the title or the vendor
    DRAFT_FORM = "contract"
    DEFAULT_CSS = """
    ContractForm #contract-dates { color: $text-accent; }
    ContractForm #contract-dates.-error { color: $text-error; }
    """

    def __init__(
        self,
        vendor_id: int | None = None,
        vendor_name: str = "",
        contract: ContractRecord | None = None,
    ) -> None:
        super().__init__(_("Edit contract") if contract else _("New contract"))
        self.contract = contract
        self.vendor_id = contract.vendor_id if contract else vendor_id
        self.vendor_name = contract.vendor_name if contract else vendor_name
        self.read_version = contract.version if contract else None

    def draft_key(self) -> str:
        """A contract's id, or `v` and the vendor's for a new one (a draft per vendor)."""
        if self.contract:
            return str(self.contract.id)
        return f"v{self.vendor_id}" if self.vendor_id is not None else ""

    @classmethod
    def for_draft(cls, key: str) -> "ContractForm":
        if key.startswith("v"):
            vendor = vendors.get_vendor(int(key[1:]))
            return cls(vendor.id, vendor.name)
        return cls(contract=store.get_contract(int(key))) if key else cls()

    def compose_fields(self) -> ComposeResult:
        kinds = {kind: contract_label(kind) for kind in CONTRACT_KINDS}
        renewals = {renewal: contract_label(renewal) for renewal in CONTRACT_RENEWALS}
        periods = {period: contract_label(period) for period in COST_PERIODS}
        yes_no = {"no": _("tax not included"), "yes": _("tax included")}
        vendor = line(self.vendor_name, id="vendor", placeholder=_(NAME_PLACEHOLDER))
        vendor.disabled = self.contract is not None
        yield from row(_("Vendor"), vendor)
        yield from row(_("Contract name"), line(id="title"))
        yield from row(_("Kind"), choice(CONTRACT_KINDS, "maintenance", labels=kinds, id="kind"))
        yield from row(_("Contract number"), line(id="number", placeholder=_("optional")))
        start = DateField(id="start", placeholder=_("start: 2026-04-01, 4/1, 今日"))
        yield from row(_("Start"), start)
        term = line("12", id="term_months", placeholder=_("12, 12か月, 1年 or the last day"))
        yield from row(_("Term"), term)
        yield from row(
            _("Renewal"), choice(CONTRACT_RENEWALS, "auto", labels=renewals, id="renewal")
        )
        renewal_term = line(id="renewal_term_months", placeholder=_("same as the term"))
        yield from row(_("Renewal term"), renewal_term)
        yield from row(_("Notice"), line(id="notice", placeholder=_("3か月前, 90日前, 3 months")))
        yield Label(_("Works out to"), classes="form-label")
        yield Static("", id="contract-dates", markup=False)
        yield from row(_("Reminders (days before)"), line("90 30 7", id="reminder_days"))
        yield from row(_("Cost (yen)"), line(id="cost", placeholder=_("optional: ¥12,000")))
        yield from row(
            _("Cost per"), choice(COST_PERIODS, "month", labels=periods, id="cost_period")
        )
        yield from row(_("Tax"), choice(_YES_NO, "no", labels=yes_no, id="tax_included"))
        yield from row(_("Notes"), block(id="notes"))

    def on_mount(self) -> None:
        if self.contract:
            self.load(_as_fields(self.contract))
        self.query_one("#title" if self.vendor_id is not None else "#vendor").focus()
        if self.contract is None:
            read = partial(vendors.list_vendors, include_hidden=True)
            read_ledger(self, read, self._vendor_names_loaded, kind="vendors")
        self.call_after_refresh(self._show_dates)

    def _vendor_names_loaded(self, rows: list[VendorRow]) -> None:
        names = [(row.name, row.reading) for row in rows]
        self.query_one("#vendor", CompletingInput).set_names(names)

    # --- the dates as typed ---------------------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id in _DATES_FROM:
            self._show_dates()

    def on_date_field_changed(self) -> None:
        self._show_dates()

    def on_choice_field_changed(self, event: ChoiceField.Changed) -> None:
        if event.field.id == "renewal":
            self._show_dates()

    def _show_dates(self) -> None:
        """The term's end, cancel-by and decision dates the fields give, or what keeps them
        from giving any."""
        shown = self.query_one("#contract-dates", Static)
        error = True
        try:
            words, error = self._dates_words(), False
        except InputError as refused:
            words = str(refused)
        except (ValueError, OverflowError):  # a notice reaching back before the year 1
            words = _("The notice period is longer than the term")
        shown.update(words)
        shown.set_class(error, "-error")

    def _dates_words(self) -> Text | str:
        start = self._start()
        if start is None:
            return _("— (type the start and the term)")
        fields = self.snapshot()
        end = term_end(start, parse_term(fields["term_months"], start, self.today))
        months, days = parse_notice(fields["notice"]) if fields["notice"].strip() else (None, 0)
        cancel = cancel_by(end, months, days, business_calendar())
        if cancel < start:
            raise InputError(_("The notice period is longer than the term"), "notice")
        decision = decision_date(fields["renewal"], end, cancel)
        return _(
            "term ends {end} · cancel by {cancel} · decide by {decision}",
            end=named_day(end),
            cancel=named_day(cancel),
            decision=named_day(decision),
        )

    def _start(self) -> date | None:
        field = self.query_one("#start", DateField)
        if field.error:
            raise FieldError(field.error, "start")
        return field.date

    # --- saving ----------------------------------------------------------------------------

    def save(self) -> ContractRecord | None:
        fields = self.snapshot()
        vendor = required(fields["vendor"], "vendor", _("Vendor"))
        required(fields["title"], "title", _("Contract name"))
        values = self._values(fields)
        if self.contract is None:
            unchanged = (
                self.vendor_id is not None and vendor.casefold() == self.vendor_name.casefold()
            )
            return store.add_contract(self.vendor_id if unchanged else vendor, **values)
        before = _as_values(self.contract)
        update, get = store.edit_contract, store.get_contract
        return self.write_changes("contract", self.contract, before, values, update, get)

    def _values(self, fields: dict) -> dict:
        """The store's keywords (store.FIELDS) from what is typed; InputError naming the
        field that does not read."""
        start = self._start()
        if start is None:
            raise FieldError(_("A contract needs its start date"), "start")
        months = parse_term(fields["term_months"], start, self.today)
        renewal_text = fields["renewal_term_months"].strip()
        renewal_months = None
        if renewal_text:
            next_start = term_end(start, months)
            renewal_months = parse_term(renewal_text, next_start, self.today, "renewal_term_months")
        notice = parse_notice(fields["notice"]) if fields["notice"].strip() else (None, 0)
        return {
            "title": fields["title"],
            "kind": fields["kind"],
            "number": fields["number"],
            "start": start,
            "term_months": months,
            "renewal": fields["renewal"],
            "renewal_term_months": renewal_months,
            "notice_months": notice[0],
            "notice_days": notice[1],
            "reminder_days": parse_lead_days(fields["reminder_days"]),
            "cost": parse_cost(fields["cost"]),
            "cost_period": fields["cost_period"],
            "tax_included": fields["tax_included"] == "yes",
            "notes": fields["notes"],
        }


def _as_fields(contract: ContractRecord) -> dict[str, object]:
    """The contract as the form's fields hold it."""
    if contract.notice_months:
        notice = _("{months} months", months=contract.notice_months)
    else:
        notice = _("{days} days", days=contract.notice_days) if contract.notice_days else ""
    return {
        "vendor": contract.vendor_name,
        "title": contract.title,
        "kind": contract.kind,
        "number": contract.number,
        "start": contract.start.isoformat(),
        "term_months": str(contract.term_months),
        "renewal": contract.renewal,
        "renewal_term_months": str(contract.renewal_term_months or ""),
        "notice": notice,
        "reminder_days": lead_days_text(contract.reminder_days),
        "cost": "" if contract.cost is None else f"{contract.cost:,}",
        "cost_period": contract.cost_period,
        "tax_included": "yes" if contract.tax_included else "no",
        "notes": contract.notes,
    }


def _as_values(contract: ContractRecord) -> dict[str, object]:
    """The contract's stored values by the store's keywords, to save only what changed."""
    values = {name: getattr(contract, name) for name in store.FIELDS}
    if values["notice_months"] is None and values["notice_days"] is None:
        values["notice_days"] = 0
    return values
