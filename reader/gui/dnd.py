"""Dropping a file onto the window (tkinterdnd2), degrading to nothing without the native library.

tkinterdnd2 ships the tkdnd Tcl extension for common platforms; if it cannot be loaded (an odd
platform, a stripped frozen build) the window simply has no drop target and says so in the log.
"""

from __future__ import annotations

import logging
import tkinter as tk
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


def dropped_paths(widget: tk.Misc, data: str) -> list[Path]:
    """The files in a tkdnd drop string: Tcl list syntax, braces around names with spaces."""
    paths: list[Path] = []
    for item in widget.tk.splitlist(data):
        name = str(item)
        if name.startswith("file://"):
            from urllib.parse import unquote, urlsplit

            name = unquote(urlsplit(name).path)
        if name:
            paths.append(Path(name))
    return paths


class FileDrop:
    """Calls `on_files(paths)` when files are dropped on any of `widgets`."""

    def __init__(self, widgets: Sequence[tk.Misc], on_files: Callable[[list[Path]], None]) -> None:
        self.widgets = tuple(widgets)
        self.on_files = on_files
        self.enabled = False
        try:
            from tkinterdnd2 import DND_FILES, TkinterDnD

            TkinterDnD._require(self.widgets[0].winfo_toplevel())
            for widget in self.widgets:
                # tkinterdnd2 adds these methods to tkinter's widgets when it is imported.
                target: Any = widget
                target.drop_target_register(DND_FILES)
                target.dnd_bind("<<Drop>>", self.on_drop)
            self.enabled = True
        except Exception as error:  # missing native library: no drag and drop, nothing else lost
            log.warning("drag and drop unavailable: %s", error)

    def on_drop(self, event: Any) -> str:
        paths = dropped_paths(self.widgets[0], str(getattr(event, "data", "") or ""))
        if paths:
            self.on_files(paths)
        return str(getattr(event, "action", "copy") or "copy")
