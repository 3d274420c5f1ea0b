"""Web pages as real sites write them: class words on article containers, pages in one <form>,
line breaks inside sentences, site names in titles, and pages with no article at all."""

from __future__ import annotations

import pytest

from reader.loading import load_bytes
from reader.loading.html import NO_ARTICLE_WARNING
from reader.loading.webtitle import headline, without_site_name

ARTICLE = (
    "Der Stadtrat hat am Dienstagabend nach langer Debatte den neuen Haushalt beschlossen, der "
    "deutlich mehr Geld für Schulen und Radwege vorsieht als im vergangenen Jahr.",
    "Die Opposition kritisierte vor allem die höheren Gebühren für Kindergärten, die ab dem "
    "Sommer gelten sollen, und kündigte an, dagegen zu klagen.",
    "Der Bürgermeister verteidigte den Beschluss: Ohne die Gebühren sei der Ausbau der "
    "Betreuung nicht zu bezahlen, sagte er nach der Sitzung.",
)


def _page(body: str, title: str = "Haushalt beschlossen") -> bytes:
    return (
        f'<html><head><meta charset="utf-8"><title>{title}</title></head><body>{body}</body></html>'
    ).encode()


def _article(attributes: str = "") -> str:
    paragraphs = "".join(f"<p>{text}</p>" for text in ARTICLE)
    return f"<article {attributes}><h1>Haushalt beschlossen</h1>{paragraphs}</article>"


@pytest.mark.parametrize(
    "body",
    [
        _article('class="post category-newsletter tag-werbung"'),  # WordPress's class words
        f'<div class="site has-ad-left">{_article()}</div>',  # a theme's wrapper
        f'<form action="/seite.aspx" method="post">{_article()}</form>',  # ASP.NET
        f'<div id="steady-paywall-container">{_article()}</div>',
    ],
)
def test_the_article_container_is_never_pruned(body: str) -> None:
    document = load_bytes(_page(body), "seite.html")
    assert document.paragraphs == ARTICLE
    assert document.content_warning is None


def test_boxes_inside_the_article_are_still_pruned() -> None:
    box = '<div class="ad-slot"><p>Jetzt Werbung buchen und sparen!</p></div>'
    body = _article().replace(f"<p>{ARTICLE[1]}</p>", f"{box}<p>{ARTICLE[1]}</p>")
    assert load_bytes(_page(body), "seite.html").paragraphs == ARTICLE


def test_a_page_without_an_article_says_so() -> None:
    links = "".join(f'<li><a href="/p{n}">Kaffee Nummer {n}</a></li>' for n in range(12))
    shop = f"<header>Kaffeeladen</header><ul>{links}</ul><div><a href='/korb'>Warenkorb</a></div>"
    document = load_bytes(_page(shop, "Kaffeeladen – Shop"), "shop.html")
    assert document.content_warning == NO_ARTICLE_WARNING
    assert document.warnings[0] == NO_ARTICLE_WARNING


def test_a_line_break_inside_a_sentence_is_no_paragraph() -> None:
    wrapped = ARTICLE[0].replace("nach langer", "nach<br>\nlanger")
    body = _article().replace(ARTICLE[0], wrapped)
    body = body.replace(ARTICLE[2], ARTICLE[2].replace("Sitzung.", "Sitzung.<br>Er bleibt."))
    document = load_bytes(_page(body), "seite.html")
    assert document.paragraphs[0] == ARTICLE[0]
    assert document.paragraphs[-2:] == (ARTICLE[2], "Er bleibt.")


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Haushalt beschlossen | Tagesblatt Online", "Haushalt beschlossen"),
        ("Haushalt beschlossen - Unsere Stadtzeitung", "Haushalt beschlossen"),
        ("tagesblatt.de - Haushalt beschlossen", "Haushalt beschlossen"),
        ("TBO | Haushalt der Stadt beschlossen", "Haushalt der Stadt beschlossen"),
        ("Corona-Pandemie - „Es kommt darauf an, wie wir leben“", None),  # one headline
        ("Office 365 – Teams – die Dritte", None),
    ],
)
def test_titles_lose_the_site_name(title: str, expected: str | None) -> None:
    assert without_site_name(title, ["Tagesblatt"]) == (expected or title)


def test_a_menu_heading_is_not_the_title() -> None:
    body = f"<nav><h1>Hauptmenü</h1><a href='/'>Start</a></nav>{_article()}".replace(
        "<h1>Haushalt beschlossen</h1>", "<h2>Themen</h2>"
    )
    document = load_bytes(_page(body, "Stadtrat beschließt Haushalt | Tagesblatt"), "s.html")
    assert document.title == "Stadtrat beschließt Haushalt"
    assert headline("Hauptmenü", "Stadtrat beschließt Haushalt - Tagesblatt", []) == (
        "Stadtrat beschließt Haushalt"
    )


def test_credits_dates_and_a_closing_teaser_list_are_left_out() -> None:
    body = _article().replace(
        f"<p>{ARTICLE[1]}</p>",
        f"<p>Foto: Getty Images</p><p>{ARTICLE[1]}</p><p>23.10.2018</p><p>Anzeige</p>",
    )
    teasers = "".join(f"<p><a href='/t{n}'>Neue Radwege in Stadtteil {n}</a></p>" for n in range(4))
    body = body.replace("</article>", f"<p>Schon gelesen?</p>{teasers}</article>")
    assert load_bytes(_page(body), "seite.html").paragraphs == ARTICLE


def test_a_teaser_phrase_inside_the_article_stays() -> None:
    mention = (
        "Mehr Themen als geplant standen am Ende auf der Tagesordnung, weshalb die Sitzung bis "
        "nach Mitternacht dauerte."
    )
    body = _article().replace(f"<p>{ARTICLE[2]}</p>", f"<p>{mention}</p><p>{ARTICLE[2]}</p>")
    assert load_bytes(_page(body), "seite.html").paragraphs == (*ARTICLE[:2], mention, ARTICLE[2])


LEAD = (
    "Mehr Geld für Schulen, höhere Gebühren für Kitas: Der Stadtrat hat nach einer langen "
    "Sitzung den Haushalt für das kommende Jahr beschlossen."
)


@pytest.mark.parametrize("kind", ["teaser", "article-intro", "entry-excerpt"])
def test_the_lead_under_the_headline_is_kept(kind: str) -> None:
    header = f'<header><h1>Haushalt beschlossen</h1><div class="{kind}">{LEAD}</div></header>'
    body = _article().replace("<h1>Haushalt beschlossen</h1>", header)
    assert load_bytes(_page(body), "seite.html").paragraphs == (LEAD, *ARTICLE)


def test_an_author_box_or_a_teaser_elsewhere_is_no_lead() -> None:
    author = '<div class="author-teaser">Anna Beispiel schreibt seit 2010 über die Stadt.</div>'
    body = _article().replace(
        "<h1>Haushalt beschlossen</h1>", f"<h1>Haushalt beschlossen</h1>{author}"
    )
    assert load_bytes(_page(body), "seite.html").paragraphs == ARTICLE


def test_the_lead_of_an_article_whose_h1_is_the_sites_logo() -> None:
    paragraphs = "".join(f"<p>{text}</p>" for text in ARTICLE)
    logo = '<h1><a href="/">Tagesblatt</a></h1>'
    for _ in range(5):  # deep in the site's header, far from the article
        logo = f"<div>{logo}</div>"
    body = (
        f'<div class="site-header">{logo}</div>'
        '<article><div class="article-header"><h2>Haushalt beschlossen</h2>'
        f'<div class="article-teaser">{LEAD}</div></div>{paragraphs}</article>'
    )
    assert load_bytes(_page(body), "seite.html").paragraphs[-4:] == (LEAD, *ARTICLE)
