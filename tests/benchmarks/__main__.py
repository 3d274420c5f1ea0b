"""Run every `bench_*.py` module in this folder; each has `main() -> None` and prints its ratios."""

from __future__ import annotations

import importlib
import pkgutil

import tests.benchmarks as package

for module_info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
    if module_info.name.startswith("bench_"):
        print(f"== {module_info.name}")
        importlib.import_module(f"tests.benchmarks.{module_info.name}").main()
