"""Exit codes of the `daicho` command (DESIGN §5)."""

OK = 0
ERROR = 1
BAD_INPUT = 2
