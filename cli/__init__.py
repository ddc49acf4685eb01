"""The `daicho` command: the app, and the subcommands that get data in and out (DESIGN §5).

Every error a user can cause ends in one line on stderr and exit code 2;
anything else is exit code 1, still without a traceback.
"""

from daicho.cli.entry import main

__all__ = ["main"]
