"""Settings from `config.toml` (DESIGN §6), kept free of Textual like `data/`.

The file lives at `daicho.locations.config_path()`; every key is optional:

    language = "auto"        # "auto" (from the locale), "en" or "ja"
    theme = "textual-dark"   # a Textual theme name
    soon_days = 3            # requests due within this many days are shown as "soon"
    soon_business_days = true  # ... counting business days (営業日); false: calendar days
    chase_after = 3          # a request we wait on is due for a chase (催促) after this many
                             # business days without movement (DESIGN §12)

    [start]
    screen = "main"          # the first screen: "main" (the three panes) or "today"

    [display]
    date_style = "short"     # "short" (11/30), "iso" (2026-11-30) or "wareki" (令和8年11月30日)

    [dates]
    closed_days = ["12/29-01/03"]  # not business days besides weekends and public holidays:
                             # "MM/DD" or "MM/DD-MM/DD" every year, "YYYY/MM/DD-YYYY/MM/DD" once
    fiscal_year_start = 4    # the month a 年度 starts in: 2026年度 is 2026-04-01..2027-03-31

    [ledger]
    url = "postgresql://user@host/dbname"  # a shared ledger (DESIGN §17) instead of the
                             # file; --db and $DAICHO_DB still name another

    [backup]
    enabled = true           # take a backup on the first start of each day
    keep = 14                # how many of those daily backups to keep

    [templates]              # email templates, name = text (DESIGN §8, data/mail/templates.py)
    call_ja = "..."          # replaces the built-in one; call_short = "..." adds a choice
    signature = "..."        # fills {signature} at the end of every mail

    [sender]                 # who the mails are from: the 名乗り and the built-in signature
    company = "..."          # also department, name, phone and mail

    [user]
    name = "..."             # who you are on a shared ledger: records say who wrote them

Keys the app does not know are kept when the settings are saved, but comments are
not: `tomllib` does not read them and `tomli_w` cannot write them. Templates are
written as multi-line strings, readable and editable by hand; in them `tomli_w`
turns a Windows line end (CR LF) into a plain line feed.
"""

import copy
import dataclasses
import os
import re
import tempfile
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Self

import tomli_w

from daicho.data.dates.business_days import DEFAULT_CLOSED_DAYS, BusinessCalendar, parse_closed_day
from daicho.data.dates.settings import STYLES, DateSettings
from daicho.data.errors import DaichoError
from daicho.data.mail.sender import SENDER_FIELDS, Sender
from daicho.data.postgres.url import is_postgres_url
from daicho.i18n import LANGUAGES, N_, _, detect_language
from daicho.locations import config_path
from daicho.toml_lines import MISSING, line_of, lookup

_Key = tuple[str, ...]
START_SCREENS = ("main", "today")


class ConfigError(DaichoError):
    """`config.toml` cannot be read or written, or holds a value the app cannot use."""


@dataclass(frozen=True)
class Config:
    """The settings; every Config is valid, so the next load reads back what was saved."""

    language: str = "auto"
    theme: str = "textual-dark"
    soon_days: int = 3
    soon_business_days: bool = True
    chase_after: int = 3
    start_screen: str = "main"
    date_style: str = "short"
    closed_days: list[str] = field(default_factory=lambda: list(DEFAULT_CLOSED_DAYS))
    fiscal_year_start: int = 4  # the month 年度 starts in
    ledger_url: str = ""
    backup_keep: int = 14
    backup_enabled: bool = True
    templates: dict[str, str] = field(default_factory=dict)
    sender_company: str = ""
    sender_department: str = ""
    sender_name: str = ""
    sender_phone: str = ""
    sender_mail: str = ""
    user_name: str = ""
    raw: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    """The whole document as loaded, so that saving keeps the keys the app does not know."""

    def __post_init__(self) -> None:
        if problem := _first_problem(_document(self, {})):
            raise ConfigError(_must_be(*problem))

    def replace(self, **changes: Any) -> Self:
        """A copy with `changes` (raises ConfigError for a value the file could not hold)."""
        return dataclasses.replace(self, **changes)

    @property
    def sender(self) -> Sender:
        """`[sender]`: who the mails say they are from."""
        return Sender(*(getattr(self, f"sender_{part}") for part in SENDER_FIELDS))

    def with_sender(self, sender: Sender) -> Self:
        """A copy with `sender` as `[sender]`."""
        return self.replace(**{f"sender_{part}": getattr(sender, part) for part in SENDER_FIELDS})

    def resolved_language(self) -> str:
        """The language to show: the configured one, or the locale's for "auto"."""
        return detect_language(self.language)

    def as_date_settings(self) -> DateSettings:
        """How dates are written and counted, for `data.dates.settings.set_date_settings`."""
        calendar = BusinessCalendar(tuple(self.closed_days))
        return DateSettings(
            self.date_style, calendar, self.soon_business_days, self.fiscal_year_start
        )


def _whole_number(minimum: int) -> Callable[[object], bool]:
    # bool is an int in Python, but `soon_days = true` is a mistake, not a 1.
    return lambda value: type(value) is int and value >= minimum


def _closed_days(value: object) -> bool:
    if not isinstance(value, list) or not all(isinstance(entry, str) for entry in value):
        return False
    try:
        for entry in value:
            parse_closed_day(entry)
    except ValueError:
        return False
    return True


@dataclass(frozen=True)
class _Setting:
    attribute: str
    key: _Key
    valid: Callable[[object], bool]
    expected: str


_SETTINGS = (
    _Setting(
        "language", ("language",), lambda v: v in ("auto", *LANGUAGES), N_('"auto", "en" or "ja"')
    ),
    _Setting("theme", ("theme",), lambda v: isinstance(v, str), N_("text")),
    _Setting("soon_days", ("soon_days",), _whole_number(0), N_("a whole number of 0 or more")),
    _Setting(
        "soon_business_days",
        ("soon_business_days",),
        lambda v: isinstance(v, bool),
        N_("true or false"),
    ),
    _Setting("chase_after", ("chase_after",), _whole_number(0), N_("a whole number of 0 or more")),
    _Setting(
        "start_screen",
        ("start", "screen"),
        lambda v: v in START_SCREENS,
        N_('"main" or "today"'),
    ),
    _Setting(
        "date_style",
        ("display", "date_style"),
        lambda v: v in STYLES,
        N_('"short", "iso" or "wareki"'),
    ),
    _Setting(
        "closed_days",
        ("dates", "closed_days"),
        _closed_days,
        N_('a list of days such as "12/29-01/03" or "2027/08/12-2027/08/16"'),
    ),
    _Setting(
        "fiscal_year_start",
        ("dates", "fiscal_year_start"),
        lambda v: type(v) is int and 1 <= v <= 12,
        N_("a month from 1 to 12"),
    ),
    _Setting(
        "ledger_url",
        ("ledger", "url"),
        lambda v: isinstance(v, str) and (not v or is_postgres_url(v)),
        N_("a postgresql:// URL"),
    ),
    _Setting("backup_keep", ("backup", "keep"), _whole_number(1), N_("a positive whole number")),
    _Setting(
        "backup_enabled", ("backup", "enabled"), lambda v: isinstance(v, bool), N_("true or false")
    ),
    _Setting("templates", ("templates",), lambda v: isinstance(v, dict), N_("a table")),
    *(
        _Setting(f"sender_{part}", ("sender", part), lambda v: isinstance(v, str), N_("text"))
        for part in SENDER_FIELDS
    ),
    _Setting("user_name", ("user", "name"), lambda v: isinstance(v, str), N_("text")),
)


def load_config(path: Path | None = None) -> Config:
    """The settings in `path` (default: the user's config file); defaults when it is absent."""
    path = path or config_path()
    try:
        text = path.read_bytes().decode("utf-8-sig")  # no newline translation: "\r" stays
    except FileNotFoundError:
        return Config()
    except UnicodeDecodeError as error:
        reason = _("it is not UTF-8 text")
        raise ConfigError(_("Cannot read {path}: {reason}", path=path, reason=reason)) from error
    except OSError as error:
        reason = error.strerror or error
        raise ConfigError(_("Cannot read {path}: {reason}", path=path, reason=reason)) from error
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        reason, line = _split_position(str(error), text)
        problem = _("Not valid TOML: {reason}", reason=reason)
        raise ConfigError(_located(path, line, problem)) from error
    if problem := _first_problem(document):
        key, expected = problem
        raise ConfigError(_located(path, line_of(text, key), _must_be(key, expected)))
    values = {
        setting.attribute: value
        for setting in _SETTINGS
        if (value := lookup(document, setting.key)) is not MISSING
    }
    return Config(**values, raw=document)


def save_config(config: Config, path: Path | None = None) -> None:
    """Write `config` over `path` in one step: a crash leaves the old file or the new one."""
    path = path or config_path()
    text = tomli_w.dumps(_document(config, copy.deepcopy(config.raw)), multiline_strings=True)
    try:
        _replace_file(path.resolve(), text)
    except OSError as error:
        reason = error.strerror or error
        raise ConfigError(_("Cannot write {path}: {reason}", path=path, reason=reason)) from error


def _replace_file(path: Path, text: str) -> None:
    """Write beside `path` and move over it (`path` resolved, so a symlinked config stays one)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with open(descriptor, "w", encoding="utf-8") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.replace(name, path)
    finally:
        Path(name).unlink(missing_ok=True)


def _document(config: Config, base: dict[str, Any]) -> dict[str, Any]:
    """`base` with the known settings of `config` written into it: those it holds already,
    and those that differ from their defaults (a saved file says what the user chose)."""
    for setting in _SETTINGS:
        value = getattr(config, setting.attribute)
        if lookup(base, setting.key) is MISSING and value == _default(setting.attribute):
            continue
        *parents, name = setting.key
        table = base
        for part in parents:
            table = table.setdefault(part, {})
        table[name] = value
    return base


def _default(attribute: str) -> Any:
    field_ = Config.__dataclass_fields__[attribute]
    if field_.default is dataclasses.MISSING:
        return field_.default_factory()
    return field_.default


def _first_problem(document: dict[str, Any]) -> tuple[_Key, str] | None:
    """The first key holding a value the app cannot use, with what it expects there."""
    for setting in _SETTINGS:
        for depth in range(1, len(setting.key)):
            parent = lookup(document, setting.key[:depth])
            if parent is not MISSING and not isinstance(parent, dict):
                return setting.key[:depth], N_("a table")
        value = lookup(document, setting.key)
        if value is not MISSING and not setting.valid(value):
            return setting.key, setting.expected
    for name, text in document.get("templates", {}).items():
        if not isinstance(text, str):
            return ("templates", name), N_("text")
    return None


def _must_be(key: _Key, expected: str) -> str:
    return _("{field} must be {expected}", field=".".join(key), expected=_(expected))


def _located(path: Path, line: int | None, problem: str) -> str:
    if line is None:
        return _("{path}: {problem}", path=path, problem=problem)
    return _("{path}, line {line}: {problem}", path=path, line=line, problem=problem)


def _split_position(message: str, text: str) -> tuple[str, int | None]:
    """tomllib's "Invalid value (at line 3, column 9)" as ("Invalid value", 3)."""
    match = re.fullmatch(r"(.*) \(at (?:line (\d+), column \d+|end of document)\)", message)
    if match is None:
        return message, None
    reason, line = match.groups()
    return reason, int(line) if line else text.rstrip("\n").count("\n") + 1
