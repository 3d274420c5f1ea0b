"""The Tk window: German beside English, glossary and readability panels."""

from __future__ import annotations

import sys
from pathlib import Path

SWITCH_INTERVAL_S = 0.0002


def run_app(path: str | None, *, provider: str | None = None, endpoint: str | None = None) -> int:
    """Open the reading window on `path` (without one: the last article, the library or the
    bundled sample, as the settings say); return the exit status.

    The empty window goes up first; the panels are imported and built inside it.
    """
    from reader.gui.window_frame import show_empty_window
    from reader.logs import hold_records, setup_logging
    from reader.settings import load_settings

    hold_records()
    settings = load_settings()
    root = show_empty_window(settings)
    setup_logging()

    # Hand the GIL back to the Tk thread within 0.2 ms (default 5 ms): workers analysing or
    # translating must not make each of the Tk thread's calls wait. Every Tk call releases the
    # GIL and takes it back, so a callback making a hundred of them while a book is analysed
    # waited ~0.1 s at 1 ms (the workers lose a few per cent to the extra switches).
    sys.setswitchinterval(SWITCH_INTERVAL_S)

    from reader.gui.app import ReaderWindow
    from reader.gui.dialogs import TkDialogs

    window = ReaderWindow(root, settings, TkDialogs(), provider=provider, endpoint=endpoint)
    from reader.gui.background import spare_from_collections

    spare_from_collections()  # the window's own objects live as long as it does
    if path:
        window.opener.open_path(Path(path))
    else:
        window.library.open_at_start()  # the last article, the library or the sample
    root.mainloop()
    return 0
