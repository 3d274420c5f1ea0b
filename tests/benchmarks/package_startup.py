"""`make bench-package`: start-up to a visible window of the built app, as ratios, and sizes.

Builds the one-folder and one-file app and a bare Tk "hello" window with PyInstaller, then times
(median of several runs) each from launch until its window is mapped on the X display (xdotool
sees it): the one-folder app, the one-file app, the unfrozen app (`python -m reader`) and both
bare Tk builds. Needs a display (run under xvfb-run) and xdotool.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RUNS = 5


def build(work: Path) -> dict[str, list[str]]:
    dist = work / "dist"
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "build_spec" / "build.py"),
            "--dist",
            str(dist),
            "--work",
            str(work / "build"),
        ],
        check=True,
    )
    for mode in ("--onedir", "--onefile"):
        subprocess.run(
            [
                sys.executable,
                "-m",
                "PyInstaller",
                "--noconfirm",
                "--log-level=WARN",
                mode,
                "--name",
                f"hello{mode.replace('--', '-')}",
                "--distpath",
                str(dist),
                "--workpath",
                str(work / "build-hello"),
                "--specpath",
                str(work),
                str(ROOT / "build_spec" / "hello_tk.py"),
            ],
            check=True,
        )
    return {
        "bare Tk, one-folder": [str(dist / "hello-onedir" / "hello-onedir")],
        "bare Tk, one-file": [str(dist / "hello-onefile")],
        "app, one-folder": [str(dist / "german-reader" / "german-reader")],
        "app, one-file": [str(dist / "german-reader-onefile")],
        "app, unfrozen": [sys.executable, "-m", "reader"],
    }


def time_to_window(command: list[str], title: str) -> float:
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            found = subprocess.run(
                ["xdotool", "search", "--onlyvisible", "--name", title],
                capture_output=True,
                text=True,
                check=False,
            ).stdout.split()
            if found:
                return time.perf_counter() - started
            if time.perf_counter() - started > 60:
                raise TimeoutError(f"{command[0]}: no window after 60 s")
            time.sleep(0.01)
    finally:
        process.kill()
        process.wait()


def size_mb(path: Path) -> float:
    files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files) / 1e6


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        commands = build(Path(folder))
        medians = {}
        for name, command in commands.items():
            title = "Hello Tk" if name.startswith("bare") else "German Reader"
            times = [time_to_window(command, title) for _ in range(RUNS)]
            medians[name] = statistics.median(times)
        for name, seconds in medians.items():
            baseline = medians["bare Tk, one-file" if "one-file" in name else "bare Tk, one-folder"]
            print(f"{name:<22} {seconds:6.2f} s   {seconds / baseline:4.2f}× bare Tk")
        dist = Path(folder) / "dist"
        print(
            f"size: one-folder {size_mb(dist / 'german-reader'):.0f} MB, "
            f"one-file {size_mb(dist / 'german-reader-onefile'):.0f} MB"
        )


if __name__ == "__main__":
    main()
