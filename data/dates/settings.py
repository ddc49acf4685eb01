"""The date settings of config.toml for the whole process, set once at start like the language:
how dates are written (`date_style`), which days are business days, and whether "soon" in the
queue counts business days.

`data/` reads them here rather than being handed the Config, so the queue, the detail screens,
the date fields, the mails and the command line all agree.
"""

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from daicho.data.dates.business_days import BusinessCalendar

STYLES = ("short", "iso", "wareki")
"""`short`: 11/30 on screen, `Mon 30 Nov` / `11月30日(月)` in mails (the look before styles);
`iso`: 2026-11-30 everywhere; `wareki`: 令和8年11月30日(月) (R8.11.30 in the queue)."""


@dataclass(frozen=True)
class DateSettings:
    style: str = "short"
    calendar: BusinessCalendar = field(default_factory=BusinessCalendar)
    soon_business_days: bool = True
    fiscal_year_start: int = 4  # the month 年度 starts in: 2026年度 is 2026-04-01..2027-03-31

    def __post_init__(self) -> None:
        if self.style not in STYLES:
            raise ValueError(f"unknown date style {self.style!r}")


_settings = DateSettings()
_this_thread = threading.local()  # a `date_style(...)` block's style, for its thread only


def set_date_settings(settings: DateSettings) -> None:
    """Use `settings` from now on, in every thread (the app and the command line, at start)."""
    global _settings
    _settings = settings


def current_date_settings() -> DateSettings:
    """The settings in force in this process (set once at start by `set_date_settings`)."""
    return _settings


def business_calendar() -> BusinessCalendar:
    return _settings.calendar


def current_style() -> str:
    return asked_style() or _settings.style


def asked_style() -> str | None:
    """The style a `date_style(...)` block asks for in this thread, None outside one."""
    return getattr(_this_thread, "style", None)


@contextmanager
def date_style(style: str | None) -> Iterator[None]:
    """Write dates in `style` inside the block (None: the configured one), in this thread only,
    as a mail made in a worker does for a template that asks for its own style."""
    if style is not None and style not in STYLES:
        raise ValueError(f"unknown date style {style!r}")
    outer = getattr(_this_thread, "style", None)
    _this_thread.style = style
    try:
        yield
    finally:
        _this_thread.style = outer
