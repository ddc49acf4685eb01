"""The call form's values as a draft holds them: plain JSON taken from the fields, and put
back into them (DESIGN §10). The screen keeps the draft (screens/support/draft_keeping.py);
the form never touches the ledger."""

from datetime import datetime

from textual.await_complete import AwaitComplete

from daicho.widgets.call_status import CallStatus
from daicho.widgets.date_field import PastDueCheck
from daicho.widgets.follow_up_row import FollowUpList

TEXTS = ("vendor", "contact", "subject")  # one-line fields, by id
BLOCKS = ("notes", "decisions")  # multi-line fields, by id


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
    """Mixed into CallForm, whose fields (`_input`, `_text_area`, `_choice`, `_follow_ups`,
    `_status`) it reads and fills."""

    _status: CallStatus
    _follow_ups: FollowUpList

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
        for name in BLOCKS:
            self._text_area(name).text = str(values.get(name, ""))
        self._prefill = ("", "")
        self._past_due = PastDueCheck()  # a new call: its dates are asked about afresh
        return self._follow_ups.load(values.get("follow_ups") or [])
