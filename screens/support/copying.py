"""One key to a confirmation email (DESIGN §8): what `y` copies, and how it reaches the user.

A screen says what is under focus as a `MailSource`; the mail is made in a thread (it reads
the ledger: screens/support/ledger_access.py), a template's problems become warnings, and
the text goes to the first clipboard that takes it, with a notice naming the mail and the
way it went.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import partial
from weakref import WeakSet

from textual.app import App
from textual.dom import DOMNode

from daicho.clipboard import (
    Clipboard,
    CopyFailed,
    FirstThatWorks,
    SystemClipboard,
    TerminalClipboard,
)
from daicho.data.mail import summaries
from daicho.data.mail.compose import Mail, subject_of
from daicho.data.mail.sender import Sender
from daicho.data.mail.templates import signature
from daicho.data.mail.weekly_report import weekly_report
from daicho.data.queue import QueueFilters
from daicho.i18n import _
from daicho.screens.sender_form import SENDER_DETAILS, SenderForm
from daicho.screens.support.ledger_access import read_ledger

_asked: WeakSet[App] = WeakSet()  # the apps that asked who sends their mails: once a session


@dataclass(frozen=True)
class MailSource:
    """What a copy key copies: the kinds of template it takes, and how its mail is made.

    `make(templates, name, today, sender)` reads the ledger; `name` None means the default
    for the moment in the UI's language; `today` is the app's (what "overdue" and dates
    without a year are as of); `sender` is `[sender]`.
    """

    kinds: tuple[str, ...]
    make: Callable[[dict[str, str], str | None, date, Sender], Mail]


def call_source(call_id: int) -> MailSource:
    return MailSource(("call",), partial(summaries.call_mail, call_id))


def request_source(request_id: int, soon_days: int) -> MailSource:
    """A request's mail; `soon_days` as in the queue, for when a reminder is due."""
    make = partial(summaries.request_mail, request_id, soon_days=soon_days)
    return MailSource(summaries.REQUEST_KINDS, make)


def vendor_source(vendor_id: int) -> MailSource:
    return MailSource(("vendor",), partial(summaries.vendor_mail, vendor_id))


def queue_source(filters: QueueFilters) -> MailSource:
    return MailSource(("queue",), partial(summaries.queue_mail, filters))


def weekly_source() -> MailSource:
    return MailSource(("weekly",), weekly_report)


def app_clipboard(app: App) -> Clipboard:
    """The system clipboard, else the terminal's (a headless app has no terminal)."""
    terminal = TerminalClipboard(app.copy_to_clipboard, lambda: not app.is_headless)
    return FirstThatWorks(SystemClipboard(), terminal)


def make_mail(
    node: DOMNode,
    source: MailSource,
    show: Callable[[Mail], None],
    *,
    templates: dict[str, str] | None = None,
    name: str | None = None,
) -> None:
    """Make the mail in a thread on `node`, warn of its template's problems, then `show` it.

    `templates` defaults to the configured ones; a newer mail on `node` replaces an older one.
    """
    app = node.app
    templates = app.config.templates if templates is None else templates
    made = partial(_made, app, show=show)
    make = partial(source.make, templates, name, app.today, app.config.sender)
    read_ledger(node, make, made, kind="mail")


def _made(app: App, mail: Mail, *, show: Callable[[Mail], None]) -> None:
    for problem in mail.problems:
        # The message names the template ("Template call_ja: unknown placeholder {x}").
        app.notify(problem.message, title=_("Template problem"), severity="warning", markup=False)
    show(mail)


def copy_mail(node: DOMNode, source: MailSource) -> None:
    """`y`: the mail with the default template for the language, straight to the clipboard.

    Made on the app, not the screen, so that leaving the screen at once still copies it.
    """
    app = node.app
    _knowing_the_sender(
        app, lambda: make_mail(app, source, lambda mail: copy_mail_text(app, mail.text))
    )


def preview_mail(node: DOMNode, source: MailSource) -> None:
    """`Y`: the mail in the preview, to choose its template, edit it, then copy it."""
    from daicho.screens.mail_preview import MailPreview

    app = node.app
    _knowing_the_sender(app, lambda: app.push_screen(MailPreview(source)))


def _knowing_the_sender(app: App, then: Callable[[], None]) -> None:
    """`then()` (make a mail), after the sender form when no sender is set and it was not
    shown yet this session; the mail goes whether the form is saved or escaped."""
    if app.config.sender.is_set or app in _asked:
        then()
        return
    _asked.add(app)
    app.push_screen(SenderForm(first=True), lambda _sender: then())


def copy_mail_text(app: App, text: str) -> None:
    """A mail's text to the clipboard (`copy_text`), saying so when it is not signed."""
    copy_text(app, text)
    if not signature(app.config.templates, app.config.sender):
        app.notify(
            _(
                "This mail has no sender or signature: set yours with “{command}” "
                "in the command palette (ctrl+p)",
                command=_(SENDER_DETAILS),
            ),
            severity="warning",
            timeout=10,
            markup=False,
        )


def copy_text(app: App, text: str) -> None:
    """Put `text` on the clipboard with a notice of what and how; else show it to copy by hand."""
    from daicho.screens.manual_copy import ManualCopyModal

    try:
        how = app.copier.copy(text)
    except CopyFailed as error:
        app.push_screen(ManualCopyModal(text, str(error)))
        return
    subject = subject_of(text) or "…"
    app.notify(_("Copied: {subject}", subject=subject) + "\n" + how, markup=False)
