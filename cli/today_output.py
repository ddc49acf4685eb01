"""How `daicho today` prints the day's list: lines grouped as the Today screen groups them,
for a morning mail; JSON for a script or cron."""

import json
from datetime import date

from daicho.data.dates import clock
from daicho.data.records import DIRECTION_MARKS, TodayItem
from daicho.data.today_words import REASON_HEADINGS, chased_words, reason_words
from daicho.i18n import _


def today_as_json(items: list[TodayItem]) -> str:
    """A JSON array in the list's order, one object per item: kind (request, contract), id,
    reason (overdue, due_today, chase, contract), vendor, subject (a contract's title), due
    (ISO date or null; a contract's decision date), last_chased (local time, ISO 8601 with
    its UTC offset, or null), times_chased; then direction, priority (both null for a
    contract) and next_chase (ISO date or null)."""
    return json.dumps(
        [
            {
                "kind": item.kind,
                "id": item.id,
                "reason": item.reason,
                "vendor": item.vendor,
                "subject": item.subject,
                "due": item.due.isoformat() if item.due else None,
                "last_chased": _local(item),
                "times_chased": item.times_chased,
                "direction": item.direction or None,
                "priority": item.priority or None,
                "next_chase": item.next_chase.isoformat() if item.next_chase else None,
            }
            for item in items
        ],
        ensure_ascii=False,
        indent=2,
    )


def today_as_lines(items: list[TodayItem], today: date) -> str:
    """A heading per reason with its count, then a line per item saying why it is there:
    `  → 3 days overdue · Acme · Send the quote · chased 2× · 3d ago · #12`."""
    if not items:
        return _("All clear: nothing needs you today")
    blocks = []
    for reason, heading in REASON_HEADINGS.items():
        group = [item for item in items if item.reason == reason]
        if group:
            lines = [f"{_(heading)} ({len(group)})", *(_line(item, today) for item in group)]
            blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def _line(item: TodayItem, today: date) -> str:
    parts = [reason_words(item, today), item.vendor, item.subject]
    if chased := chased_words(item.times_chased, item.last_chased, today):
        parts.append(_("chased {times}", times=chased))
    if item.kind == "request":
        parts.append(f"#{item.id}")
    return f"  {DIRECTION_MARKS.get(item.direction, ' ')} " + " · ".join(parts)


def _local(item: TodayItem) -> str | None:
    if item.last_chased is None:
        return None
    return clock.to_local(item.last_chased).isoformat(timespec="seconds")
