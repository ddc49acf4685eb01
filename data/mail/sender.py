"""Who sends the mails (DESIGN §8): `[sender]` in config.toml, for the 名乗り and the signature."""

from dataclasses import dataclass, fields

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
