"""Command line: `reader [FILE]` opens the window, `reader COMMAND …` runs a command.

Every command module in `reader.commands` has a `NAME` and `register(subparsers)`, which adds
its parser and sets `run` (a function taking the parsed arguments and returning the exit
status). Errors the user can act on (`ReaderError`) are printed as one line on stderr with exit
status 2, never a traceback.

A double-click or "Open with" starts the app with no arguments or with one file. Those two are
read without argparse: its first use costs the window ~8 ms (importing it, and gettext
searching for translations of its messages), a tenth of a bare Tk window's start-up.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, NoReturn

from reader import __version__
from reader.errors import ReaderError
from reader.secrets import redact

if TYPE_CHECKING:
    import argparse

# Command modules are imported only when a command runs: the window should not wait for them.
COMMANDS = ("analyze", "translate", "glossary", "lookup", "speak", "words", "library")
EXIT_BAD_INPUT = 2


@dataclass(frozen=True)
class WindowRequest:
    """What `reader [FILE] [--provider NAME] [--endpoint URL] [--self-test]` asks for."""

    file: str | None = None
    provider: str | None = None
    endpoint: str | None = None
    self_test: bool = False


def build_command_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command, or only of `command`: the others' modules need not be
    imported to run it (`translate` alone imports requests and deep-translator, ~0.15 s)."""
    import argparse

    parser = argparse.ArgumentParser(
        prog="reader",
        description="German Reader: German news with English beside it, a readability score "
        "and a political glossary.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS if command is None else (command,):
        importlib.import_module(f"reader.commands.{name}").register(subparsers)
    return parser


def build_window_parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(
        prog="reader",
        usage="reader [FILE] [--provider NAME] [--endpoint URL]\n       reader COMMAND ...",
        description="Open the reading window on FILE (the bundled sample article without one). "
        "Commands: " + ", ".join(COMMANDS) + " (see `reader COMMAND --help`).",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("file", nargs="?", help="article to open (txt, md, html, docx, pdf, epub)")
    parser.add_argument(
        "--provider", help="translation provider (google, deepl, microsoft, libre, mymemory)"
    )
    parser.add_argument(
        "--endpoint", help="base URL replacing the provider's (self-hosting, tests)"
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check the installation (sample, readability, glossary, translation, "
        "window) and exit 0, or 1 naming what failed",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        if args_list and args_list[0] in COMMANDS:
            args = build_command_parser(args_list[0]).parse_args(args_list)
            status: int = args.run(args)
            if argv is None:  # the program itself, not a caller in the same process
                _exit_at_once(status)
            return status
        return _run_window(window_request(args_list))
    except ReaderError as error:
        print(f"reader: {redact(str(error))}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `reader … | head` closed the pipe: not an error
        sys.stderr.close()
        return 0


def _exit_at_once(status: int) -> NoReturn:
    """End a command's process once its output is out. A book's analysis leaves millions of
    small objects, and freeing them one by one as the interpreter shuts down takes a quarter of
    a second that nobody waits for usefully. Every file the commands write is complete by now
    (the translation cache commits each paragraph); logging is shut down, output flushed."""
    import logging
    import os

    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)


def window_request(args: list[str]) -> WindowRequest:
    """What the arguments ask the window for; the desktop's two ways skip the parser."""
    if not args or (len(args) == 1 and not args[0].startswith("-")):
        return WindowRequest(file=args[0] if args else None)
    parsed = build_window_parser().parse_args(args)
    return WindowRequest(parsed.file, parsed.provider, parsed.endpoint, parsed.self_test)


def _run_window(request: WindowRequest) -> int:
    if request.self_test:
        from reader.selftest import run_self_test

        return run_self_test()
    from reader.gui import run_app

    return run_app(request.file, provider=request.provider, endpoint=request.endpoint)
