"""The bottom line: the keys that work here, in the user's language.

Textual's Footer mounts a widget per key and rebuilds them all whenever focus moves; this
draws one line of text instead, so a screen with many keys starts and refocuses quickly.
"""

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding
from textual.widget import Widget

from daicho.i18n import _

_PALETTE = Binding("ctrl+p", "command_palette")


class KeyBar(Widget):
    """`key description` for every shown binding of the focused chain, then the palette key.

    The keys in `first` lead, in that order, so a narrow terminal cuts off the others.
    """

    COMPONENT_CLASSES: ClassVar = {"key-bar--key", "key-bar--disabled"}
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom; height: 1;
        background: $footer-background; color: $footer-foreground;
    }
    KeyBar > .key-bar--key { color: $footer-key-foreground; text-style: bold; }
    KeyBar > .key-bar--disabled { color: $text-disabled; }
    """

    def __init__(self, first: tuple[str, ...] = (), **kwargs) -> None:
        super().__init__(**kwargs)
        self.first = first

    def _rank(self, key: str) -> int:
        return self.first.index(key) if key in self.first else len(self.first)

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _screen) -> None:
        self.refresh()

    def render(self) -> Text:
        key_style = self.get_component_rich_style("key-bar--key")
        disabled = self.get_component_rich_style("key-bar--disabled")
        items: list[Text] = []
        shown = set()
        bindings = sorted(self.screen.active_bindings.items(), key=lambda kv: self._rank(kv[0]))
        for _key, active in bindings:
            binding = active.binding
            if not (binding.show and binding.description) or binding.action in shown:
                continue
            shown.add(binding.action)
            items.append(
                Text.assemble(
                    (f" {self.app.get_key_display(binding)} ", key_style),
                    (binding.description + " ", None if active.enabled else disabled),
                )
            )
        palette = Text.assemble(
            (f" {self.app.get_key_display(_PALETTE)} ", key_style),
            _("Commands") + " ",
        )
        return self._fitted(items, self.size.width - palette.cell_len) + palette

    @staticmethod
    def _fitted(items: list[Text], room: int) -> Text:
        """As many whole keys as fit in `room` cells, then `…` if some were left out: a key
        without its description would say nothing."""
        keys = Text(no_wrap=True, end="")
        for index, item in enumerate(items):
            last = index == len(items) - 1
            if keys.cell_len + item.cell_len + (0 if last else 1) > room:
                keys.append("…")
                break
            keys.append_text(item)
        keys.truncate(max(0, room), pad=True)
        return keys
