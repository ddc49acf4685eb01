"""Who sends the mails (DESIGN §8): `[sender]` in config.toml, for the 名乗り and the signature."""

from dataclasses import dataclass, fields

from daicho.data.text import clean_line
from daicho.i18n import _, current_language

SENDER_FIELDS = ("company", "department", "name", "phone", "mail")


@dataclass(frozen=True)
class Sender:
    """The user as their mails name them; every part may be empty."""

    company: str = ""
    department: str = ""
    name: str = ""
    phone: str = ""
    mail: str = ""

    @property
    def is_set(self) -> bool:
        """Whether anything is set: a mail from nobody asks for it first."""
        return any(getattr(self, part.name).strip() for part in fields(self))


def introduction(sender: Sender) -> str:
    """The 名乗り after the greeting, from the parts that are set:
    `株式会社サンプル 情報システム課の鈴木です。`, `This is Ichiro Suzuki of IT, Example Corp.`;
    "" when nothing is set."""
    name = clean_line(sender.name)
    if current_language() == "ja":  # the company before its department, as a card reads
        organisation = " ".join(_parts(sender.company, sender.department))
    else:
        organisation = ", ".join(_parts(sender.department, sender.company))
    if name and organisation:
        text = _("This is {name} of {organisation}.", name=name, organisation=organisation)
    elif name or organisation:
        text = _("This is {name}.", name=name or organisation)
    else:
        return ""
    return text.removesuffix(".") if text.endswith("..") else text  # `Co., Ltd..`


def sender_signature(sender: Sender) -> str:
    """The signature made from `[sender]`: company and department, name, phone and mail, each
    line only when set, between rules in Japanese and under `--` in English; "" when nothing
    is set."""
    if not sender.is_set:
        return ""
    if current_language() == "ja":  # 署名: company and department on one line, then the name
        lines = [" ".join(_parts(sender.company, sender.department)), clean_line(sender.name)]
        rules = ("-" * 40, "-" * 40)
    else:
        lines = [clean_line(sender.name), ", ".join(_parts(sender.department, sender.company))]
        rules = ("--", "")
    if phone := clean_line(sender.phone):
        lines.append(_("Tel: {phone}", phone=phone))
    if mail := clean_line(sender.mail):
        lines.append(_("Email: {mail}", mail=mail))
    return "\n".join(filter(None, [rules[0], *lines, rules[1]]))


def _parts(*parts: str) -> list[str]:
    return [clean_line(part) for part in parts if clean_line(part)]
