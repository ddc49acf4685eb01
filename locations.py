"""Where Daicho keeps its files on disk (DESIGN §6)."""

import hashlib
import os
from pathlib import Path

import platformdirs

from daicho.data.postgres.url import is_postgres_url, shown_url
from daicho.shown import shown_name

APP_NAME = "daicho"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME))


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME))


def cache_dir() -> Path:
    """What can be made again, kept to save time at start (`XDG_CACHE_HOME` on Linux)."""
    return Path(platformdirs.user_cache_dir(APP_NAME))


def default_ledger(configured_url: str = "") -> Path | str:
    """The ledger when none is named: `DAICHO_DB` when set, else the config's `[ledger] url`,
    else `daicho.db` in the user data directory."""
    override = os.environ.get("DAICHO_DB")
    if override:
        return ledger_location(override)
    return configured_url or data_dir() / "daicho.db"


def ledger_location(text: str) -> Path | str:
    """A ledger as the user names it: a shared ledger's `postgresql://` URL, else a file."""
    return text if is_postgres_url(text) else Path(text).expanduser()


def shown_location(location: Path | str) -> str:
    """A ledger's name for a message: a file's path, or a URL without its password."""
    return shown_name(location if isinstance(location, Path) else shown_url(location))


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


def backup_dir(ledger: Path | str) -> Path:
    """Automatic backups live beside the ledger, in `backups/`; a shared ledger's on this
    computer, in the user data directory's."""
    return (data_dir() if isinstance(ledger, str) else ledger.parent) / "backups"
