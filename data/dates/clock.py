"""Time in one place: the ledger stores naive UTC; users see and type local dates.

The app asks `today()` once, then again at each local midnight (`seconds_to_midnight`), and
hands its today to every screen; nothing else on screen asks the clock for the date.
"""

from datetime import UTC, date, datetime, time, timedelta

_frozen_today: date | None = None
_frozen_now: datetime | None = None
_shift = timedelta(0)  # added to the wall clock (`set_wall_clock`)
_stopped: datetime | None = None  # the local wall clock standing still (`set_wall_clock`)


def utcnow() -> datetime:
    """Now, as the naive UTC datetime the ledger stores."""
    return _frozen_now or datetime.now(UTC).replace(tzinfo=None) + _shift


def to_local(stored: datetime) -> datetime:
    """A stored (naive UTC) time as an aware local time."""
    return stored.replace(tzinfo=UTC).astimezone()


def to_utc(local: datetime) -> datetime:
    """A local time (aware, or naive meaning local) as stored naive UTC."""
    if local.tzinfo is None:
        local = local.astimezone()
    return local.astimezone(UTC).replace(tzinfo=None)


def local_now() -> datetime:
    """The user's local wall-clock time (naive), as `set_wall_clock` set it if it did."""
    return _stopped or datetime.now() + _shift


def today() -> date:
    """The user's local date; tests and snapshots may fix it with `freeze_today`."""
    return _frozen_today or local_now().date()


def seconds_to_midnight() -> float:
    """How long until the local date changes: when the app's today moves."""
    now = local_now()
    return (datetime.combine(now.date() + timedelta(days=1), time()) - now).total_seconds()


def freeze_today(day: date | None) -> None:
    """Pin `today()` to `day` (None lets it follow the wall clock again)."""
    global _frozen_today
    _frozen_today = day


def set_wall_clock(moment: datetime | None, running: bool = True) -> None:
    """Make the local wall clock read `moment` (naive local) now, standing still there or
    running on from there, so that a test sees midnight pass; None puts it back."""
    global _shift, _stopped
    _shift = timedelta(0) if moment is None else moment - datetime.now()
    _stopped = None if running else moment


def freeze_now(moment: datetime | None) -> None:
    """Pin `utcnow()` to `moment` (naive UTC) so that snapshots show a still clock."""
    global _frozen_now
    _frozen_now = moment
