"""Japan's holidays kept on disk, so that a start need not load the holidays package: each
check runs a fresh Python, as a start of the app does."""

import json
import subprocess
import sys

COUNT = """
import sys
from datetime import date
from daicho.data.dates.business_days import BusinessCalendar
days = BusinessCalendar().count(date(2027, 4, 28), date(2027, 5, 7))  # Golden Week
print(days, "holidays" in sys.modules)
"""


def start(tmp_path) -> tuple[str, str]:
    """Business days over Golden Week 2027, and whether the holidays package was loaded."""
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-c", COUNT], env=env, capture_output=True, text=True, check=True
    )
    counted, loaded = done.stdout.split()
    return counted, loaded


def test_the_second_start_reads_the_holidays_from_the_cache(tmp_path):
    # 4/29 (Thu), 5/3-5/5 (Mon-Wed) are holidays: Apr 30, May 6 and 7 are worked.
    assert start(tmp_path) == ("3", "True")
    assert (tmp_path / "cache" / "daicho" / "holidays-jp.json").exists()
    assert start(tmp_path) == ("3", "False")


def test_a_cache_from_another_package_or_broken_is_made_again(tmp_path):
    start(tmp_path)
    cache = tmp_path / "cache" / "daicho" / "holidays-jp.json"
    kept = json.loads(cache.read_text())
    kept["source"] = "an older holidays"
    kept["years"]["2027"] = []  # would count 7 business days
    cache.write_text(json.dumps(kept))
    assert start(tmp_path) == ("3", "True")
    cache.write_text("{not json")
    assert start(tmp_path) == ("3", "True")
    assert start(tmp_path) == ("3", "False")
