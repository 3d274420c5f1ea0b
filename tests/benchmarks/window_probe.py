"""Watching the running app from outside: is its event loop answering, what does it show?

The window registers with the X server as the Tk application `germanReader`. Tk's `send` runs a
Tcl command in it and waits for the answer, which comes only when the app's event loop runs; so
the time a `send` takes is how long the window would have ignored a click or a repaint at that
moment. `WindowProbe` keeps sending from a Tk interpreter of its own and records each round
trip. No code inside the app is needed (and none of its clocks is trusted).
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
import tkinter as tk
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

APP_NAME = "germanReader"


@dataclass
class Probe:
    """Round trips to the app: (when it was sent, how long it took) in perf_counter seconds."""

    trips: list[tuple[float, float]] = field(default_factory=list)

    def longest_since(self, start: float, end: float = float("inf")) -> float:
        durations = [took for sent, took in self.trips if start <= sent < end]
        return max(durations, default=0.0)


class WindowProbe:
    """A Tk interpreter that talks to the app with `send` (needs $DISPLAY)."""

    def __init__(self) -> None:
        self.root = tk.Tk()
        self.root.withdraw()
        self.probe = Probe()

    def close(self) -> None:
        self.root.destroy()

    def send(self, *command: str) -> str:
        """Run `command` in the app; raises tk.TclError if it is not there (yet)."""
        started = time.perf_counter()
        answer = str(self.root.tk.call("send", APP_NAME, *command))
        self.probe.trips.append((started, time.perf_counter() - started))
        return answer

    def registered(self) -> bool:
        return APP_NAME in self.root.tk.splitlist(self.root.tk.call("winfo", "interps"))

    def wait_for(
        self, condition: Callable[[], bool], timeout: float, every_s: float = 0.01
    ) -> float:
        """Probe until `condition()` (which may send) holds; the perf_counter time it did."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            try:
                if condition():
                    return time.perf_counter()
            except tk.TclError:
                pass  # not registered yet, or gone for a moment
            time.sleep(every_s)
        raise TimeoutError("the app did not get there in time")

    def title(self) -> str:
        return self.send("wm", "title", ".")

    def keep_probing(self, seconds: float, every_s: float = 0.01) -> None:
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            with contextlib.suppress(tk.TclError):
                self.send("expr", "1")
            time.sleep(every_s)


def launch(command: Sequence[str], env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        list(command),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
        start_new_session=True,
    )


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def peak_memory_mb(pid: int) -> float:
    """The process's peak resident memory (VmHWM), Linux only."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wait_until_idle(pid: int, quiet_s: float = 2.0, timeout: float = 120.0) -> None:
    """Until the process has used under 5 % of a core for `quiet_s` seconds."""
    deadline = time.monotonic() + timeout
    before = cpu_seconds(pid)
    while time.monotonic() < deadline:
        time.sleep(quiet_s)
        now = cpu_seconds(pid)
        if now - before < 0.05 * quiet_s:
            return
        before = now


def private_environment(folder: Path) -> dict[str, str]:
    """Settings, cache and logs of the app in `folder`; the display of the caller."""
    env = dict(os.environ)
    for variable in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        env[variable] = str(folder / variable.lower())
    return env


def app_command(*arguments: str) -> list[str]:
    return [sys.executable, "-m", "reader", *arguments]
