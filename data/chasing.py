"""Chasing a vendor (催促, DESIGN §12): a chase is a history event of a request we wait on,
with the channel it went by and what was said; a request may name the day to chase next.

A chase clears a next chase date that has come (it was for this chase) unless it sets a new
one, so that a chased item leaves the Today list until it is due again.
"""

from datetime import date

from daicho.data.dates import clock
from daicho.data.errors import InputError
from daicho.data.models import Request, RequestEvent, database
from daicho.data.records import CALL_CHANNELS, RequestRecord
from daicho.data.requests import get_request, record_event, request_row, write_request_change
from daicho.data.search.index import reindexing
from daicho.data.text import clean_line
from daicho.data.validate import choice
from daicho.data.who import user_name
from daicho.i18n import _

_KEEP = object()  # "leave the next chase date as it is"


def chase_request(
    request_id: int,
    channel: str | None = None,
    note: str = "",
    next_chase: date | object | None = _KEEP,
    *,
    expected_version: int | None = None,
) -> RequestRecord:
    """Record that the vendor was chased just now, by `channel` (None: the one the user last
    chased by), with an optional one-line `note`; `next_chase` sets (or with None clears) the
    day to chase next. Only an open request we wait on can be chased."""
    channel = choice(channel or last_chase_channel(), CALL_CHANNELS, _("Channel"))
    note = clean_line(note)
    with database.atomic(), reindexing("request", request_id):  # its note is searched
        row = request_row(request_id)
        _must_wait_on_vendor(row)
        _chase(row, channel, note, next_chase, expected_version)
    return get_request(request_id)


def insert_chase(request_id: int, channel: str, note: str) -> None:
    """A chase made by a call about the request, saved with the call: the caller holds the
    transaction. A request that is no longer open, or that we owe, is left as it is."""
    row = request_row(request_id)
    if row.status == "open" and row.direction == "outbound":
        with reindexing("request", request_id):
            _chase(row, choice(channel, CALL_CHANNELS, _("Channel")), clean_line(note), _KEEP, None)


def _chase(row: Request, channel: str, note: str, next_chase, expected_version) -> None:
    if next_chase is _KEEP:  # a date that has come was for this chase: it is done
        kept = row.next_chase and row.next_chase > clock.today()
        next_chase = row.next_chase if kept else None
    at = write_request_change(row, {"next_chase": next_chase}, expected_version)
    record_event(row.id, at, "chase", new_value=channel, note=note)
    if row.next_chase != next_chase:
        record_event(row.id, at, "next_chase_changed", **_days(row.next_chase, next_chase))


def set_next_chase(
    request_id: int, next_chase: date | None, *, expected_version: int | None = None
) -> RequestRecord:
    """Name the day to chase the vendor next (None: no day, the quiet rule decides)."""
    with database.atomic():
        row = request_row(request_id)
        _must_wait_on_vendor(row)
        at = write_request_change(row, {"next_chase": next_chase}, expected_version)
        record_event(row.id, at, "next_chase_changed", **_days(row.next_chase, next_chase))
    return get_request(request_id)


def snooze_request(
    request_id: int, until: date | None, *, expected_version: int | None = None
) -> RequestRecord:
    """Keep the request off the Today list until `until` (it comes back that day); None
    brings it back now."""
    with database.atomic():
        row = request_row(request_id)
        at = write_request_change(row, {"snoozed_until": until}, expected_version)
        record_event(row.id, at, "snoozed", **_days(row.snoozed_until, until))
    return get_request(request_id)


def last_chase_channel() -> str:
    """The channel the user last chased by, the default of the next chase: phone at first."""
    last = (
        RequestEvent.select(RequestEvent.new_value)
        .where((RequestEvent.kind == "chase") & (RequestEvent.created_by == user_name()))
        .order_by(RequestEvent.id.desc())
        .first()
    )
    return last.new_value if last and last.new_value in CALL_CHANNELS else "phone"


def can_chase(request: RequestRecord | Request) -> bool:
    """Whether `request` may be chased: it is open and we wait on the vendor."""
    return request.direction == "outbound" and request.status == "open"


def _must_wait_on_vendor(row: Request) -> None:
    if not can_chase(row):
        raise InputError(_("Only an open request waiting on the vendor can be chased"))


def _days(old: date | None, new: date | None) -> dict[str, str]:
    return {
        "old_value": old.isoformat() if old else "",
        "new_value": new.isoformat() if new else "",
    }
