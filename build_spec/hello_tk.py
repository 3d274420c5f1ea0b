"""A bare Tk window, built like the app: the start-up baseline of `make bench-package`."""

import tkinter as tk

root = tk.Tk()
root.title("Hello Tk")
tk.Label(root, text="Hallo").pack()
root.mainloop()
