"""A real `daicho` in a pseudo-terminal, killed with SIGKILL mid-call (DESIGN §10): the next
start puts back what was typed and says so."""

import os
import signal
import sys

import pexpect
import pytest

from daicho.data import drafts
from daicho.data.ledger import close_ledger, open_ledger

SIZE = (34, 110)  # rows, columns


def start(ledger, tmp_path) -> pexpect.spawn:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DAICHO_")}
    env.update(
        DAICHO_CONFIG=str(tmp_path / "config.toml"),
        TERM="xterm-256color",
        LANG="C.UTF-8",
        LC_ALL="C.UTF-8",
        XDG_DATA_HOME=str(tmp_path / "share"),
    )
    child = pexpect.spawn(
        sys.executable,
        ["-m", "daicho.cli", "--db", str(ledger)],
        env=env,
        dimensions=SIZE,
        encoding="utf-8",
        codec_errors="replace",
        timeout=30,
    )
    child.expect("Vendors")  # the main screen is up
    return child


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_call_typed_before_kill_9_is_restored_at_the_next_start(tmp_path):
    ledger = tmp_path / "daicho.db"
    open_ledger(ledger)
    close_ledger()

    child = start(ledger, tmp_path)
    # A new call: the vendor, then past contact, direction and channel to the subject. Key
    # by key, 50 ms apart (pexpect's delay before each send) as a fast typist: in one burst
    # a key may reach a field before the Tab ahead of it has moved the focus.
    for key in ["n", *"Acme", *"\t" * 4, *"Router swap agreed"]:
        child.send(key)
    # The draft is written half a second after typing pauses; then the power goes. (The
    # echo is not waited for: the screen may draw the subject in pieces as it is typed.)
    deadline = 10.0
    while deadline > 0 and _typed_subject(ledger) != "Router swap agreed":
        child.expect([pexpect.TIMEOUT], timeout=0.25)
        deadline -= 0.25
    child.kill(signal.SIGKILL)
    child.wait()
    assert child.signalstatus == signal.SIGKILL

    draft = _call_draft(ledger)
    assert draft is not None and draft.content["subject"] == "Router swap agreed"

    child = start(ledger, tmp_path)
    child.expect("Restored the call you were typing")
    child.expect("Router swap agreed")
    child.sendcontrol("q")
    child.expect(pexpect.EOF)


def _call_draft(ledger) -> drafts.DraftRecord | None:
    open_ledger(ledger)
    try:
        return next((d for d in drafts.load_drafts() if d.form == drafts.CALL_FORM), None)
    finally:
        close_ledger()


def _typed_subject(ledger) -> str | None:
    draft = _call_draft(ledger)
    return draft.content.get("subject") if draft else None
