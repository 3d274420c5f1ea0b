"""The German basics every part shares (no tkinter): words with their spans (`tokens`),
sentences with their spans (`sentences`), and word forms with their lemmas (`lexicon`).

Readability, the glossary, the dictionary, translation and the window all split text here;
nothing else defines what a German word or sentence is. Importing is cheap: the lexicon's data
loads on the first lookup.
"""
