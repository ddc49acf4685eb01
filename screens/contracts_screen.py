"""The contracts (契約一覧, `K` from anywhere): every contract with its term end, cancel-by
and decision dates, nearest decision first; `o` sorts, `a` `k` `w` `f` narrow it to a
vendor, a kind, a renewal type or a 年度, and the pane's title says what is shown.

The ledger is read once, in a worker, in one query; sorting and filtering then work on
what was read, and the list is read again when the ledger or the day changes.
"""

from dataclasses import replace
from datetime import date
from functools import partial
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content

from daicho.data.contracts.lines import SORTS, ContractFilters, ContractLine, shown_lines
from daicho.data.contracts.listing import contract_lines
from daicho.data.contracts.store import get_contract
from daicho.data.dates.fiscal_year import fiscal_year_of
from daicho.data.records import CONTRACT_KINDS, CONTRACT_RENEWALS, ContractRecord
from daicho.i18n import N_, _
from daicho.i18n.labels import contract_label
from daicho.screens.bases.detail import DetailScreen
from daicho.screens.mixins.follows_ledger import FollowsLedger
from daicho.screens.support.ledger_access import read_ledger
from daicho.widgets.contract_table import ContractTable
from daicho.widgets.key_bar import KeyBar

TITLE = N_("Contracts")
_SORT_WORDS = {
    "decision": N_("by decision date"),
    "vendor": N_("by vendor"),
    "term_end": N_("by term end"),
}
_FISCAL_STEPS = (None, 0, 1, -1)  # all, this 年度, the next, the previous (from today's)


class ContractsScreen(FollowsLedger, DetailScreen):
    """Every contract, or those of `vendor_id` (`a` switches); escape goes back."""

    DEFAULT_CSS = """
    ContractsScreen #contracts-pane { height: 1fr; }
    """
    BINDINGS: ClassVar = [
        Binding("n", "new", N_("New contract"), id="contracts.new"),
        Binding("e", "edit", N_("Edit"), id="contracts.edit"),
        Binding("o", "sort", N_("Sort"), id="contracts.sort"),
        Binding("a", "toggle_vendor", N_("This vendor/all"), id="contracts.vendor"),
        Binding("k", "kind", N_("Kind"), id="contracts.kind"),
        Binding("w", "renewal", N_("Renewal"), id="contracts.renewal"),
        Binding("f", "fiscal_year", N_("Fiscal year"), id="contracts.fiscal_year"),
        Binding("R", "report", N_("Fiscal year report"), id="contracts.report"),
    ]
    HELP_TITLE = TITLE
    AUTO_FOCUS = "ContractTable"

    def __init__(
        self, vendor_id: int | None = None, vendor_name: str = "", *, narrowed: bool = True
    ) -> None:
        """`vendor_id`: the vendor `a` narrows to (`vendor_name` says which), narrowed to it
        from the start unless `narrowed` is False."""
        super().__init__()
        self.vendor_id, self.vendor_name = vendor_id, vendor_name
        narrow = vendor_id if narrowed else None
        self.filters = ContractFilters(vendor_id=narrow)
        self.sort = SORTS[0]
        self._fiscal_step = 0  # index in _FISCAL_STEPS
        self.lines: list[ContractLine] | None = None
        """Every contract as last read (None until the first read is in)."""

    def compose(self) -> ComposeResult:
        with Vertical(id="contracts-pane", classes="pane"):
            yield ContractTable()
        yield KeyBar(first=("enter", "n", "e", "o", "a", "k", "w", "f", "R"))

    def on_mount(self) -> None:
        self.query_one(ContractTable).today = self.today
        self._show_title()
        self.reload()

    def watch_today(self, today: date) -> None:
        """A new day: the days left and the terms that ran on move with it."""
        super().watch_today(today)
        self.query_one(ContractTable).today = today
        self.reload()

    def reload(self) -> None:
        read_ledger(self, partial(contract_lines, self.today), self._read, kind="contracts")

    def ledger_changed(self) -> None:
        self.reload()

    def _read(self, lines: list[ContractLine], select: int | None = None) -> None:
        self.lines = lines
        if self.vendor_id is not None and not self.vendor_name:
            ours = (line for line in lines if line.contract.vendor_id == self.vendor_id)
            self.vendor_name = next((line.contract.vendor_name for line in ours), "")
        self._show(select)

    def _show(self, select: int | None = None) -> None:
        """The lines read, narrowed and sorted as asked; the cursor stays on its contract."""
        if self.lines is None:
            return
        table = self.query_one(ContractTable)
        if select is None and table.current is not None:
            select = table.current.contract.id
        shown = shown_lines(self.lines, self.filters, self.sort)
        table.empty_text = (
            _("No contracts here: n adds one")
            if not self.lines
            else _("No contract matches these filters")
        )
        table.show(shown, select)
        pane = self.query_one("#contracts-pane")
        pane.border_subtitle = _("{count} of {total}", count=len(shown), total=len(self.lines))
        self._show_title()
        self.refresh_bindings()

    def _show_title(self) -> None:
        filters = self.filters
        words = [_(TITLE)]
        if filters.vendor_id is not None:
            words.append(self.vendor_name or _("this vendor"))
        else:
            words.append(_("all vendors"))
        if filters.kind is not None:
            words.append(contract_label(filters.kind))
        if filters.renewal is not None:
            words.append(contract_label(filters.renewal))
        if filters.fiscal_year is not None:
            words.append(_("FY {year}", year=filters.fiscal_year))
        words.append(_(_SORT_WORDS[self.sort]))
        self.query_one("#contracts-pane").border_title = Content(" · ".join(words))  # literal

    @property
    def current(self) -> ContractLine | None:
        return self.query_one(ContractTable).current

    # --- sorting and filtering ------------------------------------------------------------

    def action_sort(self) -> None:
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self._show()

    def action_toggle_vendor(self) -> None:
        narrowed = self.filters.vendor_id is None
        self._filter(vendor_id=self.vendor_id if narrowed else None)

    def action_kind(self) -> None:
        self._filter(kind=_next(CONTRACT_KINDS, self.filters.kind))

    def action_renewal(self) -> None:
        self._filter(renewal=_next(CONTRACT_RENEWALS, self.filters.renewal))

    def action_fiscal_year(self) -> None:
        self._fiscal_step = (self._fiscal_step + 1) % len(_FISCAL_STEPS)
        step = _FISCAL_STEPS[self._fiscal_step]
        year = None if step is None else fiscal_year_of(self.today) + step
        self._filter(fiscal_year=year)

    def _filter(self, **changes) -> None:
        self.filters = replace(self.filters, **changes)
        self._show()

    # --- opening ----------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action in ("copy_mail", "preview_mail"):
            return False  # nothing to mail from the list
        if action == "edit":
            return self.current is not None
        if action == "toggle_vendor":
            return self.vendor_id is not None or None  # dimmed: no vendor to narrow to
        return True

    def on_contract_table_highlighted(self) -> None:
        self.refresh_bindings()

    def on_contract_table_opened(self, event: ContractTable.Opened) -> None:
        from daicho.screens.contract_detail import ContractDetail

        self.app.push_screen(ContractDetail(event.line.contract.id), self._back)

    def action_new(self) -> None:
        from daicho.screens.contract_form import ContractForm

        vendor = self.filters.vendor_id
        name = self.vendor_name if vendor is not None else ""
        self.app.push_screen(ContractForm(vendor, name), self._saved)

    def action_edit(self) -> None:
        if (line := self.current) is None:
            return
        read = partial(get_contract, line.contract.id)
        read_ledger(self, read, self._edit, kind="edit")

    def _edit(self, contract: ContractRecord) -> None:
        from daicho.screens.contract_form import ContractForm

        self.app.push_screen(ContractForm(contract=contract), self._saved)

    def action_report(self) -> None:
        from daicho.screens.contract_report import ContractReport

        self.app.push_screen(ContractReport(self.filters.fiscal_year))

    def _saved(self, contract: ContractRecord | None) -> None:
        if contract is not None:
            self.reload_selecting(contract.id)

    def _back(self, _result: object) -> None:
        self.reload()

    def reload_selecting(self, contract_id: int) -> None:
        """Read again with the cursor on `contract_id` (just saved)."""
        read = partial(contract_lines, self.today)
        show = partial(self._read, select=contract_id)
        read_ledger(self, read, show, kind="contracts")


def _next(values: tuple[str, ...], value: str | None) -> str | None:
    """The value after `value` in `values`, then None (all), then the first again."""
    cycle = (None, *values)
    return cycle[(cycle.index(value) + 1) % len(cycle)]
