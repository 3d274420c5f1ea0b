"""Offline German–English dictionary (from Ding's de-en file) and word cards (no tkinter)."""
