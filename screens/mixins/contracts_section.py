"""A vendor's contracts in its detail screen (DESIGN §13): read, opened, and a new one for
the vendor (`C`)."""

from functools import partial

from daicho.data.contracts.lines import ContractFilters, ContractLine, shown_lines
from daicho.data.contracts.listing import contract_lines
from daicho.data.records import ContractRecord
from daicho.screens.support.ledger_access import read_ledger
from daicho.widgets.vendor_contracts import VendorContracts


class ContractsSection:
    """Mixed into VendorDetailScreen, which holds `vendor_id`, `_vendor_name` and a
    VendorContracts list."""

    def load_contracts(self) -> None:
        """The vendor's contracts with their dates on the screen's today, nearest decision
        first."""
        read = partial(contract_lines, self.today, self.vendor_id)
        read_ledger(self, read, self._show_contracts, kind="contracts")

    def _show_contracts(self, lines: list[ContractLine]) -> None:
        ordered = shown_lines(lines, ContractFilters(), "decision")
        self.query_one(VendorContracts).show(ordered, self.today)
        self.refresh_bindings()

    def on_vendor_contracts_opened(self, event: VendorContracts.Opened) -> None:
        self.open_contract(event.contract_id)

    def open_contract(self, contract_id: int) -> None:
        from daicho.screens.contract_detail import ContractDetail

        self.app.push_screen(ContractDetail(contract_id), lambda _result: self.load_contracts())

    def action_new_contract(self) -> None:
        from daicho.screens.contract_form import ContractForm

        form = ContractForm(self.vendor_id, self._vendor_name)
        self.app.push_screen(form, self._contract_saved)

    def _contract_saved(self, contract: ContractRecord | None) -> None:
        if contract is not None:
            self.load_contracts()
