"""A real `daicho` in a pseudo-terminal, killed with SIGKILL mid-call (DESIGN §10): the next
start puts back what was typed and says so."""

import signal

import pytest
from terminal import start_daicho

from daicho.data import drafts
from daicho.data.ledger import close_ledger, open_ledger


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_call_typed_before_kill_9_is_restored_at_the_next_start(tmp_path):
    ledger = tmp_path / "daicho.db"
    open_ledger(ledger)
    close_ledger()

    terminal = start_daicho(ledger, tmp_path)
    # A new call: the vendor, then past contact, direction and channel to the subject. Keys
    # go to the field that has the focus when they arrive (typed on the vendor list, they
    # would filter it): each field is typed into once the cursor is in it.
    terminal.send("n")
    terminal.wait_until(lambda: "Vendor" in terminal.cursor_line(), what="the vendor field")
    terminal.send(*"Acme", *"\t" * 4)
    terminal.wait_until(lambda: "Subject" in terminal.cursor_line(), what="the subject field")
    terminal.send(*"Router swap agreed")
    # The draft is written half a second after typing pauses; then the power goes.
    terminal.wait_until(lambda: _typed_subject(ledger) == "Router swap agreed", what="the draft")
    terminal.child.kill(signal.SIGKILL)
    terminal.child.wait()
    assert terminal.child.signalstatus == signal.SIGKILL

    draft = _call_draft(ledger)
    assert draft is not None and draft.content["subject"] == "Router swap agreed"

    terminal = start_daicho(ledger, tmp_path)
    terminal.wait_for("Restored the call")
    terminal.wait_for("Router swap agreed")
    terminal.child.sendcontrol("q")
    terminal.wait_for_exit()


def _call_draft(ledger) -> drafts.DraftRecord | None:
    open_ledger(ledger)
    try:
        return next((d for d in drafts.load_drafts() if d.form == drafts.CALL_FORM), None)
    finally:
        close_ledger()


def _typed_subject(ledger) -> str | None:
    draft = _call_draft(ledger)
    return draft.content.get("subject") if draft else None
