"""To whom a mail goes (DESIGN §8): its `To:` and `Cc:` lines and the 宛名 that opens it."""

from collections.abc import Iterable
from dataclasses import dataclass

from daicho.data.records import ContactRecord
from daicho.data.text import clean_line
from daicho.i18n import _, current_language

_SPECIALS = set('()<>[]:;@\\,."')  # a display name holding one is quoted (RFC 5322)


@dataclass(frozen=True)
class Recipients:
    """`to`: `佐藤 健一 <sato@example.co.jp>`; `cc`: such addresses joined by `, `; "" when
    nobody with an address is known."""

    to: str = ""
    cc: str = ""

    @property
    def lines(self) -> list[str]:
        """The `To:` and `Cc:` lines that open the mail's text, each when known."""
        return [f"{field}: {value}" for field, value in (("To", self.to), ("Cc", self.cc)) if value]


def recipients(to: ContactRecord | None, others: Iterable[ContactRecord | None]) -> Recipients:
    """To `to`, copied to each of `others` once, never to `to` again; only contacts with an
    email address are written."""
    seen = {_address(to).casefold()} if to is not None else set()
    copied = []
    for contact in others:
        if contact is None or not (address := _address(contact)):
            continue
        if address.casefold() not in seen:
            seen.add(address.casefold())
            copied.append(mailbox(contact))
    return Recipients(mailbox(to) if to is not None and _address(to) else "", ", ".join(copied))


def mailbox(contact: ContactRecord) -> str:
    """`佐藤 健一 <sato@example.co.jp>`, the name quoted when it must be (`"Sato, K." <…>`)."""
    name = _name(contact)
    if not name:
        return _address(contact)
    if _SPECIALS & set(name):
        name = '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return f"{name} <{_address(contact)}>"


def addressee(vendor: str, contact: ContactRecord | None) -> str:
    """The 宛名 that opens a mail: in Japanese the company, then the contact's department, role
    and name with 様 on one line (ご担当者様 when there is no contact); in English the name with
    the role, the department and the company, one a line."""
    name = _name(contact) if contact else ""
    department = clean_line(contact.department) if contact else ""
    role = clean_line(contact.role) if contact else ""
    if current_language() == "ja":  # a Japanese form of address, not a translation
        person = " ".join(filter(None, (department, role, f"{name or _('Sir or Madam')}様")))
        return "\n".join(filter(None, (vendor, person)))
    return "\n".join(filter(None, (", ".join(filter(None, (name, role))), department, vendor)))


def _name(contact: ContactRecord) -> str:
    return clean_line(contact.name).removesuffix("様").rstrip()


def _address(contact: ContactRecord) -> str:
    return "".join(clean_line(contact.email).split())
