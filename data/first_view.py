"""What the main screen shows first, read in one go before the screen is built."""

from dataclasses import dataclass, replace
from datetime import date

from daicho.data import drafts, queue, vendors
from daicho.data.models import database
from daicho.data.queue import QueueFilters
from daicho.data.records import TodayItem, VendorRow
from daicho.data.today import today_list


@dataclass(frozen=True)
class FirstView:
    """What the first screen shows. Always the counts, a call draft and the draft of a form
    that was open when the app last stopped; then for the main screen its vendor list,
    completion names and the queue's first page, or for a start on Today the day's list (the
    main screen under it reads its panes once Today closes, as after any screen over it)."""

    counts: queue.QueueCounts
    call_draft: drafts.DraftRecord | None
    open_form_draft: drafts.DraftRecord | None
    vendors: list[VendorRow] | None = None
    names: list[str] | None = None
    page: queue.QueuePage | None = None
    today: list[TodayItem] | None = None


def read_first_view(
    filters: QueueFilters,
    page_size: int,
    today: date,
    chase_after: int = 3,
    on_today: bool = False,
) -> FirstView:
    """Everything first shown, the overdue figures and the day's list as of `today` (the
    app's), `chase_after` business days of quiet making an item due for a chase; `on_today`:
    for a start on Today."""
    with database.connection_context():
        kept = drafts.load_drafts()  # newest first
        listed = today_list(today, chase_after) if on_today else None
        first = FirstView(
            counts=queue.queue_counts(today, chase_after, None if listed is None else len(listed)),
            call_draft=next((d for d in kept if d.form == drafts.CALL_FORM), None),
            open_form_draft=next(
                (d for d in kept if d.form != drafts.CALL_FORM and d.content.get("open")), None
            ),
            today=listed,
        )
        if on_today:
            return first
        return replace(
            first,
            vendors=vendors.list_vendors("", include_hidden=False, today=today),
            names=vendors.vendor_names_with_readings(),
            page=queue.open_queue(filters, 0, page_size),
        )
