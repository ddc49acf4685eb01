"""The vendors pane: a filter field over a virtual list that draws only the visible rows.

OptionList takes ~0.4 s to take 2,000 vendors; this list takes them in a millisecond,
so filtering as you type stays instant on a large ledger.
"""

from dataclasses import dataclass
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.geometry import Region
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Input

from daicho.data.records import VendorRow
from daicho.i18n import N_, _
from daicho.i18n.labels import short_category
from daicho.widgets.deadline_look import BAND_CLASSES, BAND_CSS, band_style
from daicho.widgets.narrow_cells import category_cells, fit, fitted_name
from daicho.widgets.scrolling import CURSOR_KEYS, set_virtual_height
from daicho.widgets.text_fields import WIDE_SPACE, TextField, typed_character

WITH_CATEGORY = 30  # a narrower list leaves the category out, to give the names room
WITH_ANSWER_TIME = 38  # and one narrower than this how fast each vendor answers
ANSWER_CELLS = 6  # `12.5日`


class VendorRows(ScrollView, can_focus=True):
    """The list itself. Row 0 is "all vendors"; the rest are `rows`."""

    COMPONENT_CLASSES: ClassVar = {
        "vendor-rows--cursor",
        "vendor-rows--muted",
        *BAND_CLASSES,
    }
    DEFAULT_CSS = (
        """
    VendorRows {
        height: 1fr; overflow-x: hidden; overflow-y: scroll; scrollbar-size-vertical: 1;
    }
    VendorRows > .vendor-rows--cursor { background: $block-cursor-blurred-background; }
    VendorRows:focus > .vendor-rows--cursor {
        background: $block-cursor-background; color: $block-cursor-foreground;
    }
    VendorRows > .vendor-rows--muted { color: $text-muted; }
    """
        + BAND_CSS
    )
    BINDINGS: ClassVar = [
        *CURSOR_KEYS,
    ]

    cursor = reactive(0, always_update=True)

    class Moved(Message):
        """The cursor moved or the rows under it changed."""

    class Widened(Message):
        """The rows have room for how fast each vendor answers (WITH_ANSWER_TIME)."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.rows: list[VendorRow] = []
        self.hint = ""  # shown under "all vendors" when there are no rows
        self.answer_days: dict[int, str] = {}  # vendor id to its median answer time, `3.5`

    def set_rows(self, rows: list[VendorRow]) -> None:
        self.rows = rows
        set_virtual_height(self, len(rows) + 1)
        self.cursor = min(self.cursor, len(rows))
        self.refresh()

    @property
    def current(self) -> VendorRow | None:
        """The vendor under the cursor; None for "all vendors"."""
        return self.rows[self.cursor - 1] if self.cursor else None

    def on_resize(self) -> None:
        if self.scrollable_content_region.width >= WITH_ANSWER_TIME:
            self.post_message(self.Widened())

    def action_move(self, by: int) -> None:
        self.cursor = max(0, min(len(self.rows), self.cursor + by))

    def watch_cursor(self, old: int, new: int) -> None:
        self.scroll_to_region(Region(0, new, 1, 1), animate=False, force=True)
        self.refresh()
        self.post_message(self.Moved())

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        base = self.rich_style
        if index > (len(self.rows) or bool(self.hint)):
            return Strip.blank(width, base)
        text = self._row_text(index, width)
        if index == self.cursor:
            text.stylize(self.get_component_rich_style("vendor-rows--cursor"))
        return Strip(list(text.render(self.app.console)), width).apply_style(base)

    def _row_text(self, index: int, width: int) -> Text:
        if index == 0:
            text = Text(_("All vendors"), style="bold")
        elif not self.rows:
            text = Text(self.hint, style=self.get_component_rich_style("vendor-rows--muted"))
        else:
            row = self.rows[index - 1]
            muted = self.get_component_rich_style("vendor-rows--muted")
            tail = Text(f"{row.open_count or '':>3}")
            if width >= WITH_ANSWER_TIME and self.answer_days:  # none known: names get the room
                tail = self._answer_cell(row.id, muted) + tail
            if width >= WITH_CATEGORY:
                category = Text(" " + short_category(row.category), style=muted)
                category.align("left", 1 + category_cells())
                tail = category + tail
            tail.append(
                f"{'‼' + str(row.overdue_count) if row.overdue_count else '':>4}",
                style=band_style(self, "overdue"),
            )
            room = max(4, width - tail.cell_len)
            shown = fit(fitted_name(row.name, room), room)
            text = Text(shown, style=muted if row.status != "active" else Style()) + tail
        text.truncate(width, pad=True)
        return text

    def _answer_cell(self, vendor_id: int, style: Style) -> Text:
        """`4d` (`4日`): the business days the vendor usually takes to answer, when known."""
        days = self.answer_days.get(vendor_id)
        cell = Text(_("{days}d", days=days) if days else "", style=style)
        cell.align("right", ANSWER_CELLS)
        return cell

    def on_click(self, event) -> None:
        self.cursor = max(0, min(len(self.rows), self.scroll_offset.y + event.y))


MOVES = {binding.key for binding in VendorRows.BINDINGS}
SPACES = (" ", WIDE_SPACE)  # a Japanese input method types the full-width one


class VendorList(Vertical):
    """Filter field and list; tells the screen what the user filters, picks and opens.

    Typing on the list filters it, except the keys that act there (`n`, `v`, `f`, …, as
    bound in the screen): backspace takes the last character back, escape clears it.
    """

    DEFAULT_CSS = """
    VendorList { height: 1fr; }
    """
    BINDINGS: ClassVar = [
        Binding("enter", "open", N_("Open"), id="vendors.open"),
        Binding("f", "filter", N_("Filter"), id="vendors.filter"),
        Binding("h", "toggle_hidden", N_("Prospects/inactive"), id="vendors.hidden"),
    ]

    include_hidden = reactive(False, init=False)
    answer_days: reactive[dict[int, str]] = reactive(dict, init=False)
    """Set by the screen: each vendor's median answer time (`3.5`), shown when there is room."""
    empty_hint = reactive("", init=False)
    """Set by the screen: what the list says with no vendor to show and no filter."""
    _selected_id: int | None = None
    pinned: int | None = None
    """A vendor listed whatever the filter says (one just saved) until the cursor leaves it."""
    _wanted: int | None = None  # the vendor the cursor goes to once the rows hold it
    _to_first_match = False
    """The filter was typed on the list: the cursor goes to the first match, also when the
    rows come after a key that acts on it (`n` typed quickly after a name), until it moves."""

    @dataclass
    class FilterChanged(Message):
        text: str
        include_hidden: bool

    @dataclass
    class Selected(Message):
        """The cursor moved: `vendor` is None for "all vendors"."""

        vendor: VendorRow | None

    @dataclass
    class Opened(Message):
        vendor: VendorRow

    def compose(self) -> ComposeResult:
        yield TextField(placeholder=_("Filter: name, reading, contact"), compact=True)
        yield VendorRows()

    @property
    def listing(self) -> VendorRows:
        """The scrolling list under the filter field (its `rows` are the vendors shown)."""
        return self.query_one(VendorRows)

    @property
    def current(self) -> VendorRow | None:
        return self.listing.current

    def set_rows(self, rows: list[VendorRow]) -> None:
        """Show `rows`, keeping the cursor on the same vendor when it is still listed, or
        moving it to the vendor asked for by `show_vendor`."""
        current = self.listing.current
        self.listing.hint = "" if self.query_one(Input).value else self.empty_hint
        self.listing.set_rows(rows)
        ids = [row.id for row in rows]
        if self._wanted in ids:
            self.listing.cursor = ids.index(self._wanted) + 1
            self._wanted = None
        elif self._to_first_match:  # until another key: a later reply may be on its way
            self.listing.cursor = 1 if rows else 0
        elif current is not None:
            self.listing.cursor = ids.index(current.id) + 1 if current.id in ids else 0

    def show_vendor(self, vendor_id: int) -> None:
        """Put the cursor on `vendor_id` when the rows next come (the screen reloads them),
        listed even when the filter hides it (a prospect, say) until the cursor leaves it."""
        self.pinned = self._wanted = vendor_id
        self.focus_list()

    def _filter_changed(self) -> None:
        """Ask for the rows as the filter says: the user moved on from a pinned vendor."""
        self.pinned = self._wanted = None
        self.post_message(self.FilterChanged(self.query_one(Input).value, self.include_hidden))

    def focus_list(self) -> None:
        self.listing.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._filter_changed()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.listing.cursor = 1 if self.listing.rows else 0
        self.listing.focus()

    def on_key(self, event: events.Key) -> None:
        filter_field = self.query_one(Input)
        if filter_field.has_focus:
            if event.key in ("escape", "down"):
                event.stop()
                self.listing.focus()
        elif self.listing.has_focus:
            acts = event.key in self.screen.active_bindings
            if not acts and self._type_on_list(event, filter_field):
                self._to_first_match = True
            elif event.key in MOVES:
                self._to_first_match = False  # the user moves the cursor themselves

    def _type_on_list(self, event: events.Key, filter_field: Input) -> bool:
        """A key typed on the list that does nothing else there edits the filter."""
        text = filter_field.value
        character = typed_character(event)
        if character and (text or character not in SPACES):
            text += character
        elif event.key == "backspace" and text:
            text = text[:-1]
        elif event.key == "escape" and text:
            text = ""
        else:
            return False
        event.stop()
        filter_field.value = text
        filter_field.cursor_position = len(text)
        return True

    def watch_empty_hint(self) -> None:
        self.set_rows(self.listing.rows)

    def watch_answer_days(self, answer_days: dict[int, str]) -> None:
        self.listing.answer_days = answer_days
        self.listing.refresh()

    def watch_include_hidden(self) -> None:
        self._filter_changed()

    def action_filter(self) -> None:
        self.query_one(Input).focus()

    def action_toggle_hidden(self) -> None:
        self.include_hidden = not self.include_hidden

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        """`enter` is shown dimmed on "All vendors", which has no detail screen."""
        if action == "open" and self.listing.current is None:
            return None
        return True

    def action_open(self) -> None:
        if self.listing.current is not None:
            self.post_message(self.Opened(self.listing.current))

    def on_vendor_rows_moved(self, event: VendorRows.Moved) -> None:
        event.stop()
        current = self.listing.current
        current_id = current.id if current else None
        if current_id != self._selected_id:
            self._selected_id = current_id
            self.post_message(self.Selected(current))
            self.refresh_bindings()
        if self.pinned not in (None, current_id) and self._wanted is None:
            self._filter_changed()  # moved on: the list is as its filter says again
