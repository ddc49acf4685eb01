"""What the main screen shows first, read in one go before the screen is built."""

from dataclasses import dataclass
from datetime import date

from daicho.data import drafts, queue, vendors
from daicho.data.models import database
from daicho.data.queue import QueueFilters
from daicho.data.records import VendorRow


@dataclass(frozen=True)
class FirstView:
    """The vendor list, completion names, the queue's first page, the counts, a call draft
    and the draft of a form that was open when the app last stopped."""

    vendors: list[VendorRow]
    names: list[str]
    page: queue.QueuePage
    counts: queue.QueueCounts
    call_draft: drafts.DraftRecord | None
    open_form_draft: drafts.DraftRecord | None


def read_first_view(
    filters: QueueFilters, page_size: int, today: date, chase_after: int = 3
) -> FirstView:
    """Everything first shown, the overdue figures and the day's list as of `today` (the
    app's), `chase_after` business days of quiet making an item due for a chase."""
    with database.connection_context():
        kept = drafts.load_drafts()  # newest first
        return FirstView(
            vendors=vendors.list_vendors("", include_hidden=False, today=today),
            names=vendors.vendor_names_with_readings(),
            page=queue.open_queue(filters, 0, page_size),
            counts=queue.queue_counts(today, chase_after),
            call_draft=next((d for d in kept if d.form == drafts.CALL_FORM), None),
            open_form_draft=next(
                (d for d in kept if d.form != drafts.CALL_FORM and d.content.get("open")), None
            ),
        )
