"""build_spec/fetch_ding.py: Ding's word list out of Debian's package, on any system (no network:
the package files are served from disk)."""

from __future__ import annotations

import hashlib
import io
import tarfile
from pathlib import Path

import pytest

from build_spec import fetch_ding

DEBIAN_CACHE = Path("/var/cache/apt/archives") / fetch_ding.PACKAGE
WORDS = b"# Ding test list\nHaushalt {m} | Haushalte {pl} :: budget | budgets\n"


def ar_archive(members: dict[str, bytes]) -> bytes:
    out = bytearray(fetch_ding.AR_MAGIC)
    for name, content in members.items():
        header = f"{name + '/':<16}{0:<12}{0:<6}{0:<6}{'100644':<8}{len(content):<10}`\n"
        out += header.encode("ascii") + content + (b"\n" if len(content) % 2 else b"")
    return bytes(out)


def debian_package(words: bytes, compression: str = "xz") -> bytes:
    data = io.BytesIO()
    with tarfile.open(fileobj=data, mode=f"w:{compression}") as archive:
        info = tarfile.TarInfo("./usr/share/trans/de-en")
        info.size = len(words)
        archive.addfile(info, io.BytesIO(words))
    return ar_archive(
        {
            "debian-binary": b"2.0\n",
            "control.tar.xz": b"",
            f"data.tar.{compression}": data.getvalue(),
        }
    )


@pytest.mark.parametrize("compression", ["xz", "gz"])
def test_the_list_comes_out_of_the_package(compression: str) -> None:
    assert fetch_ding.word_list_from_deb(debian_package(WORDS, compression)) == WORDS


def test_a_download_is_checked_and_written(tmp_path: Path) -> None:
    package = tmp_path / fetch_ding.PACKAGE
    package.write_bytes(debian_package(WORDS))
    digest = hashlib.sha256(package.read_bytes()).hexdigest()
    target = tmp_path / "out" / "de-en"
    status = fetch_ding.main([str(target), "--url", package.as_uri(), "--sha256", digest])
    assert status == 0 and target.read_bytes() == WORDS


def test_a_changed_file_or_no_network_is_one_line_and_status_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    package = tmp_path / fetch_ding.PACKAGE
    package.write_bytes(debian_package(WORDS))
    missing = (tmp_path / "gone.deb").as_uri()
    target = tmp_path / "de-en"
    status = fetch_ding.main([str(target), "--url", missing, "--url", package.as_uri()])
    assert status == 1 and not target.exists()
    error = capsys.readouterr().err.strip()
    assert error.count("\n") == 0 and "gone.deb" in error and "expected" in error


@pytest.mark.parametrize(
    "data", [b"<html>not a package</html>", fetch_ding.AR_MAGIC + b"x" * 70, ar_archive({})]
)
def test_what_is_not_the_package_is_refused(data: bytes) -> None:
    with pytest.raises(fetch_ding.FetchError):
        fetch_ding.word_list_from_deb(data)


@pytest.mark.skipif(not DEBIAN_CACHE.is_file(), reason="no trans-de-en package in apt's cache")
def test_the_pinned_package_holds_the_installed_list(tmp_path: Path) -> None:
    """The real Debian package, from apt's cache: the pinned hash, and the same list as the
    installed one."""
    target = tmp_path / "de-en"
    assert fetch_ding.main([str(target), "--url", DEBIAN_CACHE.as_uri()]) == 0
    installed = Path("/usr/share/trans/de-en")
    if installed.is_file():
        assert target.read_bytes() == installed.read_bytes()


def test_the_release_workflow_builds_the_dictionary_on_every_system() -> None:
    """Each of the three systems fetches the list and builds the dictionary before the build,
    and the self-test there requires it."""
    workflow = (Path(__file__).parent.parent / ".github" / "workflows" / "release.yml").read_text(
        encoding="utf-8"
    )
    assert "os: [ubuntu-22.04, windows-latest, macos-14]" in workflow
    steps = [
        "run: python build_spec/fetch_ding.py build/ding/de-en",
        "run: python -m reader.dictionary.build build/ding/de-en",
        "run: python build_spec/build.py",
    ]
    positions = [workflow.index(step) for step in steps]
    assert positions == sorted(positions)
    assert 'READER_REQUIRE_DICTIONARY: "1"' in workflow
    assert "apt-get install -y trans-de-en" not in workflow  # Windows and macOS have no apt
