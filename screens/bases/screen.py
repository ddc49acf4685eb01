"""What every Daicho screen shares: key descriptions in the current language, the same
actions offered in the command palette, and failed workers handed to the app."""

from collections.abc import Iterator
from dataclasses import replace
from functools import partial

from textual.app import SystemCommand
from textual.binding import ActiveBinding
from textual.screen import ModalScreen, Screen
from textual.worker import Worker

from daicho.i18n import _


def _translated(bindings: dict[str, ActiveBinding]) -> dict[str, ActiveBinding]:
    return {
        key: active._replace(
            binding=replace(active.binding, description=_(active.binding.description))
        )
        for key, active in bindings.items()
    }


class _EveryScreen:
    """Mixed into every screen: its footer speaks the user's language, and its workers'
    changes go to the app, whose one handler tells the user of a failed worker (a worker's
    message goes only to the node that ran it)."""

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        return _translated(super().active_bindings)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        self.app.on_worker_state_changed(event)


class DaichoScreen(_EveryScreen, Screen):
    """A full screen of Daicho."""


class DaichoModal(_EveryScreen, ModalScreen):
    """A modal screen of Daicho."""


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
