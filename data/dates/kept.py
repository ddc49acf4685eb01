"""A typed date as a draft keeps it: the date the text meant, and the text for display.

`+3` typed today and put back tomorrow would mean another day; the kept date does not. The
text comes back while it still means that date (`12/10`, or `fri` in the same week), else
the date itself, written as every date field reads it (ISO).
"""

from datetime import date

from daicho.data.dates.parse import DateError, parse_due

KeptDate = dict[str, str | None]  # {"date": ISO or None, "text": as typed}


def _meant(text: str, today: date) -> date | None:
    try:
        return parse_due(text, today)
    except DateError:
        return None


def kept_date(text: str, today: date) -> KeptDate:
    """What a draft keeps of a date field holding `text` on `today` (no date: empty, or not
    a date, kept as typed for the field to say what is wrong)."""
    meant = _meant(text, today)
    return {"date": meant.isoformat() if meant else None, "text": text}


def text_to_show(kept: object, today: date) -> str:
    """The text a date field shows for a kept date on `today`: the text as typed while it
    still means the kept date, else the kept date itself. A draft from before dates were kept
    holds the text alone: it comes back as it was."""
    if not isinstance(kept, dict):
        return "" if kept is None else str(kept)
    text = str(kept.get("text") or "")
    try:
        meant = date.fromisoformat(str(kept["date"])) if kept.get("date") else None
    except ValueError:
        meant = None
    if meant is None or _meant(text, today) == meant:
        return text
    return meant.isoformat()
