"""PDFs as typesetters make them, read as prose: hyphenation in every spacing, justified lines,
ligatures, small-capital headings, figure labels and number-only lines, locked files."""

from __future__ import annotations

import io
from collections.abc import Sequence

import pytest

from reader.errors import LoadError
from reader.loading import load_bytes
from reader.loading.pdflayout import Line, Run
from tests.fixtures_builders import PdfPage, PlacedText, build_pdf


def _load(pages: Sequence[PdfPage]) -> tuple[str | None, tuple[str, ...]]:
    document = load_bytes(build_pdf(pages), "programm.pdf")
    return document.title, document.paragraphs


def test_hyphenation_is_joined_in_every_spacing() -> None:
    lines = [
        "Die Finanzierung der Rentenver-",
        "sicherung ist eine Verschwen -",
        "dung, sagt die Opposition. Ein- und",
        "Ausfuhr steigen, der US-",
        "Präsident schweigt dazu.",
    ]
    assert _load([PdfPage(lines)])[1] == (
        "Die Finanzierung der Rentenversicherung ist eine Verschwendung, sagt die Opposition. "
        "Ein- und Ausfuhr steigen, der US-Präsident schweigt dazu.",
    )


def _justified(words: Sequence[str], y: float, right: float = 400) -> list[PlacedText]:
    """One justified line: each word placed on its own, the gaps stretched to fill the width."""
    width = sum(len(word) for word in words) * 5.5  # Helvetica 11 pt: about 5.5 pt a letter
    gap = (right - 72 - width) / (len(words) - 1)
    placed, x = [], 72.0
    for word in words:
        placed.append(PlacedText(word, x, y))
        x += len(word) * 5.5 + gap
    return placed


def test_justified_lines_stay_prose() -> None:
    rows = [
        "Wir investieren in Forschung und Zukunftstechnologien",
        "für mehr Arbeit in allen Regionen des Landes, auch",
        "dort, wo bisher wenig geforscht wird.",
    ]
    placed = [*_justified(rows[0].split(), 700), *_justified(rows[1].split(), 686)]
    placed.append(PlacedText(rows[2], 72, 672))
    assert _load([PdfPage([], placed=placed)])[1] == (" ".join(rows),)


def test_ligatures_become_letters() -> None:
    text = "Die Pﬂegeversicherung wird ﬁnanziert, sagt die Regierung."
    assert _load([PdfPage([text])])[1] == (
        "Die Pflegeversicherung wird finanziert, sagt die Regierung.",
    )


def test_a_heading_in_small_capitals_is_repaired() -> None:
    page = PdfPage(
        ["Die Stadt fördert Vorhaben, die Bürgerinnen und Bürger selbst planen."],
        placed=[PlacedText("BüRgeR/innen-PR ojekte", 72, 790, size=16)],
    )
    title, paragraphs = _load([page])
    assert title == "Bürger/innen-Projekte"
    assert paragraphs == ("Die Stadt fördert Vorhaben, die Bürgerinnen und Bürger selbst planen.",)


def test_binnen_i_and_acronyms_in_headings_stay() -> None:
    page = PdfPage(
        ["Die Regeln gelten ab März für alle Betriebe."],
        placed=[PlacedText("Rechte der ArbeitnehmerInnen in der EU", 72, 790, size=16)],
    )
    assert _load([page])[0] == "Rechte der ArbeitnehmerInnen in der EU"


def test_number_only_lines_and_figure_labels_are_dropped() -> None:
    page = PdfPage(
        [
            "Die Zahl der Anträge ist stark gestiegen.",
            None,
            "2013",
            None,
            "Im nächsten Jahr soll sie wieder sinken.",
        ],
        placed=[PlacedText(label, 300 + 30 * n, 500, size=7) for n, label in enumerate("0 10 20")],
    )
    assert _load([page])[1] == (
        "Die Zahl der Anträge ist stark gestiegen.",
        "Im nächsten Jahr soll sie wieder sinken.",
    )


def test_a_real_table_is_told_from_justified_text() -> None:
    cells = (Run(72, 700, 120, 710, "Verkehr"), Run(200, 700, 215, 710, "18"))
    line = Line((*cells, Run(300, 700, 315, 710, "22")))
    assert line.cells() == ["Verkehr", "18", "22"]
    justified = Line((Run(72, 700, 130, 710, "Forschung"), Run(138, 700, 155, 710, "und")))
    assert justified.cells() == ["Forschung und"]


def test_a_password_protected_pdf_says_so() -> None:
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(build_pdf([PdfPage(["Geheim."])])))
    writer.encrypt("geheim", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(LoadError, match="password-protected"):
        load_bytes(out.getvalue(), "geheim.pdf")


def test_a_label_in_the_margin_of_every_page_is_furniture() -> None:
    # Beside the third line of each page, where neither header nor footer stands.
    label = PlacedText("Freiheit und Grundrechte", 470, 732, size=8)
    lines = [
        "Die Partei will, dass alle Menschen Zugang",
        "zu Bildung und Kultur haben. Dazu gehört",
        "auch der Zugang zu neu-",
        "en Medien, wie dem Internet, sagt sie.",
        "Die Kosten dafür soll der Bund tragen,",
        "so steht es im Programm der Partei.",
    ]
    later = [[f"Seite {n}: {line}" for line in lines[:2]] for n in (2, 3)]
    pages = [PdfPage(page_lines, placed=[label]) for page_lines in (lines, *later)]
    paragraphs = _load(pages)[1]
    assert "Grundrechte" not in " ".join(paragraphs)
    assert "Zugang zu neuen Medien, wie dem Internet" in paragraphs[0]


def test_a_title_in_large_type_over_two_lines_stays_one() -> None:
    title = [PlacedText("Wir stellen das", 72, 780, 24), PlacedText("mal infrage", 72, 752, 24)]
    page = PdfPage(
        [None, None, None, "Das Programm der Partei für die Wahl im Herbst."], placed=title
    )
    assert _load([page]) == (
        "Wir stellen das mal infrage",
        ("Das Programm der Partei für die Wahl im Herbst.",),
    )


def test_dot_leaders_of_a_table_of_contents_are_no_table() -> None:
    def entry(title: str, page: str, y: float) -> list[PlacedText]:
        dots = [PlacedText(".", 250 + 12 * n, y) for n in range(10)]
        return [PlacedText(title, 72, y), *dots, PlacedText(page, 400, y)]

    placed = [*entry("1 Einleitung", "3", 700), *entry("2 Grundbegriffe", "7", 686)]
    placed += entry("3 Ergebnisse", "12", 672)
    assert _load([PdfPage(["Inhalt"], placed=placed)]) == (
        "Inhalt",
        (
            "1 Einleitung 3",
            "2 Grundbegriffe 7",
            "3 Ergebnisse 12",
        ),
    )


def test_pages_that_repeat_whole_keep_their_text() -> None:
    lines = ["Antrag auf Zuschuss für das Jahr 2026.", "Name und Anschrift bitte eintragen."]
    paragraphs = _load([PdfPage(lines) for _ in range(4)])[1]
    assert " ".join(paragraphs).count("Antrag auf Zuschuss") == 4
