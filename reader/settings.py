"""The window's settings: a typed dataclass with defaults in code, stored as JSON (no tkinter).

The file lives in `reader.paths.config_dir()`. It is written atomically (a temporary file in the
same folder, then `os.replace`), so a crash never leaves half a file behind. A file that cannot be
parsed is renamed aside (`settings.json.corrupt`) and the defaults are used, so one bad edit
never stops the program from starting. API keys, and the login of an endpoint behind a password,
are never stored here: they go to the OS keyring (a login is dropped from the endpoint when the
file is written or read). The file is 0600 in a 0700 folder (mkstemp's mode); a wider one is
tightened when it is read.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import tempfile
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Literal

from reader import paths
from reader.secrets import split_login

log = logging.getLogger(__name__)

SETTINGS_FILE = "settings.json"
MIN_FONT_SIZE = 8
MAX_FONT_SIZE = 32
MAX_RECENT_FILES = 10
MIN_SPEECH_RATE, MAX_SPEECH_RATE = 0.5, 1.5
Theme = Literal["light", "dark"]
THEMES: tuple[Theme, ...] = ("light", "dark")
StartWith = Literal["last", "library", "sample"]
START_CHOICES: tuple[StartWith, ...] = ("last", "library", "sample")


@dataclass(frozen=True)
class Settings:
    """Everything the window remembers between runs."""

    geometry: str = "1360x840"
    # The learner's split of the window (None: the defaults): the side panels' share of its
    # width, and the readability panel's height in pixels.
    side_share: float | None = None
    side_sash: int | None = None
    provider: str = "google"
    endpoint: str | None = None
    font_size: int = 13
    theme: Theme = "light"
    highlight_long_sentences: bool = False
    translate_on_open: bool = True
    recent_files: tuple[str, ...] = field(default_factory=tuple)
    # Reading aloud: the voice's id (reader.speech.voices) and the speed, 0.5–1.5 times normal.
    speech_voice: str = "espeak:de"
    speech_rate: float = 1.0
    # New words tinted, learning words coloured by level in the German text.
    show_word_status: bool = True
    # What the window shows when started without a file.
    start_with: StartWith = "last"
    last_folder: str | None = None  # where File → Open was used last


def settings_path() -> Path:
    return paths.config_dir() / SETTINGS_FILE


def load_settings(path: Path | None = None) -> Settings:
    """The stored settings; defaults for a missing file, a corrupt file or a bad value."""
    path = path or settings_path()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Settings()
    except OSError as error:
        log.warning("cannot read settings %s (%s); using defaults", path, error)
        return Settings()
    with contextlib.suppress(OSError):  # a file left readable by others is made private
        paths.private_file(path)
    try:
        # "utf-8-sig": an editor's byte-order mark is no reason to lose the settings.
        stored = json.loads(raw.decode("utf-8-sig"))
        if not isinstance(stored, dict):
            raise ValueError("the settings file does not hold a JSON object")
    except ValueError as error:  # bad JSON or bytes that are not UTF-8
        _set_aside(path, error)
        return Settings()
    return _settings_from_dict(stored)


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write `settings` as JSON, atomically."""
    path = path or settings_path()
    paths.private_folder(path.parent)
    data = asdict(settings)
    data["recent_files"] = list(settings.recent_files)
    if settings.endpoint:
        data["endpoint"] = split_login(settings.endpoint)[0]
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    handle, temporary = tempfile.mkstemp(prefix=".settings-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def with_recent_file(settings: Settings, file: str | Path) -> Settings:
    """`settings` with `file` first in the recent files (no duplicates, at most ten)."""
    name = str(Path(file).resolve())
    recent = (name, *(other for other in settings.recent_files if other != name))
    return replace(settings, recent_files=recent[:MAX_RECENT_FILES])


def without_recent_file(settings: Settings, file: str) -> Settings:
    return replace(settings, recent_files=tuple(f for f in settings.recent_files if f != file))


def clamp_font_size(size: int) -> int:
    return max(MIN_FONT_SIZE, min(MAX_FONT_SIZE, size))


def clamp_speech_rate(rate: float) -> float:
    """`rate` within 0.5–1.5, rounded to a tenth (the steps the window offers)."""
    if rate != rate:  # NaN from a hand-edited file
        return 1.0
    return round(max(MIN_SPEECH_RATE, min(MAX_SPEECH_RATE, rate)), 1)


def _set_aside(path: Path, error: Exception) -> None:
    aside = path.with_name(path.name + ".corrupt")
    log.warning("settings file %s is corrupt (%s); moved to %s, using defaults", path, error, aside)
    try:
        os.replace(path, aside)
    except OSError as move_error:
        log.warning("cannot move the corrupt settings file aside: %s", move_error)


def _settings_from_dict(stored: dict[str, Any]) -> Settings:
    """Take each known, well-typed value; anything else keeps its default."""
    defaults = Settings()
    values: dict[str, Any] = {}
    for setting in fields(Settings):
        if setting.name not in stored:
            continue
        value = _checked(setting.name, stored[setting.name])
        if value is None and getattr(defaults, setting.name) is not None:
            log.warning("ignoring bad setting %s=%r", setting.name, stored[setting.name])
            continue
        values[setting.name] = value
    return replace(defaults, **values)


def _checked(name: str, value: Any) -> Any:
    """`value` if it fits setting `name`, else None."""
    if name == "side_sash":
        return value if _is_int(value) and value >= 0 else None
    if name == "side_share":
        number = isinstance(value, int | float) and not isinstance(value, bool)
        return value if number and 0.1 <= value <= 0.9 else None
    if name == "font_size":
        return clamp_font_size(value) if _is_int(value) else None
    if name == "theme":
        return value if value in THEMES else None
    if name == "start_with":
        return value if value in START_CHOICES else None
    if name in ("highlight_long_sentences", "translate_on_open", "show_word_status"):
        return value if isinstance(value, bool) else None
    if name == "recent_files":
        if not isinstance(value, list):
            return None
        return tuple(str(item) for item in value if isinstance(item, str))[:MAX_RECENT_FILES]
    if name == "speech_rate":
        if isinstance(value, int | float) and not isinstance(value, bool):
            return clamp_speech_rate(float(value))
        return None
    if name == "endpoint":
        return _endpoint_without_login(value) if isinstance(value, str) and value.strip() else None
    if name == "last_folder":
        return value if isinstance(value, str) and value.strip() else None
    if name == "geometry":
        return value if isinstance(value, str) and _GEOMETRY.fullmatch(value) else None
    # provider, speech_voice
    return value if isinstance(value, str) and value.strip() else None


# Tk's "WIDTHxHEIGHT+X+Y" (the position may be negative on a screen left of the main one),
# within sizes a screen can have: anything else would make Tk raise at start-up.
_GEOMETRY = re.compile(r"[1-9]\d{1,4}x[1-9]\d{1,4}(?:[+-]-?\d{1,5}[+-]-?\d{1,5})?")


def _endpoint_without_login(endpoint: str) -> str:
    """The endpoint without a `user:password@` someone wrote into the file: the app keeps such
    a login in the system keyring, and the file is no place for a password."""
    clean, login = split_login(endpoint)
    if login is not None:
        log.warning(
            "the endpoint in the settings file holds a user name and password: they are not "
            "used from there (type the address with them in Settings to keep them in the "
            "system keyring)"
        )
    return clean


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
