"""The assignee (担当) field of the request forms: a name, with the people the ledger knows
as suggestions (DESIGN §17)."""

from textual.dom import DOMNode
from textual.widgets import Input

from daicho.data import queue, who
from daicho.i18n import _
from daicho.screens.bases.form import line
from daicho.screens.support.ledger_access import read_ledger
from daicho.widgets.completing_input import CompletingInput


def assignee_field(value: str = "") -> Input:
    """An optional name; Tab takes the suggested one."""
    return line(value, id="assignee", placeholder=_("optional: who takes care of it"))


def suggest_people(form: DOMNode) -> None:
    """Fill `form`'s assignee suggestions, in a worker: the user and everyone the requests
    name."""

    def show(names: list[str]) -> None:
        known = sorted({*names, who.user_name()} - {""})
        form.query_one("#assignee", CompletingInput).set_names([(name, "") for name in known])

    read_ledger(form, queue.people, show, kind="people")
