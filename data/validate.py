"""Checks shared by the services: one translated message per kind of bad input."""

from daicho.data.errors import InputError
from daicho.data.text import clean_line
from daicho.i18n import _

LARGEST_INTEGER = 2**63 - 1  # what SQLite can store and compare
LARGEST_COLUMN_INTEGER = 2**31 - 1  # what an INTEGER column holds on PostgreSQL, so on both


def choice(value: str, allowed: tuple[str, ...], what: str) -> str:
    """`value` when it is one of `allowed`, else an InputError naming the field."""
    if value not in allowed:
        raise InputError(
            _(
                "{what} must be one of {allowed}, not {value!r}",
                what=what,
                allowed=", ".join(allowed),
                value=value,
            )
        )
    return value


def required_line(value: str | None, what: str) -> str:
    """A one-line text that may not be empty once cleaned."""
    text = clean_line(value)
    if not text:
        raise InputError(_("{what} cannot be empty", what=what))
    return text
