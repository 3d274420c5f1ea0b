"""The files of the bundled voice that the packaged app needs (used by reader.spec).

`espeakng-loader` ships libespeak-ng with the data of all its ~120 languages (19 MB). German
Reader speaks German only: the phoneme tables, German's language file and dictionary, the voice
variants, and English's (eSpeak's German dictionary sends English loan words such as "Computer"
or "okay" to the English rules) come to under 2 MB.
"""

from __future__ import annotations

from pathlib import Path

LANGUAGES = ("de", "en")
# Phoneme tables and intonation: every language needs them.
SHARED_FILES = ("phondata", "phonindex", "phontab", "intonations")


def espeak_files(library: Path) -> list[tuple[Path, str]]:
    """(file, folder in the app) for the library and the data it needs: the library goes
    beside the loader's module, where `espeakng_loader.get_library_path()` looks."""
    data = library.parent / "espeak-ng-data"
    package = "espeakng_loader"
    wanted = [library]
    wanted += [data / name for name in SHARED_FILES]
    wanted += [data / f"{language}_dict" for language in LANGUAGES]
    wanted += [path for path in (data / "lang").rglob("*") if path.name in LANGUAGES]
    wanted += [path for path in (data / "voices").rglob("*") if path.is_file()]
    missing = [path for path in wanted if not path.is_file()]
    if missing:
        raise FileNotFoundError(f"eSpeak NG files missing: {', '.join(map(str, missing))}")
    found = []
    for path in wanted:
        folder = path.parent.relative_to(library.parent).as_posix()
        found.append((path, package if folder == "." else f"{package}/{folder}"))
    return found
