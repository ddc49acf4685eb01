"""`daicho`'s entry point: the settings read, the arguments parsed, the command run, and every
failure turned into one line on stderr with its exit code (see the package's docstring)."""

import argparse
import os
import sqlite3
import sys
from collections.abc import Sequence
from datetime import MAXYEAR, MINYEAR

import peewee

from daicho import exit_codes, locations
from daicho.cli import commands
from daicho.cli.app_start import run_app
from daicho.cli.parser import build_parser
from daicho.data.errors import DaichoError, InputError
from daicho.i18n import _, detect_language, set_language
from daicho.i18n.argparse_text import translate_argparse


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `daicho` console command."""
    try:
        config = _read_config()
    except Exception as error:  # said once the arguments are read, so that --help still works
        config = error
    translate_argparse()
    arguments = build_parser().parse_args(argv)
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
    except BrokenPipeError:  # `daicho export | head`: the reader has what it wanted
        _quiet_stdout()
        return exit_codes.OK
    except Exception as error:  # the last line of defence: one line, never a traceback
        return _fail(_("Unexpected error: {reason}", reason=repr(error)), exit_codes.ERROR)


def _read_config():
    """The settings, read before the parser is built so that help is in their language."""
    from daicho.config import load_config

    set_language(detect_language())
    config = load_config()
    set_language(config.resolved_language())
    return config


def _quiet_stdout() -> None:
    """Point standard output at nothing, so that Python's own flush at exit does not fail
    on the closed pipe too (and say so on stderr)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _fail(message: str, code: int) -> int:
    print(f"daicho: {message}", file=sys.stderr)
    return code


def _check_report(arguments: argparse.Namespace) -> None:
    """`report` names its report; `--fy` only goes with `--contracts`."""
    if not (arguments.week or arguments.contracts):
        raise InputError(_("report needs --week or --contracts (add --fy YEAR for another 年度)"))
    if arguments.fy is not None and not arguments.contracts:
        raise InputError(_("--fy goes with --contracts"))
    if arguments.fy is not None and not MINYEAR <= arguments.fy < MAXYEAR:
        last = MAXYEAR - 1  # the 年度 must end in a year a date can hold
        raise InputError(_("--fy must be a year from {first} to {last}", first=MINYEAR, last=last))


def _run(arguments: argparse.Namespace, config) -> int:
    explicit_db = getattr(arguments, "db", None)
    ledger = explicit_db or locations.default_ledger(config.ledger_url)
    if arguments.command is None:
        return run_app(ledger, config, demo=arguments.demo)
    if arguments.command == "copy":
        return commands.copy(arguments.source, arguments.destination)
    if arguments.command == "restore":
        return commands.restore(arguments.file, ledger, arguments.yes)
    if arguments.command == "seed":
        if explicit_db is None:
            raise InputError(_("seed needs --db PATH: it fills a new ledger with sample data"))
        return commands.seed(explicit_db, arguments.size)
    if arguments.command == "report":
        _check_report(arguments)

    from daicho.data.ledger import close_ledger
    from daicho.data.transfer.copy import ledger_exists

    if arguments.command in commands.READERS and not ledger_exists(ledger):
        raise InputError(_("No ledger at {path}", path=locations.shown_location(ledger)))
    commands.open_announced(ledger)
    try:
        commands.refuse_overwrite(arguments)
        return commands.COMMANDS[arguments.command](arguments, config)
    finally:
        close_ledger()
