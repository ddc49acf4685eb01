"""The weekly report for management (DESIGN §8): the week's counts and decisions per vendor,
what is overdue (most pressing first, with the days late), what falls due in the coming
week both ways, and the vendors slowest to answer (§12). An internal report: priority words
stay, and it has no `To:` line.
"""

import itertools
from collections import Counter
from collections.abc import Callable
from datetime import date, timedelta

from daicho.data.answer_times import AnswerTime, business_days_words
from daicho.data.dates import clock
from daicho.data.mail.compose import NOBODY, Mail, compose
from daicho.data.mail.format import LONGEST_LIST, aside, bullets, day_text, due_parts, joined
from daicho.data.mail.sender import Sender
from daicho.data.mail.templates import choose_template
from daicho.data.mail.weekly import (
    WeekDecision,
    due_between,
    overdue_requests,
    slowest_vendors,
    week_decisions,
    week_figures,
)
from daicho.data.records import RequestRecord
from daicho.i18n import N_, _
from daicho.i18n.labels import label

_COMING_DAYS = 7  # the report lists what falls due from today to a week later
_SLOWEST = 5  # vendors named as the slowest to answer
_COMING_HEADINGS = {"outbound": N_("Waiting on them: {count}"), "inbound": N_("We owe: {count}")}


def weekly_report(
    templates: dict[str, str],
    name: str | None = None,
    today: date | None = None,
    sender: Sender = NOBODY,
) -> Mail:
    """The seven days ending `today` for management: the counts, the decisions of the week's
    calls per vendor, what is overdue (most pressing first, with how many calendar days late)
    what falls due in the seven days after today, both ways, and the vendors slowest to answer
    over the last 12 months."""
    today = today or clock.today()
    first, until = today - timedelta(days=6), today + timedelta(days=_COMING_DAYS)
    week = week_figures(first, today)
    decided, decided_total = week_decisions(first, today, LONGEST_LIST)
    late, late_total = overdue_requests(today, LONGEST_LIST)
    coming = {way: due_between(today, until, way, LONGEST_LIST) for way in ("outbound", "inbound")}
    slowest = slowest_vendors(today, _SLOWEST)
    template = choose_template("weekly", name, templates)

    def values() -> dict[str, str]:
        calls = [_calls_line(vendor, count) for vendor, count in week.calls[:LONGEST_LIST]]
        return {
            "start": day_text(week.first, today),
            "end": day_text(week.last, today),
            "call_count": str(sum(count for _vendor, count in week.calls)),
            "calls": bullets(calls, more=len(week.calls) - len(calls)),
            "opened": str(week.opened),
            "answered": str(week.answered),
            "closed": str(week.closed),
            "decisions": _decisions_text(decided, decided_total, today),
            "overdue_count": str(late_total),
            "overdue": bullets(
                _told_apart(late, lambda r, opened: _late_line(r, today, opened)),
                more=late_total - len(late),
            ),
            "due_until": day_text(until, today),
            "due_next_week_count": str(sum(total for _rows, total in coming.values())),
            "due_next_week": _coming_text(coming, today),
            "slowest": bullets([_slow_line(vendor, found) for vendor, found in slowest]),
        }

    return compose(template, values, templates, today, sender)


def _decisions_text(decided: list[WeekDecision], total: int, today: date) -> str:
    """The decisions under their vendors' names, each with its call's date and subject."""
    if not decided:
        return _("(none)")
    blocks = []
    for vendor, group in itertools.groupby(decided, key=lambda d: d.vendor):
        lines = [aside(d.text, [day_text(d.day, today), *filter(None, [d.subject])]) for d in group]
        blocks.append(_("{vendor}:", vendor=vendor) + "\n" + bullets(lines))
    more = [_("… and {count} more", count=total - len(decided))] if total > len(decided) else []
    return "\n".join([*blocks, *more])


def _coming_text(coming: dict[str, tuple[list[RequestRecord], int]], today: date) -> str:
    """Each way's count, then its requests by due date."""
    blocks = []
    for way, (rows, total) in coming.items():
        heading = _(_COMING_HEADINGS[way], count=total)
        lines = _told_apart(rows, lambda r, opened: _coming_line(r, today, opened))
        blocks.append(heading + ("\n" + bullets(lines, more=total - len(rows)) if rows else ""))
    return "\n".join(blocks)


def _told_apart(
    requests: list[RequestRecord], line: Callable[[RequestRecord, bool], str]
) -> list[str]:
    """`line(request, False)` for each request; `line(request, True)`, which adds the date it was
    opened, for those whose line reads the same as another's."""
    plain = [line(request, False) for request in requests]
    seen = Counter(plain)
    return [
        line(request, True) if seen[text] > 1 else text
        for request, text in zip(requests, plain, strict=True)
    ]


def _late_line(request: RequestRecord, today: date, opened: bool) -> str:
    """`[waiting on them, urgent] ACME: Quote (by Wed 18 Nov, 2 days late)`."""
    line = _named(request, [label(request.direction), *_priority_tags(request)])
    days = (today - request.due).days
    late = _("1 day late") if days == 1 else _("{days} days late", days=days)
    parts = [_("by {date}", date=day_text(request.due, today)), late]
    return aside(line, [*parts, *_opened_parts(request, today, opened)])


def _coming_line(request: RequestRecord, today: date, opened: bool) -> str:
    """`[urgent] ACME: Quote (by Fri 27 Nov)`; the tag only when its priority is not normal."""
    line = _named(request, _priority_tags(request))
    return aside(line, [*due_parts(request, today), *_opened_parts(request, today, opened)])


def _named(request: RequestRecord, tags: list[str]) -> str:
    """`[tags] ACME: Quote`, or `ACME: Quote` without tags: every item line names its vendor."""
    vendor, subject = request.vendor_name, request.subject
    if tags:
        return _("[{tags}] {vendor}: {subject}", tags=joined(tags), vendor=vendor, subject=subject)
    return _("{vendor}: {subject}", vendor=vendor, subject=subject)


def _priority_tags(request: RequestRecord) -> list[str]:
    return [label(request.priority)] if request.priority != "normal" else []


def _opened_parts(request: RequestRecord, today: date, opened: bool) -> list[str]:
    if not opened:
        return []
    return [_("opened {date}", date=day_text(clock.to_local(request.created_at).date(), today))]


def _slow_line(vendor: str, found: AnswerTime) -> str:
    """`ACME: 4 business days (12 answers)`: the median, and how many answers it is of."""
    line = _("{vendor}: {span}", vendor=vendor, span=business_days_words(found.median_days))
    return aside(line, [_("{count} answers", count=found.answers)])


def _calls_line(vendor: str, count: int) -> str:
    if count == 1:
        return _("{vendor}: 1 call", vendor=vendor)
    return _("{vendor}: {count} calls", vendor=vendor, count=count)
