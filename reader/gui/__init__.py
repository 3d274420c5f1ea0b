"""The Tk window: German beside English, glossary and readability panels."""

from __future__ import annotations

from pathlib import Path


def run_app(path: str | None, *, provider: str | None = None, endpoint: str | None = None) -> int:
    """Open the reading window on `path` (the bundled sample when None); return the exit status.

    The empty window goes up first; the panels are imported and built inside it.
    """
    from reader.gui.window_frame import show_empty_window
    from reader.logs import hold_records, setup_logging
    from reader.settings import load_settings

    hold_records()
    settings = load_settings()
    root = show_empty_window(settings)
    setup_logging()

    from reader.gui import vocabulary_window, word_card
    from reader.gui.app import ReaderWindow
    from reader.gui.dialogs import TkDialogs

    window = ReaderWindow(root, settings, TkDialogs(), provider=provider, endpoint=endpoint)
    card = word_card.install(window)
    vocabulary_window.install(window, lambda: card.vocabulary)
    if path:
        window.opener.open_path(Path(path))
    else:
        window.opener.open_sample()
    root.mainloop()
    return 0
