"""Real political news pages from ../shared/corpus, annotated by hand, to measure the glossary.

The pages are other people's text, so none of it is committed: each annotation in
`tests/fixtures/real_articles/NAME.terms.toml` names its page in `../shared/corpus/web-pages/`
and the text is extracted from it at run time (trafilatura alone, fixed options, so the
annotation does not move when the project's own loader changes). Where ../shared is absent the
tests using this are skipped.

An annotation file:

    page = "FILE.html"           # in ../shared/corpus/web-pages/
    origin = "https://…"         # where the page came from
    country = "DE"               # DE, AT or CH: whose news it is
    terms = ["Bundestag", …]     # every occurrence, in reading order, of a word or fixed phrase
                                 # a learner needs explained (the rules of
                                 # tests/fixtures/articles/README.md)
    not_terms = ["Land", …]      # look-alikes: every occurrence of these that is not inside a
                                 # term must stay unmarked
    borderline = ["Sitzung"]     # marks on these count neither way

A PDF of ../shared/corpus/pdf/ is annotated by a range of its pages: `page = "pdf/NAME.pdf"`
and `pages = [FIRST, LAST]` (1-based, inclusive); its text is pypdf's, lines rejoined.

For a held-out measurement outside the project, `page = "NAME.txt"` is a plain text file beside
the annotation (one paragraph a line): text that may be read here but never committed.

Scoring: each term is searched, as a whole word, forward from the end of the previous one; a
term is found when a mark overlaps it, a mark is right when it overlaps a term.

    python -m tests.real_articles show FILE.html   # the extracted text, paragraph by paragraph
    python -m tests.real_articles check            # every annotated term is found in order
    python -m tests.real_articles score            # recall and precision, per article and all
"""

from __future__ import annotations

import os
import re
import sys
import tomllib
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

# READER_ANNOTATIONS points at another folder of annotations: a fresh set is scored there once,
# before anything is tuned on it, and only then joins the fixtures.
ANNOTATIONS = Path(
    os.environ.get("READER_ANNOTATIONS") or Path(__file__).parent / "fixtures" / "real_articles"
)
CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
PAGES = CORPUS / "web-pages"
_HYPHENATED_LINE_END = re.compile(r"(?<=[a-zäöüß])\s?-\s*\n(?=[a-zäöüß])")
_PAGE_NUMBER_LINE = re.compile(r"^\s*\d{1,3}\s*$", re.MULTILINE)
_SENTENCE_END = (".", "!", "?", ":", "“", '"')

Span = tuple[int, int, int]  # paragraph, start, end
Marker = Callable[[list[str]], list[Span]]


@dataclass(frozen=True)
class RealArticle:
    name: str
    country: str
    origin: str
    paragraphs: list[str]
    terms: list[str]
    not_terms: list[str]
    borderline: list[str]


@dataclass
class Score:
    terms: int = 0
    found: int = 0
    marks: int = 0
    right: int = 0
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    look_alikes: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.terms if self.terms else 1.0

    @property
    def precision(self) -> float:
        return self.right / self.marks if self.marks else 1.0

    def add(self, other: Score) -> None:
        self.terms += other.terms
        self.found += other.found
        self.marks += other.marks
        self.right += other.right
        self.missed += other.missed
        self.wrong += other.wrong
        self.look_alikes += other.look_alikes


def available() -> bool:
    return PAGES.is_dir()


def page_paragraphs(page: Path) -> list[str]:
    """The article text of a saved page, as trafilatura alone extracts it."""
    import trafilatura

    markup = page.read_bytes().decode("utf-8", errors="replace")
    text = trafilatura.extract(
        markup, include_comments=False, include_tables=False, include_links=False
    )
    return [line.strip() for line in (text or "").split("\n") if line.strip()]


def pdf_paragraphs(document: Path, pages: tuple[int, int]) -> list[str]:
    """The text of pages FIRST..LAST of a PDF as pypdf extracts it: page numbers dropped, a word
    hyphenated at a line's end made whole, lines joined into paragraphs that end where a line
    ends a sentence."""
    import pypdf

    reader = pypdf.PdfReader(document)
    first, last = pages
    text = "\n".join(reader.pages[number - 1].extract_text() for number in range(first, last + 1))
    text = _HYPHENATED_LINE_END.sub("", _PAGE_NUMBER_LINE.sub("", text))
    paragraphs: list[str] = []
    lines: list[str] = []
    for line in (line.strip() for line in text.split("\n")):
        if line:
            lines.append(line)
        if lines and (not line or line.endswith(_SENTENCE_END)):
            paragraphs.append(" ".join(lines))
            lines = []
    if lines:
        paragraphs.append(" ".join(lines))
    return [_without_private_characters(paragraph) for paragraph in paragraphs]


def _without_private_characters(text: str) -> str:
    """Without the PDF fonts' private-use bullets."""
    return "".join(char for char in text if unicodedata.category(char) != "Co").strip()


def _paragraphs_of(data: dict[str, object]) -> list[str]:
    page = str(data["page"])
    if page.endswith(".txt"):
        lines = (ANNOTATIONS / page).read_text(encoding="utf-8").splitlines()
        return [line.strip() for line in lines if line.strip()]
    if page.endswith(".pdf"):
        pages = data["pages"]
        assert isinstance(pages, list), f"{page}: pages = [FIRST, LAST]"
        first, last = (int(number) for number in pages)
        return pdf_paragraphs(CORPUS / page, (first, last))
    return page_paragraphs(PAGES / page)


def load_articles() -> list[RealArticle]:
    articles = []
    for path in sorted(ANNOTATIONS.glob("*.terms.toml")):
        with path.open("rb") as handle:
            data = tomllib.load(handle)
        articles.append(
            RealArticle(
                name=path.name.removesuffix(".terms.toml"),
                country=data.get("country", "DE"),
                origin=data.get("origin", ""),
                paragraphs=_paragraphs_of(data),
                terms=list(data.get("terms", [])),
                not_terms=list(data.get("not_terms", [])),
                borderline=list(data.get("borderline", [])),
            )
        )
    return articles


def _word(surface: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(surface)}(?!\w)")


def term_spans(article: RealArticle) -> tuple[list[Span], list[str]]:
    """The annotated terms' places, each searched forward from the previous one; and the
    terms that were not found (an annotation error)."""
    spans: list[Span] = []
    lost: list[str] = []
    paragraph, offset = 0, 0
    for term in article.terms:
        pattern = _word(term)
        place = None
        for number in range(paragraph, len(article.paragraphs)):
            found = pattern.search(article.paragraphs[number], offset if number == paragraph else 0)
            if found:
                place = (number, found.start(), found.end())
                break
        if place is None:
            lost.append(term)
            continue
        spans.append(place)
        paragraph, offset = place[0], place[2]
    return spans, lost


def all_spans(article: RealArticle, surfaces: list[str]) -> list[Span]:
    spans = set()
    for surface in set(surfaces):
        pattern = _word(surface)
        for number, paragraph in enumerate(article.paragraphs):
            spans.update((number, m.start(), m.end()) for m in pattern.finditer(paragraph))
    return sorted(spans)


def _overlaps(span: Span, others: list[Span]) -> bool:
    return any(span[0] == o[0] and span[1] < o[2] and o[1] < span[2] for o in others)


def score(article: RealArticle, marks: list[Span]) -> Score:
    terms, _ = term_spans(article)
    borderline = [s for s in all_spans(article, article.borderline) if not _overlaps(s, terms)]
    look_alikes = [s for s in all_spans(article, article.not_terms) if not _overlaps(s, terms)]
    counted = [mark for mark in marks if not _overlaps(mark, borderline)]

    def text(span: Span) -> str:
        return article.paragraphs[span[0]][span[1] : span[2]]

    result = Score(terms=len(terms), marks=len(counted))
    for span in terms:
        if _overlaps(span, marks):
            result.found += 1
        else:
            result.missed.append(text(span))
    for mark in counted:
        if _overlaps(mark, terms):
            result.right += 1
        else:
            result.wrong.append(text(mark))
    result.look_alikes = [text(s) for s in look_alikes if _overlaps(s, marks)]
    return result


def glossary_marks(paragraphs: list[str]) -> list[Span]:
    """Where the app marks glossary terms in these paragraphs."""
    from reader.document import Document, Source
    from reader.glossary import find_terms

    document = Document(None, Source(None, "html"), tuple(paragraphs))
    return [
        (o.paragraph, o.start, o.end) for match in find_terms(document) for o in match.occurrences
    ]


def score_all(marker: Marker = glossary_marks) -> dict[str, tuple[RealArticle, Score]]:
    return {
        article.name: (article, score(article, marker(article.paragraphs)))
        for article in load_articles()
    }


def _show(page: str, pages: str = "") -> None:
    """`show FILE.html`, or `show pdf/NAME.pdf FIRST-LAST` for a PDF's pages."""
    first, _, last = pages.partition("-")
    data: dict[str, object] = {"page": page, "pages": [first, last or first]}
    for number, paragraph in enumerate(_paragraphs_of(data)):
        print(f"[{number}] {paragraph}\n")


def _check() -> int:
    problems = 0
    for article in load_articles():
        _, lost = term_spans(article)
        print(
            f"{article.name}: {len(article.terms)} terms" + (f", NOT FOUND {lost}" if lost else "")
        )
        problems += len(lost)
    return 1 if problems else 0


def _score() -> None:
    totals: dict[str, Score] = {}
    for name, (article, result) in score_all().items():
        totals.setdefault(article.country, Score()).add(result)
        totals.setdefault("all", Score()).add(result)
        print(f"{name:40} recall {result.recall:6.1%}  precision {result.precision:6.1%}")
        print(f"    missed {result.missed}\n    wrong {result.wrong}")
        if result.look_alikes:
            print(f"    LOOK-ALIKES MARKED {result.look_alikes}")
    for country, total in totals.items():
        print(
            f"{country:>4}: recall {total.recall:6.1%} ({total.found}/{total.terms})  "
            f"precision {total.precision:6.1%} ({total.right}/{total.marks})  "
            f"look-alikes marked {len(total.look_alikes)}"
        )


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "score"
    if command == "show":
        _show(*sys.argv[2:4])
    elif command == "check":
        sys.exit(_check())
    else:
        _score()
