"""A one-line choice among a few fixed values (`◀ 電話 ▶`), quicker than a dropdown mid-call."""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from daicho.i18n import N_
from daicho.i18n.labels import label


class ChoiceField(Widget, can_focus=True):
    """Shows the current value's label; left/right or space cycle, a letter jumps."""

    DEFAULT_CSS = """
    ChoiceField { width: auto; height: 1; padding: 0 1; background: $boost; }
    ChoiceField:focus { background: $block-cursor-background; color: $block-cursor-foreground; }
    """
    BINDINGS: ClassVar = [
        Binding("left", "cycle(-1)", N_("Previous choice"), show=False),
        Binding("right,space", "cycle(1)", N_("Next choice"), show=False),
    ]

    value = reactive("")

    @dataclass
    class Changed(Message):
        """The chosen value changed (by the user or by the program)."""

        field: "ChoiceField"
        value: str

        @property
        def control(self) -> "ChoiceField":
            return self.field

    def __init__(
        self,
        options: tuple[str, ...],
        value: str = "",
        *,
        labels: Mapping[str, str] | None = None,
        **kwargs,
    ) -> None:
        """`labels` names the options on screen (default: their labels in i18n/labels.py)."""
        super().__init__(**kwargs)
        self.options = options
        self._labels = dict(labels) if labels is not None else None
        self.set_reactive(ChoiceField.value, self.validate_value(value))

    def label_of(self, option: str) -> str:
        """What `option` is called on screen."""
        return label(option) if self._labels is None else self._labels.get(option, option)

    def validate_value(self, value: str) -> str:
        """An unknown value (say, from an old draft) falls back to the first option."""
        return value if value in self.options else self.options[0]

    def watch_value(self) -> None:
        self.post_message(self.Changed(self, self.value))

    def render(self) -> Text:
        # Padded to the widest label so the fields after it do not jump while cycling.
        width = max(cell_len(self.label_of(option)) for option in self.options)
        current = self.label_of(self.value)
        padding = " " * (width - cell_len(current))
        return Text.assemble(("◀ ", "dim"), current, (" ▶", "dim"), padding)

    def on_mount(self) -> None:
        self.tooltip = " / ".join(self.label_of(option) for option in self.options)

    def action_cycle(self, step: int) -> None:
        index = self.options.index(self.value)
        self.value = self.options[(index + step) % len(self.options)]

    def on_key(self, event: events.Key) -> None:
        """Typing the first letter of a value's English name (p, m, e, v…), or of its label
        as shown, jumps to the next value that starts with it."""
        letter = (event.character or "").casefold()
        if not (event.is_printable and letter.isalpha()):
            return
        start = self.options.index(self.value) + 1
        ordered = self.options[start:] + self.options[:start]
        match = next(
            (
                option
                for option in ordered
                if option.startswith(letter) or self.label_of(option).casefold().startswith(letter)
            ),
            None,
        )
        if match is not None:
            event.stop()
            event.prevent_default()
            self.value = match
