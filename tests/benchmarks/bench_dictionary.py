"""Offline dictionary lookups: SQLite index vs scanning Ding's text file, same words, same run."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from reader.dictionary.ding import DING_PATH, read_lines
from reader.dictionary.store import Dictionary, build
from reader.dictionary.word_lookup import word_card

WORDS = ["Sanktionen", "Koalition", "Haushaltsstreit", "Abgeordneten", "Zölle", "Waffenruhe"]
BUDGET_MS = 20.0


def scan_file(word: str) -> list[str]:
    """The baseline: what a lookup without an index costs (read the list, match headwords)."""
    with open(DING_PATH, encoding="utf-8") as source:
        return [line for line in source if line.startswith(word + " ")]


def main() -> None:
    if not Path(DING_PATH).is_file():
        print(f"skipped: {DING_PATH} missing (apt-get install trans-de-en)")
        return
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "dictionary.sqlite"
        started = time.perf_counter()
        with open(DING_PATH, encoding="utf-8") as source:
            build(read_lines(source), output)
        print(f"build: {time.perf_counter() - started:.1f} s, {output.stat().st_size / 1e6:.1f} MB")
        dictionary = Dictionary(output)
        started = time.perf_counter()
        for word in WORDS:
            scan_file(word)
        scan_ms = (time.perf_counter() - started) * 1000 / len(WORDS)
        started = time.perf_counter()
        for _ in range(20):
            for word in WORDS:
                word_card(word, dictionary=dictionary)
        card_ms = (time.perf_counter() - started) * 1000 / (20 * len(WORDS))
        print(f"word card (lemma, glossary, dictionary, parts): {card_ms:.2f} ms per word")
        print(f"file scan baseline: {scan_ms:.1f} ms per word → {scan_ms / card_ms:.0f}× faster")
        print(f"budget {BUDGET_MS:.0f} ms: {'met' if card_ms < BUDGET_MS else 'MISSED'}")
        dictionary.close()
