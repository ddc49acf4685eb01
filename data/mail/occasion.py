"""How and when we talked, as a call's mail says it: `本日お電話にて`, `12月1日(火)のお打合せにて`,
`on the phone earlier today`, `in our meeting on Tue 1 Dec` (DESIGN §8).

Call it inside `i18n.language(...)`, like data/mail/format.py.
"""

from datetime import date

from daicho.data.mail.format import day_text
from daicho.i18n import N_, _

# (channel, direction) -> (said of today, said of another day); direction None: either way.
_PHRASES: dict[tuple[str, str | None], tuple[str, str]] = {
    ("phone", None): (N_("on the phone earlier today"), N_("on the phone on {date}")),
    ("mobile", None): (N_("on the phone earlier today"), N_("on the phone on {date}")),
    ("meeting", None): (N_("in our meeting earlier today"), N_("in our meeting on {date}")),
    ("visit", "incoming"): (
        N_("during your visit earlier today"),
        N_("during your visit on {date}"),
    ),
    ("visit", "outgoing"): (
        N_("when we visited you earlier today"),
        N_("when we visited you on {date}"),
    ),
    ("email", "incoming"): (N_("in your email earlier today"), N_("in your email on {date}")),
    ("email", "outgoing"): (N_("in our email earlier today"), N_("in our email on {date}")),
    ("chat", None): (N_("over chat earlier today"), N_("over chat on {date}")),
}


def occasion(channel: str, direction: str, day: date, today: date) -> str:
    """How and when a call on `day` happened, to complete `…確認させていただいた内容` or
    `Here is what we agreed …`."""
    phrases = _PHRASES.get((channel, None)) or _PHRASES.get((channel, direction))
    on_today, on_day = phrases or _PHRASES[("phone", None)]
    if day == today:
        return _(on_today)
    return _(on_day, date=day_text(day, today))
