"""How a screen reads the ledger (STYLE: one home per idea): in a thread worker on its own
connection, so the UI never waits; the newest read of a kind wins; a failure is told.

A read that raises fails its worker; every screen hands its failed workers to the app
(screens/bases/screen.py), which says `failure_message` in a notice and runs on.
"""

from collections.abc import Callable
from typing import TypeVar
from weakref import WeakKeyDictionary

from textual.dom import DOMNode
from textual.worker import get_current_worker

from daicho.data.errors import DaichoError
from daicho.data.ledger import LEDGER_ERRORS, in_own_connection
from daicho.data.ledger_guard import why_not_written
from daicho.i18n import _

T = TypeVar("T")

# Per node, the number of the newest read of each kind: an older one's result is dropped.
_newest: WeakKeyDictionary[DOMNode, dict[str, int]] = WeakKeyDictionary()


def read_ledger(
    node: DOMNode, read: Callable[[], T], show: Callable[[T], None], *, kind: str
) -> None:
    """Run `read()` in a thread worker of `node`, then `show(result)` on the UI thread.

    A newer read of the same `kind` on `node` replaces an older one, whose result is then
    dropped, as is a result that arrives after `node` has gone.
    """
    reads = _newest.setdefault(node, {})
    number = reads[kind] = reads.get(kind, 0) + 1

    def shown(result: T) -> None:
        if reads.get(kind) == number and node.is_attached:
            show(result)

    def work() -> None:
        result = in_own_connection(read)
        if not get_current_worker().is_cancelled:
            node.app.call_from_thread(shown, result)

    node.run_worker(work, thread=True, group=f"ledger-{kind}", exclusive=True, exit_on_error=False)


def failure_message(error: BaseException) -> str:
    """What to tell the user when a use of the ledger (or any worker) failed: never a
    traceback, and the reason in words they can act on where there are such words."""
    if isinstance(error, DaichoError):
        return str(error)
    if isinstance(error, LEDGER_ERRORS):
        said = why_not_written(error)
        reason = str(error).strip().splitlines()[0] if str(error).strip() else repr(error)
        return said or _("The ledger could not be read: {reason}", reason=reason)
    return _("Unexpected error: {reason}", reason=error)
