"""How one request reads as a line of the queue: columns sized in terminal cells, plain words.

No Textual here: the queue table adds colour on top. Widths are measured with
`rich.cells`, so Japanese (two cells a character) lines up with English.
"""

from dataclasses import dataclass
from functools import lru_cache

from rich.cells import cell_len

from daicho.data.dates import clock
from daicho.data.dates.deadlines import Deadline
from daicho.data.records import DIRECTION_MARKS, RequestRecord
from daicho.data.today_words import chased_words, times_and_days
from daicho.i18n import _
from daicho.i18n.labels import label
from daicho.widgets.narrow_cells import fitted_name

DUE_WIDTHS = {  # by date style (data/dates/style.py)
    "short": 15,  # "11/18 ‼99d late", "11/18 ‼99日超過"
    "iso": 20,  # "2026-11-18 ‼99d late"
    "wareki": 19,  # "R10.11.18 ‼99日超過"
}
VENDOR_MIN, VENDOR_MAX, SUBJECT_MIN = 10, 24, 20
ASSIGNEE_WIDTH = 8  # 髙橋 or Takahas… : a name to tell people at a desk apart
_PRIORITY_MARKS = {"urgent": "‼", "high": "!"}
_CONTROL = str.maketrans(dict.fromkeys([*map(chr, range(32)), "\x7f"], " "))


@dataclass(frozen=True)
class Column:
    key: str
    width: int
    right: bool = False
    chased: bool = False  # the subject says when it was chased: no room for its own column


def titles() -> dict[str, str]:
    """Column titles in the current language, by column key."""
    return {
        "direction": "",
        "due": _("Due"),
        "vendor": _("Vendor"),
        "subject": _("Subject"),
        "age": _("Age"),
        "priority": _("Priority"),
        "assignee": _("Assignee"),
        "chased": _("Chased"),
    }


def priority_text(priority: str) -> str:
    """`‼urgent` / `!high`: the mark for scanning, the word for reading; normal is blank."""
    mark = _PRIORITY_MARKS.get(priority)
    return mark + label(priority) if mark else ""


@lru_cache(maxsize=32)
def layout(
    width: int, language: str, style: str = "short", assignee: bool = False
) -> tuple[Column, ...]:
    """Columns for `width` cells in `language` and date `style` (cache keys: titles change
    width with the language, the due column with the style), with the assignee's if asked.

    Direction, due, vendor and subject always show; priority, then when it was chased, then
    the assignee, then age, join while vendor and subject keep VENDOR_MIN + SUBJECT_MIN
    cells. The subject takes the rest, and says when it was chased while that has no room.
    """
    names = titles()
    age = max(cell_len(names["age"]), cell_len(_("{days}d", days=999)))
    priority = max(cell_len(names["priority"]), *map(cell_len, map(priority_text, _PRIORITY_MARKS)))
    due = DUE_WIDTHS[style]
    room = width - (1 + 1) - (due + 1) - 1  # direction, due, spaces between columns
    chased = max(cell_len(names["chased"]), cell_len(times_and_days(9, 99)))
    wanted = [("priority", priority), ("chased", chased), ("age", age)]
    if assignee:
        wanted.insert(2, ("assignee", max(cell_len(names["assignee"]), ASSIGNEE_WIDTH)))
    extra = {}
    for key, size in wanted:
        if room - (size + 1) >= VENDOR_MIN + SUBJECT_MIN:
            extra[key] = size
            room -= size + 1
    vendor = min(VENDOR_MAX, room // 3)
    return (
        Column("direction", 1),
        Column("due", due),
        *((Column("chased", extra["chased"]),) if "chased" in extra else ()),
        Column("vendor", vendor),
        Column("subject", max(0, room - vendor), chased="chased" not in extra),
        *(
            Column(key, extra[key], right=key == "age")
            for key in ("age", "priority", "assignee")
            if key in extra
        ),
    )


def cell_text(column: Column, request: RequestRecord, deadline: Deadline) -> str:
    """The words in one cell; line breaks and other control characters become spaces."""
    key = column.key
    if key == "direction":
        return DIRECTION_MARKS[request.direction]
    if key == "due":
        return deadline.cell
    if key == "vendor":
        return fitted_name(request.vendor_name.translate(_CONTROL), column.width)
    if key == "subject":
        status = "" if request.status == "open" else label(request.status) + " · "
        chased = (
            chased_words(request.times_chased, request.last_chased, deadline.today)
            if column.chased
            else ""
        )
        return status + (chased + " · " if chased else "") + request.subject.translate(_CONTROL)
    if key == "age":
        created = clock.to_local(request.created_at).date()
        return _("{days}d", days=max(0, (deadline.today - created).days))
    if key == "assignee":
        return fitted_name(request.assignee.translate(_CONTROL), column.width)
    if key == "chased":
        return chased_words(request.times_chased, request.last_chased, deadline.today)
    return priority_text(request.priority)
