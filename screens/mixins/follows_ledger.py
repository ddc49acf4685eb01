"""Every open screen shows what others save (DESIGN §10, §17): one watch, the main screen's,
tells each screen in the stack that shows the ledger to read it again."""


class FollowsLedger:
    """Mixed into a screen that shows the ledger. When another window, another person on a
    shared ledger, or one of our own workers saved something, the main screen's watch calls
    `ledger_changed()` on every such screen in the stack, the one on top and those under it,
    within a second of the commit."""

    def ledger_changed(self) -> None:
        """Read again what the screen shows, keeping the user's place in it."""
        raise NotImplementedError
