"""What every Daicho screen shares: key descriptions shown in the current language."""

from dataclasses import replace

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
