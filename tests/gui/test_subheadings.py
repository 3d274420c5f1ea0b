"""A .txt article's heading lines in the window: the first is the title, the others stand out."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.gui import events
from reader.gui.state import display_title
from reader.translation import ParagraphTranslation
from tests.gui.conftest import WindowFactory, open_article

pytestmark = pytest.mark.gui

ARTICLE = (
    "Streit um den Haushalt\n"
    "======================\n\n"
    "Im Bundestag wird heute über den Haushalt gestritten. Die Opposition kritisiert die "
    "Regierung scharf.\n\n"
    "Was die Länder wollen\n\n"
    "Die Länder verlangen einen festen Anteil der Mittel für ihre Kommunen und Gemeinden.\n"
)


def test_the_title_line_and_a_subheading(make_window: WindowFactory, tmp_path: Path) -> None:
    path = tmp_path / "haushalt.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    window = make_window()
    open_article(window, path)
    session = window.state.session
    assert session is not None
    assert display_title(session.document) == "Streit um den Haushalt"
    assert window.reading_view.title_label.cget("text") == "Streit um den Haushalt"
    assert window.root.title().startswith("Streit um den Haushalt")
    german = window.reading_view.german
    assert german.get("2.0", "2.end") == "Was die Länder wollen"
    assert "subheading" in german.tag_names("2.3")
    assert "subheading" not in german.tag_names("1.3")
    font = window.reading_view.subheading_font
    assert font.cget("weight") == "bold"

    # Its English stands out too, once it is there (not the note saying it is missing).
    english = window.reading_view.english
    assert "subheading" not in english.tag_names("2.3")
    session.translations[1] = ParagraphTranslation(
        1, "Was die Länder wollen", "What the states want", None
    )
    window.state.emit(events.TRANSLATION_PROGRESS, events.TranslationProgress(None))
    window.root.update()
    assert english.get("2.0", "2.end") == "What the states want"
    assert "subheading" in english.tag_names("2.3")
