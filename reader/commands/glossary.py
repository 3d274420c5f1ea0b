"""`reader glossary`: placeholder registered by the skeleton; its issue replaces this module."""

from __future__ import annotations

import argparse

NAME = "glossary"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(NAME, help="(not built yet)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    raise NotImplementedError
