"""Drafts written as the user types (DESIGN §10), one engine for every form.

A `DraftKeeper` owns one form's draft: the pause after which typing is written, the form's
values taken at each change, the comparison with what was last written, the write off the
UI thread (the newest always last), the write that cannot wait (a form closing), the drop
after a save or a discard, and reading a draft back. The form only offers its values and
takes values back; it never touches the ledger.
"""

import threading
from collections.abc import Callable
from weakref import WeakKeyDictionary

from textual.app import App
from textual.dom import DOMNode
from textual.timer import Timer

from daicho.data import drafts
from daicho.data.dates import clock
from daicho.data.errors import DaichoError
from daicho.data.ledger import LEDGER_ERRORS, in_own_drafts_connection, ledger_refusal
from daicho.i18n import _

DRAFT_PAUSE_S = 0.5  # typing paused this long: the draft is written

_ERRORS = (*LEDGER_ERRORS, DaichoError)
_LOCK = threading.Lock()  # one draft write at a time, so an older one cannot land last
# Per app, the reasons already shown: a read-only ledger is said once, not at every pause.
_warned: WeakKeyDictionary[App, set[str]] = WeakKeyDictionary()

Content = dict[str, object] | None  # None: no draft is to be kept


class DraftKeeper:
    """The draft of one form, kept under (`form`, `key()`) in a worker of `node`.

    `values()` is what the form would keep now (None: nothing worth keeping); `written` is
    called on the UI thread after each write that reached the ledger.
    """

    def __init__(
        self,
        node: DOMNode,
        form: str,
        values: Callable[[], Content],
        key: Callable[[], str] = lambda: "",
        written: Callable[[], None] | None = None,
    ) -> None:
        self._node = node
        self._form = form
        self._values = values
        self._key = key
        self._written = written
        self._latest: Content = None  # the values at the last change
        self._kept: Content = None  # what was last written, or restored
        self._timer: Timer | None = None
        self.closed = False  # the form went (saved, discarded, closed): changes are not kept

    @property
    def kept(self) -> Content:
        """What was last handed to a write (or restored): the draft as the ledger will have it."""
        return self._kept

    def load(self) -> drafts.DraftRecord | None:
        """The draft kept for the form, to put back in it; None when there is none or the
        ledger refuses every use (its file was replaced: the save will say so)."""
        try:
            return drafts.load_draft(self._form, self._key())
        except _ERRORS:
            return None

    def restored(self, draft: drafts.DraftRecord) -> str:
        """The form shows `draft` again: only a change from it is written. The time it was
        kept, for the notice that says so."""
        self._kept = self._latest = draft.content
        return clock.to_local(draft.updated_at).strftime("%m/%d %H:%M")

    def changed(self) -> None:
        """The form changed: its values are written once typing pauses."""
        if self.closed:
            return
        self._latest = self._values()  # taken now too: a form closing may have no fields left
        self._stop_timer()
        self._timer = self._node.set_timer(DRAFT_PAUSE_S, self._paused)

    def _paused(self) -> None:
        self._timer = None
        self._latest = self._values()
        if self._latest != self._kept:
            self._kept = self._latest
            self._write_later()

    def drop(self) -> None:
        """Saved or discarded: the draft has served; the form stays for what comes next."""
        self._stop_timer()
        self._kept = self._latest = None
        self._write_later()

    def close(self, content: Content) -> bool:
        """The form goes: write `content` (None: no draft) before going on. False, after a
        warning, when the write failed or went elsewhere than the ledger."""
        self.closed = True
        self._stop_timer()
        self._kept = self._latest = content  # a write still waiting writes this too
        trouble = _write_now(self._form, self._key(), content)
        if trouble is not None:
            self._node.notify(trouble, severity="warning", markup=False)
        return trouble is None

    def flush(self) -> None:
        """The app is stopping with the latest typing not yet written: write it now."""
        if not self.closed and self._timer is not None:
            self.close(self._latest)

    def _stop_timer(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def _write_later(self) -> None:
        """Write what is kept (read under the lock, so the newest wins) in a thread worker,
        then call `written`; a failure, or the draft kept elsewhere, is a warning, once."""
        node, form, key = self._node, self._form, self._key()

        def work() -> None:
            with _LOCK:
                try:
                    message = _write(form, key, self._kept)
                except _ERRORS as error:
                    message = _("The draft could not be kept: {reason}", reason=error)
                if message is not None:
                    warned = _warned.setdefault(node.app, set())
                    if message not in warned:
                        warned.add(message)
                        node.app.call_from_thread(
                            node.notify, message, severity="warning", markup=False
                        )
                    return
            if self._written is not None:
                node.app.call_from_thread(self._written)

        node.run_worker(work, thread=True, group=f"draft-{form}", exit_on_error=False)


def _write_now(form: str, key: str, content: Content) -> str | None:
    """Write the draft before going on; what to say when it went elsewhere or failed."""
    with _LOCK:
        try:
            return _write(form, key, content)
        except _ERRORS as error:
            return _("The draft could not be kept: {reason}", reason=error)


def _write(form: str, key: str, content: Content) -> str | None:
    """Keep the draft in the ledger; once the ledger refuses every use (its file was replaced),
    in a file of its own instead, and say where."""
    if ledger_refusal() is not None:
        if content is None:
            return None
        path = drafts.keep_aside(form, content, key)
        return _("The ledger cannot be used: what you typed is kept in {path}", path=path)
    in_own_drafts_connection(lambda: _save(form, key, content))
    return None


def _save(form: str, key: str, content: Content) -> None:
    if content is None:
        drafts.discard_draft(form, key)
    else:
        drafts.save_draft(form, content, key)
