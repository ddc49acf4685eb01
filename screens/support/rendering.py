"""How the detail screens and prompts show ledger values: local times, due dates, fact grids.

User text is always handed to Rich as `Text`, so a subject like `[bold]x[/]` shows as typed.
"""

from datetime import date, datetime

from rich.table import Table
from rich.text import Text
from textual.dom import DOMNode

from daicho.data.dates import clock
from daicho.data.dates.deadlines import Deadline
from daicho.data.dates.style import full_date
from daicho.data.records import DIRECTION_MARKS, RequestRecord
from daicho.i18n import _
from daicho.i18n.labels import label
from daicho.widgets.deadline_look import band_style


def local_time(at: datetime) -> str:
    """A stored UTC time as the user's local wall-clock time, to the minute."""
    return clock.to_local(at).strftime("%Y-%m-%d %H:%M")


def by_whom(at: datetime, name: str) -> str:
    """A stored time and the [user] name of who acted then: `2026-12-07 14:05 · 佐藤`."""
    return f"{local_time(at)} · {name}" if name else local_time(at)


def who_text(record: object) -> Text:
    """Who wrote a vendor, contact, call or request record and who changed it last, when
    (`記録: 髙橋 · 更新: 佐藤 12/07 14:05`); empty when nobody was named."""
    created_by, changed_by = record.created_by, record.changed_by
    changed_at = getattr(record, "updated_at", None)  # a call's record has no times of its own
    changed = changed_at is not None and changed_at != getattr(record, "created_at", None)
    parts = [_("by {name}", name=created_by)] if created_by else []
    if changed_by and (changed or changed_by != created_by):
        when = clock.to_local(changed_at).strftime(" %m/%d %H:%M") if changed else ""
        parts.append(_("changed by {name}", name=changed_by) + when)
    return Text(" · ".join(parts), style="dim")


def stored_day(value: str) -> str:
    """A date kept as ISO text (a due date in the history) in the date style; other text as is."""
    try:
        return full_date(date.fromisoformat(value))
    except ValueError:
        return value


def facts(rows: list[tuple[str, str | Text]]) -> Table:
    """Label and value pairs as a two-column grid; plain strings are never read as markup."""
    table = Table.grid(padding=(0, 2))
    table.add_column(style="dim", no_wrap=True)
    table.add_column(ratio=1, overflow="fold")
    for name, value in rows:
        table.add_row(Text(name), value if isinstance(value, Text) else Text(value))
    return table


def due_cell(deadline: Deadline, look: DOMNode) -> Text:
    """The due date as the queue words and colours it (in `look`'s theme): `11/18 ‼2d late`,
    `11/22 in 2d`, `—`."""
    return Text(deadline.cell, style=band_style(look, deadline.band))


def due_line(deadline: Deadline, look: DOMNode) -> Text:
    """The due cell, then the date in full (with its year) unless the cell already has it."""
    text = due_cell(deadline, look)
    if deadline.in_full:
        text.append(f" · {deadline.in_full}", style="dim")
    return text


def request_summary(request: RequestRecord) -> Text:
    """One line naming a request: its direction, vendor and subject."""
    return Text.assemble(
        (f"{DIRECTION_MARKS.get(request.direction, '')} {label(request.direction)}", "bold"),
        "  ",
        (request.vendor_name, "dim"),
        "  ",
        request.subject,
    )
