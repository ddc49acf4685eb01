"""The translation function: English text is the message id, Japanese comes from the catalog.

Kept free of Textual so that `data/` and the command line can use it too.
"""

import locale
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import PurePath

from daicho.i18n.catalog_ja import JA
from daicho.shown import shown_name

LANGUAGES = ("en", "ja")
_language = "en"
_this_thread = threading.local()  # a `language(...)` block's language, for its thread only


def _(text: str, /, **values: object) -> str:
    """Translate `text` into the current language, then fill `{placeholders}` from `values`.

    A path is filled in as `shown_name` shows it: a file name never drives the terminal.
    """
    translated = JA.get(text, text) if current_language() == "ja" else text
    if not values:
        return translated
    shown = {k: shown_name(v) if isinstance(v, PurePath) else v for k, v in values.items()}
    return translated.format(**shown)


def N_(text: str, /) -> str:
    """Mark `text` for translation where it is shown, not where it is defined.

    Class attributes such as Textual `BINDINGS` are built at import time, before the
    language is known; their descriptions are translated when the footer shows them.
    """
    return text


def set_language(language: str) -> None:
    """Switch every later translation to `language` ("en" or "ja")."""
    global _language
    _language = language if language in LANGUAGES else "en"


def current_language() -> str:
    return getattr(_this_thread, "language", None) or _language


@contextmanager
def language(language: str) -> Iterator[None]:
    """Translate into `language` inside the block, e.g. a Japanese mail from an English UI.

    Only the calling thread is affected, so a mail made in a worker leaves the screen alone.
    """
    outer = getattr(_this_thread, "language", None)
    _this_thread.language = language if language in LANGUAGES else "en"
    try:
        yield
    finally:
        _this_thread.language = outer


def detect_language(configured: str | None = None) -> str:
    """The configured language when it is one we have, else Japanese for a `ja_*` locale."""
    if configured in LANGUAGES:
        return configured
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value:
            return "ja" if value.lower().startswith("ja") else "en"
    system = locale.getlocale()[0] or ""
    return "ja" if system.lower().startswith("ja") else "en"
