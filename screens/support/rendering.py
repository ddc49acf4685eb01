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
from daicho.data.records import RequestRecord
from daicho.i18n.labels import label
from daicho.widgets.deadline_look import band_style

DIRECTION_MARKS = {"outbound": "→", "inbound": "←"}  # as in the queue: → waiting on them


def local_time(at: datetime) -> str:
    """A stored UTC time as the user's local wall-clock time, to the minute."""
    return clock.to_local(at).strftime("%Y-%m-%d %H:%M")


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
