"""The `daicho` command line as argparse reads it: the commands, their options and help."""

import argparse
from pathlib import Path

from daicho import locations
from daicho.i18n import _


def build_parser() -> argparse.ArgumentParser:
    """Every command and option of `daicho`, its help in the user's language."""
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
    which = report.add_mutually_exclusive_group()
    which.add_argument(
        "--week",
        action="store_true",
        help=_("the last seven days: decisions, what is overdue, what is due next week"),
    )
    which.add_argument(
        "--contracts",
        action="store_true",
        help=_("a 年度's contracts per vendor: their cost in it and the decisions falling in it"),
    )
    report.add_argument(
        "--fy",
        type=int,
        metavar="YEAR",
        help=_("the 年度 of --contracts, by the year it starts in (default: this one)"),
    )

    today = commands.add_parser(
        "today", parents=[db_option], help=_("print the day's list: what needs you today")
    )
    today.add_argument("--json", action="store_true", help=_("print the list as JSON"))

    contracts = commands.add_parser(
        "contracts", parents=[db_option], help=_("print every contract with its dates")
    )
    contracts.add_argument("--json", action="store_true", help=_("print the contracts as JSON"))
    return parser


def _output_options(command: argparse.ArgumentParser, where: str) -> None:
    """`-o PATH` (what `where` says) and `--force`, for the commands that write a file."""
    command.add_argument("-o", "--output", type=Path, metavar="PATH", help=where)
    command.add_argument("--force", action="store_true", help=_("replace an existing output file"))
