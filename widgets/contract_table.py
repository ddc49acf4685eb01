"""The contracts screen's table: a virtual view drawing only the lines in sight, so 2,000
contracts cost what twenty do. It never reads the ledger: the screen hands it the lines.

The decision date carries the days left, coloured as the queue colours a due date: soon
within 30 days, overdue once past.
"""

from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from daicho.data.contracts.lines import ContractLine
from daicho.data.dates.deadlines import Deadline, year_shown
from daicho.data.dates.style import cell_date
from daicho.i18n import N_, _
from daicho.i18n.labels import contract_label
from daicho.widgets.deadline_look import BAND_CLASSES, BAND_CSS, band_style
from daicho.widgets.narrow_cells import fit, fitted_name
from daicho.widgets.scrolling import CURSOR_KEYS, set_virtual_height

SOON_DAYS = 30  # a decision this close is highlighted
WIDE = 140  # from this width on, every column shows

# (key, title, width; 0 shares what is left), in the order shown; NARROW drops some.
_COLUMNS = (
    ("vendor", N_("Vendor"), 0),
    ("title", N_("Contract"), 0),
    ("kind", N_("Kind"), 14),
    ("renewal", N_("Renewal"), 14),
    ("term_end", N_("Term ends"), 10),
    ("cancel_by", N_("Cancel by"), 10),
    ("decision", N_("Decide by"), 20),
    ("cost", N_("Cost"), 13),
    ("status", N_("Status"), 10),
)
_NARROW = ("vendor", "title", "cancel_by", "decision", "status")
_PERIOD_MARKS = {"month": N_("/mo"), "year": N_("/yr"), "once": N_(" once")}


@dataclass(frozen=True)
class _Column:
    key: str
    width: int


def layout(width: int) -> tuple[_Column, ...]:
    """The columns that fit `width`: all from WIDE, else the dates and names only; the
    vendor and the title share what the others leave (the title twice the vendor)."""
    keys = [key for key, _title, _w in _COLUMNS if width >= WIDE or key in _NARROW]
    fixed = {key: cells for key, _title, cells in _COLUMNS if cells}
    left = width - sum(fixed.get(key, 0) for key in keys) - (len(keys) - 1)
    vendor = max(6, left // 3)
    flexible = {"vendor": vendor, "title": max(6, left - vendor)}
    return tuple(_Column(key, fixed.get(key) or flexible[key]) for key in keys)


def decision_deadline(line: ContractLine, today: date) -> Deadline:
    """The decision date as a deadline: soon within SOON_DAYS days, closed once the contract
    is no longer in force."""
    status = "open" if line.contract.status == "active" else "closed"
    return Deadline.of(line.dates.decision_date, status, today, SOON_DAYS, business=False)


def decision_cell(deadline: Deadline) -> str:
    """`12/28 in 21d`, `12/28 ‼2d late`: the queue's words, with the days left even when far."""
    if deadline.band == "later":
        far = year_shown(deadline.due, deadline.today)
        return cell_date(deadline.due, far) + " " + _("in {days}d", days=deadline.days)
    return deadline.cell


def cost_cell(line: ContractLine) -> str:
    contract = line.contract
    if contract.cost is None:
        return "—"
    return f"¥{contract.cost:,}{_(_PERIOD_MARKS.get(contract.cost_period, ''))}"


class ContractTable(ScrollView, can_focus=True):
    """Contracts one per line, the decision date worded and coloured by how near it is."""

    COMPONENT_CLASSES: ClassVar = {
        "contract-table--header",
        "contract-table--cursor",
        *BAND_CLASSES,
    }
    DEFAULT_CSS = (
        """
    ContractTable {
        height: 1fr; overflow-x: hidden; overflow-y: scroll; scrollbar-size-vertical: 1;
    }
    ContractTable > .contract-table--header { color: $text-muted; text-style: bold; }
    ContractTable > .contract-table--cursor { background: $block-cursor-blurred-background; }
    ContractTable:focus > .contract-table--cursor {
        background: $block-cursor-background; color: $block-cursor-foreground;
        text-style: $block-cursor-text-style;
    }
    """
        + BAND_CSS
    )
    BINDINGS: ClassVar = [
        *CURSOR_KEYS,
        Binding("enter", "open", N_("Open"), id="contracts.open"),
    ]

    today: reactive[date] = reactive(date.min)
    empty_text: reactive[str] = reactive("")
    cursor_row: reactive[int] = reactive(0)

    @dataclass
    class Opened(Message):
        """Enter (or a double click) on a contract: show it in full."""

        line: ContractLine

    @dataclass
    class Highlighted(Message):
        """The cursor moved (to None once the list is empty)."""

        line: ContractLine | None

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.lines: list[ContractLine] = []

    @property
    def current(self) -> ContractLine | None:
        return self.lines[self.cursor_row] if self.cursor_row < len(self.lines) else None

    def show(self, lines: list[ContractLine], select: int | None = None) -> None:
        """Show `lines`, the cursor on contract `select` when it is among them."""
        self.lines = lines
        set_virtual_height(self, len(lines) + 1)
        ids = [line.contract.id for line in lines]
        self.cursor_row = ids.index(select) if select in ids else self.cursor_row
        self.refresh()
        self.post_message(self.Highlighted(self.current))

    def action_move(self, rows: int) -> None:
        self.cursor_row += rows

    def action_open(self) -> None:
        if self.current is not None:
            self.post_message(self.Opened(self.current))

    def on_click(self, event: events.Click) -> None:
        if event.y >= 1 and self.lines:
            self.cursor_row = self.scroll_offset.y + event.y - 1
            if event.chain == 2:
                self.action_open()

    def validate_cursor_row(self, row: int) -> int:
        return max(0, min(row, len(self.lines) - 1))

    def watch_cursor_row(self, old: int, new: int) -> None:
        top, height = self.scroll_offset.y, max(1, self.scrollable_content_region.height - 1)
        if new < top:
            self.scroll_to(y=new, animate=False, force=True)
        elif new >= top + height:
            self.scroll_to(y=new - height + 1, animate=False, force=True)
        self.refresh_line(old + 1)
        self.refresh_line(new + 1)
        self.post_message(self.Highlighted(self.current))

    # --- drawing --------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.visual_style.rich_style
        columns = layout(width)
        if not self.lines:
            segments = []
            if y == 1:
                segments = [Segment("  " + self.empty_text, base + Style(italic=True))]
        elif y == 0:
            header = base + self._style("header")
            titles = {key: _(title) for key, title, _w in _COLUMNS}
            segments = _cells([(titles[c.key], c, header) for c in columns], base)
        else:
            segments = self._row(self.scroll_offset.y + y - 1, columns, base)
        return Strip(segments).adjust_cell_length(width, base)

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"contract-table--{name}", partial=True)

    def _row(self, index: int, columns: tuple[_Column, ...], base: Style) -> list[Segment]:
        if index >= len(self.lines):
            return []
        line = self.lines[index]
        deadline = decision_deadline(line, self.today)
        row = base + (band_style(self, "closed") if deadline.band == "closed" else Style())
        if index == self.cursor_row:
            row += self._style("cursor")
        decision = row + band_style(self, deadline.band) if deadline.band != "closed" else row
        values = _values(line, deadline)
        cells = [(values[c.key], c, decision if c.key == "decision" else row) for c in columns]
        return _cells(cells, row)


def _values(line: ContractLine, deadline: Deadline) -> dict[str, str]:
    contract, dates = line.contract, line.dates
    today = deadline.today
    return {
        "vendor": contract.vendor_name,
        "title": contract.title,
        "kind": contract_label(contract.kind),
        "renewal": contract_label(contract.renewal),
        "term_end": cell_date(dates.term.end, year_shown(dates.term.end, today)),
        "cancel_by": cell_date(dates.cancel_by, year_shown(dates.cancel_by, today)),
        "decision": decision_cell(deadline),
        "cost": cost_cell(line),
        "status": contract_label(contract.status),
    }


def _cells(cells: list[tuple[str, _Column, Style]], base: Style) -> list[Segment]:
    """Cells fitted to their columns, one space apart (a vendor's name shortened first)."""
    segments = []
    for value, column, style in cells:
        if column.key == "vendor":
            value = fitted_name(value, column.width)
        right = column.key == "cost"
        segments += [Segment(fit(value, column.width, right), style), Segment(" ", base)]
    return segments[:-1]
