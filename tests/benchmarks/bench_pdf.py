"""PDF loading, layout work included, against pypdf's plain `extract_text()` on the same file.

Goals (issue 13): at most 1.0x pypdf's time (goal 0.3x). Measured on the real PDFs in
../shared/corpus/pdf when that folder is there (party programmes with columns, justified lines
and hyphenation), and always on a 60-page PDF this module builds itself.
"""

from __future__ import annotations

import io
import logging
import time
import warnings
from collections.abc import Callable
from pathlib import Path

from reader.loading import load_bytes
from tests.fixtures_builders import PdfPage, build_pdf

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "pdf"
RUNS = 3

_SENTENCE = (
    "Die Bundesregierung hat am Mittwoch ein umfangreiches Entlastungs-",
    "paket beschlossen, das vor allem Familien mit geringem Einkommen",
    "zugutekommen soll; die Opposition hält es für unzureichend.",
)


def _built_pdf(pages: int = 60) -> bytes:
    """Pages of wrapped, hyphenated paragraphs under a running header, each page its own text."""
    built = []
    for number in range(1, pages + 1):
        lines: list[str | None] = []
        for paragraph in range(14):
            first, *rest = _SENTENCE
            lines += [f"Absatz {number}.{paragraph}: {first}", *rest, None]
        built.append(PdfPage(lines[:50], header="Tagesblatt", footer=f"Seite {number}"))
    return build_pdf(built)


def _best(action: Callable[[], object]) -> float:
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return min(times)


def _pypdf_text(data: bytes) -> None:
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(data))
    for page in reader.pages:
        page.extract_text()


def _compare(name: str, data: bytes) -> None:
    ours = _best(lambda: load_bytes(data, "bench.pdf", format="pdf"))
    theirs = _best(lambda: _pypdf_text(data))
    print(f"{name}: {ours:.3f} s, pypdf extract_text() {theirs:.3f} s = {ours / theirs:.2f}x")


def main() -> None:
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    warnings.simplefilter("ignore")
    _compare("built 60-page PDF", _built_pdf())
    if not CORPUS.is_dir():
        print(f"(no {CORPUS}: the real PDFs are skipped)")
        return
    for path in sorted(CORPUS.glob("*.pdf")):
        _compare(path.name, path.read_bytes())


if __name__ == "__main__":
    main()
