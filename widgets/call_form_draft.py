"""The call form's fields and their values as a draft holds them: plain JSON taken from the
fields, and put back into them (DESIGN §10). The screen keeps the draft
(screens/support/draft_keeping.py); the form never touches the ledger."""

from datetime import datetime

from textual.await_complete import AwaitComplete
from textual.widgets import Input, TextArea

from daicho.widgets.call_form_chase import ChaseLine, ChaseLink
from daicho.widgets.call_status import CallStatus
from daicho.widgets.choice_field import ChoiceField
from daicho.widgets.date_field import PastDueCheck
from daicho.widgets.follow_up_row import FollowUpList

TEXTS = ("vendor", "contact", "subject")  # one-line fields, by id
BLOCKS = ("decisions", "internal_notes")  # multi-line fields, by id
_OLD_MEMO = "notes"  # a draft kept before the memo was split off holds it here


def _time_from_draft(text: object) -> datetime | None:
    """The start time kept in a draft; a naive time is taken as local, a bad one as unknown."""
    try:
        started = datetime.fromisoformat(text) if isinstance(text, str) else None
    except ValueError:
        return None
    if started is None or started.tzinfo:
        return started
    return started.astimezone()


class CallFormDraft:
    """Mixed into CallForm: its fields, whether anything was typed in them, and their values
    for a draft. `_prefill` is what `start` filled in (no draft by itself)."""

    _prefill: tuple[str, str]

    def _input(self, name: str) -> Input:
        return self.query_one(f"#{name}", Input)

    def _text_area(self, name: str) -> TextArea:
        return self.query_one(f"#{name}", TextArea)

    def _choice(self, name: str) -> ChoiceField:
        return self.query_one(f"#{name}", ChoiceField)

    @property
    def _follow_ups(self) -> FollowUpList:
        return self.query_one(FollowUpList)

    @property
    def _chase_line(self) -> ChaseLine:
        return self.query_one(ChaseLine)

    @property
    def _status(self) -> CallStatus:
        return self.query_one(CallStatus)

    def _names(self) -> tuple[str, str]:
        return self._input("vendor").value, self._input("contact").value

    def _typed_beyond_names(self) -> bool:
        texts = [self._input("subject").value]
        texts += [self._text_area(name).text for name in BLOCKS]
        return any(text.strip() for text in texts) or not self._follow_ups.is_blank()

    def is_blank(self) -> bool:
        """Nothing typed anywhere (the two choices do not count)."""
        return not (any(name.strip() for name in self._names()) or self._typed_beyond_names())

    def has_content(self) -> bool:
        """Typed by the user, not just what `start` filled in."""
        names = self._names()
        own_names = names != self._prefill and any(name.strip() for name in names)
        return own_names or self._typed_beyond_names()

    def draft_values(self) -> dict | None:
        """What a draft keeps: everything typed, or None when the user typed nothing."""
        return self.snapshot() if self.has_content() else None

    def snapshot(self) -> dict:
        """Everything typed, as plain JSON; a follow-up's date as the day it meant."""
        started_at = self._status.started_at
        return {
            **{name: self._input(name).value for name in TEXTS},
            "direction": self._choice("direction").value,
            "channel": self._choice("channel").value,
            **{name: self._text_area(name).text for name in BLOCKS},
            "follow_ups": self._follow_ups.snapshot(),
            "started_at": started_at.isoformat() if started_at else None,
            "chasing": link.draft() if (link := self._chase_line.link) else None,
        }

    def load(self, values: dict) -> AwaitComplete:
        """Restore a `snapshot()`; await it to be sure the follow-up rows are mounted."""
        self._status.show("")
        return self._fill(values)

    def clear(self) -> AwaitComplete:
        """Empty the form for the next call: no text, default choices, clock stopped.

        A message from `show_saved` stays, so the screen may show it before or after.
        """
        return self._fill({})

    def _fill(self, values: dict) -> AwaitComplete:
        if self._status.showing_error:
            self._status.show("")
        self._status.start_clock(_time_from_draft(values.get("started_at")))
        for name in TEXTS:
            self._input(name).value = str(values.get(name, ""))
        self._choice("direction").value = str(values.get("direction", "incoming"))
        self._choice("channel").value = str(values.get("channel", "phone"))
        values = {"internal_notes": values.get(_OLD_MEMO, ""), **values}
        for name in BLOCKS:
            self._text_area(name).text = str(values.get(name, ""))
        self._chase_line.link = ChaseLink.from_draft(values.get("chasing"))
        self._prefill = ("", "")
        self._past_due = PastDueCheck()  # a new call: its dates are asked about afresh
        return self._follow_ups.load(values.get("follow_ups") or [])
