"""`reader translate PATH --provider NAME …`: the article's English, paragraph by paragraph.

Exit status 0 when every paragraph was translated, 3 when some were not (each says why), 2 for
bad input (unreadable file, unknown provider, missing key).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import textwrap
from collections.abc import Sequence
from typing import Any

from reader.commands.arguments import note_if_cut
from reader.commands.json_output import add_json_options, wants_json, write_json
from reader.errors import ReaderError
from reader.loading import load_argument
from reader.translation import (
    PROVIDERS,
    DeepTranslator,
    ParagraphTranslation,
    ProviderSettings,
    api_key_for,
    provider_info,
    translate_document,
    user_cache,
    with_endpoint_login,
)
from reader.translation.providers import missing_key_message

NAME = "translate"
EXIT_SOME_FAILED = 3


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        NAME,
        help="translate an article paragraph by paragraph",
        description="Translate an article (or - for standard input) into English, paragraph by "
        "paragraph, keeping sentence pairs where the provider's answer allows. Exit status: 0 "
        "all translated, 3 some paragraphs failed, 2 bad input.",
    )
    parser.add_argument("path", help="the article, or - to read text from standard input")
    parser.add_argument(
        "--provider",
        default="google",
        choices=list(PROVIDERS),
        help="translation provider (default: google)",
    )
    parser.add_argument(
        "--endpoint",
        metavar="URL",
        help="base URL replacing the provider's (self-hosting, tests); a user:password@ in it "
        "is sent as HTTP basic authentication, never shown",
    )
    parser.add_argument(
        "--api-key-env",
        metavar="VAR",
        help="read the API key from this environment variable (default: the provider's own "
        "variable, e.g. DEEPL_API_KEY, then the system keyring)",
    )
    parser.add_argument("--no-cache", action="store_true", help="neither read nor fill the cache")
    add_json_options(parser, "one JSON object")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    settings = with_endpoint_login(
        ProviderSettings(
            name=args.provider,
            endpoint=args.endpoint,
            api_key=_api_key(args.provider, args.api_key_env),
        )
    )
    document = load_argument(args.path)
    note_if_cut(document)
    translator = DeepTranslator(settings)
    results = translate_document(
        document, translator, cache=None if args.no_cache else user_cache()
    )
    if wants_json(args):
        write_json(json_report(settings.name, results), args)
    else:
        width = shutil.get_terminal_size((100, 24)).columns
        sys.stdout.write(side_by_side(results, width))
    return 0 if all(result.ok for result in results) else EXIT_SOME_FAILED


def _api_key(provider: str, variable: str | None) -> str | None:
    info = provider_info(provider)
    if variable:
        given = os.environ.get(variable, "").strip()
        if not given:
            raise ReaderError(f"the environment variable {variable} holds no API key")
        return given
    stored = api_key_for(provider)
    if info.needs_key and not stored:
        raise ReaderError(missing_key_message(info))
    return stored


def json_report(provider: str, results: Sequence[ParagraphTranslation]) -> dict[str, Any]:
    return {
        "provider": provider,
        "paragraphs": [
            {
                "index": result.index,
                "source": result.source,
                "translation": result.translation,
                "error": result.error,
                "sentences": [
                    {"source": pair.source, "translation": pair.translation}
                    for pair in result.sentences
                ],
            }
            for result in results
        ],
    }


def side_by_side(results: Sequence[ParagraphTranslation], width: int) -> str:
    """German left, English right, each wrapped to half the terminal, paragraphs apart."""
    gutter = " │ "
    column = max(20, (width - len(gutter)) // 2)
    blocks: list[str] = []
    for result in results:
        english = result.translation if result.ok else f"[not translated: {result.error}]"
        left = textwrap.wrap(result.source, column) or [""]
        right = textwrap.wrap(english or "", column) or [""]
        rows = max(len(left), len(right))
        left += [""] * (rows - len(left))
        right += [""] * (rows - len(right))
        blocks.append(
            "\n".join(
                f"{a.ljust(column)}{gutter}{b}".rstrip() for a, b in zip(left, right, strict=True)
            )
        )
    return "\n\n".join(blocks) + "\n"
