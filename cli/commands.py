"""The subcommands of `daicho` that get data in and out of a ledger (DESIGN §5), each taking
the parsed arguments and the settings and returning its exit code."""

import argparse
import sys
from pathlib import Path

from daicho import exit_codes, locations
from daicho.data.errors import InputError
from daicho.i18n import _, current_language


def restore(source: Path, ledger_path: Path | str, yes: bool) -> int:
    """Replace the ledger with a checked backup; an existing ledger only when confirmed.

    A shared ledger is not replaced under the people using it: it is restored by importing
    its TOML backup into an empty database (or by `pg_restore` of a `pg_dump` one)."""
    from daicho.data.backup import check_backup, restore_ledger
    from daicho.data.ledger_use import refuse_while_open

    if isinstance(ledger_path, str):
        raise InputError(
            _(
                "restore replaces a ledger file; a shared ledger is restored into an empty"
                " database: daicho --db URL import BACKUP.toml (or pg_restore for a pg_dump"
                " backup)"
            )
        )
    check_backup(source)
    refuse_while_open(ledger_path)
    if ledger_path.exists() and ledger_path.stat().st_size and not yes:
        question = _(
            "Replace the ledger {ledger} with {backup}? The ledger is backed up first. [y/N] ",
            ledger=ledger_path,
            backup=source,
        )
        if not sys.stdin.isatty():
            raise InputError(_("{ledger} exists: give --yes to replace it", ledger=ledger_path))
        if input(question).strip().casefold() not in ("y", "yes", "はい"):
            print(_("Nothing restored"), file=sys.stderr)
            return exit_codes.OK
    saved = restore_ledger(source, ledger_path)
    print(_("Restored {ledger} from {backup}", ledger=ledger_path, backup=source), file=sys.stderr)
    if saved is not None:
        print(_("The replaced ledger was kept as {path}", path=saved), file=sys.stderr)
    return exit_codes.OK


def open_announced(location: Path | str) -> None:
    """Open the ledger, saying so when its search index must first be built."""
    from daicho.data.ledger import open_ledger

    def announce() -> None:
        message = _("Building the search index (once; about a minute for a large ledger)…")
        print("daicho: " + message, file=sys.stderr)

    open_ledger(location, announce_build=announce)


def seed(location: Path | str, size: str) -> int:
    from daicho.data.ledger import close_ledger, open_ledger
    from daicho.data.seed.generate import seed_ledger

    open_ledger(location)
    try:
        summary = seed_ledger(size, language=current_language())
    finally:
        close_ledger()
    shown = locations.shown_location(location)
    print(_("Seeded {path}: {summary}", path=shown, summary=summary), file=sys.stderr)
    return exit_codes.OK


def copy(source: Path | str, destination: Path | str) -> int:
    from daicho.data.transfer.copy import copy_ledger

    summary = copy_ledger(source, destination)
    message = _(
        "Copied {source} to {destination}: {summary}",
        source=locations.shown_location(source),
        destination=locations.shown_location(destination),
        summary=summary,
    )
    print(message, file=sys.stderr)
    return exit_codes.OK


def _to_stdout(output: Path | None) -> bool:
    """`-o -` means standard output, as for most commands that write files."""
    return output is not None and str(output) == "-"


def refuse_overwrite(arguments: argparse.Namespace) -> None:
    """`-o` replaces no existing file unless `--force`, checked before anything is written."""
    from daicho.data.private_files import refuse_overwrite
    from daicho.data.transfer.export import export_files

    output = getattr(arguments, "output", None)
    if output is None or _to_stdout(output):
        return
    if arguments.command == "export":
        files = export_files(arguments.format, output)
    else:  # a backup into a directory takes a new name there
        files = [] if output.is_dir() else [output]
    refuse_overwrite(files, force=arguments.force)


def _export(arguments: argparse.Namespace, config) -> int:
    from daicho.data.transfer.export import export_ledger, write_export

    if arguments.output is None or _to_stdout(arguments.output):
        write_export(arguments.format, sys.stdout)
    else:
        export_ledger(arguments.format, arguments.output)
    return exit_codes.OK


def _import(arguments: argparse.Namespace, config) -> int:
    from daicho.data.transfer.importer import import_file

    summary = import_file(arguments.path, as_new=arguments.as_new)
    print(_("Imported {summary}", summary=summary), file=sys.stderr)
    return exit_codes.OK


def _backup(arguments: argparse.Namespace, config) -> int:
    """A copy of the ledger to a file, or with `-o -` to a pipe or a redirected output; for
    a shared ledger, stderr says how it was taken."""
    from daicho.data.backup import TOML, backup_ledger, backup_way, way_said, write_backup

    way = backup_way()
    if not _to_stdout(arguments.output):
        print(backup_ledger(arguments.output, way=way))
    elif sys.stdout.isatty() and way != TOML:
        raise InputError(
            _("A backup is a binary file: redirect it, as in daicho backup -o - > copy.db")
        )
    else:
        sys.stdout.flush()
        write_backup(sys.stdout.buffer)
        sys.stdout.buffer.flush()
    if said := way_said(way):
        print(said, file=sys.stderr)
    return exit_codes.OK


def _report(arguments: argparse.Namespace, config) -> int:
    """The weekly report, or a 年度's contracts, in the UI language's template, to standard
    output."""
    if arguments.contracts:
        from daicho.data.mail.contracts_report import contracts_report

        mail = contracts_report(config.templates, sender=config.sender, year=arguments.fy)
    else:
        from daicho.data.mail.weekly_report import weekly_report

        mail = weekly_report(config.templates, sender=config.sender)
    for problem in mail.problems:
        print(f"daicho: {problem}", file=sys.stderr)
    sys.stdout.write(mail.text + "\n")
    return exit_codes.OK


def _search(arguments: argparse.Namespace, config) -> int:
    from daicho.data.search.find import search
    from daicho.data.validate import LARGEST_INTEGER
    from daicho.search_output import hits_as_json, hits_as_lines

    if arguments.limit is not None and arguments.limit < 1:
        raise InputError(_("--limit must be 1 or more"))
    if arguments.limit is not None and arguments.limit > LARGEST_INTEGER:
        raise InputError(_("--limit must be at most {largest}", largest=LARGEST_INTEGER))
    hits = search(" ".join(arguments.query), arguments.limit)
    if arguments.json:
        print(hits_as_json(hits))
    elif hits:
        print(hits_as_lines(hits, highlight=sys.stdout.isatty()))
    return exit_codes.OK


def _reindex(arguments: argparse.Namespace, config) -> int:
    from daicho.data.search.index import rebuild_index

    print(_("Search index rebuilt: {count} items", count=rebuild_index()), file=sys.stderr)
    return exit_codes.OK


def _today(arguments: argparse.Namespace, config) -> int:
    """The day's list, as the Today screen shows it: lines in the user's language, or JSON."""
    from daicho.cli.today_output import today_as_json, today_as_lines
    from daicho.data.contracts.reminders import catch_up
    from daicho.data.dates import clock
    from daicho.data.ledger import read_only_notice
    from daicho.data.today import today_list

    today = clock.today()
    if read_only_notice() is None:  # the renewal reminders due, as the app would at start
        catch_up(today)
    items = today_list(today, config.chase_after)
    print(today_as_json(items) if arguments.json else today_as_lines(items, today))
    return exit_codes.OK


def _contracts(arguments: argparse.Namespace, config) -> int:
    """Every contract with its term's end, cancel-by and decision dates as of today, the
    nearest decision first: lines in the user's language, or JSON."""
    from daicho.cli.contracts_output import contracts_as_json, contracts_as_lines
    from daicho.data.contracts.store import dates_on, list_contracts
    from daicho.data.dates import clock

    today = clock.today()
    dated = [(contract, dates_on(contract, today)) for contract in list_contracts()]
    dated.sort(key=lambda pair: pair[1].decision_date)
    print(contracts_as_json(dated) if arguments.json else contracts_as_lines(dated))
    return exit_codes.OK


READERS = ("export", "backup", "report", "search", "today", "contracts")
"""Commands that only read the ledger: a missing one is a typo, not a ledger to create."""

COMMANDS = {
    "export": _export,
    "import": _import,
    "backup": _backup,
    "report": _report,
    "search": _search,
    "reindex": _reindex,
    "today": _today,
    "contracts": _contracts,
}
"""The commands run on an open ledger, by name."""
