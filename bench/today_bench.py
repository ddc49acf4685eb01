"""The reads behind the Today screen, the vendors' details and the weekly report (DESIGN
§12): the day's list and every vendor's answer time, each within 50 ms at p95 on the large
ledger. `measure_today` is what bench/run.py calls on an open ledger."""

import time

from daicho.config import Config
from daicho.data.answer_times import answer_times
from daicho.data.dates import clock
from daicho.data.today import today_list


def measure_today(runs: int) -> tuple[dict[str, list[float]], dict[str, int]]:
    """Seconds per read of the day's list (as the default config's `chase_after` has it) and
    of every vendor's answer time, `runs` times each after a warm-up; and what each read
    held (items, vendors), so that a report shows the reads were not empty. The ledger must
    be open."""
    today, chase_after = clock.today(), Config().chase_after
    reads = {
        "today": lambda: today_list(today, chase_after),
        "answer_times": lambda: answer_times(today),
    }
    times, held = {}, {}
    for name, read in reads.items():
        held[name] = len(read())
        times[name] = []
        for _ in range(runs):
            started = time.perf_counter()
            read()
            times[name].append(time.perf_counter() - started)
    return times, held
