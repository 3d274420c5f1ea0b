"""Reading aloud: time to first audio after Play, through the real player and the bundled voice
into a null audio sink, first use in a fresh process (the voice's library and data are loaded
then) and later uses; as a share of the sentence's own length and against the 0.3 s budget."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

from reader.speech import open_voice, sentences_from
from reader.speech.output import NullOutput
from reader.speech.player import SentencePlayer

SENTENCE = (
    "Die Bundesregierung will an der Schuldenbremse festhalten, obwohl viele Abgeordnete mehr "
    "Geld für Verteidigung und Infrastruktur fordern."
)
BUDGET_S = 0.3
RUNS = 20

_FIRST_USE = f"""
import time
from reader.speech import open_voice, sentences_from
from reader.speech.output import NullOutput
from reader.speech.player import SentencePlayer
sink = NullOutput()
player = SentencePlayer(lambda: sink)
started = time.perf_counter()
player.play(sentences_from([{SENTENCE!r}], 0), lambda: open_voice("espeak:de"))
while not sink.streams or sink.streams[0].first_write is None:
    time.sleep(0.0005)
print(sink.streams[0].first_write - started)
player.stop()
"""


def time_to_first_audio() -> float:
    """Seconds from Play to the first audio written, in this process."""
    sink = NullOutput(pace=1.0)  # a sound card's pace: the rest of the sentence is not waited for
    player = SentencePlayer(lambda: sink)
    started = time.perf_counter()
    player.play(sentences_from([SENTENCE], 0), lambda: open_voice("espeak:de"))
    while not sink.streams or sink.streams[0].first_write is None:
        time.sleep(0.0005)
    first = sink.streams[0].first_write - started
    player.stop()
    return first


def main() -> None:
    first_use = [
        float(
            subprocess.run(
                [sys.executable, "-c", _FIRST_USE],
                capture_output=True,
                text=True,
                check=True,
                timeout=60,
            ).stdout
        )
        for _ in range(3)
    ]
    time_to_first_audio()  # the voice loaded in this process
    later = [time_to_first_audio() for _ in range(RUNS)]
    started = time.perf_counter()
    speech = open_voice("espeak:de").synthesize(SENTENCE, 1.0)
    synthesis = time.perf_counter() - started
    cold, warm = statistics.median(first_use), statistics.median(later)
    print(f"sentence: {len(SENTENCE)} characters, {speech.duration:.2f} s of speech")
    print(
        f"time to first audio, first use: {cold * 1000:.1f} ms "
        f"({cold / speech.duration:.3f}× the sentence's length)"
    )
    print(
        f"time to first audio, later: {warm * 1000:.1f} ms median, "
        f"{max(later) * 1000:.1f} ms worst of {RUNS} ({warm / speech.duration:.4f}×)"
    )
    print(f"whole sentence synthesised in {synthesis * 1000:.1f} ms: "
          f"{speech.duration / synthesis:.0f}× faster than real time")  # fmt: skip
    worst = max(max(first_use), max(later))
    print(f"budget {BUDGET_S:.1f} s: {'met' if worst <= BUDGET_S else 'MISSED'} "
          f"(worst {worst * 1000:.1f} ms)")  # fmt: skip


if __name__ == "__main__":
    main()
