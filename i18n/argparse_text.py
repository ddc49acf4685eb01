"""argparse's own English (`usage:`, `options`, its error messages) in the user's language.

argparse looks each of its texts up through its module's `_` (gettext's) when it needs
it, so pointing that at our translation function translates help and errors alike. A
parser's headings are looked up as it is built: translate first, then build.
"""

import argparse

from daicho.i18n import N_, _

# The texts of argparse (Python 3.11-3.13) that a user of `daicho` can meet.
MESSAGES = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ignored explicit argument %r"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
)


def translate_argparse() -> None:
    """Have argparse speak the current language (and follow it when it changes)."""
    argparse._ = _
