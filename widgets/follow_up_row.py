"""Follow-ups of a call, one per line: what, who moves next, and by when."""

from textual.app import ComposeResult
from textual.await_complete import AwaitComplete
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Input

from daicho.data.records import REQUEST_DIRECTIONS, FollowUp
from daicho.i18n import _
from daicho.widgets.choice_field import ChoiceField
from daicho.widgets.date_field import DateField
from daicho.widgets.text_fields import TextField


class FollowUpRow(Horizontal):
    """Subject, direction (waiting on them / we owe) and due date of a request to open."""

    DEFAULT_CSS = """
    FollowUpRow { height: 1; width: 1fr; }
    FollowUpRow > .subject { width: 1fr; min-width: 12; }
    FollowUpRow > ChoiceField { margin: 0 1; }
    FollowUpRow > DateField { width: 1fr; min-width: 26; }
    FollowUpRow > DateField > .hint { text-wrap: nowrap; text-overflow: ellipsis; }
    FollowUpRow.-stacked {
        layout: grid; grid-size: 2 2; grid-columns: 1fr auto; grid-gutter: 0 1; height: 2;
    }
    FollowUpRow.-stacked > ChoiceField { margin: 0; }  /* an auto column leaves out margins */
    FollowUpRow.-stacked > DateField { column-span: 2; }
    """
    STACK_BELOW = 64  # columns under which the due date, with its hint, gets a line of its own

    def __init__(
        self, subject: str = "", direction: str = "outbound", due: object = None, **kwargs
    ) -> None:
        super().__init__(**kwargs)
        self._initial = (subject, direction, due)

    def compose(self) -> ComposeResult:
        subject, direction, due = self._initial
        yield TextField(
            subject, placeholder=_("follow-up subject"), compact=True, classes="subject"
        )
        yield ChoiceField(REQUEST_DIRECTIONS, direction)
        yield DateField.from_draft(due)

    def on_resize(self) -> None:
        self.set_class(self.size.width < self.STACK_BELOW, "-stacked")

    @property
    def subject(self) -> Input:
        return self.query_one(".subject", Input)

    @property
    def direction(self) -> ChoiceField:
        return self.query_one(ChoiceField)

    @property
    def due_field(self) -> DateField:
        return self.query_one(DateField)

    @property
    def error(self) -> str:
        """The due date's inline error, or "" when the date is fine or empty."""
        return self.due_field.error

    def focus(self, scroll_visible: bool = True) -> "FollowUpRow":
        self.subject.focus(scroll_visible)
        return self

    def is_blank(self) -> bool:
        return not (self.subject.value.strip() or self.due_field.text.strip())

    def follow_up(self) -> FollowUp | None:
        """The request to open, or None for a row without a subject."""
        subject = self.subject.value.strip()
        if not subject:
            return None
        return FollowUp(subject=subject, direction=self.direction.value, due=self.due_field.date)

    def snapshot(self) -> dict[str, object]:
        """What was typed, the due date as the date it meant so `+3` keeps its day."""
        return {
            "subject": self.subject.value,
            "direction": self.direction.value,
            "due": self.due_field.draft_value,
        }

    def set_values(
        self, subject: str = "", direction: str = "outbound", due: object = None
    ) -> None:
        self.subject.value = subject
        self.direction.value = direction
        self.due_field.draft_value = due


class FollowUpList(Vertical):
    """The rows of one call; rows can be added mid-call and are restored from drafts."""

    DEFAULT_CSS = "FollowUpList { height: auto; }"

    def compose(self) -> ComposeResult:
        yield FollowUpRow()

    @property
    def rows(self) -> list[FollowUpRow]:
        """Rows ready to read: mounted, and not on their way out."""
        return [row for row in self.query(FollowUpRow) if row.is_mounted and row.display]

    async def add(self) -> FollowUpRow:
        row = FollowUpRow()
        await self.mount(row)
        return row

    def is_blank(self) -> bool:
        return all(row.is_blank() for row in self.rows)

    def follow_ups(self) -> list[FollowUp]:
        """The requests to open; rows without a subject are left out."""
        return [follow_up for row in self.rows if (follow_up := row.follow_up()) is not None]

    def problems(self) -> list[tuple[Widget, str]]:
        """Inline errors, each with the field to fix."""
        problems: list[tuple[Widget, str]] = []
        for row in self.rows:
            if row.error:
                problems.append((row.due_field, row.error))
            elif row.due_field.text.strip() and not row.subject.value.strip():
                problems.append((row.subject, _("A follow-up needs a subject")))
        return problems

    def snapshot(self) -> list[dict[str, object]]:
        return [row.snapshot() for row in self.rows]

    def load(self, rows: list[dict]) -> AwaitComplete:
        """Show exactly `rows` (at least one), reusing the rows already there."""
        rows = [_row_args(data) for data in rows] or [_row_args({})]
        current = [row for row in self.query(FollowUpRow) if row.display]
        kept = [row for row in current if row.is_mounted][: len(rows)]
        for row, data in zip(kept, rows, strict=False):
            row.set_values(**data)
        removing = self.remove_children([row for row in current if row not in kept])
        mounting = self.mount_all(FollowUpRow(**data) for data in rows[len(kept) :])
        return AwaitComplete(removing, mounting)


def _row_args(data: dict) -> dict[str, object]:
    """Row values from a draft, which may be from an older version or hand-edited."""
    return {
        "subject": str(data.get("subject", "")),
        "direction": str(data.get("direction", "outbound")),
        "due": data.get("due"),
    }
