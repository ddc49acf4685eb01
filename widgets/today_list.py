"""The day's list on screen: a heading per reason, then one line per item saying why it is
there, its direction, vendor and subject, and how often it was chased."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.visual import Visual
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from daicho.data.dates.deadlines import Deadline
from daicho.data.dates.style import cell_date
from daicho.data.records import DIRECTION_MARKS, TodayItem
from daicho.data.today_words import REASON_HEADINGS, chased_words, reason_words
from daicho.i18n import _
from daicho.widgets.deadline_look import BAND_CLASSES, BAND_CSS, band_style
from daicho.widgets.narrow_cells import fit, fitted_name
from daicho.widgets.queue_columns import priority_text

_BANDS = {"overdue": "overdue", "due_today": "today"}
VENDOR_MIN, VENDOR_MAX = 10, 24
WIDE = 120  # from this many cells, the due date and the priority join each line
_GAPS = ("", " ", "  ")  # before the first column, after the direction mark, between the rest


@dataclass(frozen=True)
class _Columns:
    reason: int
    vendor: int
    chased: int
    due: int = 0
    priority: int = 0

    @property
    def used(self) -> int:
        """The cells of every column but the subject, with the gaps after them."""
        shown = [c for c in (self.due, self.priority, self.chased) if c]
        return sum(cells + 2 for cells in [1, self.reason, self.vendor, *shown]) - 1

    def subject(self, width: int) -> int:
        """The subject's cells: what the other columns leave of `width`, at least 8."""
        return max(width - self.used, 8)


class _Line(Visual):
    """An item's line, made when it is first drawn: OptionList measures every option as it
    is set, and the day's list on a large ledger holds hundreds (~0.1 s to make them all)."""

    def __init__(self, make: Callable[[], Text], cells: int) -> None:
        self._make = make
        self._cells = cells  # every line is as long: its columns are padded to their cells
        self._content: Content | None = None

    @property
    def content(self) -> Content:
        if self._content is None:
            self._content = Content.from_rich_text(self._make())
        return self._content

    def render_strips(self, width, height, style, options) -> list[Strip]:
        return self.content.render_strips(width, height, style, options)

    def get_optimal_width(self, rules, container_width: int) -> int:
        return self._cells

    def get_height(self, rules, width: int) -> int:
        return 1 if self._cells <= width else self.content.get_height(rules, width)


class TodayList(OptionList):
    """Set `items` (in the list's order) and `today`; enter posts `Opened` with the item."""

    COMPONENT_CLASSES: ClassVar = {"today-list--heading", *BAND_CLASSES}
    DEFAULT_CSS = (
        """
    TodayList { height: 1fr; }
    TodayList > .today-list--heading { color: $text-accent; text-style: bold; }
    """
        + BAND_CSS
    )
    items: reactive[tuple[TodayItem, ...]] = reactive((), always_update=True)
    today: reactive[date] = reactive(date.min)

    @dataclass
    class Opened(Message):
        """Enter on an item: open it."""

        item: TodayItem

    @property
    def current(self) -> TodayItem | None:
        """The item under the cursor (None on an empty list)."""
        option = self.highlighted_option
        return self._by_id.get(option.id) if option is not None else None

    def __init__(self, **kwargs) -> None:
        super().__init__(compact=True, **kwargs)
        self._by_id: dict[str, TodayItem] = {}
        self._width = 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if (item := self._by_id.get(event.option.id)) is not None:
            self.post_message(self.Opened(item))

    def watch_items(self) -> None:
        self._show_when_sized()

    def watch_today(self) -> None:
        self._show_when_sized()

    def _show_when_sized(self) -> None:
        """The lines are built for a width: now when the list has one, else on its resize
        (not yet laid out, or hidden while the day was empty)."""
        if self.size:
            self._show()
        else:
            self._width = 0

    def on_resize(self) -> None:
        if self._room() != self._width:
            self._show()

    def _room(self) -> int:
        """The cells a line has: the list's width less the options' padding and the room of
        a scrollbar, there or not, so that a scrollbar coming never cuts the lines."""
        padding = self.get_component_styles("option-list--option").padding
        return self.size.width - self.styles.scrollbar_size_vertical - padding.width

    def _show(self) -> None:
        """Rebuild the lines, the cursor staying on the item it was on, else in its place."""
        current, place = self.current, self.highlighted or 0
        self._width = width = self._room()
        self._by_id = {f"{item.kind}-{item.id}": item for item in self.items}
        columns = self._columns(width)
        cells = columns.used + columns.subject(width)
        options: list[Option] = []
        for reason, heading in REASON_HEADINGS.items():
            group = [item for item in self.items if item.reason == reason]
            if not group:
                continue
            title = f"{_(heading)} ({len(group)})"
            style = self.get_component_rich_style("today-list--heading", partial=True)
            options.append(Option(Text(title, style=style), disabled=True))
            options += [
                Option(
                    _Line(partial(self._line, item, columns, width), cells),
                    id=f"{item.kind}-{item.id}",
                )
                for item in group
            ]
        self.set_options(options)
        enabled = [index for index, option in enumerate(options) if not option.disabled]
        if not enabled:
            return
        wanted = f"{current.kind}-{current.id}" if current else None
        if wanted in self._by_id:
            self.highlighted = self.get_option_index(wanted)
        else:  # it went (snoozed, chased, answered): the cursor stays where it was
            self.highlighted = next((i for i in enabled if i >= place), enabled[-1])

    def _columns(self, width: int) -> _Columns:
        """Each column as wide as its widest entry; the vendor's capped, the subject the rest."""
        items = self.items
        reason = max((cell_len(reason_words(i, self.today)) for i in items), default=0)
        chased = max((cell_len(self._chased(i)) for i in items), default=0)
        vendor = max((cell_len(i.vendor) for i in items), default=0)
        vendor = min(vendor, VENDOR_MAX if width >= WIDE else VENDOR_MIN + 4)
        if width < WIDE:
            return _Columns(reason, vendor, chased)
        due = max((cell_len(self._due(i)) for i in items), default=0)
        priority = max((cell_len(priority_text(i.priority)) for i in items), default=0)
        return _Columns(reason, vendor, chased, due, priority)

    def _chased(self, item: TodayItem) -> str:
        return chased_words(item.times_chased, item.last_chased, self.today)

    def _due(self, item: TodayItem) -> str:
        """The due date; in the queue's words for a chase (`12/10 in 3d`), where the reason
        does not already say how late it is."""
        if item.reason != "chase":
            return cell_date(item.due)
        return Deadline.of(item.due, "open", self.today).cell

    def _band(self, item: TodayItem) -> str:
        """Late or due today in the queue's colours; a contract's cancel-by passed as late."""
        if item.reason == "contract":
            return "overdue" if item.due < self.today else ""
        return _BANDS.get(item.reason, "")

    def _line(self, item: TodayItem, columns: _Columns, width: int) -> Text:
        """`→ 3 days overdue  Acme  Send the quote  2× · 3d ago`, user text taken literally."""
        band = band_style(self, self._band(item))
        parts = [
            (DIRECTION_MARKS.get(item.direction, " "), 1, ""),
            (reason_words(item, self.today), columns.reason, band),
            (fitted_name(item.vendor, columns.vendor), columns.vendor, "dim"),
        ]
        if columns.due:
            parts.append((self._due(item), columns.due, band))
        if columns.priority:
            parts.append((priority_text(item.priority), columns.priority, "bold"))
        tail = [(self._chased(item), columns.chased, "dim")] if columns.chased else []
        parts.append((item.subject, columns.subject(width), ""))
        text = Text(no_wrap=True, overflow="ellipsis")
        for index, (value, size, style) in enumerate([*parts, *tail]):
            text.append(_GAPS[min(index, 2)])
            text.append(fit(value, size), style=style)
        return text
