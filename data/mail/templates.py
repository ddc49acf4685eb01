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
as the answer with its heading) is left out, and so is a line that holds nothing but empty
placeholders (the 名乗り, `{introduction}`, while no sender is set).
"""

import difflib
import itertools
import re
import string
from collections.abc import Mapping
from dataclasses import dataclass

from daicho.data.dates.settings import STYLES
from daicho.data.mail.default_templates import DEFAULT_TEMPLATES
from daicho.data.mail.sender import SENDER_FIELDS, Sender, sender_signature
from daicho.data.text import clean_block
from daicho.i18n import LANGUAGES, N_, _, current_language

__all__ = [
    "DEFAULT_TEMPLATES",
    "KINDS",
    "OUTSIDE_KINDS",
    "PLACEHOLDERS",
    "Styled",
    "Template",
    "TemplateProblem",
    "check_templates",
    "choose_template",
    "fill",
    "kind_of",
    "styles_asked",
    "template_label",
    "template_names",
]

KINDS: tuple[str, ...] = (
    *("call", "request", "reminder", "chase", "answer", "vendor", "queue", "weekly"),
    "contracts",
)
OUTSIDE_KINDS = ("call", "request", "reminder", "chase", "answer", "vendor")  # mails to a vendor
SIGNATURE = "signature"
_SENDER = tuple(f"sender_{part}" for part in SENDER_FIELDS)
_EVERY_KIND = ("today", "signature", "introduction", *_SENDER)
_REQUEST = (
    *("vendor", "contact", "addressee", "subject", "body", "direction", "due", "due_date"),
    *("status", "priority", "answer", "opened", *_EVERY_KIND),
)
PLACEHOLDERS: dict[str, tuple[str, ...]] = {
    "call": (
        *("vendor", "contact", "addressee", "subject", "date", "time", "when", "occasion"),
        *("on_day", "channel", "decisions", "follow_ups", *_EVERY_KIND),
    ),
    "request": _REQUEST,
    "reminder": _REQUEST,
    "chase": _REQUEST,
    "answer": _REQUEST,
    "vendor": (
        *("vendor", "contact", "addressee", "waiting", "owed", "waiting_count", "owed_count"),
        *_EVERY_KIND,
    ),
    "queue": ("filters", "count", "items", *_EVERY_KIND),
    "weekly": (
        *("start", "end", "call_count", "calls", "opened", "answered", "closed", "decisions"),
        *("overdue_count", "overdue", "due_until", "due_next_week_count", "due_next_week"),
        *("slowest", *_EVERY_KIND),
    ),
    "contracts": ("year", "first", "last", "count", "contracts", "totals", *_EVERY_KIND),
}
# What the built-in templates of each kind are called when choosing one (template_label).
_LABELS = {
    "call": N_("Confirmation"),
    "request": N_("Confirmation"),
    "reminder": N_("Reminder"),
    "chase": N_("Chase"),
    "answer": N_("Answer"),
    "vendor": N_("Open items"),
    "queue": N_("Status report"),
    "weekly": N_("Weekly report"),
    "contracts": N_("Contracts report"),
}
_IN_LANGUAGE = {"en": " (English)", "ja": "（日本語）"}  # each language named in itself
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
    names.update(name for name in configured if kind_of(name) in kinds)
    names.discard(first)
    return [first, *sorted(names)]


def template_label(name: str) -> str:
    """What the user calls the template `name` when choosing one: a built-in one by what it is
    for, in the UI's language (`確認メール`, `Reminder（日本語）`), any other by its name."""
    if name not in DEFAULT_TEMPLATES:
        return name
    kind, language = name.rsplit("_", 1)
    label = _(_LABELS[kind])
    return label if language == current_language() else label + _IN_LANGUAGE[language]


def kind_of(name: str) -> str | None:
    """The kind a template name says it is of (`call_short` is a call template), if any."""
    kind = name.split("_", 1)[0]
    return kind if kind in KINDS else None


def check_templates(configured: dict[str, str]) -> list[TemplateProblem]:
    """The problems of the configured templates, by name, to show when the app starts."""
    problems = []
    for name in sorted(configured):
        kind = kind_of(name)
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
    elif kind_of(name) != kind:
        message = _("Template {name} is not a {kind} template", name=_shown(name), kind=kind)
        problem = TemplateProblem(name, message)
    else:
        problem = _problem(name, kind, text)
    if problem is None:
        return Template(kind, name, text, _language_of(name))
    return _built_in(kind, _language_of(name), (problem,))


def signature(configured: Mapping[str, str], sender: Sender) -> str:
    """What fills `{signature}`: `[templates] signature`, else one made from `[sender]`, else
    nothing (in the language being written)."""
    text = configured.get(SIGNATURE, "")
    return (clean_block(text) if isinstance(text, str) else "") or sender_signature(sender)


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
    """`text` without the paragraphs after the first whose placeholders of the item all come
    out empty (today's and the sender's never make a paragraph optional), and without the
    lines after the subject that hold nothing but placeholders that come out empty."""
    runs = [list(run) for _blank, run in itertools.groupby(text.split("\n"), _is_blank)]
    kept: list[list[str]] = []
    for index, run in enumerate(runs):
        if not _is_blank(run[0]):
            if index and _all_empty(run, values):
                run = []
            else:
                subject = run[:1] if index == 0 else []
                run = subject + [
                    line for line in run[len(subject) :] if not _only_empty(line, values)
                ]
            if not run:
                if kept and _is_blank(kept[-1][0]):
                    kept.pop()
                continue
        kept.append(run)
    return "\n".join(line for run in kept for line in run)


def _is_blank(line: str) -> bool:
    return not line.strip()


def _all_empty(paragraph: list[str], values: Mapping[str, str]) -> bool:
    """Whether the placeholders of the item in `paragraph` all come out empty."""
    _literal, fields = _parsed("\n".join(paragraph))
    fields = [field for field in fields if field not in _EVERY_KIND]
    return bool(fields) and all(values.get(field) == "" for field in fields)


def _only_empty(line: str, values: Mapping[str, str]) -> bool:
    """Whether `line` holds nothing but placeholders that all come out empty, and spaces."""
    literal, fields = _parsed(line)
    return bool(fields) and all(values.get(f) == "" for f in fields) and not literal.strip()


def _parsed(text: str) -> tuple[str, list[str]]:
    """The literal text of `text` and its placeholders; no placeholders when it cannot be read
    (a line of a placeholder that spans lines)."""
    try:
        parts = list(string.Formatter().parse(text))
    except ValueError:
        return text, []
    literal = "".join(part[0] for part in parts)
    return literal, [part[1] for part in parts if part[1] is not None]
