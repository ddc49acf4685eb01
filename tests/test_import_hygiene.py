"""The ledger's core stays importable without the UI (STYLE: data/ never imports Textual)."""

import subprocess
import sys


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
