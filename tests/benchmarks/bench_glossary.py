"""Glossary matching on 1 MB of German: cost relative to baselines measured in the same run.

The text is the annotated test articles repeated to 1 MB, with 20,000 distinct word forms from
the lexicon mixed in so the per-word cache does not flatter the figures (a real 1 MB of news has
tens of thousands of distinct words). Baselines: `str.split` over the same text (the floor of any
tokenising) and textstat's German Flesch score (what the readability report costs anyway).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from itertools import islice
from pathlib import Path

from reader.glossary import TermMatcher, dictionary_english, dictionary_layer, load_glossary
from reader.language.lexicon import german_forms, german_lexicon

ARTICLES = Path(__file__).parent.parent / "fixtures" / "articles"
SIZE = 1_000_000
DISTINCT_EXTRA_WORDS = 20_000


def build_text() -> list[str]:
    """Paragraphs adding up to about 1 MB."""
    articles = [path.read_text(encoding="utf-8") for path in sorted(ARTICLES.glob("*.de.md"))]
    paragraphs = [p for text in articles for p in text.split("\n\n") if p.strip()]
    forms = german_forms()
    pool = [w for w in islice(forms, 0, None, 40) if w.isalpha()]
    extra = random.Random(4).sample(pool, min(DISTINCT_EXTRA_WORDS, len(pool)))
    result: list[str] = []
    size = 0
    while size < SIZE:
        for paragraph in paragraphs:
            words = " ".join(extra.pop() for _ in range(8) if extra)
            result.append(f"{paragraph} {words}.")
            size += len(result[-1]) + 2
    return result


def seconds(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def main() -> None:
    lexicon_load = seconds(lambda: german_lexicon().lemma("Zoll"))
    paragraphs = build_text()
    text = "\n\n".join(paragraphs)
    matcher = TermMatcher(load_glossary(), german_lexicon(), dictionary_layer(), dictionary_english)
    cold = seconds(lambda: [matcher.find_in_text(p) for p in paragraphs])
    warm = seconds(lambda: [matcher.find_in_text(p) for p in paragraphs])
    split = seconds(lambda: [p.split() for p in paragraphs])
    marks = sum(len(matcher.find_in_text(p)) for p in paragraphs)
    print(f"text: {len(text) / 1e6:.2f} MB, {len(text.split())} words, {marks} marks")
    print(f"lexicon load (once per process): {lexicon_load:.2f} s")
    print(f"matching, first pass: {cold:.2f} s; again (cached words): {warm:.2f} s")
    print(f"str.split baseline: {split:.3f} s → matching costs {cold / split:.0f}× a split")
    try:
        import textstat

        textstat.set_lang("de_DE")
        flesch = seconds(lambda: textstat.flesch_reading_ease(text))
        print(f"textstat flesch baseline: {flesch:.2f} s → matching is {cold / flesch:.2f}× that")
    except Exception as error:  # the baseline is optional context, never a failure
        print(f"textstat baseline skipped: {error}")
    real_articles()


def real_articles() -> None:
    """Recall and precision on real news annotated by hand (tests/fixtures/real_articles)."""
    from tests import real_articles as real

    if not real.available():
        print("real articles: skipped (../shared/corpus is not here)")
        return
    totals: dict[str, real.Score] = {}
    for article, score in real.score_all().values():
        for key in (article.country, "all"):
            totals.setdefault(key, real.Score()).add(score)
    for key, total in sorted(totals.items()):
        print(
            f"real articles {key:>3}: recall {total.recall:.1%} ({total.found}/{total.terms}), "
            f"precision {total.precision:.1%} ({total.right}/{total.marks}), "
            f"look-alikes marked {len(total.look_alikes)}"
        )


if __name__ == "__main__":
    main()
