"""Settings: defaults in code, JSON on disk, atomic writes, corrupt files set aside."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from reader import paths
from reader.settings import (
    MAX_FONT_SIZE,
    MAX_RECENT_FILES,
    Settings,
    load_settings,
    save_settings,
    settings_path,
    with_recent_file,
    without_recent_file,
)


def test_missing_file_gives_the_defaults(tmp_path: Path) -> None:
    assert load_settings(tmp_path / "none.json") == Settings()


def test_settings_live_in_the_user_config_folder() -> None:
    assert settings_path().parent == paths.config_dir()
    save_settings(Settings(font_size=15))
    assert load_settings().font_size == 15


def test_saved_settings_come_back_unchanged(tmp_path: Path) -> None:
    settings = Settings(
        geometry="1000x700+10+20",
        side_share=0.31,
        side_sash=300,
        provider="deepl",
        endpoint="http://127.0.0.1:5000/",
        font_size=16,
        theme="dark",
        highlight_long_sentences=True,
        translate_on_open=False,
        recent_files=("/a/b.txt", "/c/d.pdf"),
        last_folder="/home/anna/Downloads",
    )
    path = tmp_path / "settings.json"
    save_settings(settings, path)
    assert load_settings(path) == settings
    assert json.loads(path.read_text(encoding="utf-8"))["recent_files"] == ["/a/b.txt", "/c/d.pdf"]


def test_a_write_leaves_no_temporary_files(tmp_path: Path) -> None:
    folder = tmp_path / "config"
    save_settings(Settings(), folder / "settings.json")
    save_settings(Settings(font_size=14), folder / "settings.json")
    assert sorted(p.name for p in folder.iterdir()) == ["settings.json"]


def test_a_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "config" / "settings.json"
    save_settings(Settings(font_size=14), path)

    def broken_replace(source: str, target: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        save_settings(Settings(font_size=20), path)
    monkeypatch.undo()
    assert load_settings(path).font_size == 14
    assert sorted(p.name for p in path.parent.iterdir()) == ["settings.json"]


@pytest.mark.parametrize("content", ["{not json", "[1, 2, 3]", "", "\x00\x01"])
def test_a_corrupt_file_is_set_aside_and_defaults_used(tmp_path: Path, content: str) -> None:
    path = tmp_path / "settings.json"
    path.write_text(content, encoding="utf-8")
    assert load_settings(path) == Settings()
    assert not path.exists()
    assert (tmp_path / "settings.json.corrupt").read_text(encoding="utf-8") == content


@pytest.mark.parametrize(
    ("stored", "expected"),
    [
        ({"font_size": "big"}, Settings()),
        ({"font_size": 400}, Settings(font_size=MAX_FONT_SIZE)),
        ({"font_size": True}, Settings()),
        ({"theme": "purple"}, Settings()),
        ({"side_sash": -5}, Settings()),
        ({"side_share": 1.5}, Settings()),
        ({"side_share": True}, Settings()),
        ({"main_sash": 640}, Settings()),  # from an older version: the split is chosen anew
        ({"endpoint": ""}, Settings()),
        ({"recent_files": "one.txt"}, Settings()),
        ({"recent_files": ["a.txt", 3, "b.txt"]}, Settings(recent_files=("a.txt", "b.txt"))),
        ({"unknown": 1, "font_size": 11}, Settings(font_size=11)),
    ],
)
def test_bad_values_fall_back_to_their_defaults(
    tmp_path: Path, stored: dict[str, object], expected: Settings
) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps(stored), encoding="utf-8")
    assert load_settings(path) == expected


def test_api_keys_are_never_stored(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"api_key": "secret", "provider": "deepl"}), encoding="utf-8")
    settings = load_settings(path)
    save_settings(settings, path)
    assert "secret" not in path.read_text(encoding="utf-8")
    assert settings.provider == "deepl"


def test_recent_files_are_newest_first_without_duplicates(tmp_path: Path) -> None:
    settings = Settings()
    for number in range(MAX_RECENT_FILES + 3):
        settings = with_recent_file(settings, tmp_path / f"{number}.txt")
    settings = with_recent_file(settings, tmp_path / "5.txt")
    assert len(settings.recent_files) == MAX_RECENT_FILES
    assert settings.recent_files[0] == str(tmp_path / "5.txt")
    assert settings.recent_files.count(str(tmp_path / "5.txt")) == 1
    assert (
        str(tmp_path / "5.txt")
        not in without_recent_file(settings, str(tmp_path / "5.txt")).recent_files
    )


@pytest.mark.parametrize(
    "content",
    [b"\xff\xfe{\x00}\x00", b'{"theme": "dark", "font_size": 15, "x": "\xe4"}'],
    ids=["utf16", "latin1"],
)
def test_a_settings_file_that_is_not_utf8_is_set_aside(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(content)

    assert load_settings(path) == Settings()
    assert not path.exists()
    assert (tmp_path / "settings.json.corrupt").read_bytes() == content


def test_a_byte_order_mark_is_no_reason_to_lose_the_settings(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"theme": "dark"}).encode())

    assert load_settings(path).theme == "dark"
    assert path.exists()


@pytest.mark.parametrize(
    ("geometry", "kept"),
    [
        ("1200x800+10+20", True),
        ("1024x700", True),
        ("1600x1000+-1600+0", True),
        ("garbage", False),
        ("0x0", False),
        ("1200x800+", False),
        ("99999999x1", False),
    ],
)
def test_only_a_geometry_tk_accepts_is_taken(tmp_path: Path, geometry: str, kept: bool) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"geometry": geometry}), encoding="utf-8")

    assert (load_settings(path).geometry == geometry) is kept
