"""Reading with the keyboard: where the focus is, and the word at the cursor.

Tab moves through the window; each part shows when it has the keyboard: a ring in the accent
colour round the text panes and lists (sv-ttk marks its buttons, switches and fields itself).
In the German text the arrow keys (Ctrl+arrows: by word) move a cursor, shown by shading the
word it stands on, since a read-only Tk text draws no insertion cursor. Enter (or Ctrl+D
anywhere) looks that word up, as a double-click would; Ctrl+S saves the word the card shows.
"""

from __future__ import annotations

import tkinter as tk
from typing import TYPE_CHECKING

from reader.gui import events
from reader.gui.state import ReaderState
from reader.gui.theme import palette

if TYPE_CHECKING:
    from reader.gui.app import ReaderWindow
    from reader.gui.word_card import WordCardPanel
    from reader.gui.word_context import WordContext

CURSOR_TAG = "keyboard-word"
RING_PX = 2


def setup(window: ReaderWindow) -> KeyboardReading:
    """The cursor in the German text, its keys and menu entries, and the focus rings."""
    reading = KeyboardReading(window.state, window.reading_view.german, window.word_card)
    for text in (window.reading_view.german, window.reading_view.english):
        text.configure(takefocus=1)  # the English can be read by keyboard too (Page Down)
        reading.ring(text)
    reading.ring(window.word_card.text)
    reading.ring_around(window.glossary_panel.tree)
    window.bind_key("<Control-d>", reading.look_up_cursor_word)
    window.bind_key("<Control-s>", reading.save_shown_word)
    view_menu = window.menu("View")
    view_menu.add_separator()
    view_menu.add_command(
        label="Look Up the Word at the Cursor",
        accelerator="Enter, Ctrl+D",
        command=reading.look_up_cursor_word,
    )
    window.menu("Vocabulary").add_command(
        label="Save the Word Shown", accelerator="Ctrl+S", command=reading.save_shown_word
    )
    return reading


class KeyboardReading:
    def __init__(self, state: ReaderState, german: tk.Text, card: WordCardPanel) -> None:
        self.shared = state
        self.german = german
        self.card = card
        self._rings: list[tk.Text | tk.Canvas] = []
        self._around: list[tuple[tk.Frame, tk.Widget]] = []
        german.configure(takefocus=1)
        german.bind("<FocusIn>", lambda _e: self._cursor_moved(), add=True)
        german.bind("<FocusOut>", lambda _e: self._hide_cursor(), add=True)
        # After Tk's own binding for the key has moved the cursor.
        german.bind("<KeyPress>", lambda _e: german.after_idle(self._cursor_moved), add=True)
        german.bind("<ButtonRelease-1>", self._clicked, add=True)
        for sequence in ("<Return>", "<KP_Enter>"):
            german.bind(sequence, self._enter, add=True)
        state.on(events.SETTINGS_CHANGED, self._recolour)
        state.on(events.ARTICLE_LOADED, self._article_loaded)
        self._recolour()

    # --- focus rings --------------------------------------------------------------------------

    def ring(self, widget: tk.Text | tk.Canvas) -> None:
        """An accent ring round `widget` while it has the keyboard, invisible otherwise."""
        widget.configure(highlightthickness=RING_PX)
        self._rings.append(widget)
        self._recolour()

    def ring_around(self, widget: tk.Widget) -> None:
        """The same ring for a ttk widget (which has none of its own), drawn by its parent
        frame; `widget` must fill a frame of its own."""
        parent = widget.nametowidget(widget.winfo_parent())
        if not isinstance(parent, tk.Frame):
            return
        parent.configure(highlightthickness=RING_PX)
        self._around.append((parent, widget))
        widget.bind("<FocusIn>", lambda _e: self._recolour(), add=True)
        widget.bind("<FocusOut>", lambda _e: self._recolour(), add=True)
        self._recolour()

    def _recolour(self) -> None:
        colours = palette(self.shared.settings.theme)
        for widget in self._rings:
            widget.configure(highlightcolor=colours.link, highlightbackground=colours.background)
        focus = self._focus()
        for frame, inner in self._around:
            colour = colours.link if focus is inner else colours.chrome
            frame.configure(highlightcolor=colour, highlightbackground=colour)
        self.german.tag_configure(CURSOR_TAG, background=colours.found, underline=True)

    def _focus(self) -> tk.Misc | None:
        try:
            return self.german.focus_get()
        except (KeyError, tk.TclError):  # the focus is in a menu or a dialog's own widget
            return None

    # --- the cursor in the German text --------------------------------------------------------

    def _article_loaded(self) -> None:
        self.german.mark_set("insert", "1.0")
        self.german.tag_remove(CURSOR_TAG, "1.0", "end")

    def _clicked(self, _event: tk.Event[tk.Misc]) -> None:
        # A click puts the cursor where it was (Tk's class binding has moved the mark).
        self.german.focus_set()
        self._cursor_moved()

    def _cursor_moved(self) -> None:
        text = self.german
        text.tag_remove(CURSOR_TAG, "1.0", "end")
        if self._focus() is not text:
            return
        if not text.bbox("insert"):  # scrolled away, or never placed: the first word in view
            text.mark_set("insert", text.index("@0,0"))
        context = self.cursor_word()
        if context is not None:
            line = context.paragraph + 1
            text.tag_add(CURSOR_TAG, f"{line}.{context.start}", f"{line}.{context.end}")
            text.see(f"{line}.{context.end}")

    def _hide_cursor(self) -> None:
        self.german.tag_remove(CURSOR_TAG, "1.0", "end")

    def cursor_word(self) -> WordContext | None:
        """The word the cursor stands on (or just after), with its sentence."""
        from reader.gui.word_context import word_context

        text = self.german
        line, column = (int(part) for part in text.index("insert").split("."))
        paragraph = text.get(f"{line}.0", f"{line}.end")
        session = self.shared.session
        if session is None or line - 1 >= len(session.document.paragraphs):
            return None
        translation = session.translations.get(line - 1)
        found = word_context(paragraph, column, line - 1, translation)
        if found is None and column > 0:  # just after the word, as after Ctrl+Right
            found = word_context(paragraph, column - 1, line - 1, translation)
        return found

    def _enter(self, _event: tk.Event[tk.Misc]) -> str:
        self.look_up_cursor_word()
        return "break"

    def look_up_cursor_word(self) -> None:
        """Open the word card for the word at the cursor, as a double-click on it would."""
        context = self.cursor_word()
        if context is None:
            self.shared.set_status(
                "Put the cursor on a German word first (click the text, or Tab to it and use "
                "the arrow keys)."
            )
            return
        self.shared.emit(events.WORD_CHOSEN, events.WordChosen(context))

    def save_shown_word(self) -> None:
        if self.card.is_open and str(self.card.save_button.cget("state")) != "disabled":
            self.card.save()
        elif not self.card.is_open:
            self.shared.set_status("Look a word up first (double-click it, or Enter on it).")
