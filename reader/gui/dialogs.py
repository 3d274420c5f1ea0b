"""The questions and messages the window puts to the user, behind a Protocol.

The window gets a `Dialogs` object; `TkDialogs` shows real dialogs, tests pass one that records
what would have been shown and answers without blocking.
"""

from __future__ import annotations

import tkinter as tk
from collections.abc import Sequence
from pathlib import Path
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

    def ask_open_path(self, parent: tk.Misc, folder: Path | None = None) -> str | None:
        """A file to open, chosen starting in `folder`; None if the learner cancelled."""

    def ask_url(self, parent: tk.Misc) -> str | None: ...


class TkDialogs:
    """Real, modal dialogs."""

    def show_error(self, parent: tk.Misc, title: str, message: str) -> None:
        headline, detail = split_message(message)
        messagebox.showerror(title, headline, detail=detail, parent=parent)

    def show_info(self, parent: tk.Misc, title: str, message: str) -> None:
        headline, detail = split_message(message)
        messagebox.showinfo(title, headline, detail=detail, parent=parent)

    def ask_open_path(self, parent: tk.Misc, folder: Path | None = None) -> str | None:
        hide_dot_files(parent)
        chosen = filedialog.askopenfilename(
            parent=parent,
            title="Open an article",
            filetypes=OPEN_FILETYPES,
            initialdir=str(folder) if folder else None,
        )
        return chosen or None

    def ask_url(self, parent: tk.Misc) -> str | None:
        return ask_url(parent)


def split_message(message: str) -> tuple[str, str]:
    """(headline, detail): Tk shows the headline in bold and the detail below it in the
    normal font, so a long message is not one bold block. A blank line parts them; else the
    first sentence is the headline."""
    if "\n\n" in message:
        headline, detail = message.split("\n\n", 1)
        return headline.strip(), detail.strip()
    first, separator, rest = message.partition(". ")
    if separator and rest:
        return first + ".", rest.strip()
    return message, ""


def start_folder(last: str | None, usual: Sequence[Path]) -> Path | None:
    """Where a file dialog starts: the folder used last if it still exists, else the first of
    the `usual` places (Downloads, Documents, the home folder) that exists."""
    candidates = [Path(last)] if last else []
    return next((folder for folder in (*candidates, *usual) if folder.is_dir()), None)


def hide_dot_files(parent: tk.Misc) -> None:
    """Tk's own file dialog (Linux) lists hidden files (.git, .venv, .cache) unless told not
    to; it offers a switch to show them."""
    try:
        parent.tk.eval("catch {tk_getOpenFile -no-such-option}")  # loads the dialog's code
        parent.tk.eval("set ::tk::dialog::file::showHiddenBtn 1")
        parent.tk.eval("set ::tk::dialog::file::showHiddenVar 0")
    except tk.TclError:  # macOS and Windows use the system's dialogs
        pass
