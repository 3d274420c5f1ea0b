"""`reader speak (TEXT | --file ARTICLE) --out FILE.wav [--rate R] [--voice V]`: German text
spoken into a WAV file, sentence by sentence, without playing it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader.commands.arguments import shown_path, typed_text
from reader.errors import ReaderError
from reader.speech import (
    DEFAULT_VOICE,
    MAX_RATE,
    MIN_RATE,
    available_voices,
    open_voice,
    speak_paragraphs,
    write_wav,
)

NAME = "speak"


def _rate(value: str) -> float:
    try:
        rate = float(value.rstrip("x×"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not MIN_RATE <= rate <= MAX_RATE:
        raise argparse.ArgumentTypeError(
            f"the speed must be from {MIN_RATE} to {MAX_RATE} (1.0 is normal), not {value}"
        )
    return rate


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        NAME,
        help="speak German text into a WAV file (offline)",
        description="Speak German text or an article into a WAV file, sentence by sentence, "
        "with the bundled offline voice (or a system voice), without playing it.",
    )
    parser.add_argument("text", nargs="?", type=typed_text, help="the German text to speak")
    parser.add_argument(
        "--file", metavar="ARTICLE", help="speak an article (txt, md, html, docx, pdf, epub, -)"
    )
    parser.add_argument("--out", metavar="FILE.wav", type=Path, help="the WAV file to write")
    parser.add_argument(
        "--rate",
        type=_rate,
        default=1.0,
        help=f"speed, {MIN_RATE}–{MAX_RATE} times normal (default 1.0)",
    )
    parser.add_argument(
        "--voice", default=DEFAULT_VOICE, help=f"voice id (default {DEFAULT_VOICE})"
    )
    parser.add_argument(
        "--list-voices", action="store_true", help="list the voices (id and name) and exit"
    )
    parser.set_defaults(run=run, parser=parser)


def run(args: argparse.Namespace) -> int:
    parser: argparse.ArgumentParser = args.parser
    if args.list_voices:
        for info in available_voices():
            print(f"{info.id}\t{info.name}")
        return 0
    if (args.text is None) == (args.file is None):
        parser.error("give the text to speak or --file ARTICLE (one of them)")
    if args.out is None:
        parser.error("--out FILE.wav is required")
    paragraphs = _paragraphs(args)
    voice = open_voice(args.voice)
    speech = speak_paragraphs(paragraphs, voice, args.rate)
    out: Path = args.out
    try:
        write_wav(speech, out)
    except OSError as error:
        problem = error.strerror or error
        raise ReaderError(f"{shown_path(out)}: cannot write the WAV file ({problem})") from None
    print(f"wrote {shown_path(out)}: {speech.duration:.1f} s of speech", file=sys.stderr)
    return 0


def _paragraphs(args: argparse.Namespace) -> tuple[str, ...]:
    if args.file is None:
        text = str(args.text).strip()
        if not text:
            raise ReaderError("the text to speak is empty")
        return (text,)
    from reader.loading import load_argument

    document = load_argument(args.file)
    title = (document.title,) if document.title else ()
    return (*title, *document.paragraphs)
