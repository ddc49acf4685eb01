"""A mail put together (DESIGN §8): a template filled in its language and date styles with a
mail's values, today, the sender and the signature, under its `To:` and `Cc:` lines.

Every mail of data/mail is made here: its module reads the ledger and says what goes in.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from daicho.data.dates.settings import date_style
from daicho.data.mail.addressing import Recipients
from daicho.data.mail.format import day_text
from daicho.data.mail.sender import SENDER_FIELDS, Sender, introduction
from daicho.data.mail.templates import (
    Styled,
    Template,
    TemplateProblem,
    fill,
    signature,
    styles_asked,
)
from daicho.data.text import clean_line
from daicho.i18n import language

NOBODY = Sender()
NOBODY_ELSE = Recipients()
_HEADER_FIELDS = ("To:", "Cc:")


@dataclass(frozen=True)
class Mail:
    """A plain-text email: `text` is its `To:` and `Cc:` lines when known, the subject line,
    then the body."""

    kind: str
    template: str  # the name of the template that made it
    text: str
    problems: tuple[TemplateProblem, ...] = ()

    @property
    def subject(self) -> str:
        return subject_of(self.text)

    @property
    def to(self) -> str:
        """The addresses of its `To:` line; "" without one."""
        return self._header("To:")

    @property
    def cc(self) -> str:
        """The addresses of its `Cc:` line; "" without one."""
        return self._header("Cc:")

    def _header(self, field: str) -> str:
        for line in self.text.split("\n"):
            if not line.startswith(_HEADER_FIELDS):
                return ""
            if line.startswith(field):
                return line.removeprefix(field).strip()
        return ""


def subject_of(text: str) -> str:
    """The subject line of a mail's text: the first line after its `To:` and `Cc:` lines."""
    lines = [line for line in text.strip().split("\n") if not line.startswith(_HEADER_FIELDS)]
    return lines[0].strip() if lines else ""


def compose(
    template: Template,
    values: Callable[[], dict[str, str]],
    templates: dict[str, str],
    today: date,
    sender: Sender,
    to: Recipients = NOBODY_ELSE,
) -> Mail:
    """Fill `template` with `values()` (and today, the sender and the signature) in its
    language, in the configured date style and in any other its placeholders ask for
    (`{due:wareki}`), then tidy the text into a Mail under its `To:` and `Cc:` lines."""

    def in_style(style: str | None) -> dict[str, str]:
        with language(template.language), date_style(style):
            return {
                **values(),
                "today": day_text(today, today),
                "signature": signature(templates, sender),
                "introduction": introduction(sender),
                **{f"sender_{part}": clean_line(getattr(sender, part)) for part in SENDER_FIELDS},
            }

    filled = in_style(None)
    if styles := styles_asked(template):
        other = {style: in_style(style) for style in styles}
        filled = {
            key: Styled(text, {s: other[s][key] for s in styles}) for key, text in filled.items()
        }
    used, text = fill(template, filled)
    lines = [*to.lines, *(line.rstrip() for line in text.split("\n"))]
    return Mail(used.kind, used.name, "\n".join(lines).rstrip("\n"), used.problems)
