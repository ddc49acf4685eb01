"""The main screen's queue filters: the keys that cycle them and the pane title that shows
them."""

from dataclasses import replace

from textual.content import Content

from daicho.data import queue
from daicho.data.records import REQUEST_STATUSES
from daicho.i18n import _
from daicho.i18n.labels import label
from daicho.widgets.vendor_list import VendorList

_STATUS_CYCLE = (("open",), ("answered",), ("closed", "cancelled"), REQUEST_STATUSES)
_DIRECTION_CYCLE = (None, "outbound", "inbound")
_PRIORITY_CYCLE = (None, "urgent", "high", "normal")


def _next(cycle: tuple, current) -> object:
    return cycle[(cycle.index(current) + 1) % len(cycle)] if current in cycle else cycle[0]


class QueueFiltering:
    """Mixed into MainScreen, which holds `filters`, `follow_vendor` and `_vendor_name` and
    loads the queue (`load_queue`) as they say."""

    def _set_filters(self, **changes) -> None:
        self.filters = replace(self.filters, **changes)
        self._show_filters()
        self.load_queue(self.filters)

    def _show_filters(self) -> None:
        f = self.filters
        parts = [
            _("all statuses")
            if f.statuses == REQUEST_STATUSES
            else "/".join(label(s) for s in f.statuses),
            label(f.direction) if f.direction else _("both ways"),
            label(f.priority) if f.priority else _("any priority"),
            (self._vendor_name or _("all vendors")) if self.follow_vendor else _("all vendors"),
            _("by {sort}", sort=_sort_label(f.sort)),
        ]
        # Content, not a str: a str title is parsed as markup, and a vendor may be named "[/]".
        title = "2 " + _("Queue") + " · " + " · ".join(parts)
        self.query_one("#queue-pane").border_title = Content(title)

    def action_cycle_direction(self) -> None:
        self._set_filters(direction=_next(_DIRECTION_CYCLE, self.filters.direction))

    def action_cycle_status(self) -> None:
        self._set_filters(statuses=_next(_STATUS_CYCLE, self.filters.statuses))

    def action_cycle_priority(self) -> None:
        self._set_filters(priority=_next(_PRIORITY_CYCLE, self.filters.priority))

    def action_cycle_sort(self) -> None:
        self._set_filters(sort=_next(queue.SORTS, self.filters.sort))

    def action_toggle_vendor_filter(self) -> None:
        self.follow_vendor = not self.follow_vendor
        current = self.query_one(VendorList).current
        self._set_filters(vendor_id=current.id if current and self.follow_vendor else None)


def _sort_label(sort: str) -> str:
    return {
        "due": _("due date"),
        "priority": _("priority"),
        "vendor": _("vendor"),
        "created": _("newest"),
    }[sort]
