"""What every Daicho screen shares: key descriptions in the current language, and
the same actions offered in the command palette."""

from collections.abc import Iterator
from dataclasses import replace
from functools import partial

from textual.app import SystemCommand
from textual.binding import ActiveBinding
from textual.screen import ModalScreen, Screen

from daicho.i18n import _


def _translated(bindings: dict[str, ActiveBinding]) -> dict[str, ActiveBinding]:
    return {
        key: active._replace(
            binding=replace(active.binding, description=_(active.binding.description))
        )
        for key, active in bindings.items()
    }


class DaichoScreen(Screen):
    """A full screen whose footer speaks the user's language."""

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        return _translated(super().active_bindings)


class DaichoModal(ModalScreen):
    """A modal whose footer speaks the user's language."""

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
