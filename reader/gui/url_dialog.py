"""The "Open URL…" dialog: asks for a web address and checks it before closing."""

from __future__ import annotations

import tkinter as tk
from tkinter import ttk
from urllib.parse import urlsplit


def url_problem(text: str) -> str | None:
    """Why `text` cannot be downloaded, or None when it is a usable http(s) address."""
    text = text.strip()
    if not text:
        return "Enter the address of a German article."
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https"):
        return "Only http:// and https:// addresses can be opened."
    if not parts.hostname:
        return "The address has no host name."
    return None


class UrlDialog(tk.Toplevel):
    """Modal; `result` is the checked address, or None when cancelled."""

    def __init__(self, parent: tk.Misc) -> None:
        super().__init__(parent)
        self.title("Open URL")
        self.resizable(False, False)
        self.transient(parent.winfo_toplevel())
        self.result: str | None = None
        frame = ttk.Frame(self, padding=16)
        frame.pack(fill="both", expand=True)
        ttk.Label(frame, text="Address of a German article (http or https):").pack(anchor="w")
        self.entry = ttk.Entry(frame, width=56)
        self.entry.pack(fill="x", pady=(6, 4))
        self.problem = ttk.Label(frame, text="", foreground="#b42318")
        self.problem.pack(anchor="w")
        buttons = ttk.Frame(frame)
        buttons.pack(fill="x", pady=(10, 0))
        ttk.Button(buttons, text="Cancel", command=self.destroy).pack(side="right")
        ttk.Button(buttons, text="Open", style="Accent.TButton", command=self.ok).pack(
            side="right", padx=(0, 8)
        )
        self.bind("<Return>", lambda _e: self.ok())
        self.bind("<Escape>", lambda _e: self.destroy())
        self.entry.focus_set()

    def entry_ok(self) -> str | None:
        """The address, or None after showing what is wrong with it."""
        text = self.entry.get().strip()
        problem = url_problem(text)
        self.problem.configure(text=problem or "")
        return None if problem else text

    def ok(self) -> None:
        url = self.entry_ok()
        if url is not None:
            self.result = url
            self.destroy()


def ask_url(parent: tk.Misc) -> str | None:
    dialog = UrlDialog(parent)
    dialog.wait_visibility()
    dialog.grab_set()
    dialog.wait_window()
    return dialog.result
