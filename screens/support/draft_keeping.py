"""Drafts written as the user types (DESIGN §10): off the UI thread, the newest always last."""

import threading
from collections.abc import Callable
from weakref import WeakKeyDictionary

from textual.app import App
from textual.dom import DOMNode

from daicho.data import drafts
from daicho.data.errors import DaichoError
from daicho.data.ledger import LEDGER_ERRORS, in_own_connection, ledger_refusal
from daicho.i18n import _

_LOCK = threading.Lock()  # one draft write at a time, so an older one cannot land last
# Per app, the reasons already shown: a read-only ledger is said once, not at every pause.
_warned: WeakKeyDictionary[App, set[str]] = WeakKeyDictionary()

Content = dict[str, object] | None  # None: no draft is to be kept


def keep_draft(
    node: DOMNode,
    form: str,
    key: str,
    latest: Callable[[], Content],
    kept: Callable[[], None] | None = None,
) -> None:
    """Write `latest()` (read under the lock, so the newest wins) as the form's draft in a
    thread worker of `node`, then call `kept` on the UI thread; a failure, or the draft kept
    elsewhere, is a warning."""

    def work() -> None:
        with _LOCK:
            try:
                message = _write(form, key, latest())
            except (*LEDGER_ERRORS, DaichoError) as error:
                message = _("The draft could not be kept: {reason}", reason=error)
            if message is not None:
                warned = _warned.setdefault(node.app, set())
                if message not in warned:
                    warned.add(message)
                    node.app.call_from_thread(
                        node.notify, message, severity="warning", markup=False
                    )
                return
        if kept is not None:
            node.app.call_from_thread(kept)

    node.run_worker(work, thread=True, group=f"draft-{form}", exit_on_error=False)


def keep_draft_now(form: str, key: str, content: Content) -> str | None:
    """Write the draft before going on (a form closing); what to say when it went elsewhere
    or failed."""
    with _LOCK:
        try:
            return _write(form, key, content)
        except (*LEDGER_ERRORS, DaichoError) as error:
            return _("The draft could not be kept: {reason}", reason=error)


def _write(form: str, key: str, content: Content) -> str | None:
    """Keep the draft in the ledger; once the ledger refuses every use (its file was replaced),
    in a file of its own instead, and say where."""
    if ledger_refusal() is not None:
        if content is None:
            return None
        path = drafts.keep_aside(form, content, key)
        return _("The ledger cannot be used: what you typed is kept in {path}", path=path)
    in_own_connection(lambda: _save(form, key, content))
    return None


def _save(form: str, key: str, content: Content) -> None:
    if content is None:
        drafts.discard_draft(form, key)
    else:
        drafts.save_draft(form, content, key)
