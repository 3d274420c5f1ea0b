"""The window on a small laptop screen (1024×700 with the title and menu bars) and back: the
toolbar, the reading columns, the readability report and the glossary list all usable."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.gui.app import ReaderWindow
from reader.gui.pane_layout import side_width, upper_height
from reader.gui.readability_panel import gauge_scale
from reader.gui.toolbar import items_to_drop
from reader.gui.window_frame import fitted_geometry
from reader.settings import Settings, load_settings
from tests.gui.conftest import WindowFactory, open_article, open_sample, wait_until

pytestmark = pytest.mark.gui

# A 1024×700 screen less the title bar and the menu bar (which Tk's geometry leaves out).
SMALL = "1024x640"
LARGE = "1600x940"  # a 1600×1000 screen


def resize(window: ReaderWindow, geometry: str) -> None:
    window.root.geometry(geometry)
    width, height = (int(n) for n in geometry.split("x"))
    wait_until(
        window.root,
        lambda: (window.root.winfo_width(), window.root.winfo_height()) == (width, height),
        what=f"the window at {geometry}",
    )
    for _ in range(3):  # the panes follow in idle callbacks, each round may queue the next
        window.root.update_idletasks()
        window.root.update()


def right_edge(widget: object) -> int:
    return widget.winfo_rootx() + widget.winfo_width()  # type: ignore[attr-defined, no-any-return]


def visible_rows(window: ReaderWindow) -> int:
    tree = window.glossary_panel.tree
    rows = tree.get_children()
    return sum(1 for row in rows if tree.bbox(row))


# --- the rules, without a window -------------------------------------------------------------


@pytest.mark.parametrize(
    ("total", "share", "expected"),
    [
        (1024, None, 300),  # never narrower than 300
        (1360, None, 394),
        (1600, None, 420),  # never wider than 420 by default
        (900, None, 300),
        (1600, 0.5, 800),  # the learner's share, as long as reading keeps 560 pixels
        (1024, 0.6, 464),
    ],
)
def test_the_side_pane_takes_a_share_of_the_width(
    total: int, share: float | None, expected: int
) -> None:
    assert side_width(total, share) == expected


def test_the_upper_panel_gets_its_height_back_when_there_is_room() -> None:
    assert upper_height(700, wanted=400, chosen=None, lower_minimum=370) == 324
    assert upper_height(900, wanted=400, chosen=None, lower_minimum=370) == 400
    assert upper_height(900, wanted=400, chosen=250, lower_minimum=370) == 250
    # Dragged down, the report may take a few of the glossary's rows, not all of them.
    assert upper_height(700, wanted=400, chosen=500, lower_minimum=370) == 396
    assert upper_height(400, wanted=400, chosen=None, lower_minimum=370) == 140  # its minimum


def test_toolbar_items_give_way_in_their_order() -> None:
    widths = [80, 100, 90, 60, 150, 600]
    orders = [None, 4, 3, 2, 1, None]
    assert items_to_drop(widths, orders, 1100, more_width=50) == set()
    assert items_to_drop(widths, orders, 1000, more_width=50) == {4}
    assert items_to_drop(widths, orders, 850, more_width=50) == {4, 3, 2}
    assert items_to_drop(widths, orders, 500, more_width=50) == {1, 2, 3, 4}


@pytest.mark.parametrize(
    ("geometry", "screen", "expected"),
    [
        ("1360x840", (1920, 1080), ("1360x840", False)),
        ("1360x840", (1024, 700), ("1024x636", True)),  # the default on a small screen
        ("1000x600+3000+20", (1920, 1080), ("1000x600", False)),  # a monitor since unplugged
        ("1000x600+-8+-8", (1920, 1080), ("1000x600+-8+-8", False)),  # Windows' maximised
    ],
)
def test_a_window_larger_than_the_screen_is_maximised(
    geometry: str, screen: tuple[int, int], expected: tuple[str, bool]
) -> None:
    assert fitted_geometry(geometry, *screen) == expected


def test_the_gauge_shrinks_in_a_narrow_panel() -> None:
    assert gauge_scale(400) == 1.0
    assert 0.6 <= gauge_scale(270) < 0.9


# --- the window --------------------------------------------------------------------------------


def test_at_1024_by_700_nothing_is_cut_off(make_window: WindowFactory, article_file: Path) -> None:
    window = make_window(settings=Settings(geometry=SMALL, translate_on_open=False))
    open_article(window, article_file)
    resize(window, SMALL)
    root_right = right_edge(window.root)

    # The toolbar: every item shown whole; what does not fit is in its "More" menu.
    toolbar = window.toolbar
    for item in toolbar.items:
        if item not in toolbar.hidden:
            assert item.widget.winfo_ismapped()
            assert item.widget.winfo_width() >= item.widget.winfo_reqwidth()
            assert right_edge(item.widget) <= root_right
    assert toolbar.hidden, "1024 pixels are not enough for every button"
    assert toolbar.more_button.winfo_ismapped()
    menu = toolbar.more_menu
    labels = [menu.entrycget(i, "label") for i in range(int(menu.index("end") or 0) + 1)]
    assert "Highlight Long Sentences" in labels and "Larger Text" in labels
    cancel = window.translation_bar.cancel_button
    assert cancel.winfo_ismapped() and right_edge(cancel) <= root_right

    # The bars under the text (word statuses, reading aloud): their buttons whole.
    legend = window.word_marks.panels.legend
    for widget in (legend.page_button, *window.reading_aloud.winfo_children()):
        if widget.winfo_ismapped():
            assert right_edge(widget) <= right_edge(window.reading_view)
            assert widget.winfo_width() >= widget.winfo_reqwidth()

    # The reading columns: at least ~40 characters a line.
    view = window.reading_view
    assert view.german.winfo_width() >= 330 and view.english.winfo_width() >= 330

    # The side panels: nothing sticks out on the right.
    readability, glossary = window.readability_panel, window.glossary_panel
    for panel in (readability, glossary):
        assert right_edge(panel) <= root_right
    for widget in (glossary.whole_button, glossary.count_label, readability.help_button):
        assert widget.winfo_ismapped() and right_edge(widget) <= right_edge(glossary)
    assert readability.body.winfo_reqwidth() <= readability.canvas.winfo_width() + 2
    tree = glossary.tree
    columns = sum(int(tree.column(c, "width")) for c in ("term", "english", "count"))
    assert columns <= tree.winfo_width()

    # The readability report scrolls rather than being cut; the glossary shows six rows.
    assert readability.scrolls and readability.scrollbar.winfo_ismapped()
    readability.canvas.yview_moveto(1.0)
    window.root.update()
    rare = readability.rare_words
    assert rare.winfo_rooty() + rare.winfo_height() <= readability.winfo_rooty() + (
        readability.winfo_height()
    )
    assert visible_rows(window) >= 6


def test_the_readability_report_comes_back_after_a_shrink(
    make_window: WindowFactory, article_file: Path, tmp_path: Path
) -> None:
    window = make_window(settings=Settings(geometry=LARGE, translate_on_open=False))
    open_article(window, article_file)
    resize(window, LARGE)
    readability = window.readability_panel
    assert not readability.scrolls, "the whole report fits a large window"
    full = readability.winfo_height()

    resize(window, SMALL)
    assert readability.winfo_height() < full
    assert visible_rows(window) >= 6
    resize(window, LARGE)
    assert readability.winfo_height() == full
    assert not readability.scrolls

    resize(window, SMALL)
    window.close()
    saved = load_settings(tmp_path / "settings.json")
    assert saved.side_sash is None, "a split the small window forced is not the learner's"


def test_a_dragged_split_is_remembered_and_kept_within_the_window(
    make_window: WindowFactory, article_file: Path, tmp_path: Path
) -> None:
    window = make_window(settings=Settings(geometry=LARGE, translate_on_open=False))
    open_article(window, article_file)
    resize(window, LARGE)
    side = window.side_pane
    drag_sash(window, side, 200)
    assert window.readability_panel.winfo_height() == pytest.approx(200, abs=6)
    drag_sash(window, window.main_pane, 760)
    resize(window, SMALL)
    # The learner's side share, but the reading pane keeps its minimum.
    assert window.reading_view.german.winfo_width() >= 260
    resize(window, LARGE)
    assert window.side_pane.winfo_width() == pytest.approx(1600 - 760, abs=8)
    window.close()
    saved = load_settings(tmp_path / "settings.json")
    assert saved.side_sash is not None and abs(saved.side_sash - 200) <= 6
    assert saved.side_share == pytest.approx(840 / 1600, abs=0.01)


def drag_sash(window: ReaderWindow, pane: object, position: int) -> None:
    """Press on the sash, move it, release: as the learner's mouse does."""
    pane.event_generate("<ButtonPress-1>", x=2, y=2)  # type: ignore[attr-defined]
    pane.sashpos(0, position)  # type: ignore[attr-defined]
    pane.event_generate("<ButtonRelease-1>", x=2, y=2)  # type: ignore[attr-defined]
    window.root.update()


def test_the_sample_fits_the_small_window_in_the_dark_theme(make_window: WindowFactory) -> None:
    window = make_window(settings=Settings(geometry=SMALL, theme="dark", translate_on_open=False))
    open_sample(window)
    resize(window, SMALL)
    gauge = window.readability_panel.gauge
    assert gauge.cget("background") == "#1c1c1c"
    assert window.readability_panel.scale < 1.0
    wait_until(window.root, lambda: window.glossary_panel.rows, what="the glossary's rows")
    assert visible_rows(window) >= 6
