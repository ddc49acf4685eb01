"""`Y`: an email before it is copied. Choose its template, edit its text, or edit the template
itself and keep it in config.toml, so the next `y` writes it that way (DESIGN §8).

It opens on the mail the moment calls for (a confirmation, a reminder, an answer: the mail made
without a template name), its template chosen in the line above, where templates go by the
names users know them by (`template_label`). The text area shows one of two views of the
chosen template: the email made with it, or the template with its `{placeholders}`. Edits in
either view are kept while the preview is open, per template; an edited template makes the
email again when its view comes back. Long lines wrap on screen only: what is copied has the
lines of the text as they are.
"""

from functools import partial
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Label, Static, TextArea

from daicho.config import save_config
from daicho.data.errors import DaichoError
from daicho.data.mail.compose import Mail
from daicho.data.mail.templates import (
    DEFAULT_TEMPLATES,
    check_templates,
    template_label,
    template_names,
)
from daicho.i18n import N_, _
from daicho.locations import config_path
from daicho.screens.bases.screen import DaichoModal
from daicho.screens.support.copying import MailSource, copy_mail_text, make_mail
from daicho.widgets.choice_field import ChoiceField
from daicho.widgets.key_bar import KeyBar
from daicho.widgets.text_fields import TextBox

MAIL, TEMPLATE = "mail", "template"  # the two views of the text area


class MailPreview(DaichoModal):
    """The mail of `source`; dismisses with None, after copying or when cancelled."""

    DEFAULT_CSS = """
    MailPreview #template-line { height: auto; margin-bottom: 1; }
    MailPreview #template-line > Label { color: $text-muted; padding-right: 1; }
    MailPreview #view { width: 1fr; padding-left: 2; color: $text-accent; }
    MailPreview #mail-text { height: 1fr; }
    MailPreview #preview-note { height: auto; color: $text-muted; }
    """
    BINDINGS: ClassVar = [
        # ctrl+s copies the email, or saves the template while it is shown; ctrl+y always copies.
        Binding("ctrl+s", "copy", N_("Copy"), id="preview.copy"),
        Binding("ctrl+s", "save_template", N_("Save template"), id="preview.save_template"),
        # Priority, so that it comes before the text area's own ctrl+y (redo).
        Binding("ctrl+y", "copy(True)", N_("Copy"), id="preview.copy_y", show=False, priority=True),
        Binding("ctrl+t", "show_view('template')", N_("Edit template"), id="preview.template"),
        Binding("ctrl+t", "show_view('mail')", N_("Back to the email"), id="preview.mail"),
        Binding("escape", "cancel", N_("Cancel"), id="preview.cancel"),
    ]
    AUTO_FOCUS = "#template"

    def __init__(self, source: MailSource) -> None:
        super().__init__()
        self.source = source
        self.showing = MAIL  # which view of the template
        self.chosen = ""  # the template's name; "" until the mail the moment calls for is made
        self._shown: tuple[str, str] | None = None  # (name, view) in the text area; None: loading
        self._made: dict[str, Mail] = {}  # the email each template made
        self._mail_edits: dict[str, str] = {}
        self._template_edits: dict[str, str] = {}  # not saved yet

    def compose(self) -> ComposeResult:
        names = template_names(self.source.kinds, self.app.config.templates)
        labels = {name: template_label(name) for name in names}
        with Vertical(classes="dialog") as dialog:
            dialog.border_title = _("Email preview")
            with Horizontal(id="template-line"):
                yield Label(_("Template"), markup=False)
                yield ChoiceField(tuple(names), labels=labels, id="template")
                yield Static(id="view", markup=False)
            yield TextBox(id="mail-text", soft_wrap=True, tab_behavior="focus")
            yield Static(id="preview-note", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self._show()

    # --- what the text area shows ----------------------------------------------------

    def _templates(self) -> dict[str, str]:
        """The configured templates with the ones edited here, for making the email."""
        return {**self.app.config.templates, **self._template_edits}

    def _saved_template(self, name: str) -> str:
        return self.app.config.templates.get(name, DEFAULT_TEMPLATES.get(name, ""))

    def _keep_edits(self) -> None:
        """Remember what was typed in the view being left."""
        if self._shown is None:
            return
        name, view = self._shown
        text = self.query_one("#mail-text", TextArea).text
        if view == TEMPLATE:
            if text != self._template_edits.get(name, self._saved_template(name)):
                self._forget_mail(name)  # made with the template as it was
            if text == self._saved_template(name):
                self._template_edits.pop(name, None)
            else:
                self._template_edits[name] = text
        elif name in self._made:
            if text == self._made[name].text:
                self._mail_edits.pop(name, None)
            else:
                self._mail_edits[name] = text

    def _forget_mail(self, name: str) -> None:
        self._made.pop(name, None)
        self._mail_edits.pop(name, None)

    def _show(self) -> None:
        """Fill the text area for the chosen template and view; make the email if need be."""
        name, view = self.chosen, self.showing
        area = self.query_one("#mail-text", TextArea)
        if view == TEMPLATE:
            self._put(area, self._template_edits.get(name, self._saved_template(name)))
        elif name in self._mail_edits or name in self._made:
            edited = self._mail_edits.get(name)
            self._put(area, self._made[name].text if edited is None else edited)
        else:
            self._shown = None
            area.text = ""
            area.read_only = True
            self._note(_("Making the email…"))
            make_mail(
                self,
                self.source,
                partial(self._mail_made, name or None),
                templates=self._templates(),
                name=name or None,
            )
            return
        self._note()

    def _put(self, area: TextArea, text: str) -> None:
        area.read_only = False
        area.text = text
        self._shown = (self.chosen, self.showing)

    def _mail_made(self, name: str | None, mail: Mail) -> None:
        """`mail` made with the template `name`; None: the one the moment calls for, which
        the chooser then shows unless the user chose another meanwhile."""
        if name is None:
            name = mail.template
            if not self.chosen:
                self.chosen = name
                self.query_one("#template", ChoiceField).value = name
        self._made[name] = mail
        if (self.chosen, self.showing) == (name, MAIL) and self._shown is None:
            self._put(self.query_one("#mail-text", TextArea), mail.text)
            self._note()

    def _note(self, text: str = "") -> None:
        if self.showing == TEMPLATE:
            view = _("Showing the template: what is in braces comes from the ledger")
            text = text or _("ctrl+s keeps it in {path}", path=config_path())
        else:
            view = _("Showing the email")
            made = self._made.get(self.chosen)
            if not text and made is not None and made.template != self.chosen:
                text = _(
                    "Made with {name}: {chosen} has a problem",
                    name=template_label(made.template),
                    chosen=template_label(self.chosen),
                )
        self.query_one("#view", Static).update(view)
        self.query_one("#preview-note", Static).update(text)
        self.refresh_bindings()

    def on_choice_field_changed(self, event: ChoiceField.Changed) -> None:
        event.stop()
        if event.value != self.chosen:
            self._keep_edits()
            self.chosen = event.value
            self._show()

    # --- keys ------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "copy":
            return self.showing == MAIL or parameters == (True,)
        if action == "save_template":
            return self.showing == TEMPLATE
        if action == "show_view":
            return bool(self.chosen) and parameters != (self.showing,)
        return True

    def action_show_view(self, view: str) -> None:
        self._keep_edits()
        self.showing = view
        self._show()

    def action_copy(self, from_any_view: bool = False) -> None:
        """The email as shown (and edited); from the template view, made with the template."""
        app = self.app
        if self.showing == MAIL:
            if self._shown is not None:
                text = self.query_one("#mail-text", TextArea).text
                self.dismiss(None)
                copy_mail_text(app, text)
            return
        self._keep_edits()
        templates, name = self._templates(), self.chosen
        self.dismiss(None)
        make_mail(
            app,
            self.source,
            lambda mail: copy_mail_text(app, mail.text),
            templates=templates,
            name=name,
        )

    def action_save_template(self) -> None:
        """Keep the template as shown in config.toml; the built-in text again removes it there."""
        name, text = self.chosen, self.query_one("#mail-text", TextArea).text
        templates = {**self.app.config.templates, name: text}
        if text == DEFAULT_TEMPLATES.get(name):
            del templates[name]
        config = self.app.config.replace(templates=templates)
        try:
            save_config(config)
        except DaichoError as error:
            self.notify(str(error), title=_("Template not saved"), severity="error", markup=False)
            return
        self.app.config = config
        self._template_edits.pop(name, None)
        self._forget_mail(name)
        for problem in check_templates({name: text}):
            self.notify(
                problem.message, title=_("Template problem"), severity="warning", markup=False
            )
        self.notify(
            _("Template {name} saved in {path}", name=name, path=config_path()), markup=False
        )

    def action_cancel(self) -> None:
        self.dismiss(None)
