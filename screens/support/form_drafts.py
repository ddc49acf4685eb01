"""Reopening, at start, the form that was open when the app last stopped (DESIGN §10)."""

from daicho.data.drafts import DraftRecord
from daicho.data.errors import NotFound
from daicho.screens.answer_prompt import AnswerPrompt
from daicho.screens.bases.form import FormModal
from daicho.screens.chase_prompt import ChasePrompt
from daicho.screens.contact_form import ContactForm
from daicho.screens.contract_form import ContractForm
from daicho.screens.next_chase_prompt import NextChasePrompt
from daicho.screens.note_prompt import NotePrompt
from daicho.screens.redate_prompt import RedatePrompt
from daicho.screens.request_edit_form import RequestEditForm
from daicho.screens.request_form import NewRequestForm
from daicho.screens.snooze_prompt import SnoozePrompt
from daicho.screens.vendor_form import VendorForm

FORMS: dict[str, type[FormModal]] = {
    form.DRAFT_FORM: form
    for form in (
        VendorForm,
        ContactForm,
        NewRequestForm,
        RequestEditForm,
        AnswerPrompt,
        NotePrompt,
        RedatePrompt,
        SnoozePrompt,
        ChasePrompt,
        NextChasePrompt,
        ContractForm,
    )
}


def form_for(draft: DraftRecord) -> FormModal | None:
    """The form `draft` was typed in, ready to push; None when its record is gone (the
    draft then stays, harmless, until the same form opens again)."""
    form = FORMS.get(draft.form)
    if form is None:
        return None
    try:
        return form.for_draft(draft.key)
    except (NotFound, ValueError):
        return None
