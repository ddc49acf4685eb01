"""ctrl+d in a form: a stray press never throws away what was typed (issue 13).

Many people press ctrl+d to delete the character right of the cursor (Emacs and macOS), as
Textual's own text fields do (our forms' priority binding comes first, so the guard does it
for them). So in a text field with a character there, that is what it does. Otherwise a
form with something in it asks first: the first press says how to go on, and only a second
press within a few seconds, with nothing else done between, discards. A form with nothing
to lose goes at once.
"""

import time
from collections.abc import Callable

from textual.dom import DOMNode
from textual.widget import Widget
from textual.widgets import Input, TextArea

from daicho.i18n import _

CONFIRM_S = 3.0  # the second ctrl+d must come within this long of the first


def delete_right(field: Widget | None) -> bool:
    """Delete the character right of the cursor in a text field; False when there is none.

    Not a selection: a field selects all its text when Tab enters it, and one stray key must
    not take all of that.
    """
    if isinstance(field, Input):
        there = not field.cursor_at_end
    elif isinstance(field, TextArea):
        there = not (field.read_only or field.cursor_at_end_of_text)
    else:
        return False
    if not (there and field.selection.is_empty):
        return False
    field.action_delete_right()
    return True


def _cursor(field: Widget | None) -> object:
    """Where the cursor is in a text field: moving it is doing something else."""
    if isinstance(field, Input | TextArea):
        return field.selection
    return None


class DiscardGuard:
    """What ctrl+d does in one form (`owner`), pressed again and again.

    The form calls `pressed` on each ctrl+d and discards when it says so, and `cancel` on any
    other key that reaches it and when the focus moves. Keys a text field keeps to itself
    (typing) change the content: a press is "again" only when the focus, the cursor and the
    form's content are as the first press found them.
    """

    def __init__(self, owner: DOMNode, clock: Callable[[], float] = time.monotonic) -> None:
        self.owner = owner
        self.clock = clock
        self._armed: tuple[object, ...] | None = None  # how the first press found the form
        self._armed_at = 0.0
        self._deleted: tuple[object, ...] | None = None  # where a deleting press left the cursor

    def pressed(self, content: object, blank: bool) -> bool:
        """ctrl+d with the form holding `content` (`blank`: nothing to lose): True when the
        form is to be discarded now."""
        focused = self.owner.screen.focused
        if delete_right(focused):
            self._armed = None
            self._deleted = (focused, _cursor(focused))
            return False
        situation = (focused, _cursor(focused), content)
        if self._armed == situation and self.clock() - self._armed_at <= CONFIRM_S:
            self._armed = None
            return True
        # Holding ctrl+d to delete runs into the end of the text: that press does not discard.
        went_on_deleting = self._deleted == situation[:2]
        self._deleted = None
        if blank and not went_on_deleting:
            return True
        self._armed, self._armed_at = situation, self.clock()
        self.owner.notify(
            _("ctrl+d again to discard (the draft is kept otherwise)"),
            timeout=CONFIRM_S,
            markup=False,
        )
        return False

    def cancel(self) -> None:
        """Something else was done (another key, the focus moved): the next ctrl+d is a
        first one."""
        self._armed = None
        self._deleted = None
