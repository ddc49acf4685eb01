"""Time in one place: the ledger stores naive UTC; users see and type local dates."""

from datetime import UTC, date, datetime

_frozen_today: date | None = None
_frozen_now: datetime | None = None


def utcnow() -> datetime:
    """Now, as the naive UTC datetime the ledger stores."""
    return _frozen_now or datetime.now(UTC).replace(tzinfo=None)


def to_local(stored: datetime) -> datetime:
    """A stored (naive UTC) time as an aware local time."""
    return stored.replace(tzinfo=UTC).astimezone()


def to_utc(local: datetime) -> datetime:
    """A local time (aware, or naive meaning local) as stored naive UTC."""
    if local.tzinfo is None:
        local = local.astimezone()
    return local.astimezone(UTC).replace(tzinfo=None)


def today() -> date:
    """The user's local date; tests and snapshots may fix it with `freeze_today`."""
    return _frozen_today or datetime.now().date()


def freeze_today(day: date | None) -> None:
    """Pin `today()` to `day` (None lets it follow the wall clock again)."""
    global _frozen_today
    _frozen_today = day


def freeze_now(moment: datetime | None) -> None:
    """Pin `utcnow()` to `moment` (naive UTC) so that snapshots show a still clock."""
    global _frozen_now
    _frozen_now = moment
