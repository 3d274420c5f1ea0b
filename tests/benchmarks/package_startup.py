"""`make bench-package`: start-up to a visible window of the built app, as ratios, and sizes.

Builds the one-folder and one-file app and a bare Tk "hello" window with PyInstaller, then times
(median of several runs) each from launch until its window is mapped on the X display, as the X
server's events tell (x_windows.py): the one-folder app, the one-file app and the unfrozen app
(`python -m reader`), each against the bare Tk window run the same way. For the app it also
times the moment the article is on screen with its panels (the title becomes "<article> —
German Reader"): the window goes up empty first and is filled in place. Needs a display (run
under xvfb-run). The goal: the one-folder app's window within 1.3× of the bare Tk one-folder build.
"""

from __future__ import annotations

import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from tests.benchmarks.x_windows import WindowWatcher

ROOT = Path(__file__).resolve().parents[2]
CYCLES = 15


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
    # Built the way reader.spec builds the app: stripped on Linux when binutils is there.
    strip = ["--strip"] if sys.platform.startswith("linux") and shutil.which("strip") else []
    for mode in ("--onedir", "--onefile"):
        subprocess.run(
            [
                sys.executable,
                "-m",
                "PyInstaller",
                "--noconfirm",
                "--log-level=WARN",
                *strip,
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
        "bare Tk, unfrozen": [sys.executable, str(ROOT / "build_spec" / "hello_tk.py")],
        "app, unfrozen": [sys.executable, "-m", "reader"],
    }


def launch_times(
    command: list[str], titles: Sequence[str], env: dict[str, str], watcher: WindowWatcher
) -> list[float]:
    """Seconds from launch until a visible window matches each of `titles` (regexes), in turn."""
    started = time.perf_counter()
    deadline = started + 60
    # A session of its own: the one-file bootloader runs the app as a child process, and killing
    # the bootloader alone would leave that child's window open for the next run to find.
    process = subprocess.Popen(
        command,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
        start_new_session=True,
    )
    try:
        return [watcher.wait_for_title(title, deadline) - started for title in titles]
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        watcher.wait_until_none_mapped(time.perf_counter() + 10)


def size_mb(path: Path) -> float:
    files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files) / 1e6


def private_environment(folder: Path) -> dict[str, str]:
    """The app's settings, cache and log go to `folder`, not the user's own; the unfrozen app
    may write its bytecode cache (the warm-up run does), as it can on a user's machine."""
    env = dict(os.environ)
    for variable in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        env[variable] = str(folder / variable.lower())
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        commands = build(Path(folder))
        env = private_environment(Path(folder) / "home")
        watcher = WindowWatcher()
        runs: dict[str, list[list[float]]] = {name: [] for name in commands}
        for name, command in commands.items():  # warm the disk caches; not counted
            launch_times(command, _titles(name), env, watcher)
        # One start of each in turn, so that a slow spell of a noisy machine hits all alike.
        for _cycle in range(CYCLES):
            for name, command in commands.items():
                runs[name].append(launch_times(command, _titles(name), env, watcher))
        window = {name: statistics.median(run[0] for run in runs[name]) for name in commands}
        ready = {name: statistics.median(run[-1] for run in runs[name]) for name in commands}
        print(f"medians of {CYCLES} starts; ratios against bare Tk built the same way")
        print(f"{'':<22} {'window on screen':>27}   {'article shown':>27}")
        for name in commands:
            build_kind = name.split(", ")[1]
            bare = window[f"bare Tk, {build_kind}"]
            app = window["app, unfrozen"], ready["app, unfrozen"]
            print(
                f"{name:<22} {window[name]:6.3f} s {window[name] / bare:5.2f}× "
                f"({window[name] / app[0]:4.2f}× unfrozen)   "
                f"{ready[name]:6.3f} s {ready[name] / bare:5.2f}× "
                f"({ready[name] / app[1]:4.2f}× unfrozen)"
            )
        dist = Path(folder) / "dist"
        print(
            f"size: one-folder {size_mb(dist / 'german-reader'):.0f} MB, "
            f"one-file {size_mb(dist / 'german-reader-onefile'):.0f} MB"
        )


def _titles(name: str) -> list[str]:
    """The app's window shows its title first, and "<article> — German Reader" once the article
    is on screen with its panels; bare Tk has nothing more to show."""
    return ["Hello Tk"] if name.startswith("bare") else ["German Reader", ".+ German Reader"]


if __name__ == "__main__":
    main()
