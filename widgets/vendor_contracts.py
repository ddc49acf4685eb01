"""A vendor's contracts in its detail screen: one line each, its title and decision date
with the days left, coloured as the contracts screen colours it. The screen hands it the
lines; `enter` on one says which to open."""

from dataclasses import dataclass
from datetime import date

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from daicho.data.contracts.lines import ContractLine
from daicho.i18n import _
from daicho.widgets.contract_table import decision_cell, decision_deadline
from daicho.widgets.deadline_look import BAND_CLASSES, BAND_CSS, band_style


class VendorContracts(OptionList):
    """The contracts of one vendor, nearest decision first as the screen orders them."""

    COMPONENT_CLASSES = OptionList.COMPONENT_CLASSES | BAND_CLASSES
    DEFAULT_CSS = BAND_CSS

    @dataclass
    class Opened(Message):
        """Enter on a contract: show it in full."""

        contract_id: int

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.lines: list[ContractLine] = []

    def show(self, lines: list[ContractLine], today: date) -> None:
        """Show `lines` as of `today`, the cursor where it was."""
        highlighted = self.highlighted
        self.lines = lines
        self.set_options(
            [Option(self._prompt(line, today)) for line in lines]
            or [Option(_("No contracts yet: C adds one"), disabled=True)]
        )
        if lines:
            self.highlighted = min(highlighted or 0, len(lines) - 1)

    @property
    def current(self) -> ContractLine | None:
        index = self.highlighted
        return self.lines[index] if index is not None and index < len(self.lines) else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if (line := self.current) is not None:
            self.post_message(self.Opened(line.contract.id))

    def _prompt(self, line: ContractLine, today: date) -> Text:
        deadline = decision_deadline(line, today)
        style = band_style(self, deadline.band)
        return Text.assemble(line.contract.title, "  ", (decision_cell(deadline), style))
