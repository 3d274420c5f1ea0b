"""`reader analyze FILE --json` over inputs that hold far more text than an article (issue 19).

Goal: each crafted input (tests/crafted_inputs.py: a 70 KB EPUB unpacking to 19 MB of text, its
DOCX twin, a 50,000-page PDF, 19 MB of text, a 19 MB web page …, and 19 MB of varied text) in
at most 2.5× the time and 2× the peak memory of an ordinary 1.2 MB article, measured in the
same run: each is a process of its own (`python -m reader analyze`), timed from start to exit,
its peak resident memory read from the kernel (wait4). The folders for settings and caches are
fresh for the run, and warmed by one analysis first (the word-form trie and the glossary's
cache are built once).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.benchmarks.bench_readability import build_text
from tests.crafted_inputs import CRAFTED

ROOT = Path(__file__).resolve().parents[2]
ARTICLE_BYTES = 1_200_000
TIME_GOAL, MEMORY_GOAL = 2.5, 2.0


def analyze(path: Path, environment: dict[str, str]) -> tuple[float, float, int]:
    """(seconds, peak megabytes, exit status) of `reader analyze PATH --json` in a process."""
    command = [sys.executable, "-m", "reader", "analyze", str(path), "--json"]
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=ROOT, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    return seconds, usage.ru_maxrss / 1024, process.returncode


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        environment = {**os.environ, "PYTHONPATH": str(ROOT)}
        for variable in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
            environment[variable] = str(home / variable.lower())
        article = home / "artikel.txt"
        article.write_text(build_text(ARTICLE_BYTES, seed=3), encoding="utf-8")
        warm_up = home / "kurz.txt"
        warm_up.write_text(build_text(5_000, seed=4), encoding="utf-8")
        analyze(warm_up, environment)

        base_seconds, base_memory, _ = analyze(article, environment)
        print(
            f"ordinary article ({ARTICLE_BYTES / 1e6:.1f} MB of text): {base_seconds:.1f} s, "
            f"{base_memory:.0f} MB (goals: ≤ {TIME_GOAL}× the time, ≤ {MEMORY_GOAL}× the memory)"
        )
        inputs = {
            **CRAFTED,
            # Varied words, unlike the dense text: the analysis meets new words throughout.
            "19 MB varied text": ("vielfalt.txt", lambda: build_text(19_000_000, seed=5).encode()),
        }
        for name, (file_name, build) in inputs.items():
            path = home / file_name
            path.write_bytes(build())
            seconds, memory, status = analyze(path, environment)
            time_ratio, memory_ratio = seconds / base_seconds, memory / base_memory
            met = time_ratio <= TIME_GOAL and memory_ratio <= MEMORY_GOAL and status == 0
            print(
                f"{name} ({path.stat().st_size / 1e6:.2f} MB): {seconds:.1f} s = "
                f"{time_ratio:.2f}×, {memory:.0f} MB = {memory_ratio:.2f}×, exit {status}"
                f"{'' if met else '  <- goal missed'}"
            )
            path.unlink()


if __name__ == "__main__":
    main()
