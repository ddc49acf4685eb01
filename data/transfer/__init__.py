"""The whole ledger out (TOML, JSON, CSV) and back in (DESIGN §5)."""
