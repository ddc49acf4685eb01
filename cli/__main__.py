"""`python -m daicho.cli`, as the tests and a checkout without the console script run it."""

import sys

from daicho.cli.entry import main

sys.exit(main())
