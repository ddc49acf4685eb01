"""What the vendor and request forms share: label+field rows, the error line, save and cancel.

A form subclass yields its rows from `compose_fields` and turns the fields into a saved record
in `save`; this base catches what the ledger refuses and shows it inside the form, so nothing
typed is lost. `FieldsModal` is that much; `FormModal` adds drafts, for what goes in the ledger.

Drafts (DESIGN §10): what differs from what the form opened with is kept as a draft of
(`DRAFT_FORM`, `draft_key()`) once typing pauses (screens/support/draft_keeping.py), and
put back the next time the same form opens; a form on a stored record puts back only the
fields typed in, over the record as it is then, so that what someone else changed in the
others meanwhile stays. A draft left by a
form that was open when the app stopped (a crash, a closed terminal) reopens its form at the
next start; escape closes the form and keeps the draft for later; ctrl+d twice discards it
(widgets/discard_guard.py); a save drops it.
"""

from datetime import date
from typing import ClassVar, Self

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Input, Label, Static, TextArea

from daicho.data import requests
from daicho.data.errors import DaichoError, EditConflict, InputError
from daicho.data.ledger import LEDGER_ERRORS
from daicho.data.records import RequestRecord
from daicho.data.text import clean_line
from daicho.data.versions import changed_fields, edit_conflict
from daicho.i18n import N_, _
from daicho.screens.bases.screen import DaichoModal
from daicho.screens.support.draft_keeping import DraftKeeper
from daicho.widgets.choice_field import ChoiceField
from daicho.widgets.completing_input import CompletingInput
from daicho.widgets.date_field import DateField, PastDueCheck
from daicho.widgets.discard_guard import DiscardGuard
from daicho.widgets.key_bar import KeyBar
from daicho.widgets.text_fields import TextBox

FIELD = "form-field"  # the class that marks a row's field for snapshot/load


class FieldError(InputError):
    """A check the form itself makes; `field` is the id of the field to put the cursor in."""

    def __init__(self, message: str, field: str) -> None:
        super().__init__(message, field)


def required(text: str, field: str, what: str) -> str:
    """`text` cleaned to one line; empty is an error that puts the cursor in `field`."""
    cleaned = clean_line(text)
    if not cleaned:
        raise FieldError(_("{what} cannot be empty", what=what), field)
    return cleaned


def row(label: str, field: Widget) -> tuple[Label, Widget]:
    """A translated label and its field; the field joins the form's snapshot by its id."""
    field.add_class(FIELD)
    return Label(label, classes="form-label", markup=False), field


def line(value: str = "", **kwargs) -> Input:
    """A one-line text field in the forms' compact style; Tab takes a shown completion."""
    return CompletingInput(value, compact=True, **kwargs)


def block(value: str = "", **kwargs) -> TextArea:
    """A multi-line text field where Tab moves on instead of indenting."""
    return TextBox(value, compact=True, tab_behavior="focus", soft_wrap=True, **kwargs)


def choice(options: tuple[str, ...], value: str, **kwargs) -> ChoiceField:
    """One of a few stored values, shown by its label and cycled with ←/→ or space."""
    return ChoiceField(options, value, **kwargs)


def _read(field: Widget) -> object:
    if isinstance(field, DateField):
        return field.draft_value  # the date meant, not only the text: `+3` keeps its day
    if isinstance(field, TextArea):
        return field.text
    return field.value


def _write(field: Widget, value: object) -> None:
    """Fill a field, the cursor after its text (where typing ended, so that a ctrl+d there
    deletes nothing)."""
    if isinstance(field, DateField):
        field.draft_value = value
    elif isinstance(field, TextArea):
        field.text = value
    else:
        field.value = value
    if isinstance(field, TextArea):
        field.move_cursor(field.document.end)
    elif isinstance(field, Input):
        field.cursor_position = len(field.value)


class FieldsModal(DaichoModal):
    """A modal of label+field rows and an error line: ctrl+s saves, escape closes with None.

    What every form shares, drafts aside: `compose_fields` yields the rows, `save` turns them
    into what the modal dismisses with, and what `save` refuses shows inside, nothing lost.
    """

    DEFAULT_CSS = """
    FieldsModal #fields {
        height: auto; max-height: 100%;
        layout: grid; grid-size: 2; grid-columns: auto 1fr; grid-rows: auto; grid-gutter: 0 2;
    }
    FieldsModal .form-label { color: $text-muted; }
    FieldsModal Input { padding: 0 1; }
    FieldsModal #fields > TextArea { height: auto; min-height: 4; max-height: 12; }
    FieldsModal #form-intro { color: $text-muted; margin-bottom: 1; }
    FieldsModal #form-error { dock: bottom; height: auto; color: $text-error; }
    FieldsModal #form-error.-warning { color: $text-warning; }
    """
    BINDINGS: ClassVar = [
        Binding("ctrl+s", "save", N_("Save"), id="form.save"),
        Binding("escape", "cancel", N_("Close"), id="form.cancel"),
    ]

    read_version: int | None = None
    """The version of the record the form changes, as it was read: a save names it, and is
    refused when someone changed the record since (data/versions.py). After a refusal, the
    version it was refused for: the next save, made knowing, goes ahead."""

    def __init__(self, title: str, intro: str = "") -> None:
        """`intro`: a few words above the fields, when the form needs saying why it is open."""
        super().__init__()
        self._title = title
        self._intro = intro

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog") as dialog:
            dialog.border_title = Content(self._title)  # literal, never markup
            if self._intro:
                yield Static(self._intro, id="form-intro", markup=False)
            with VerticalScroll(id="fields", can_focus=False):
                yield from self.compose_fields()
            yield Static("", id="form-error", markup=False)
        yield KeyBar()

    def compose_fields(self) -> ComposeResult:
        """The form's rows, built with `row`, in the order Tab walks them."""
        raise NotImplementedError

    def save(self) -> object | None:
        """Write what was typed; the saved record, or None when the form asks for another try."""
        raise NotImplementedError

    def snapshot(self) -> dict[str, object]:
        """What is typed in every field, by field id (kept as a draft later)."""
        return {field.id: _read(field) for field in self.query(f".{FIELD}")}

    def load(self, values: dict[str, object]) -> None:
        """Fill the fields from a snapshot; names the form does not have are ignored."""
        for field in self.query(f".{FIELD}"):
            if field.id in values:
                _write(field, values[field.id])

    def show_error(self, message: str, *, warning: bool = False) -> None:
        error = self.query_one("#form-error", Static)
        error.update(message)
        error.set_class(warning, "-warning")

    def action_save(self) -> None:
        try:
            record = self.save()
        except EditConflict as conflict:  # nothing written, and the text stays as typed
            self.show_error(str(conflict))
            self.read_version = conflict.version
            return
        except InputError as error:  # the form's own checks, or a service's naming a field
            self.show_error(str(error))
            if error.field is not None:
                self.query_one(f"#{error.field}").focus()
            return
        except DaichoError as error:
            self.show_error(str(error))
            return
        except LEDGER_ERRORS as error:
            self.show_error(_("The ledger could not be written: {reason}", reason=error))
            return
        if record is not None:
            self.saved(record)

    def write_changes(self, kind: str, read: object, before: dict, fields: dict, update, get):
        """Save a vendor or contact (`kind`) the form read as `read` (its fields `before`):
        `update(id, expected_version=, **changes)` with what of `fields` differs, so that a
        save made after someone else's change (refused once) keeps their other fields. The
        refusal names what they changed: `read` against `get(id)`, the record now."""
        changes = {key: value for key, value in fields.items() if value != before[key]}
        try:
            return update(read.id, expected_version=self.read_version, **changes)
        except EditConflict as conflict:
            now = get(read.id)
            changed = changed_fields(read, now)
            raise edit_conflict(kind, conflict.by, conflict.at, now.version, changed) from None

    def saved(self, record: object) -> None:
        """`save` gave `record`: the modal closes with it."""
        self.dismiss(record)

    def action_cancel(self) -> None:
        self.dismiss(None)


class FormModal(FieldsModal):
    """A form whose typing is kept as a draft (see the module's docstring)."""

    BINDINGS: ClassVar = [
        # Priority, so that the guard decides: a character to delete, or a discard to confirm.
        Binding("ctrl+d", "discard", N_("Discard"), id="form.discard", priority=True),
    ]
    DRAFT_FORM: ClassVar[str] = ""
    """The name this form's drafts are kept under (see screens/support/form_drafts.py)."""

    def __init__(self, title: str) -> None:
        super().__init__(title)
        self._opened_with: dict[str, object] | None = None  # the fields before any typing
        self.draft = DraftKeeper(self, self.DRAFT_FORM, self._unsaved, self.draft_key)
        self._past_due = PastDueCheck()
        self.discard_guard = DiscardGuard(self)

    def draft_key(self) -> str:
        """Which record this form's draft belongs to: "" for a new one, else its id."""
        return ""

    @classmethod
    def for_draft(cls, key: str) -> Self:
        """The form a draft of `key` was typed in, opened again; NotFound when its record
        is gone."""
        raise NotImplementedError

    def asks_about_past_due(self, *dues: date | None) -> bool:
        """True when the save should stop for a due date in the past, said once (the next
        save with the same dates goes ahead)."""
        notice = self._past_due.notice(dues, self.today)
        if notice:
            self.show_error(notice, warning=True)
        return bool(notice)

    def saved(self, record: object) -> None:
        self.draft.close(None)  # saved: the draft has served
        super().saved(record)

    def action_cancel(self) -> None:
        """Close the form; typed text stays as a draft that the form brings back."""
        content = self._unsaved()
        if content is not None:
            content["open"] = False  # closed on purpose: back when the form opens, not at start
        if self.draft.close(content) and content is not None:
            self.notify(
                _("Kept as a draft: the form brings it back; ctrl+d twice there discards it"),
                markup=False,
            )
        self.dismiss(None)

    def action_discard(self) -> None:
        """Close the form and forget what was typed in it, once the guard agrees."""
        if not self.discard_guard.pressed(self.snapshot(), blank=self._unsaved() is None):
            return
        if self.draft.close(None):
            self.notify(_("Draft discarded"), markup=False)
            self.dismiss(None)
        else:
            self.draft.closed = False  # the form stays open, and keeps its draft

    # --- drafts ----------------------------------------------------------------------

    def on_mount(self) -> None:
        """Runs after the subclass filled the fields: what they hold now is not a draft."""
        self._opened_with = self.snapshot()
        kept = self.draft.load()
        if kept is not None:
            self.load(_typed(kept.content))
            message = _(
                "Restored what you typed ({time}): ctrl+s saves it, ctrl+d twice discards it",
                time=self.draft.restored(kept),
            )
            self.notify(message, timeout=10, markup=False)

    def on_descendant_focus(self) -> None:
        self.discard_guard.cancel()

    def on_key(self) -> None:
        self.discard_guard.cancel()  # ctrl+d, a priority binding, never comes here

    def on_input_changed(self) -> None:
        self._edited()

    def on_text_area_changed(self) -> None:
        self._edited()

    def on_checkbox_changed(self) -> None:
        self._edited()

    def on_choice_field_changed(self) -> None:
        self._edited()

    def on_date_field_changed(self) -> None:
        self._edited()

    def _edited(self) -> None:
        if self._opened_with is not None:  # else the fields are still being filled
            self.draft.changed()

    def _unsaved(self) -> dict[str, object] | None:
        """The draft's content when the fields differ from what the form opened with."""
        fields = self.snapshot()
        if self._opened_with is None or fields == self._opened_with:
            return None
        if self.read_version is None:  # a new record: reopened, the form starts from nothing
            return {"fields": fields, "open": True}
        return {"fields": fields, "base": self._opened_with, "open": True}

    def on_unmount(self) -> None:
        """The app is stopping with the form open and the latest typing not yet kept: keep
        it now, marked open, so that the form reopens at the next start."""
        self.draft.flush()


def _typed(content: dict) -> dict[str, object]:
    """The fields a draft changed from what its form opened with (`base`; older drafts have
    none: all their fields), so that a record changed since keeps what the user left alone."""
    fields, base = content.get("fields", {}), content.get("base")
    if base is None:
        return fields
    return {name: value for name, value in fields.items() if base.get(name) != value}


class ExistingRequestForm(FormModal):
    """A form about one request (`self.request`): its drafts are kept under the request's id,
    and a draft reopens the form on the request as it is now."""

    request: RequestRecord

    def draft_key(self) -> str:
        return str(self.request.id)

    @classmethod
    def for_draft(cls, key: str) -> Self:
        return cls(requests.get_request(int(key)))
