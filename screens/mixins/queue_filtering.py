"""The main screen's queue filters: the keys that cycle them and the pane title that shows
them."""

from dataclasses import replace

from textual.content import Content

from daicho.data import queue, who
from daicho.data.records import REQUEST_STATUSES
from daicho.i18n import _
from daicho.i18n.labels import label
from daicho.screens.user_name_form import USER_NAME
from daicho.widgets.queue_table import QueueTable
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
            *([_("mine")] if f.assignee is not None else []),  # early: seen in a narrow pane
            label(f.direction) if f.direction else _("both ways"),
            label(f.priority) if f.priority else _("any priority"),
            (self._vendor_name or _("all vendors")) if self.follow_vendor else _("all vendors"),
            _("by {sort}", sort=_sort_label(f.sort)),
        ]
        # Content, not a str: a str title is parsed as markup, and a vendor may be named "[/]".
        title = "2 " + _("Queue") + " · " + " · ".join(parts)
        self.query_one("#queue-pane").border_title = Content(title)
        self.query_one(QueueTable).empty_text = _empty_text(f)

    def action_cycle_direction(self) -> None:
        self._set_filters(direction=_next(_DIRECTION_CYCLE, self.filters.direction))

    def action_cycle_status(self) -> None:
        self._set_filters(statuses=_next(_STATUS_CYCLE, self.filters.statuses))

    def action_cycle_priority(self) -> None:
        self._set_filters(priority=_next(_PRIORITY_CYCLE, self.filters.priority))

    def action_cycle_sort(self) -> None:
        self._set_filters(sort=_next(queue.SORTS, self.filters.sort))

    def action_toggle_mine(self) -> None:
        """Only the requests assigned to the user, or everyone's again; a user with no name
        is told where to set one."""
        if self.filters.assignee is not None:
            self._set_filters(assignee=None)
        elif name := who.user_name():
            self._set_filters(assignee=name)
        else:
            message = _(
                "“Mine” needs your name: set it with “{command}” in the command palette (ctrl+p)",
                command=_(USER_NAME),
            )
            self.notify(message, severity="warning", markup=False)

    def action_toggle_vendor_filter(self) -> None:
        self.follow_vendor = not self.follow_vendor
        current = self.query_one(VendorList).current
        self._set_filters(vendor_id=current.id if current and self.follow_vendor else None)


def _empty_text(filters: queue.QueueFilters) -> str:
    """What an empty queue truly says under these filters: "nice" only when nothing is open."""
    if filters.direction or filters.priority or filters.vendor_id is not None or filters.assignee:
        return _("Nothing matches these filters.")
    return {
        ("open",): _("Nothing open — nice."),
        ("answered",): _("Nothing answered yet."),
        ("closed", "cancelled"): _("Nothing closed or cancelled."),
    }.get(filters.statuses, _("No requests yet."))


def _sort_label(sort: str) -> str:
    return {
        "due": _("due date"),
        "priority": _("priority"),
        "vendor": _("vendor"),
        "created": _("newest"),
    }[sort]
