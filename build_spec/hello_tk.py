"""A bare Tk window built like the app: the start-up baseline of `make bench-package`."""

import sys
import tkinter as tk

root = tk.Tk()
root.title("Hello Tk")
tk.Label(root, text="Hallo").pack()
if "--exit-when-visible" in sys.argv:
    root.after_idle(lambda: (root.update(), print("visible", flush=True), root.destroy()))
root.mainloop()
