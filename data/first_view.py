"""What the main screen shows first, read in one go before the screen is built."""

from dataclasses import dataclass

from daicho.data import drafts, queue, vendors
from daicho.data.models import database
from daicho.data.queue import QueueFilters
from daicho.data.records import VendorRow


@dataclass(frozen=True)
class FirstView:
    """The vendor list, completion names, the queue's first page, the counts, a call draft."""

    vendors: list[VendorRow]
    names: list[str]
    page: queue.QueuePage
    counts: queue.QueueCounts
    call_draft: drafts.DraftRecord | None


def read_first_view(filters: QueueFilters, page_size: int) -> FirstView:
    with database.connection_context():
        return FirstView(
            vendors=vendors.list_vendors("", include_hidden=False),
            names=vendors.vendor_names(),
            page=queue.open_queue(filters, 0, page_size),
            counts=queue.queue_counts(),
            call_draft=next((d for d in drafts.load_drafts() if d.form == drafts.CALL_FORM), None),
        )
