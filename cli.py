"""The `daicho` command: the app, and the subcommands that get data in and out (DESIGN §5).

Every error a user can cause ends in one line on stderr and exit code 2;
anything else is exit code 1, still without a traceback.
"""

import argparse
import sqlite3
import sys
import tempfile
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from functools import partial
from pathlib import Path

import peewee

from daicho import exit_codes, locations
from daicho.data.errors import DaichoError, InputError
from daicho.i18n import _, current_language, detect_language, set_language
from daicho.i18n.argparse_text import translate_argparse


def _parser() -> argparse.ArgumentParser:
    db_option = argparse.ArgumentParser(add_help=False)
    db_option.add_argument(
        "--db",
        type=locations.ledger_location,
        default=argparse.SUPPRESS,
        metavar="PATH|URL",
        help=_(
            "the ledger file, or a shared ledger's postgresql:// URL (default: $DAICHO_DB,"
            " else [ledger] url in the config, else the user data directory)"
        ),
    )
    parser = argparse.ArgumentParser(
        prog="daicho",
        parents=[db_option],
        description=_("The vendor ledger for a one-person IT department."),
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help=_("open the app on a fresh temporary ledger of sample data"),
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    export = commands.add_parser(
        "export", parents=[db_option], help=_("write the whole ledger out")
    )
    export.add_argument("--format", choices=("toml", "csv", "json"), default="toml")
    _output_options(export, _("file to write (a directory for csv); - or none: standard output"))

    import_ = commands.add_parser(
        "import", parents=[db_option], help=_("read a TOML or JSON export in")
    )
    import_.add_argument("path", type=Path, metavar="PATH")
    import_.add_argument(
        "--as-new",
        action="store_true",
        help=_("add every row as a new one, with new ids, even where the ledger has the id"),
    )

    backup = commands.add_parser(
        "backup", parents=[db_option], help=_("write a consistent copy of the ledger")
    )
    _output_options(backup, _("file or directory to write; - : standard output, when redirected"))

    restore = commands.add_parser(
        "restore", parents=[db_option], help=_("replace the ledger with a backup, once checked")
    )
    restore.add_argument("file", type=Path, metavar="FILE")
    restore.add_argument(
        "--yes", action="store_true", help=_("replace an existing ledger without asking")
    )

    seed = commands.add_parser(
        "seed", parents=[db_option], help=_("fill a new ledger with generated sample data")
    )
    seed.add_argument("--size", choices=("demo", "large", "huge"), default="demo")

    search = commands.add_parser(
        "search", parents=[db_option], help=_("find anything said to any vendor")
    )
    search.add_argument("query", nargs="+", metavar="QUERY")
    search.add_argument("--json", action="store_true", help=_("print the hits as JSON"))
    search.add_argument("--limit", type=int, metavar="N", help=_("at most N hits, newest first"))
    commands.add_parser("reindex", parents=[db_option], help=_("rebuild the search index"))

    copy = commands.add_parser(
        "copy", help=_("copy a whole ledger into a new file or an empty database")
    )
    for option, name, what in (
        ("--from", "source", _("the ledger to copy: a file or a postgresql:// URL")),
        (
            "--to",
            "destination",
            _("where to copy it: a new file, or an empty database's postgresql:// URL"),
        ),
    ):
        copy.add_argument(
            option,
            dest=name,
            type=locations.ledger_location,
            required=True,
            metavar="PATH|URL",
            help=what,
        )

    report = commands.add_parser(
        "report", parents=[db_option], help=_("print a report for management")
    )
    report.add_argument(
        "--week",
        action="store_true",
        help=_("the last seven days: decisions, what is overdue, what is due next week"),
    )
    return parser


def _output_options(command: argparse.ArgumentParser, where: str) -> None:
    """`-o PATH` (what `where` says) and `--force`, for the commands that write a file."""
    command.add_argument("-o", "--output", type=Path, metavar="PATH", help=where)
    command.add_argument("--force", action="store_true", help=_("replace an existing output file"))


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `daicho` console command."""
    try:
        config = _read_config()
    except Exception as error:  # said once the arguments are read, so that --help still works
        config = error
    translate_argparse()
    arguments = _parser().parse_args(argv)
    try:
        if isinstance(config, Exception):
            raise config
        from daicho.data.dates.settings import set_date_settings
        from daicho.data.who import set_user_name

        set_date_settings(config.as_date_settings())
        set_user_name(config.user_name)
        return _run(arguments, config)
    except DaichoError as error:
        return _fail(str(error), exit_codes.BAD_INPUT)
    except (sqlite3.DatabaseError, peewee.DatabaseError) as error:  # peewee's wraps SQLite's
        from daicho.data.ledger_guard import why_not_written

        reason = why_not_written(error) or _("The ledger cannot be used: {reason}", reason=error)
        return _fail(reason, exit_codes.BAD_INPUT)
    except KeyboardInterrupt:
        return exit_codes.ERROR
    except Exception as error:  # the last line of defence: one line, never a traceback
        return _fail(_("Unexpected error: {reason}", reason=repr(error)), exit_codes.ERROR)


def _read_config():
    """The settings, read before the parser is built so that help is in their language."""
    from daicho.config import load_config

    set_language(detect_language())
    config = load_config()
    set_language(config.resolved_language())
    return config


def _fail(message: str, code: int) -> int:
    print(f"daicho: {message}", file=sys.stderr)
    return code


def _run(arguments: argparse.Namespace, config) -> int:
    explicit_db = getattr(arguments, "db", None)
    ledger = explicit_db or locations.default_ledger(config.ledger_url)
    if arguments.command is None:
        return _run_app(ledger, config, demo=arguments.demo)
    if arguments.command == "copy":
        return _copy(arguments.source, arguments.destination)
    if arguments.command == "restore":
        return _restore(arguments.file, ledger, arguments.yes)
    if arguments.command == "seed":
        if explicit_db is None:
            raise InputError(_("seed needs --db PATH: it fills a new ledger with sample data"))
        return _seed(explicit_db, arguments.size)
    if arguments.command == "report" and not arguments.week:
        raise InputError(_("report needs --week (the weekly report is the only one so far)"))

    from daicho.data.ledger import close_ledger
    from daicho.data.transfer.copy import ledger_exists

    if arguments.command in _READERS and not ledger_exists(ledger):
        raise InputError(_("No ledger at {path}", path=locations.shown_location(ledger)))
    _open(ledger)
    try:
        _refuse_overwrite(arguments)
        return _COMMANDS[arguments.command](arguments, config)
    finally:
        close_ledger()


def _run_app(ledger: Path | str, config, *, demo: bool) -> int:
    from daicho.app import DaichoApp
    from daicho.data.ledger import close_ledger
    from daicho.data.ledger_use import hold_ledger

    with tempfile.TemporaryDirectory(prefix="daicho-demo-") as scratch:
        if demo:
            ledger = Path(scratch) / "demo.db"
            _seed(ledger, "demo")
        _open(ledger)
        if isinstance(ledger, Path):
            hold_ledger(ledger)  # a restore now refuses to replace it under this window
        backing_up = config.backup_enabled and not demo
        shared = isinstance(ledger, str)
        try:
            notices = _said(_daily_backup(config.backup_keep)) if backing_up and not shared else []
            with _backup_aside(config.backup_keep if backing_up and shared else None):
                DaichoApp(ledger_path=ledger, config=config, start_notices=notices).run()
        finally:
            close_ledger()
    return exit_codes.OK


@contextmanager
def _backup_aside(keep: int | None) -> Iterator[None]:
    """A shared ledger's daily backup is its export, seconds long on a large ledger: it is
    taken beside the app, on a connection of its own, and waited for when the app ends;
    what went wrong is said then, on stderr. Nothing is taken when `keep` is None."""
    if keep is None:
        yield
        return
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="daily-backup") as pool:
        taking = pool.submit(_daily_backup, keep, aside=True)
        try:
            yield
        finally:
            if not taking.done():
                print("daicho: " + _("Finishing today's backup…"), file=sys.stderr)
    _said(taking.result())


def _restore(source: Path, ledger_path: Path | str, yes: bool) -> int:
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


def _open(location: Path | str) -> None:
    """Open the ledger, saying so when its search index must first be built."""
    from daicho.data.ledger import open_ledger

    def announce() -> None:
        message = _("Building the search index (once; about a minute for a large ledger)…")
        print("daicho: " + message, file=sys.stderr)

    open_ledger(location, announce_build=announce)


def _daily_backup(keep: int, *, aside: bool = False) -> list[str]:
    """Today's backup, if not taken yet (`aside`: from a thread, on a connection of its
    own). What went wrong is returned, for stderr and for the app to show (its screen hides
    stderr); the app starts anyway."""
    from daicho.data.backup import daily_backup
    from daicho.data.ledger import in_own_connection

    try:
        if aside:
            in_own_connection(partial(daily_backup, keep))
        else:
            daily_backup(keep)
    except (OSError, sqlite3.Error, peewee.PeeweeException, DaichoError) as error:
        return [_("No backup taken today: {reason}", reason=error)]
    return []


def _said(problems: list[str]) -> list[str]:
    """`problems`, each said on stderr as a line of its own."""
    for problem in problems:
        print("daicho: " + problem, file=sys.stderr)
    return problems


def _seed(location: Path | str, size: str) -> int:
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


def _copy(source: Path | str, destination: Path | str) -> int:
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


def _refuse_overwrite(arguments: argparse.Namespace) -> None:
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
    """The weekly report, in the UI language's template, to standard output."""
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


# Commands that only read the ledger: a missing one is a typo, not a ledger to create.
_READERS = ("export", "backup", "report", "search")

_COMMANDS = {
    "export": _export,
    "import": _import,
    "backup": _backup,
    "report": _report,
    "search": _search,
    "reindex": _reindex,
}

if __name__ == "__main__":
    sys.exit(main())
