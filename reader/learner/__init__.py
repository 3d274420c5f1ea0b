"""What the program knows about the learner (no tkinter): how well they know each word, how much
of an article they can read, and the articles they have read.

- `status`: the statuses a word can have (new, learning 1–4, known, ignored).
- `store`: the statuses and the library in one SQLite file in the user's data folder.
- `words`: an article's running words by lemma, and the share of them the learner knows.
- `transfer`: importing word lists (plain, Anki, Lute, LingQ, our CSVs) and exporting statuses.
- `library`: the articles opened in the window; `progress`: words marked over time.
"""
