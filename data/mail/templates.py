"""Email templates (DESIGN §8): which there are, what they may hold, and filling one in.

A template is the whole mail text, the subject on its first line. Names are `<kind>_<variant>`:
`call_ja` and `call_en` are built in for every kind, and `[templates]` in config.toml overrides
or adds to them. A name ending in `_ja` or `_en` writes dates and words in that language;
any other name (`call_short`, or just `call`) in the UI's. `signature` under `[templates]` is
not a template: its text fills `{signature}`.

Placeholders are str.format fields with plain names: `{vendor}`, `{count:>3}`; `{{` and `}}`
are literal braces. Dates come in the configured date style; a placeholder may ask for its own
instead, `{due:wareki}`, `{date:iso}` or `{today:short}`, for a template whose reader needs it.
A template that asks for anything else is a TemplateProblem, and the built-in template of its
kind and language is used instead: a bad template never raises.
A template is formatted once, with the ledger's text as values, so user text is never read
as a template. A paragraph whose placeholders all come out empty (an optional section, such
as the notes with their heading) is left out.
"""

import difflib
import itertools
import re
import string
from collections.abc import Mapping
from dataclasses import dataclass

from daicho.data.dates.settings import STYLES
from daicho.data.mail.default_templates import DEFAULT_TEMPLATES
from daicho.data.text import clean_block
from daicho.i18n import LANGUAGES, _, current_language

__all__ = [
    "DEFAULT_TEMPLATES",
    "KINDS",
    "PLACEHOLDERS",
    "Styled",
    "Template",
    "TemplateProblem",
    "check_templates",
    "choose_template",
    "fill",
    "styles_asked",
    "template_label",
    "template_names",
]

KINDS: tuple[str, ...] = ("call", "request", "vendor", "queue", "weekly")
SIGNATURE = "signature"
_EVERY_KIND = ("today", "signature")
PLACEHOLDERS: dict[str, tuple[str, ...]] = {
    "call": (
        *("vendor", "contact", "addressee", "subject", "date", "time", "when", "on_day", "channel"),
        *("decisions", "follow_ups", "notes", *_EVERY_KIND),
    ),
    "request": (
        *("vendor", "contact", "addressee", "subject", "body", "direction", "due", "status"),
        *("priority", "answer", "opened", *_EVERY_KIND),
    ),
    "vendor": (
        *("vendor", "contact", "addressee", "waiting", "owed", "waiting_count", "owed_count"),
        *_EVERY_KIND,
    ),
    "queue": ("filters", "count", "items", *_EVERY_KIND),
    "weekly": (
        *("start", "end", "call_count", "calls", "opened", "answered", "closed", "decisions"),
        *("overdue_count", "overdue", "due_until", "due_next_week_count", "due_next_week"),
        *_EVERY_KIND,
    ),
}
_TOO_WIDE = re.compile(r"[0-9]{4,}")  # a width of 1000 or more: no template may fill memory
_FILL_ERRORS = (ValueError, KeyError, IndexError, AttributeError, TypeError)


@dataclass(frozen=True)
class TemplateProblem:
    """Why a template was not used, in one line that names it."""

    name: str
    message: str

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class Template:
    """A template that can be filled, and the language its dates and words are written in."""

    kind: str
    name: str
    text: str
    language: str
    problems: tuple[TemplateProblem, ...] = ()


class Styled(str):
    """A value, with its text in other date styles at hand for `{due:iso}` and the like."""

    def __new__(cls, text: str, styles: Mapping[str, str]) -> "Styled":
        value = super().__new__(cls, text)
        value.styles = dict(styles)
        return value

    def __format__(self, spec: str) -> str:
        return self.styles[spec] if spec in self.styles else super().__format__(spec)


def styles_asked(template: Template) -> list[str]:
    """The date styles the template's placeholders ask for by name, in the order of STYLES."""
    specs = {part[2] for part in string.Formatter().parse(template.text) if part[1] is not None}
    return [style for style in STYLES if style in specs]


def template_names(kinds: tuple[str, ...], configured: dict[str, str]) -> list[str]:
    """The templates there are for `kinds`: the UI language's built-in one of the first kind
    first, then by name."""
    if unknown := [kind for kind in kinds if kind not in KINDS]:
        raise ValueError(f"unknown template kind {unknown[0]!r}")
    first = f"{kinds[0]}_{current_language()}"
    names = {f"{kind}_{language}" for kind in kinds for language in LANGUAGES}
    names.update(name for name in configured if _kind_of(name) in kinds)
    names.discard(first)
    return [first, *sorted(names)]


def template_label(name: str) -> str:
    """What the user calls the template `name` when choosing one."""
    return name


def check_templates(configured: dict[str, str]) -> list[TemplateProblem]:
    """The problems of the configured templates, by name, to show when the app starts."""
    problems = []
    for name in sorted(configured):
        kind = _kind_of(name)
        if name == SIGNATURE:
            problem = None if isinstance(configured[name], str) else _not_text(name)
        elif kind is None:
            message = _(
                "Template {name}: the name must start with one of {kinds}",
                name=_shown(name),
                kinds=", ".join(f"{known}_" for known in KINDS),
            )
            problem = TemplateProblem(name, message)
        else:
            problem = _problem(name, kind, configured[name])
        if problem is not None:
            problems.append(problem)
    return problems


def choose_template(kind: str, name: str | None, configured: Mapping[str, str]) -> Template:
    """The template `name` (None: the UI language's default), else the built-in one with why."""
    name = name or f"{kind}_{current_language()}"
    text = configured.get(name, DEFAULT_TEMPLATES.get(name))
    if text is None:
        problem = TemplateProblem(name, _("No template named {name}", name=_shown(name)))
    elif _kind_of(name) != kind:
        message = _("Template {name} is not a {kind} template", name=_shown(name), kind=kind)
        problem = TemplateProblem(name, message)
    else:
        problem = _problem(name, kind, text)
    if problem is None:
        return Template(kind, name, text, _language_of(name))
    return _built_in(kind, _language_of(name), (problem,))


def signature(configured: Mapping[str, str]) -> str:
    """What fills `{signature}`: `[templates] signature`, or nothing."""
    text = configured.get(SIGNATURE, "")
    return clean_block(text) if isinstance(text, str) else ""


def fill(template: Template, values: Mapping[str, str]) -> tuple[Template, str]:
    """The template's text with `values` in it, and the template that made it.

    `values` holds text for every placeholder of the kind. Checked templates always fill;
    should one still fail, the built-in template takes its place.
    """
    try:
        return template, _without_empty_paragraphs(template.text, values).format_map(values)
    except _FILL_ERRORS as error:
        name = _shown(template.name)
        message = _("Template {name}: cannot be filled: {reason}", name=name, reason=error)
        problems = (*template.problems, TemplateProblem(template.name, _shown(message, 200)))
        built_in = _built_in(template.kind, template.language, problems)
        return built_in, _without_empty_paragraphs(built_in.text, values).format_map(values)


def _built_in(kind: str, language: str, problems: tuple[TemplateProblem, ...]) -> Template:
    name = f"{kind}_{language}"
    return Template(kind, name, DEFAULT_TEMPLATES[name], language, problems)


def _kind_of(name: str) -> str | None:
    kind = name.split("_", 1)[0]
    return kind if kind in KINDS else None


def _language_of(name: str) -> str:
    *_start, suffix = name.rsplit("_", 1)
    return suffix if _start and suffix in LANGUAGES else current_language()


def _problem(name: str, kind: str, text: object) -> TemplateProblem | None:
    """The first thing that keeps `text` from being a `kind` template, if any."""
    if not isinstance(text, str):
        return _not_text(name)
    shown = _shown(name)
    if not text.split("\n", 1)[0].strip():
        message = _("Template {name}: the first line, the subject, is empty", name=shown)
        return TemplateProblem(name, message)
    try:
        fields = [part for part in string.Formatter().parse(text) if part[1] is not None]
    except ValueError:
        message = _(
            "Template {name}: unbalanced braces (write {example} for literal ones)",
            name=shown,
            example="{{ }}",
        )
        return TemplateProblem(name, message)
    allowed = PLACEHOLDERS[kind]
    for _literal, field, spec, conversion in fields:
        placeholder = _placeholder(field, spec, conversion)
        if field in allowed:
            if conversion or not _usable_spec(spec):
                message = _(
                    "Template {name}: {field} has a format that cannot be used",
                    name=shown,
                    field=placeholder,
                )
                return TemplateProblem(name, message)
        elif field.isidentifier():
            return TemplateProblem(name, _unknown(shown, placeholder, field, allowed))
        else:
            message = _(
                "Template {name}: {field} is not a plain placeholder such as {example}",
                name=shown,
                field=placeholder,
                example="{vendor}" if "vendor" in allowed else "{today}",
            )
            return TemplateProblem(name, message)
    return None


def _placeholder(field: str, spec: str, conversion: str | None) -> str:
    """The placeholder as written in the template, on one short line."""
    written = field + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "")
    return _shown("{" + written + "}")


def _usable_spec(spec: str) -> bool:
    """Whether the format spec works on text (or names a date style): no nested placeholder,
    no enormous width."""
    if spec in STYLES:
        return True
    if "{" in spec or "}" in spec or _TOO_WIDE.search(spec):
        return False
    try:
        format("", spec)
    except ValueError:
        return False
    return True


def _unknown(shown: str, placeholder: str, field: str, allowed: tuple[str, ...]) -> str:
    close = difflib.get_close_matches(field, allowed, n=1, cutoff=0.75)
    if close:
        return _(
            "Template {name}: unknown placeholder {field}; did you mean {suggestion}?",
            name=shown,
            field=placeholder,
            suggestion=f"{{{close[0]}}}",
        )
    return _(
        "Template {name}: unknown placeholder {field}; use one of {known}",
        name=shown,
        field=placeholder,
        known=" ".join(f"{{{known}}}" for known in allowed),
    )


def _not_text(name: str) -> TemplateProblem:
    return TemplateProblem(name, _("Template {name}: must be text", name=_shown(name)))


def _shown(text: str, most: int = 40) -> str:
    """`text` on one short line, for a message."""
    line = "".join(c for c in " ".join(text.split()) if c.isprintable())
    return line if len(line) <= most else line[: most - 1] + "…"


def _without_empty_paragraphs(text: str, values: Mapping[str, str]) -> str:
    """`text` without the paragraphs after the first whose placeholders all come out empty."""
    runs = [list(run) for _blank, run in itertools.groupby(text.split("\n"), _is_blank)]
    kept: list[list[str]] = []
    for index, run in enumerate(runs):
        if index and not _is_blank(run[0]) and _all_empty(run, values):
            if kept and _is_blank(kept[-1][0]):
                kept.pop()
            continue
        kept.append(run)
    return "\n".join(line for run in kept for line in run)


def _is_blank(line: str) -> bool:
    return not line.strip()


def _all_empty(paragraph: list[str], values: Mapping[str, str]) -> bool:
    try:
        fields = [part[1] for part in string.Formatter().parse("\n".join(paragraph))]
    except ValueError:
        return False
    fields = [field for field in fields if field is not None]
    return bool(fields) and all(values.get(field) == "" for field in fields)
