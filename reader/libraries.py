"""The third-party libraries the app imports, and a clear message when one is missing.

pip can install a library without a piece it imports on its own: `lxml` without its
`html_clean` extra leaves `import trafilatura` raising "lxml.html.clean module is now a separate
project". Such a gap is an installation problem, not a bug in the article the user opened, so it
becomes a one-line `MissingLibraryError` that names the distribution to install; the self-test
imports every module listed here so a broken installation is found before a user meets it.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from reader.errors import LoadError

# Module imported → the distribution (as pyproject.toml names it) that provides it. (textstat is
# declared too, but only the tests import it: reader.readability computes its formulas itself, and
# the packaged app leaves it out.)
RUNTIME_LIBRARIES: dict[str, str] = {
    "deep_translator": "deep-translator",
    "requests": "requests",
    "certifi": "certifi",
    "simplemma": "simplemma",
    "marisa_trie": "marisa-trie",
    "wordfreq": "wordfreq",
    "lxml": "lxml",
    "lxml_html_clean": "lxml_html_clean",
    "trafilatura": "trafilatura",
    "pypdfium2": "pypdfium2",
    "docx": "python-docx",
    "platformdirs": "platformdirs",
    "keyring": "keyring",
    "sv_ttk": "sv-ttk",
    "tkinterdnd2": "tkinterdnd2",
    "genanki": "genanki",
    "espeakng_loader": "espeakng-loader",
}


# Declared too, but the app works without them, so a failed import is no installation problem:
# sounddevice needs the system's PortAudio on Linux (without it speech goes to a player
# program), comtypes exists on Windows only (for the system's SAPI5 voices).
OPTIONAL_LIBRARIES: dict[str, str] = {
    "sounddevice": "sounddevice",
    "comtypes": "comtypes",
}


class MissingLibraryError(LoadError):
    """A library the app needs to read a file is not installed (or cannot be imported)."""


def require(module: str, needed_for: str, name: str | None = None) -> ModuleType:
    """Import `module`; if it or something it imports is missing, a `MissingLibraryError` that
    says (for the file `name`, if given) what cannot be done and what to (re)install."""
    try:
        return importlib.import_module(module)
    except ImportError as error:
        missing = _missing_distribution(error) or RUNTIME_LIBRARIES.get(module, module)
        prefix = f"{name}: " if name else ""
        raise MissingLibraryError(
            f"{prefix}cannot {needed_for}: the library {missing} is missing from this installation "
            f"(reinstall German Reader, or `pip install {missing}`)"
        ) from error


def missing_libraries() -> list[str]:
    """The distributions whose modules cannot be imported, each with the reason."""
    problems = []
    for module, distribution in RUNTIME_LIBRARIES.items():
        try:
            importlib.import_module(module)
        except ImportError as error:
            problems.append(f"{_missing_distribution(error) or distribution} ({error})")
    return problems


def _missing_distribution(error: ImportError) -> str | None:
    """The distribution behind an ImportError raised deep inside another library."""
    name = (error.name or "").split(".")[0]
    if name in RUNTIME_LIBRARIES:
        return RUNTIME_LIBRARIES[name]
    if "lxml.html.clean" in str(error) or name == "lxml_html_clean":
        return RUNTIME_LIBRARIES["lxml_html_clean"]
    return None
