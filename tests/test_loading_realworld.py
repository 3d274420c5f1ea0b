"""Files the way people really have them: Word documents with tracked changes, two-column PDFs,
saved news pages, classic Mac text, e-mails with quoting, notes exported as Markdown.

Each fixture is built here from German text written for the test.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

import tests.fixtures_builders as builders
from reader.loading import load_path
from tests.fixtures_builders import PdfPage, build_pdf, write

# --- Word: what the user sees in Word is the text ------------------------------------------------

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_TEXT_BOX = (
    f"<w:r {_W} "
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
    "<mc:AlternateContent><mc:Choice Requires='wps'><w:drawing><wps:txbx><w:txbxContent>"
    "<w:p><w:r><w:t>Info-Kasten: Was ist die Schuldenbremse?</w:t></w:r></w:p>"
    "</w:txbxContent></wps:txbx></w:drawing></mc:Choice>"
    "<mc:Fallback><w:pict><w:t>Info-Kasten: Was ist die Schuldenbremse?</w:t></w:pict>"
    "</mc:Fallback></mc:AlternateContent></w:r>"
)


def _docx_with_revisions() -> bytes:
    import io

    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Tagesblick – Politik – Seite 1"
    document.add_paragraph("Reform der Schuldenbremse", style="Title")
    changed = document.add_paragraph("Die Koalition hat sich ")
    changed._p.append(
        parse_xml(
            f'<w:ins {_W} w:id="1" w:author="A"><w:r>'
            '<w:t xml:space="preserve">nach langen Verhandlungen </w:t></w:r></w:ins>'
        )
    )
    changed._p.append(
        parse_xml(
            f'<w:del {_W} w:id="2" w:author="A"><w:r>'
            '<w:delText xml:space="preserve">überraschend </w:delText></w:r></w:del>'
        )
    )
    changed.add_run("auf eine Reform geeinigt.")
    boxed = document.add_paragraph("Die Opposition kritisiert das Vorhaben.")
    boxed._p.append(parse_xml(_TEXT_BOX))
    # A content control wrapping a whole paragraph, as templates and forms have them.
    document.element.body.insert(
        len(document.element.body) - 1,
        parse_xml(
            f"<w:sdt {_W}><w:sdtPr/><w:sdtContent><w:p><w:r>"
            "<w:t>Der Bundesrat muss noch zustimmen.</w:t></w:r></w:p></w:sdtContent></w:sdt>"
        ),
    )
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "2027"
    cell = table.cell(0, 1).paragraphs[0]
    cell._p.append(
        parse_xml(f'<w:ins {_W} w:id="3" w:author="A"><w:r><w:t>40 Mrd.</w:t></w:r></w:ins>')
    )
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_docx_keeps_tracked_insertions_and_drops_deletions(tmp_path: Path) -> None:
    document = load_path(write(tmp_path / "entwurf.docx", _docx_with_revisions()))
    assert document.title == "Reform der Schuldenbremse"
    assert document.paragraphs == (
        "Die Koalition hat sich nach langen Verhandlungen auf eine Reform geeinigt.",
        "Die Opposition kritisiert das Vorhaben.",
        "Info-Kasten: Was ist die Schuldenbremse?",  # the text box, once (not its fallback copy)
        "Der Bundesrat muss noch zustimmen.",
        "2027 · 40 Mrd.",
    )


# --- PDF: two columns are read one after the other -----------------------------------------------

_LEFT_COLUMN = [
    "Die Bundesregierung hat am Mittwoch",
    "einen Entwurf für das neue Haus-",
    "haltsgesetz vorgelegt. Er sieht",
    "höhere Ausgaben für die Verteidi-",
    "gung vor.",
    None,
    "Die Opposition reagierte mit",
]
_RIGHT_COLUMN = [
    "scharfer Kritik. Von einem Buch-",
    "haltertrick war im Plenum die Rede.",
    None,
    "Der Bundesrat wird sich im Dezember",
    "mit dem Gesetz befassen. Mehrere",
    "Länder haben bereits Bedenken an-",
    "gemeldet.",
]
_LAST_PAGE = (
    ["Eine Einigung gilt als schwierig,", "sagen Beobachter in Berlin."],
    ["Am Freitag geht es im Bundestag", "mit der zweiten Lesung weiter."],
)


def _two_column_content(
    left: Sequence[str | None], right: Sequence[str | None], headline: str | None
) -> bytes:
    commands = [b"BT", b"/F1 9 Tf"]

    def show(text: str, x: float, y: float) -> None:
        commands.append(f"1 0 0 1 {x} {y} Tm ".encode() + builders._pdf_string(text) + b" Tj")

    show("Tagesblick · Politik", 72, 800)
    if headline:
        show(headline, 72, 780)
    y = 760
    for left_line, right_line in zip(left, right, strict=True):
        if left_line:
            show(left_line, 72, y)
        if right_line:
            show(right_line, 320, y)
        y -= 12
    commands.append(b"ET")
    return b"\n".join(commands)


def test_two_column_pdf_is_read_column_by_column(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    contents = iter(
        [
            _two_column_content(_LEFT_COLUMN, _RIGHT_COLUMN, "Streit um neue Schulden"),
            _two_column_content(*_LAST_PAGE, None),
        ]
    )
    # The builder writes one column; each page's content stream is swapped for a two-column one.
    monkeypatch.setattr(builders, "_page_content", lambda page: next(contents))
    data = build_pdf([PdfPage([], footer="Seite 1 von 2"), PdfPage([], footer="Seite 2 von 2")])
    document = load_path(write(tmp_path / "zeitung.pdf", data))
    assert document.title == "Streit um neue Schulden"
    assert document.paragraphs == (
        "Die Bundesregierung hat am Mittwoch einen Entwurf für das neue Haushaltsgesetz "
        "vorgelegt. Er sieht höhere Ausgaben für die Verteidigung vor.",
        "Die Opposition reagierte mit scharfer Kritik. Von einem Buchhaltertrick war im Plenum "
        "die Rede.",
        "Der Bundesrat wird sich im Dezember mit dem Gesetz befassen. Mehrere Länder haben "
        "bereits Bedenken angemeldet.",
        "Eine Einigung gilt als schwierig, sagen Beobachter in Berlin.",
        "Am Freitag geht es im Bundestag mit der zweiten Lesung weiter.",
    )


# --- Saved web pages ---------------------------------------------------------------------------

_NEWS_PAGE = """<!DOCTYPE html>
<html lang="de"><head>{meta}<title>Bundestag streitet über Schuldenbremse | Tagesblick</title>
</head><body>
<div id="cookie-banner"><p>Wir verwenden Cookies. Mit „Akzeptieren“ stimmen Sie zu.</p>
<button>Akzeptieren</button></div>
<header><nav><a href="/politik">Politik</a> <a href="/sport">Sport</a></nav></header>
<main><article>
<h1>Bundestag streitet über Schuldenbremse</h1>
<p class="byline">Von Anna Beispiel | Stand: 23.11.2026 14:05 Uhr</p>
<p class="article-teaser"><strong>Die Koalition will neue Kredite aufnehmen – die Opposition
droht mit einer Klage.</strong></p>
<p>Im Bundestag ist am Donnerstag ein heftiger Streit über die
<a href="/schuldenbremse">Schuldenbremse</a> entbrannt. Die Regierung will 40 Milliarden Euro
zusätzlich aufnehmen.</p>
<h2>Was die Opposition kritisiert</h2>
<p>Nach Ansicht der Union umgeht die Regierung die Regeln des Grundgesetzes. Drei Punkte:</p>
<ul><li>die Höhe der Neuverschuldung,</li><li>die fehlende Notlage und</li>
<li>die Rolle des Haushaltsausschusses.</li></ul>
<div class="teaser-list"><h3>Mehr zum Thema</h3><ul><li><a href="/a">Haushalt 2027: Was sich
ändert</a></li><li><a href="/b">Die Schuldenbremse einfach erklärt</a></li></ul></div>
<table><tr><th>Bereich</th><th>2026</th><th>2027</th></tr>
<tr><td>Verkehr</td><td>18</td><td>22</td></tr></table>
<p>Der Bundesrat muss dem Gesetz noch zustimmen; eine Entscheidung wird für Dezember erwartet.</p>
<div class="paywall-hint"><p>Lesen Sie weiter mit Tagesblick Plus – vier Wochen gratis.</p></div>
</article>
<section class="teaser"><h2>Das könnte Sie auch interessieren</h2><ul>
<li><a href="/c">Wahl in Sachsen: Ergebnisse im Überblick</a></li></ul></section>
<section id="comments"><h2>Kommentare (2)</h2>
<div class="comment"><p>Leser123: Die sollen endlich sparen, das ist doch alles Unsinn!</p></div>
</section></main>
<footer><p>© 2026 Tagesblick · Impressum · Datenschutz</p></footer>
</body></html>
"""

_NEWS_PARAGRAPHS = (
    "Die Koalition will neue Kredite aufnehmen – die Opposition droht mit einer Klage.",
    "Im Bundestag ist am Donnerstag ein heftiger Streit über die Schuldenbremse entbrannt. "
    "Die Regierung will 40 Milliarden Euro zusätzlich aufnehmen.",
    "Was die Opposition kritisiert",
    "Nach Ansicht der Union umgeht die Regierung die Regeln des Grundgesetzes. Drei Punkte:",
    "die Höhe der Neuverschuldung,",
    "die fehlende Notlage und",
    "die Rolle des Haushaltsausschusses.",
    "Bereich · 2026 · 2027",
    "Verkehr · 18 · 22",
    "Der Bundesrat muss dem Gesetz noch zustimmen; eine Entscheidung wird für Dezember erwartet.",
)


def test_news_page_keeps_lead_lists_and_tables_without_boilerplate(tmp_path: Path) -> None:
    page = _NEWS_PAGE.format(meta='<meta charset="utf-8">')
    document = load_path(write(tmp_path / "artikel.html", page))
    assert document.title == "Bundestag streitet über Schuldenbremse"
    assert document.paragraphs == _NEWS_PARAGRAPHS
    assert document.source.encoding == "utf-8"


@pytest.mark.parametrize(
    ("meta", "encoding"),
    [
        ("", "windows-1252"),  # saved without any declaration
        (
            '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">',
            "windows-1252",
        ),
        # Declared Latin-1 but written by Windows: „“ and – are Windows-1252 bytes, as browsers
        # assume; read strictly as Latin-1 they would become invisible control characters.
        (
            '<meta http-equiv="content-type" content="text/html; charset=ISO-8859-1">',
            "windows-1252",
        ),
        # Declared UTF-8 by a system that changed the header but not the old bytes.
        ('<meta charset="utf-8">', "windows-1252"),
    ],
)
def test_news_page_in_windows_1252(tmp_path: Path, meta: str, encoding: str) -> None:
    data = _NEWS_PAGE.format(meta=meta).encode("cp1252")
    document = load_path(write(tmp_path / "artikel.htm", data))
    assert document.paragraphs == _NEWS_PARAGRAPHS
    assert document.source.encoding == encoding


# --- Plain text from other machines and programs -------------------------------------------------

_WINDOWS_TEXT = (
    "Koalition einigt sich auf Haushalt\r\n\r\n"
    "Nach langen Verhand\u00adlungen hat sich die Koalition auf den Haus\u200bhalt geeinigt. "
    "\u201eDas ist ein guter Tag f\u00fcr das Land\u201c, sagte die Kanzlerin.\r\n\r\n"
    "Geplant sind Ausgaben von 480\u00a0Milliarden Euro \u2013 weniger als im Vorjahr\u2026\r\n"
)
_WINDOWS_PARAGRAPHS = (
    "Nach langen Verhandlungen hat sich die Koalition auf den Haushalt geeinigt. "
    "„Das ist ein guter Tag für das Land“, sagte die Kanzlerin.",
    "Geplant sind Ausgaben von 480 Milliarden Euro – weniger als im Vorjahr…",
)


def test_windows_text_with_invisible_characters(tmp_path: Path) -> None:
    document = load_path(write(tmp_path / "NOTIZ.TXT", _WINDOWS_TEXT.encode("utf-8")))
    assert document.title == "Koalition einigt sich auf Haushalt"
    assert document.paragraphs == _WINDOWS_PARAGRAPHS


def test_classic_mac_text_in_mac_roman(tmp_path: Path) -> None:
    # A classic Mac saved lines ending in CR, with umlauts and quotes at Mac Roman's byte values;
    # read as Windows-1252 "für" would come out as "fŸr".
    text = _WINDOWS_TEXT.replace("\r\n", "\r").replace("\u00ad", "").replace("\u200b", "")
    document = load_path(write(tmp_path / "artikel.txt", text.encode("mac-roman")))
    assert document.source.encoding == "mac-roman"
    assert document.paragraphs == _WINDOWS_PARAGRAPHS


def test_windows_1252_text_is_not_taken_for_mac_roman(tmp_path: Path) -> None:
    text = _WINDOWS_TEXT.replace("\u00ad", "").replace("\u200b", "").replace("\r\n", "\r")
    document = load_path(write(tmp_path / "artikel.txt", text.encode("cp1252")))
    assert document.source.encoding == "windows-1252"
    assert document.paragraphs == _WINDOWS_PARAGRAPHS


def test_quoted_email_loses_its_quote_marks(tmp_path: Path) -> None:
    mail = (
        "Hallo Jana,\n\n"
        "danke für den Link. Ich habe den Artikel gelesen, aber die Sache mit den\n"
        "Überhangmandaten verstehe ich noch nicht ganz.\n\n"
        "Am 20.11.2026 um 18:03 schrieb Jana:\n"
        "> Hier wird die Wahlrechtsreform erklärt. Der Bundestag soll\n"
        "> kleiner werden, deshalb fallen Überhang- und Ausgleichsmandate weg.\n"
        ">\n"
        ">> Weitergeleitet: Die Reform tritt zur nächsten Wahl in\n"
        ">> Kraft.\n"
    )
    document = load_path(write(tmp_path / "mail.txt", mail))
    assert document.paragraphs == (
        "Hallo Jana,",
        "danke für den Link. Ich habe den Artikel gelesen, aber die Sache mit den "
        "Überhangmandaten verstehe ich noch nicht ganz.",
        "Am 20.11.2026 um 18:03 schrieb Jana:",
        "Hier wird die Wahlrechtsreform erklärt. Der Bundestag soll kleiner werden, deshalb "
        "fallen Überhang- und Ausgleichsmandate weg.",
        "Weitergeleitet: Die Reform tritt zur nächsten Wahl in Kraft.",
    )


def test_a_single_line_starting_with_a_quote_mark_is_text(tmp_path: Path) -> None:
    text = "Die Umfrage zeigt:\n\n> 50 Prozent sind für die Reform, der Rest ist dagegen.\n"
    document = load_path(write(tmp_path / "umfrage.txt", text))
    assert document.paragraphs[-1] == "> 50 Prozent sind für die Reform, der Rest ist dagegen."


# --- Markdown from note apps --------------------------------------------------------------------

_NOTE = """---
title: "Föderalismus in Deutschland"
tags: [politik]
---
<!-- Entwurf, nicht veröffentlichen -->

Deutschland ist ein **Bundesstaat** mit 16 Ländern.[^1]

- Bildung
    - Hochschulen und Schulen
\t- Kitas (teilweise)
- [x] Grundgesetz Art. 20 nachlesen
- [ ] Den [[Bundesrat]] und [[Länderfinanzausgleich|den Finanzausgleich]] erklären

> [!note] Merke
> Der Bundesrat ist die ==Länderkammer==.

[^1]: Seit 1990.
"""


def test_markdown_note_from_a_note_app(tmp_path: Path) -> None:
    document = load_path(write(tmp_path / "notiz.md", _NOTE))
    assert document.title == "Föderalismus in Deutschland"
    assert document.paragraphs == (
        "Deutschland ist ein Bundesstaat mit 16 Ländern.",
        "Bildung",
        "Hochschulen und Schulen",
        "Kitas (teilweise)",
        "Grundgesetz Art. 20 nachlesen",
        "Den Bundesrat und den Finanzausgleich erklären",
        "Merke",
        "Der Bundesrat ist die Länderkammer.",
    )


# --- E-books: chapters only, in spine order, without footnote marks -----------------------------


def _xhtml(title: str, body: str) -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml" '
        'xmlns:epub="http://www.idpf.org/2007/ops">'
        f"<head><title>{title}</title></head><body>{body}</body></html>"
    )


def _epub2_with_cover_and_contents() -> bytes:
    import io
    import zipfile

    items = {
        "cover": (
            "cover.xhtml",
            _xhtml("Cover", '<div><img src="c.jpg" alt="Der Reichstag"/></div>'),
        ),
        "toc": (
            "toc.xhtml",
            _xhtml("Inhalt", "<h1>Inhalt</h1><p><a href='c1.xhtml'>1. Der Bundestag</a></p>"),
        ),
        "c2": ("c2.xhtml", _xhtml("2", "<h2>2. Der Bundesrat</h2><p>Die Länder wirken mit.</p>")),
        "c1": (
            "c1.xhtml",
            _xhtml(
                "1",
                "<h2>1. Der Bundestag</h2><p>Der Bundestag wählt die Kanzlerin."
                '<a epub:type="noteref" href="#n1">1</a> Er tagt in 40 m<sup>2</sup> großen '
                "Sälen nicht.<sup>2</sup></p>",
            ),
        ),
    }
    manifest = "".join(
        f'<item id="{key}" href="{href}" media-type="application/xhtml+xml"/>'
        for key, (href, _) in items.items()
    )
    spine = "".join(f'<itemref idref="{key}"/>' for key in ("cover", "toc", "c1", "c2"))
    guide = '<reference type="cover" href="cover.xhtml"/><reference type="toc" href="toc.xhtml"/>'
    opf = (
        '<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="2.0">'
        '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Politik</dc:title>'
        f"</metadata><manifest>{manifest}</manifest><spine>{spine}</spine>"
        f"<guide>{guide}</guide></package>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/epub+zip")
        archive.writestr(
            "META-INF/container.xml",
            '<container xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
            '<rootfile full-path="OPS/book.opf"/></rootfiles></container>',
        )
        archive.writestr("OPS/book.opf", opf)
        for href, xhtml in items.values():
            archive.writestr(f"OPS/{href}", xhtml)
    return out.getvalue()


def test_epub2_skips_cover_and_contents_named_in_the_guide(tmp_path: Path) -> None:
    document = load_path(write(tmp_path / "buch.epub", _epub2_with_cover_and_contents()))
    assert document.title == "Politik"
    assert document.paragraphs == (
        "1. Der Bundestag",
        "Der Bundestag wählt die Kanzlerin. Er tagt in 40 m² großen Sälen nicht.",
        "2. Der Bundesrat",
        "Die Länder wirken mit.",
    )


def test_footnote_marks_do_not_stick_to_words_in_web_pages(tmp_path: Path) -> None:
    page = _NEWS_PAGE.format(meta='<meta charset="utf-8">').replace(
        "entbrannt.", 'entbrannt.<sup><a href="#fn1">1</a></sup>'
    )
    page = page.replace("40 Milliarden Euro", "40 Milliarden Euro für 9 km<sup>2</sup> Bauland")
    document = load_path(write(tmp_path / "artikel.html", page))
    assert document.paragraphs[1] == (
        "Im Bundestag ist am Donnerstag ein heftiger Streit über die Schuldenbremse entbrannt. "
        "Die Regierung will 40 Milliarden Euro für 9 km² Bauland zusätzlich aufnehmen."
    )


def test_a_renamed_download_is_read_by_its_content(tmp_path: Path) -> None:
    pages = [PdfPage(["Der Bundesrat hat dem Gesetz zugestimmt.", None, "Es tritt 2027 in Kraft."])]
    document = load_path(write(tmp_path / "anhang.docx", build_pdf(pages)))
    assert document.source.format == "pdf"
    assert document.paragraphs[-1] == "Es tritt 2027 in Kraft."


# --- Saved e-mails ----------------------------------------------------------------------------


def _newsletter(*, with_plain_part: bool) -> bytes:
    from email.message import EmailMessage

    message = EmailMessage()
    message["Subject"] = "AW: Politik kompakt \u2013 Ausgabe 47"
    message["From"] = "Redaktion <news@example.org>"
    plain = (
        "Liebe Leserinnen und Leser,\n\n"
        "der Bundestag hat \u00fcber das neue \u201eStaatsangeh\u00f6rigkeitsgesetz\u201c\n"
        "beraten.\n"
    )
    html = (
        "<html><body><table><tr><td><p>Liebe Leserinnen und Leser,</p>"
        "<p>der Bundestag hat über das neue „Staatsangehörigkeitsgesetz“ beraten.</p>"
        "</td></tr></table></body></html>"
    )
    if with_plain_part:
        # Labelled Latin-1, as Windows mail programs do, but with Windows-1252's quotes.
        message.set_content(plain.encode("cp1252"), "text", "plain", cte="quoted-printable")
        message.replace_header("Content-Type", 'text/plain; charset="iso-8859-1"')
        message.add_alternative(html, subtype="html")
    else:
        message.set_content(html, subtype="html")
    return bytes(message)


@pytest.mark.parametrize(("with_plain_part", "format"), [(True, "txt"), (False, "html")])
def test_saved_email_gives_its_body_and_subject(
    tmp_path: Path, with_plain_part: bool, format: str
) -> None:
    data = _newsletter(with_plain_part=with_plain_part)
    document = load_path(write(tmp_path / "Newsletter.EML", data))
    assert document.source.format == format
    assert document.title == "Politik kompakt – Ausgabe 47"
    assert document.paragraphs == (
        "Liebe Leserinnen und Leser,",
        "der Bundestag hat über das neue „Staatsangehörigkeitsgesetz“ beraten.",
    )


def test_eml_that_is_not_an_email(tmp_path: Path) -> None:
    from reader.errors import LoadError

    with pytest.raises(LoadError, match=r"^.*kein\.eml: not an e-mail message"):
        load_path(write(tmp_path / "kein.eml", "Nur ein Satz ohne Kopfzeilen.\n"))


def test_pdf_table_rows_stay_rows(tmp_path: Path) -> None:
    page = PdfPage(
        [
            "Der Bundestag hat am Freitag den Haushalt für das kom-",
            "mende Jahr beschlossen. So stimmten die Abgeordneten:",
            None,
            "Name              Partei           Stimme",
            "Anna Beispiel     SPD              Ja",
            "Max Muster        CDU              Nein",
            None,
            "Der Bundesrat berät im Dezember.",
        ],
        footer="Seite 1 von 1",
    )
    document = load_path(write(tmp_path / "abstimmung.pdf", build_pdf([page])))
    assert document.paragraphs == (
        "Der Bundestag hat am Freitag den Haushalt für das kommende Jahr beschlossen. "
        "So stimmten die Abgeordneten:",
        "Name · Partei · Stimme",
        "Anna Beispiel · SPD · Ja",
        "Max Muster · CDU · Nein",
        "Der Bundesrat berät im Dezember.",
    )


@pytest.mark.parametrize(
    ("extracted", "expected"),
    [
        (
            "Der Haushalt wurde beschlossen.1 Die Koalition",
            "Der Haushalt wurde beschlossen. Die Koalition",
        ),
        ("Er nannte es „skandalös“.3 Dann ging er.", "Er nannte es „skandalös“. Dann ging er."),
        ("Das betrifft die Kanzlerin,12 Die", "Das betrifft die Kanzlerin, Die"),
        # Not footnotes: an article of the constitution, a number, a date.
        ("Nach Art.1 GG gilt das.", "Nach Art.1 GG gilt das."),
        ("Es kamen 2.3 Millionen Menschen.", "Es kamen 2.3 Millionen Menschen."),
        ("Gewählt wird am 3.10. Die Wahl", "Gewählt wird am 3.10. Die Wahl"),
    ],
)
def test_pdf_footnote_numbers_glued_to_sentences(extracted: str, expected: str) -> None:
    from reader.loading.pdf import without_note_marks

    assert without_note_marks(extracted) == expected


def test_mail_copied_as_text_drops_its_header_and_takes_the_subject(tmp_path: Path) -> None:
    text = (
        "Von: Jana Beispiel <jana@example.org>\n"
        "Gesendet: Freitag, 20. November 2026 18:03\n"
        "An: Tom\n"
        "Betreff: AW: Die Wahlrechtsreform erklärt\n\n"
        "Hallo Tom,\n\nder Bundestag soll kleiner werden.\n"
    )
    document = load_path(write(tmp_path / "mail.txt", text))
    assert document.title == "Die Wahlrechtsreform erklärt"
    assert document.paragraphs == ("Hallo Tom,", "der Bundestag soll kleiner werden.")


def test_a_text_beginning_with_a_label_is_not_a_mail_header(tmp_path: Path) -> None:
    text = "Ort: Berlin\nThema: Haushalt\n\nDer Bundestag hat den Haushalt beschlossen.\n"
    document = load_path(write(tmp_path / "notiz.txt", text))
    assert document.paragraphs[0].startswith("Ort: Berlin")  # kept as text, nothing dropped
