"""What every Daicho screen shares: key descriptions in the current language, the same
actions offered in the command palette, and the app's today with the deadline colours."""

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from functools import partial
from typing import ClassVar

from textual.app import SystemCommand
from textual.binding import ActiveBinding
from textual.reactive import reactive
from textual.screen import ModalScreen, Screen

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


class DaichoScreen(FollowsToday, Screen):
    """A full screen whose footer speaks the user's language."""

    COMPONENT_CLASSES: ClassVar = BAND_CLASSES
    DEFAULT_CSS = BAND_CSS

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        return _translated(super().active_bindings)


class DaichoModal(FollowsToday, ModalScreen):
    """A modal whose footer speaks the user's language."""

    COMPONENT_CLASSES: ClassVar = BAND_CLASSES
    DEFAULT_CSS = BAND_CSS

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        return _translated(super().active_bindings)


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
