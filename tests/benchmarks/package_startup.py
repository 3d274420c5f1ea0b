"""`make bench-package`: start-up to a visible window of the built app, as ratios, and sizes.

Builds the one-folder and one-file app and a bare Tk "hello" window with PyInstaller, then times
(median of several runs) each from launch until its window is mapped on the X display (xdotool
sees it): the one-folder app, the one-file app and the unfrozen app (`python -m reader`), each
against the bare Tk window run the same way. Needs a display (run under xvfb-run) and xdotool.
The goal: the one-folder app within 1.3× of the bare Tk one-folder build.
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


def time_to_window(command: list[str], title: str, env: dict[str, str]) -> float:
    if _visible_windows(title):
        raise RuntimeError(f"a window named {title!r} is already open; it would be timed instead")
    started = time.perf_counter()
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
        while not _visible_windows(title):
            if time.perf_counter() - started > 60:
                raise TimeoutError(f"{command[0]}: no window after 60 s")
            time.sleep(0.01)
        return time.perf_counter() - started
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        while _visible_windows(title):
            time.sleep(0.05)


def _visible_windows(title: str) -> list[str]:
    return subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--name", title],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.split()


def size_mb(path: Path) -> float:
    files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files) / 1e6


def private_environment(folder: Path) -> dict[str, str]:
    """The app's settings, cache and log go to `folder`, not the user's own."""
    env = dict(os.environ)
    for variable in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        env[variable] = str(folder / variable.lower())
    return env


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        commands = build(Path(folder))
        env = private_environment(Path(folder) / "home")
        medians = {}
        for name, command in commands.items():
            title = "Hello Tk" if name.startswith("bare") else "German Reader"
            time_to_window(command, title, env)  # warm the disk cache; not counted
            times = [time_to_window(command, title, env) for _ in range(RUNS)]
            medians[name] = statistics.median(times)
        for name, seconds in medians.items():
            build_kind = name.split(", ")[1]  # each is compared with bare Tk built the same way
            baseline = medians[f"bare Tk, {build_kind}"]
            print(f"{name:<22} {seconds:6.2f} s   {seconds / baseline:4.2f}× bare Tk {build_kind}")
        dist = Path(folder) / "dist"
        print(
            f"size: one-folder {size_mb(dist / 'german-reader'):.0f} MB, "
            f"one-file {size_mb(dist / 'german-reader-onefile'):.0f} MB"
        )


if __name__ == "__main__":
    main()
