"""Where Daicho keeps its files on disk (DESIGN §6)."""

import hashlib
import os
from pathlib import Path

import platformdirs

APP_NAME = "daicho"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME))


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME))


def cache_dir() -> Path:
    """What can be made again, kept to save time at start (`XDG_CACHE_HOME` on Linux)."""
    return Path(platformdirs.user_cache_dir(APP_NAME))


def default_ledger_path() -> Path:
    """The ledger: `DAICHO_DB` when set, else `daicho.db` in the user data directory."""
    override = os.environ.get("DAICHO_DB")
    return Path(override).expanduser() if override else data_dir() / "daicho.db"


def config_path() -> Path:
    override = os.environ.get("DAICHO_CONFIG")
    return Path(override).expanduser() if override else config_dir() / "config.toml"


def shared_ledger_drafts(shown_url: str) -> Path:
    """The drafts of one person on a shared ledger: a local file per ledger URL (without its
    password), never in the shared database."""
    digest = hashlib.sha256(shown_url.encode()).hexdigest()[:16]
    return data_dir() / "drafts" / f"shared-{digest}.db"


def kept_drafts_dir() -> Path:
    """Drafts the ledger refused (its file was replaced under the app), beside the config:
    user data that must not go into whatever file now sits at the ledger's path."""
    return config_path().parent / "kept-drafts"


def backup_dir(ledger: Path) -> Path:
    """Automatic backups live beside the ledger, in `backups/`."""
    return ledger.parent / "backups"
