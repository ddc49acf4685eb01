"""The benchmark's report as a table: each size's figures beside its budget (DESIGN §9)."""

# bench/ is not a package: run as a script, its folder is on sys.path.
from clients import CLIENTS

BUDGETS = [
    ("start-up, ledger / bare", "startup_ratio", "≤ 1.3 ×"),
    ("start-up on Today / bare", "startup_today_ratio", "≤ 1.3 ×"),
    ("queue filter change, median", "filter_median_ms", "—"),
    ("queue filter change, p95", "filter_p95_ms", "≤ 50 ms"),
    ("queue filter change, p99", "filter_p99_ms", "—"),
    ("queue filter change, max", "filter_max_ms", "—"),
    ("queue sort change, median", "sort_median_ms", "—"),
    ("queue sort change, p95", "sort_p95_ms", "≤ 50 ms"),
    ("queue sort change, p99", "sort_p99_ms", "—"),
    ("queue sort change, max", "sort_max_ms", "—"),
    ("scroll a page, p95", "scroll_p95_ms", "—"),
    ("search top 50, p95", "search_p95_ms", "≤ 30 ms"),
    ("search 2-char Japanese, p95", "search_2char_p95_ms", "≤ 30 ms"),
    ("full scan (baseline), median", "full_scan_median_ms", "—"),
    ("day's list (Today), median", "today_median_ms", "—"),
    ("day's list (Today), p95", "today_p95_ms", "≤ 50 ms"),
    ("day's list, items", "today_items", "—"),
    ("answer times, median", "answer_times_median_ms", "—"),
    ("answer times, p95", "answer_times_p95_ms", "≤ 50 ms"),
    ("answer times, vendors", "answer_times_vendors", "—"),
    ("contracts", "contracts", "—"),
    ("reminders catch-up, none new", "catch_up_idle_median_ms", "≤ 20 ms"),
    ("reminders catch-up, a day's due", "catch_up_due_median_ms", "≤ 20 ms"),
    ("reminders a day makes", "catch_up_due_made", "—"),
    ("contracts screen opens, median", "contracts_screen_median_ms", "≤ 50 ms"),
    ("save a call + follow-up, p95", "save_p95_ms", "≤ 15 ms"),
    ("peak RSS (MB)", "rss_mb", "≤ 150 MB"),
    (f"{CLIENTS} clients saving, save p95", "clients_save_p95_ms", "≤ 50 ms"),
    (f"{CLIENTS} clients saving, errors", "clients_errors", "0"),
    (f"{CLIENTS} clients saving, saves", "clients_saves", "—"),
    ("searches meanwhile", "clients_searches", "—"),
    ("search meanwhile, p95", "clients_search_p95_ms", "—"),
]


def table(results: list[dict]) -> str:
    """The figures of each size side by side; with two or more sizes, the last over the
    first (DESIGN §9: at ten times the data, every figure within 2× of the large one)."""
    first, last = results[0], results[-1]
    heads = [result["size"] for result in results]
    if len(results) > 1:
        heads.append(f"{last['size']}/{first['size']}")
    lines = [
        f"{first['engine']}, {first['runs']} runs, {first['machine']}, load average"
        f" {first['load_start']} at the start, {last['load_end']} at the end"
    ]
    lines += [
        f"start-up (median) on {r['size']}: bare {r['startup_bare_s']} s, "
        f"empty {r['startup_empty_s']} s, ledger {r['startup_large_s']} s, "
        + (
            f"on Today {r['startup_today_s']} s"
            if r["startup_today_s"] is not None
            else "on Today not measured (no Today screen in this build)"
        )
        for r in results
    ]
    lines += [
        f"errors of the clients: {r['clients_error_kinds']}" for r in results if r["clients_errors"]
    ]
    lines += [
        "",
        f"| {'measure':<30} | " + " | ".join(f"{head:>10}" for head in heads) + " | budget |",
        f"|{'-' * 32}|" + "|".join("-" * 12 for _ in heads) + "|--------|",
    ]
    for name, key, budget in BUDGETS:
        figures = ["—" if result[key] is None else result[key] for result in results]
        if len(results) > 1:
            both = first[key] and last[key] is not None
            figures.append(f"{last[key] / first[key]:.2f} ×" if both else "—")
        cells = " | ".join(f"{figure:>10}" for figure in figures)
        lines.append(f"| {name:<30} | {cells} | {budget} |")
    return "\n".join(lines)
