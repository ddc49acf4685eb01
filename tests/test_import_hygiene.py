"""The layers stay put: data/ runs without the UI, widgets never reach the ledger, screens
never import Peewee (README, "For developers"; the contracts are in pyproject.toml)."""

import os
import subprocess
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
_UTF8_ENV = {**os.environ, "PYTHONIOENCODING": "utf-8"}  # its report draws with box lines


def test_data_imports_no_textual():
    code = (
        "import sys, pkgutil, importlib, daicho.data as d\n"
        "for m in pkgutil.walk_packages(d.__path__, 'daicho.data.'):\n"
        "    importlib.import_module(m.name)\n"
        "bad = sorted(n for n in sys.modules if n.split('.')[0] in ('textual', 'rich'))\n"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def lint_imports(*args: str) -> subprocess.CompletedProcess:
    """`lint-imports` from this venv (beside the Python running the tests), at the repo root."""
    command = Path(sys.executable).with_name("lint-imports")
    return subprocess.run([command, *args], capture_output=True, text=True, cwd=REPO, env=_UTF8_ENV)


def test_the_layers_contracts_are_kept():
    """pyproject.toml's [tool.importlinter]: data never imports the UI, widgets never reach
    the ledger, screens never import Peewee or the models."""
    result = lint_imports()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_a_contract_catches_an_import_through_another_module(tmp_path):
    """The checker sees our imports: screens reach Peewee through the services, so the
    widgets' contract (indirect imports forbidden) would break if it were theirs."""
    config = tmp_path / "contracts.toml"
    config.write_text(
        "[tool.importlinter]\n"
        'root_packages = ["daicho"]\n'
        "include_external_packages = true\n"
        "[[tool.importlinter.contracts]]\n"
        'name = "screens as widgets"\n'
        'type = "forbidden"\n'
        'source_modules = ["daicho.screens"]\n'
        'forbidden_modules = ["peewee"]\n'
    )
    result = lint_imports("--config", str(config))
    assert result.returncode != 0
    assert "1 broken" in result.stdout
    assert "daicho.screens" in result.stdout and "peewee" in result.stdout


def test_every_folder_of_code_is_a_package_the_install_lists():
    """pyproject.toml names each package (the root installs as `daicho`): a folder of code
    left out of the list would be missing from a built wheel, though an editable install,
    and so the tests, would never notice."""
    with (REPO / "pyproject.toml").open("rb") as file:
        listed = set(tomllib.load(file)["tool"]["setuptools"]["packages"])
    skipped = {"tests", "bench", ".venv", ".git", ".ci"}
    folders = {
        ".".join(("daicho", *init.parent.relative_to(REPO).parts)).rstrip(".")
        for init in REPO.rglob("__init__.py")
        if not skipped & set(init.relative_to(REPO).parts)
    }
    assert folders == listed
