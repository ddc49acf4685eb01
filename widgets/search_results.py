"""Search hits as a virtual list that draws only the visible lines, two per hit: what it is,
when, vendor and title; then the snippet, the words found marked in it.

Ledger text is only ever put into `rich.text.Text` as plain text and styled by the hit's
spans, so a subject like `[bold]` shows as typed.
"""

from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from daicho.data.dates import clock
from daicho.data.search.hits import KINDS, SearchHit
from daicho.i18n import N_, _
from daicho.i18n.labels import kind_label

LINES_PER_HIT = 2
_INDENT = "  "


class SearchResults(ScrollView, can_focus=True):
    """The hits; `up` on the first one says so (`AboveFirst`), `enter` opens one (`Opened`)."""

    COMPONENT_CLASSES: ClassVar = {
        "search-results--cursor",
        "search-results--kind",
        "search-results--muted",
        "search-results--match",
    }
    DEFAULT_CSS = """
    SearchResults { height: 1fr; overflow-x: hidden; scrollbar-size-vertical: 1; }
    SearchResults > .search-results--cursor { background: $block-cursor-blurred-background; }
    SearchResults:focus > .search-results--cursor {
        background: $block-cursor-background; color: $block-cursor-foreground;
    }
    SearchResults > .search-results--kind { color: $text-accent; text-style: bold; }
    SearchResults > .search-results--muted { color: $text-muted; }
    SearchResults > .search-results--match { color: $text-warning; text-style: bold underline; }
    """
    BINDINGS: ClassVar = [
        Binding("enter", "open", N_("Open"), id="search.open"),
        Binding("up", "move(-1)", show=False),
        Binding("down", "move(1)", show=False),
        Binding("pageup", "move(-10)", show=False),
        Binding("pagedown", "move(10)", show=False),
        Binding("home", "move(-1000000)", show=False),
        Binding("end", "move(1000000)", show=False),
    ]

    cursor = reactive(0, always_update=True)

    @dataclass
    class Opened(Message):
        hit: SearchHit

    class AboveFirst(Message):
        """`up` was pressed on the first hit: the user is heading back to the query."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.hits: list[SearchHit] = []

    def set_hits(self, hits: list[SearchHit], *, keep_cursor: bool = False) -> None:
        """Show `hits`, the cursor on the first, or with `keep_cursor` on the hit it was on
        if that is still listed."""
        current = self.current
        self.hits = hits
        self.virtual_size = Size(self.size.width, len(hits) * LINES_PER_HIT)
        keys = [(hit.kind, hit.id) for hit in hits]
        kept = keep_cursor and current and (current.kind, current.id) in keys
        self.cursor = keys.index((current.kind, current.id)) if kept else 0

    @property
    def current(self) -> SearchHit | None:
        return self.hits[self.cursor] if self.cursor < len(self.hits) else None

    def action_move(self, by: int) -> None:
        if by < 0 and self.cursor == 0:
            self.post_message(self.AboveFirst())
            return
        self.cursor = max(0, min(len(self.hits) - 1, self.cursor + by))

    def action_open(self) -> None:
        if self.current is not None:
            self.post_message(self.Opened(self.current))

    def watch_cursor(self, cursor: int) -> None:
        region = Region(0, cursor * LINES_PER_HIT, 1, LINES_PER_HIT)
        self.scroll_to_region(region, animate=False, force=True)
        self.refresh()

    def on_click(self, event) -> None:
        index = (self.scroll_offset.y + event.y) // LINES_PER_HIT
        if index < len(self.hits):
            self.cursor = index

    def render_line(self, y: int) -> Strip:
        index, line = divmod(self.scroll_offset.y + y, LINES_PER_HIT)
        width = self.scrollable_content_region.width
        if index >= len(self.hits):
            return Strip.blank(width, self.rich_style)
        hit = self.hits[index]
        text = self._heading(hit) if line == 0 else self._snippet(hit)
        text.truncate(width, overflow="ellipsis", pad=True)
        if index == self.cursor:
            text.stylize(self.get_component_rich_style("search-results--cursor"))
        return Strip(list(text.render(self.app.console)), width).apply_style(self.rich_style)

    def _heading(self, hit: SearchHit) -> Text:
        """`通話  2026-11-20 10:30  NTT東日本  回線工事の件`"""
        kind_style = self.get_component_rich_style("search-results--kind")
        kind = Text(kind_label(hit.kind), style=kind_style)
        kind.pad_right(_kind_width() - cell_len(kind.plain))
        muted = self.get_component_rich_style("search-results--muted")
        return Text.assemble(
            kind,
            "  ",
            (clock.to_local(hit.at).strftime("%Y-%m-%d %H:%M"), muted),
            "  ",
            (hit.vendor_name, muted),
            "  ",
            hit.title or (_("(no subject)"), muted),
            no_wrap=True,
        )

    def _snippet(self, hit: SearchHit) -> Text:
        text = Text(_INDENT + hit.snippet, no_wrap=True)
        match = self.get_component_rich_style("search-results--match")
        for start, end in hit.spans:
            text.stylize(match, start + len(_INDENT), end + len(_INDENT))
        return text


def _kind_width() -> int:
    """The widest kind's label, in cells, so that dates line up in either language."""
    return max(cell_len(kind_label(kind)) for kind in KINDS)
