"""Where settings, cache, logs and user data live (per OS, via platformdirs).

On Linux the XDG variables (XDG_CONFIG_HOME, XDG_CACHE_HOME, XDG_DATA_HOME, XDG_STATE_HOME) are
honoured, which is also how tests redirect everything into a temporary folder. The frozen app
uses the same folders as the unfrozen one.
"""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP_NAME = "german-reader"
PACKAGE_DATA = Path(__file__).parent / "data"


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def usual_article_folders() -> list[Path]:
    """Where a learner's articles usually are: Downloads, Documents, the home folder."""
    return [
        Path(platformdirs.user_downloads_dir()),
        Path(platformdirs.user_documents_dir()),
        Path.home(),
    ]
