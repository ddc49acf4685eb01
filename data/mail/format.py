"""How mails write dates, times, lists and due dates, in the language of their template.

Call these inside `i18n.language(...)`: the words come from `_()`, the layouts from the
tables here (a Japanese list is `・`, an English one `- `). User text goes in as it is.

Dates follow the date style (data/dates/settings): `short` writes `Fri 27 Nov` and
`11月27日(金)`, `iso` `Fri 2026-11-27` and `2026-11-27(金)`, `wareki` `令和8年11月27日(金)`.
A mail in English keeps its short form when wareki is the configured style, because its reader
is unlikely to know the Japanese eras; a template that asks for `{date:wareki}` gets 和暦.
"""

from collections.abc import Sequence
from datetime import date, datetime

from daicho.data.dates import clock
from daicho.data.dates.deadlines import Deadline, year_shown
from daicho.data.dates.settings import asked_style, current_style
from daicho.data.dates.style import era_year, wareki, weekday_name
from daicho.data.records import RequestRecord
from daicho.i18n import _, current_language
from daicho.i18n.labels import label

LONGEST_LIST = 200  # lines of a list in a mail; the rest is "… and N more"
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_BULLETS = {"en": "- ", "ja": "・"}
_ASIDES = {"en": (" (", ", ", ")"), "ja": ("（", "・", "）")}  # opening, separator, closing


def day_text(day: date, today: date) -> str:
    """`Fri 27 Nov` or `11月27日(金)`, with the year when the day is over half a year away;
    `Fri 2026-11-27`, `2026-11-27(金)` or `令和8年11月27日(金)` in the other styles."""
    weekday = weekday_name(day)
    style = current_style()
    if style == "iso":
        iso = day.isoformat()
        return f"{iso}({weekday})" if current_language() == "ja" else f"{weekday} {iso}"
    if style == "wareki" and _wareki_here() and era_year(day):
        return wareki(day)
    with_year = year_shown(day, today)
    if current_language() == "ja":
        text = f"{day.month}月{day.day}日({weekday})"
        return f"{day.year}年{text}" if with_year else text
    text = f"{weekday} {day.day} {_MONTHS[day.month - 1]}"
    return f"{text} {day.year}" if with_year else text


def moment_text(at: datetime) -> str:
    """A stored (UTC) time in local time: `Fri 27 Nov 2026 14:05`, `2026年11月27日(金) 14:05`;
    `2026-11-27(金) 14:05` or `令和8年11月27日(金) 14:05` in the other styles."""
    local = clock.to_local(at)
    weekday = weekday_name(local.date())
    style = current_style()
    if style == "iso" or (style == "wareki" and _wareki_here() and era_year(local.date())):
        return f"{day_text(local.date(), local.date())} {local:%H:%M}"
    if current_language() == "ja":
        return f"{local.year}年{local.month}月{local.day}日({weekday}) {local:%H:%M}"
    return f"{weekday} {local.day} {_MONTHS[local.month - 1]} {local.year} {local:%H:%M}"


def _wareki_here() -> bool:
    """和暦 in a Japanese mail, or where a template asks for it by name."""
    return current_language() == "ja" or asked_style() == "wareki"


def bullets(lines: Sequence[str], more: int = 0) -> str:
    """`lines` as a list, `(none)` when there are none, `… and N more` after a cut."""
    if not lines:
        return _("(none)")
    listed = "\n".join(_BULLETS[current_language()] + line for line in lines)
    if more > 0:
        listed += "\n" + _("… and {count} more", count=more)
    return listed


def joined(parts: Sequence[str]) -> str:
    """`a, b` or `a・b`."""
    return _ASIDES[current_language()][1].join(parts)


def aside(text: str, parts: Sequence[str]) -> str:
    """`text (a, b)` or `text（a・b）`; `text` alone when there are no parts."""
    if not parts:
        return text
    opening, separator, closing = _ASIDES[current_language()]
    return text + opening + separator.join(parts) + closing


def due_parts(request: RequestRecord, today: date, *, outside: bool = False) -> list[str]:
    """`by Fri 27 Nov`, then `overdue` or `due today` while the request is open.

    `outside`: for a vendor's eyes, where an item we owe is never called overdue.
    """
    if request.due is None:
        return []
    state = _state(request, today, outside)
    return [_("by {date}", date=day_text(request.due, today)), *state]


def due_phrase(request: RequestRecord, today: date, *, outside: bool = False) -> str:
    """The due date on its own: `Wed 18 Nov (overdue)`, `11月27日(金)`, `none`."""
    if request.due is None:
        return _("none")
    return aside(day_text(request.due, today), _state(request, today, outside))


def _state(request: RequestRecord, today: date, outside: bool) -> list[str]:
    deadline = Deadline.of(request.due, request.status, today)
    if not deadline.mail_word or (outside and _ours_late(request, deadline.band)):
        return []
    return [deadline.mail_word]


def _ours_late(request: RequestRecord, band: str) -> bool:
    """Our own lateness, which a mail to the vendor does not announce."""
    return request.direction == "inbound" and band == "overdue"


def queue_line(request: RequestRecord, today: date) -> str:
    """A request in a report: `[waiting on them, urgent] ACME: Quote (by Wed 18 Nov, overdue)`."""
    tags = [label(request.direction)]
    if request.priority != "normal":
        tags.append(label(request.priority))
    line = _(
        "[{tags}] {vendor}: {subject}",
        tags=joined(tags),
        vendor=request.vendor_name,
        subject=request.subject,
    )
    finished = [label(request.status)] if request.status != "open" else []
    return aside(line, [*due_parts(request, today), *finished])
