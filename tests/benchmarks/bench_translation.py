"""Translation benchmark: 30 paragraphs through a loopback server answering in 150 ms.

Compares, in the same run and on the same paragraphs, the service (parallel, packed requests)
with deep-translator's own sequential `translate_batch` (goal: ≥ 5× faster), then a second run
of the service served from the cache against the first (goal: ≥ 100× faster).
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from reader.document import Document, Source
from reader.translation import (
    DeepTranslator,
    ProviderSettings,
    TranslationCache,
    translate_document,
)
from tests.translation_servers import FakeTranslator

PARAGRAPHS = 30
LATENCY_S = 0.150

_SENTENCES = (
    "Der Haushaltsausschuss hat am Abend über den Entwurf für das kommende Jahr beraten.",
    "Die Regierung will höhere Ausgaben für Verteidigung und Infrastruktur finanzieren.",
    "Die Opposition wirft der Koalition vor, die Schuldenbremse zu umgehen.",
    "Mehrere Länder fordern einen größeren Anteil an den geplanten Investitionen.",
    "Eine Einigung wird frühestens in der kommenden Sitzungswoche erwartet.",
)


def article() -> Document:
    """Thirty distinct paragraphs of three to five sentences."""
    paragraphs = tuple(
        " ".join(
            f"{sentence[:-1]} (Absatz {n + 1}, Punkt {s + 1})."
            for s, sentence in enumerate(_SENTENCES[: 3 + n % 3])
        )
        for n in range(PARAGRAPHS)
    )
    return Document(
        title="Benchmark", source=Source(path=None, format="stdin"), paragraphs=paragraphs
    )


def main() -> None:
    from deep_translator import GoogleTranslator

    document = article()
    with FakeTranslator(latency_s=LATENCY_S) as server, tempfile.TemporaryDirectory() as folder:
        baseline = GoogleTranslator(source="de", target="en")
        baseline._base_url = f"{server.url}/m"
        started = time.perf_counter()
        sequential = baseline.translate_batch(list(document.paragraphs))
        sequential_s = time.perf_counter() - started
        baseline_requests = len(server.seen)

        cache = TranslationCache(Path(folder) / "bench.sqlite3")
        translator = DeepTranslator(ProviderSettings("google", endpoint=server.url))
        started = time.perf_counter()
        first = translate_document(document, translator, cache=cache)
        first_s = time.perf_counter() - started
        service_requests = len(server.seen) - baseline_requests

        started = time.perf_counter()
        second = translate_document(document, translator, cache=cache)
        cached_s = time.perf_counter() - started
        cache.close()

    assert len(sequential) == PARAGRAPHS and all(sequential)
    assert all(result.ok for result in first), [r.error for r in first if not r.ok]
    assert all(result.from_cache for result in second)
    assert [r.translation for r in first] == [r.translation for r in second]
    speedup = sequential_s / first_s
    cache_speedup = first_s / cached_s
    print(
        f"deep-translator translate_batch: {sequential_s:.3f} s ({baseline_requests} requests)\n"
        f"service, 4 in flight:            {first_s:.3f} s ({service_requests} requests)"
        f"  → {speedup:.1f}× faster (goal ≥ 5×) {'ok' if speedup >= 5 else 'MISSED'}\n"
        f"service, from the cache:         {cached_s * 1000:.2f} ms"
        f"  → {cache_speedup:.0f}× faster than the first run (goal ≥ 100×) "
        f"{'ok' if cache_speedup >= 100 else 'MISSED'}"
    )


if __name__ == "__main__":
    main()
