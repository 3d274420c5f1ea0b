"""Personal coverage speed against the readability analysis of the same 1 MB text, same process.

Goals (issue 16): the known share of a 1 MB text in at most a tenth of the time of its
readability report. The window and the library compute it from the article's word index (built
once per article, off the Tk thread, like the readability report); that is the figure the goal
is about. Building the index from the raw text is shown too: splitting 1 MB into words alone
takes ~0.15× the report, so no computation from raw text could reach 0.1×.
"""

from __future__ import annotations

from reader import readability
from reader.learner.status import WordStatus
from reader.learner.words import PersonalCoverage, article_words, learner_report
from tests.benchmarks.bench_readability import LARGE_BYTES, build_text, document_of, seconds


def main() -> None:
    warm_up = document_of(build_text(5_000, seed=0))
    readability.report(warm_up)  # loads simplemma and wordfreq once
    learner_report(warm_up.paragraphs, {})

    large = build_text(LARGE_BYTES, seed=2)
    document = document_of(large)
    readability_seconds = seconds(lambda: readability.report(document))
    words = article_words(document.paragraphs)
    occurrences = words.occurrences()
    # A learner who knows the 2,000 most frequent lemmas of the text.
    common = sorted(occurrences, key=lambda key: -occurrences[key])[:2000]
    statuses = dict.fromkeys(common, WordStatus.KNOWN)
    known_seconds = seconds(lambda: PersonalCoverage(words, statuses).share, runs=5)
    scratch_seconds = seconds(lambda: learner_report(document.paragraphs, statuses))
    coverage = PersonalCoverage(words, statuses)
    frequent = common[0]
    change_seconds = (
        seconds(
            lambda: (
                coverage.change(frequent, WordStatus.KNOWN, None),
                coverage.change(frequent, None, WordStatus.KNOWN),
            ),
            runs=200,
        )
        / 2
    )
    print(
        f"1 MB text ({len(large.encode()) / 1e6:.2f} MB, {words.total:,} counted words): "
        f"known share {known_seconds * 1000:.0f} ms, "
        f"readability {readability_seconds * 1000:.0f} ms, "
        f"ratio {known_seconds / readability_seconds:.3f} (goal ≤ 0.1); from the raw text "
        f"(index + share) {scratch_seconds * 1000:.0f} ms, ratio "
        f"{scratch_seconds / readability_seconds:.2f}; one status change "
        f"({occurrences[frequent]:,} occurrences) {change_seconds * 1e6:.0f} µs"
    )


if __name__ == "__main__":
    main()
