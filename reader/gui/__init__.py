"""The Tk window (issue 6 fills this in)."""

from __future__ import annotations


def run_app(path: str | None, *, provider: str | None = None, endpoint: str | None = None) -> int:
    """Open the reading window on `path` (the bundled sample when None); return the exit status."""
    raise NotImplementedError("the window is not built yet")
