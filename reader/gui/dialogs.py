"""The questions and messages the window puts to the user, behind a Protocol.

The window gets a `Dialogs` object; `TkDialogs` shows real dialogs, tests pass one that records
what would have been shown and answers without blocking.
"""

from __future__ import annotations

import tkinter as tk
from tkinter import filedialog, messagebox
from typing import Protocol

from reader.gui.url_dialog import ask_url

# Offered in File → Open; the loaders decide what they really accept.
OPEN_FILETYPES = (
    ("Articles", "*.txt *.md *.markdown *.html *.htm *.xhtml *.docx *.pdf *.epub *.eml"),
    ("Text", "*.txt *.md *.markdown"),
    ("Web pages", "*.html *.htm *.xhtml"),
    ("Word documents", "*.docx"),
    ("PDF", "*.pdf"),
    ("E-books", "*.epub"),
    ("E-mails", "*.eml"),
    ("All files", "*"),
)


class Dialogs(Protocol):
    def show_error(self, parent: tk.Misc, title: str, message: str) -> None: ...

    def show_info(self, parent: tk.Misc, title: str, message: str) -> None: ...

    def ask_open_path(self, parent: tk.Misc) -> str | None: ...

    def ask_url(self, parent: tk.Misc) -> str | None: ...


class TkDialogs:
    """Real, modal dialogs."""

    def show_error(self, parent: tk.Misc, title: str, message: str) -> None:
        messagebox.showerror(title, message, parent=parent)

    def show_info(self, parent: tk.Misc, title: str, message: str) -> None:
        messagebox.showinfo(title, message, parent=parent)

    def ask_open_path(self, parent: tk.Misc) -> str | None:
        chosen = filedialog.askopenfilename(
            parent=parent, title="Open an article", filetypes=OPEN_FILETYPES
        )
        return chosen or None

    def ask_url(self, parent: tk.Misc) -> str | None:
        return ask_url(parent)
