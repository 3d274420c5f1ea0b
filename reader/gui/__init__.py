"""The Tk window: German beside English, glossary and readability panels."""

from __future__ import annotations

from pathlib import Path


def run_app(path: str | None, *, provider: str | None = None, endpoint: str | None = None) -> int:
    """Open the reading window on `path` (the bundled sample when None); return the exit status."""
    import tkinter as tk

    from reader.gui import vocabulary_window, word_card
    from reader.gui.app import ReaderWindow
    from reader.gui.dialogs import TkDialogs
    from reader.logs import setup_logging
    from reader.settings import load_settings

    setup_logging()
    root = tk.Tk(className="GermanReader")
    window = ReaderWindow(root, load_settings(), TkDialogs(), provider=provider, endpoint=endpoint)
    card = word_card.install(window)
    vocabulary_window.install(window, lambda: card.vocabulary)
    if path:
        window.opener.open_path(Path(path))
    else:
        window.opener.open_sample()
    root.mainloop()
    return 0
