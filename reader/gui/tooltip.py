"""A small borderless window showing help near the mouse pointer."""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable

SHOW_DELAY_MS = 350
WRAP_PX = 360


class Tooltip:
    """One tooltip window, reused; `show` places it near the pointer, `hide` withdraws it."""

    def __init__(self, master: tk.Misc) -> None:
        self._master = master
        self._window: tk.Toplevel | None = None
        self._heading: tk.Label | None = None
        self._body: tk.Label | None = None
        self.visible_text = ""

    def show(self, x_root: int, y_root: int, heading: str, body: str = "") -> None:
        window = self._ensure_window()
        assert self._heading is not None and self._body is not None
        self._heading.configure(text=heading)
        self._body.configure(text=body)
        if body:
            self._body.pack(anchor="w", fill="x")
        else:
            self._body.pack_forget()
        self.visible_text = heading + ("\n" + body if body else "")
        window.update_idletasks()
        width, height = window.winfo_reqwidth(), window.winfo_reqheight()
        screen_w, screen_h = window.winfo_screenwidth(), window.winfo_screenheight()
        x = min(x_root + 14, screen_w - width - 4)
        y = y_root + 18 if y_root + 18 + height < screen_h else y_root - height - 8
        window.geometry(f"+{max(0, x)}+{max(0, y)}")
        window.deiconify()
        window.lift()

    def hide(self) -> None:
        self.visible_text = ""
        if self._window is not None:
            self._window.withdraw()

    @property
    def shown(self) -> bool:
        return bool(self.visible_text)

    def _ensure_window(self) -> tk.Toplevel:
        if self._window is None:
            window = tk.Toplevel(self._master)
            window.withdraw()
            window.overrideredirect(True)
            frame = tk.Frame(window, background="#2b2f36", padx=10, pady=8)
            frame.pack(fill="both", expand=True)
            self._heading = tk.Label(
                frame,
                background="#2b2f36",
                foreground="#ffffff",
                justify="left",
                anchor="w",
                font=("TkDefaultFont", 11, "bold"),
                wraplength=WRAP_PX,
            )
            self._heading.pack(anchor="w", fill="x")
            self._body = tk.Label(
                frame,
                background="#2b2f36",
                foreground="#dfe3e8",
                justify="left",
                anchor="w",
                wraplength=WRAP_PX,
            )
            self._window = window
        return self._window


def attach_tooltip(widget: tk.Misc, text: Callable[[], str] | str) -> Tooltip:
    """Show `text` after the pointer rests on `widget` for a moment; a blank line parts a
    bold heading from the explanation below it."""
    tooltip = Tooltip(widget)
    pending: list[str] = []

    def cancel() -> None:
        while pending:
            widget.after_cancel(pending.pop())

    def enter(event: tk.Event[tk.Misc]) -> None:
        cancel()
        x, y = event.x_root, event.y_root

        def show() -> None:
            pending.clear()
            content = text() if callable(text) else text
            if content:
                heading, _blank, body = content.partition("\n\n")
                tooltip.show(x, y, heading, body)

        pending.append(widget.after(SHOW_DELAY_MS, show))

    def leave(_event: tk.Event[tk.Misc]) -> None:
        cancel()
        tooltip.hide()

    widget.bind("<Enter>", enter, add=True)
    widget.bind("<Leave>", leave, add=True)
    widget.bind("<ButtonPress>", leave, add=True)
    return tooltip
