"""What every Daicho screen shares: key descriptions in the current language, the same
actions offered in the command palette, failed workers handed to the app, and the app's
today with the deadline colours."""

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from functools import partial
from typing import ClassVar

from textual.app import SystemCommand
from textual.binding import ActiveBinding
from textual.reactive import reactive
from textual.screen import ModalScreen, Screen
from textual.worker import Worker

from daicho.data.dates.deadlines import Deadline
from daicho.data.records import RequestRecord
from daicho.i18n import _
from daicho.widgets.date_field import DateField
from daicho.widgets.deadline_look import BAND_CLASSES, BAND_CSS


def _translated(bindings: dict[str, ActiveBinding]) -> dict[str, ActiveBinding]:
    return {
        key: active._replace(
            binding=replace(active.binding, description=_(active.binding.description))
        )
        for key, active in bindings.items()
    }


class FollowsToday:
    """The app's `today` on a screen: the app sets it when the date moves (at midnight), and
    the screen passes it on to its date fields and to whatever shows a deadline."""

    today: reactive[date] = reactive(date.min, init=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.set_reactive(FollowsToday.today, self.app.today)

    def watch_today(self, today: date) -> None:
        """Screens showing deadlines extend this to show them again."""
        for field in self.query(DateField):
            field.today = today

    def deadline(self, request: RequestRecord) -> Deadline:
        """`request`'s deadline on this screen's today, "soon" as configured."""
        return Deadline.of(request.due, request.status, self.today, self.app.config.soon_days)


class _EveryScreen:
    """Mixed into every screen: its footer speaks the user's language, and its workers'
    changes go to the app, whose one handler tells the user of a failed worker (a worker's
    message goes only to the node that ran it)."""

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        return _translated(super().active_bindings)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        self.app.on_worker_state_changed(event)


class DaichoScreen(FollowsToday, _EveryScreen, Screen):
    """A full screen of Daicho."""

    COMPONENT_CLASSES: ClassVar = BAND_CLASSES
    DEFAULT_CSS = BAND_CSS


class DaichoModal(FollowsToday, _EveryScreen, ModalScreen):
    """A modal screen of Daicho."""

    COMPONENT_CLASSES: ClassVar = BAND_CLASSES
    DEFAULT_CSS = BAND_CSS


def key_commands(screen: Screen) -> Iterator[SystemCommand]:
    """What the screen's keys do right now, as command palette entries naming their key."""
    app = screen.app
    seen = set()
    for active in screen.active_bindings.values():
        binding = active.binding
        if not (binding.description and active.enabled):
            continue
        if binding.action == "quit" or (active.node, binding.action) in seen:
            continue  # Textual's own commands already offer quitting
        seen.add((active.node, binding.action))
        yield SystemCommand(
            binding.description,
            _("Key: {key}", key=app.get_key_display(binding)),
            partial(app.run_action, binding.action, active.node),
        )
