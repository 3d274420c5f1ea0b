"""`reader --self-test`: check that an installation (frozen or not) has everything it needs.

Loads the bundled sample, runs readability, the glossary and the bundled translation, looks up a
word in the offline dictionary if it is installed, and opens and closes the window when a display
exists. Prints one line per check and exits 0, or 1 naming what failed.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable

from reader import __version__, paths
from reader.document import Document

SAMPLE = paths.PACKAGE_DATA / "sample_article.de.md"


def run_self_test() -> int:
    print(f"German Reader {__version__} self-test ({'frozen' if _frozen() else 'from source'})")
    document: list[Document] = []
    checks: list[tuple[str, Callable[[], str]]] = [
        ("sample article", lambda: _load_sample(document)),
        ("readability", lambda: _readability(document[0])),
        ("glossary", lambda: _glossary(document[0])),
        ("bundled translation", lambda: _translation(document[0])),
        ("offline dictionary", _dictionary),
        ("window", _window),
    ]
    failed = []
    for name, check in checks:
        started = time.perf_counter()
        try:
            detail = check()
        except Exception as error:  # the self-test reports every failure, whatever it is
            failed.append(name)
            detail = f"FAILED: {type(error).__name__}: {error}"
        print(f"  {name:<20} {detail} ({time.perf_counter() - started:.2f} s)")
    if failed:
        print(f"self-test failed: {', '.join(failed)}")
        return 1
    print("self-test passed")
    return 0


def _frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def _load_sample(document: list[Document]) -> str:
    from reader.loading import load_path

    document.append(load_path(SAMPLE))
    return f"ok, {len(document[0].paragraphs)} paragraphs"


def _readability(document: Document) -> str:
    from reader.readability import report

    figures = report(document)
    return f"ok, Amstad {figures['flesch_amstad']:.0f}, level {figures['cefr']}"


def _glossary(document: Document) -> str:
    from reader.glossary import find_terms

    terms = find_terms(document)
    if not terms:
        raise RuntimeError("no political terms found in the sample")
    return f"ok, {len(terms)} terms"


def _translation(document: Document) -> str:
    from reader.translation import sample_translation

    paragraphs = sample_translation(document)
    if not paragraphs or not all(p.translation for p in paragraphs):
        raise RuntimeError("the sample's bundled translation is missing")
    return f"ok, {len(paragraphs)} paragraphs"


def _dictionary() -> str:
    from reader.dictionary.card import word_card

    card = word_card("Sanktionen")
    if not card.dictionary_available:
        return "not installed (optional: make dictionary)"
    if not card.dictionary:
        raise RuntimeError("the dictionary does not know 'Sanktionen'")
    return f"ok, {card.dictionary[0].en}"


def _window() -> str:
    if sys.platform.startswith("linux") and not os.environ.get("DISPLAY"):
        return "skipped, no display"
    from reader.gui import open_and_close

    return open_and_close(SAMPLE)
