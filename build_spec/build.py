"""Build the standalone app with PyInstaller: `python build_spec/build.py [--onedir-only]`.

Writes the Windows version resource from the package version, runs PyInstaller on
build_spec/reader.spec (one-folder app and one-file executable in dist/, plus the .app bundle
on macOS) and puts the Linux .desktop file and icon beside the Linux builds.

The offline dictionary (reader/data/dictionary.sqlite, from `make dictionary`, or the file
READER_DICTIONARY names) goes into every build when it exists, the one-file executable included
(`--onefile-without-dictionary` leaves it out there: 41 MB less to unpack at every start).
simplemma's German forms are built into a trie first (~3 s) and bundled with the one-folder app
(see reader.language.lexicon).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader import __version__  # noqa: E402
from reader.language.lexicon import build_trie  # noqa: E402

VERSION_TEMPLATE = """\
VSVersionInfo(
  ffi=FixedFileInfo(filevers={tuple}, prodvers={tuple}),
  kids=[
    StringFileInfo([StringTable('040904B0', [
      StringStruct('CompanyName', 'German Reader developers'),
      StringStruct('FileDescription', 'German Reader'),
      StringStruct('FileVersion', '{version}'),
      StringStruct('InternalName', 'german-reader'),
      StringStruct('OriginalFilename', 'german-reader.exe'),
      StringStruct('ProductName', 'German Reader'),
      StringStruct('ProductVersion', '{version}')])]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""


def write_version_file(build_dir: Path) -> Path:
    """The Windows version resource (four numbers: 0.1.0 → 0, 1, 0, 0); returns its path."""
    numbers = [int(part) for part in __version__.split(".")[:3] if part.isdigit()]
    numbers += [0] * (4 - len(numbers))
    build_dir.mkdir(parents=True, exist_ok=True)
    path = build_dir / "version_info.txt"
    path.write_text(
        VERSION_TEMPLATE.format(tuple=tuple(numbers), version=__version__), encoding="utf-8"
    )
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--onedir-only", action="store_true", help="skip the one-file build")
    parser.add_argument(
        "--onefile-without-dictionary",
        action="store_true",
        help="leave the offline dictionary out of the one-file executable",
    )
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the apps go")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="PyInstaller's work")
    args = parser.parse_args()

    env = dict(
        os.environ,
        READER_VERSION_FILE=str(write_version_file(args.work)),
        READER_BUILD_ONEFILE="0" if args.onedir_only else "1",
        READER_ONEFILE_DICTIONARY="0" if args.onefile_without_dictionary else "1",
        READER_LEMMA_TRIE=str(build_trie(args.work / "lemmas")),
    )
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--log-level=WARN",
        "--distpath",
        str(args.dist),
        "--workpath",
        str(args.work),
        str(ROOT / "build_spec" / "reader.spec"),
    ]
    status = subprocess.call(command, env=env)
    if status == 0 and sys.platform.startswith("linux"):
        # Installed by the user (or a package) into ~/.local/share/applications and icons.
        shutil.copy(ROOT / "build_spec" / "german-reader.desktop", args.dist)
        shutil.copy(ROOT / "build_spec" / "icon.png", args.dist / "german-reader.png")
    if status == 0:
        report_sizes(args.dist)
    return status


def report_sizes(dist: Path) -> None:
    for built in sorted(dist.glob("german-reader*")):
        files = [built] if built.is_file() else [p for p in built.rglob("*") if p.is_file()]
        if built.suffix not in (".desktop", ".png"):
            size = sum(path.stat().st_size for path in files) / 1e6
            print(f"{built}: {size:.1f} MB")


if __name__ == "__main__":
    raise SystemExit(main())
