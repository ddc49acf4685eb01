"""Translation: every user-facing string has its Japanese, with the same placeholders."""

import ast
import string
import threading
from pathlib import Path

import pytest

import daicho
from daicho.i18n import _, current_language, detect_language, language, set_language
from daicho.i18n.catalog_ja import JA

ROOT = Path(daicho.__file__).parent


def _message_ids() -> dict[str, str]:
    """Every literal passed to `_()` or `N_()` in the package, with where it was found."""
    found = {}
    for path in sorted(ROOT.rglob("*.py")):
        parts = path.relative_to(ROOT).parts
        if {"tests", "bench"} & set(parts) or any(part.startswith(".") for part in parts):
            continue  # tests, the benchmark, and a virtual environment such as .venv
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("_", "N_")
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.setdefault(node.args[0].value, f"{path.name}:{node.lineno}")
    return found


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_strings_are_found():
    assert len(_message_ids()) > 20


@pytest.mark.parametrize("message, where", sorted(_message_ids().items()))
def test_every_string_has_japanese_with_the_same_placeholders(message, where):
    assert message in JA, f"{where}: no Japanese for {message!r}"
    assert _placeholders(JA[message]) == _placeholders(message), where


def test_no_catalog_entry_is_left_unused():
    assert set(JA) - set(_message_ids()) == set()


def test_switching_language():
    set_language("ja")
    assert _("Vendor name") == JA["Vendor name"]
    set_language("en")
    assert _("Vendor name") == "Vendor name"


def test_placeholders_are_filled_after_translation():
    set_language("ja")
    assert "42" in _("No vendor with id {id}", id=42)


@pytest.mark.parametrize(
    "configured, lang_env, expected",
    [
        ("ja", "en_US.UTF-8", "ja"),
        ("en", "ja_JP.UTF-8", "en"),
        ("auto", "ja_JP.UTF-8", "ja"),
        (None, "en_GB.UTF-8", "en"),
        ("auto", "C.UTF-8", "en"),
    ],
)
def test_language_from_config_else_locale(monkeypatch, configured, lang_env, expected):
    for variable in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", lang_env)
    assert detect_language(configured) == expected


def test_a_language_block_translates_into_its_language_and_then_stops():
    with language("ja"):
        assert _("Vendor name") == JA["Vendor name"]
        with language("en"):
            assert current_language() == "en"
        assert current_language() == "ja"
    assert _("Vendor name") == "Vendor name"


def test_a_language_block_leaves_other_threads_alone():
    seen = []
    with language("ja"):
        worker = threading.Thread(target=lambda: seen.append(_("Vendor name")))
        worker.start()
        worker.join()
    assert seen == ["Vendor name"]
