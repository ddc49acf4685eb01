"""How the detail screens and prompts show ledger values: local times, due dates, fact grids.

User text is always handed to Rich as `Text`, so a subject like `[bold]x[/]` shows as typed.
"""

from datetime import date, datetime

from rich.table import Table
from rich.text import Text

from daicho.data.dates import clock
from daicho.data.dates.deadlines import deadline_band, due_text
from daicho.data.dates.style import full_date
from daicho.data.records import RequestRecord
from daicho.i18n.labels import label

DIRECTION_MARKS = {"outbound": "→", "inbound": "←"}  # as in the queue: → waiting on them
_BAND_STYLES = {"overdue": "bold red", "today": "bold yellow", "soon": "yellow", "closed": "dim"}


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


def due_cell(request: RequestRecord, soon_days: int) -> Text:
    """The due date as the queue words and colours it: `11/18 ‼2d late`, `11/22 in 2d`, `—`."""
    today = clock.today()
    band = deadline_band(request.due, request.status, today, soon_days)
    return Text(due_text(request.due, band, today), style=_BAND_STYLES.get(band, ""))


def due_line(request: RequestRecord, soon_days: int) -> Text:
    """The due cell, then the date in full (with its year) unless the cell already has it."""
    text = due_cell(request, soon_days)
    if request.due is not None and (full := full_date(request.due)) not in text.plain:
        text.append(f" · {full}", style="dim")
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
