"""The system's German voices are found from what each system's tools print; the settings keep
the chosen voice and speed; `reader speak` writes WAV files."""

from __future__ import annotations

import json
import shutil
import wave
from pathlib import Path

import pytest

from reader.cli import main
from reader.settings import Settings, load_settings, save_settings
from reader.speech import voices as voice_catalogue
from reader.speech.audio import loudness, read_wav
from reader.speech.system_voices import (
    SayVoice,
    SpeechDispatcherVoice,
    _sapi_german,
    is_german,
    macos_voices,
    speech_dispatcher_voices,
)

# What `say -v ?` prints on macOS (shortened).
SAY_VOICES = """\
Alex                en_US    # Most people recognize me by my voice.
Anna                de_DE    # Hallo, ich heiße Anna und ich bin eine deutsche Stimme.
Eddy (Deutsch (Deutschland)) de_DE    # Hallo! Ich heiße Eddy.
Amélie              fr_CA    # Bonjour, je m’appelle Amélie.
Markus              de_DE    # Hallo, ich heiße Markus.
"""
# What `spd-say --list-output-modules` and `spd-say -o espeak-ng -L` print (Debian 12).
SPD_MODULES = "OUTPUT MODULES\nespeak-ng\npico\n"
SPD_ESPEAK = """\
                     NAME                 LANGUAGE                  VARIANT
                Afrikaans                       af                     none
                   German                       de                     none
              German+Adam                       de                     Adam
              German+Alex                       de                     Alex
         English (America)                    en-US                    none
"""
SPD_PICO = """\
NAME LANGUAGE VARIANT
en-US en-US none
de-DE de-DE none
"""


def recorded(answers: dict[tuple[str, ...], str]):  # type: ignore[no-untyped-def]
    def run(command: list[str]) -> str:
        return answers[tuple(command)]

    return run


def test_macos_german_voices_are_found() -> None:
    found = macos_voices(recorded({("say", "-v", "?"): SAY_VOICES}))
    assert [voice.id for voice in found] == [
        "say:Anna",
        "say:Eddy (Deutsch (Deutschland))",
        "say:Markus",
    ]
    assert found[0].name == "Anna (macOS, de_DE)"
    voice = found[0].open()
    assert isinstance(voice, SayVoice) and voice.writes_audio


def test_speech_dispatcher_german_voices_without_variants() -> None:
    run = recorded(
        {
            ("spd-say", "--list-output-modules"): SPD_MODULES,
            ("spd-say", "-o", "espeak-ng", "--list-synthesis-voices"): SPD_ESPEAK,
            ("spd-say", "-o", "pico", "--list-synthesis-voices"): SPD_PICO,
        }
    )
    found = speech_dispatcher_voices(run)
    assert [voice.id for voice in found] == ["speechd:espeak-ng:German", "speechd:pico:de-DE"]
    voice = found[0].open()
    assert isinstance(voice, SpeechDispatcherVoice) and not voice.writes_audio


@pytest.mark.skipif(shutil.which("spd-say") is None, reason="speech-dispatcher is not installed")
def test_the_installed_speech_dispatcher_offers_a_german_voice() -> None:
    found = speech_dispatcher_voices()
    assert any(voice.id.startswith("speechd:") for voice in found)


@pytest.mark.parametrize(
    ("languages", "german"),
    [("407", True), ("c07;409", True), ("807", True), ("409", False), ("", False), ("x", False)],
)
def test_sapi_languages(languages: str, german: bool) -> None:
    assert _sapi_german(languages) is german


@pytest.mark.parametrize(
    ("code", "german"), [("de", True), ("de_DE", True), ("de-AT", True), ("den", False)]
)
def test_german_language_codes(code: str, german: bool) -> None:
    assert is_german(code) is german


def test_the_catalogue_starts_with_the_bundled_voices(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(voice_catalogue, "_detected", None)
    assert voice_catalogue.known_voices()[0].id == "espeak:de"
    every = voice_catalogue.available_voices()
    assert [v.id for v in every[:3]] == ["espeak:de", "espeak:de+f3", "espeak:de+m3"]
    assert voice_catalogue.known_voices() == every
    assert voice_catalogue.voice_name("espeak:de") == "eSpeak NG German (bundled)"
    assert voice_catalogue.voice_name("say:Gone") == "say:Gone"


# --- settings ---------------------------------------------------------------------------------


def test_voice_and_speed_are_remembered(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    save_settings(Settings(speech_voice="espeak:de+f3", speech_rate=0.7), path)
    loaded = load_settings(path)
    assert (loaded.speech_voice, loaded.speech_rate) == ("espeak:de+f3", 0.7)


@pytest.mark.parametrize(
    ("stored", "rate"), [(3, 1.5), (0.1, 0.5), (0.84, 0.8), ("fast", 1.0), (True, 1.0)]
)
def test_bad_speeds_are_clamped_or_ignored(tmp_path: Path, stored: object, rate: float) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"speech_rate": stored, "speech_voice": ""}), encoding="utf-8")
    loaded = load_settings(path)
    assert loaded.speech_rate == rate
    assert loaded.speech_voice == "espeak:de"


# --- reader speak -----------------------------------------------------------------------------


def _wav(path: Path) -> tuple[int, float]:
    with wave.open(str(path), "rb") as reader:
        return reader.getframerate(), reader.getnframes() / reader.getframerate()


def test_speak_writes_a_wav(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "satz.wav"
    assert main(["speak", "Die Straße ist schön.", "--out", str(out)]) == 0
    rate, seconds = _wav(out)
    assert rate == 22050 and 1.0 < seconds < 4.0
    assert loudness(read_wav(out.read_bytes())) > 1000
    assert "wrote" in capsys.readouterr().err


def test_speak_slower_and_with_another_voice(tmp_path: Path) -> None:
    normal, slow, female = (tmp_path / f"{name}.wav" for name in ("normal", "slow", "female"))
    text = "Der Bundestag hat heute über den Haushalt beraten."
    assert main(["speak", text, "--out", str(normal)]) == 0
    assert main(["speak", text, "--out", str(slow), "--rate", "0.5"]) == 0
    assert main(["speak", text, "--out", str(female), "--voice", "espeak:de+f3"]) == 0
    assert _wav(slow)[1] > 1.5 * _wav(normal)[1]
    assert female.read_bytes() != normal.read_bytes()


def test_speak_an_article_file(tmp_path: Path) -> None:
    article = tmp_path / "artikel.md"
    article.write_text(
        "# Streit im Bundestag\n\nDie Opposition kritisiert den Haushalt. Die Regierung "
        "verteidigt ihn.\n\nEine Einigung ist nicht in Sicht.\n",
        encoding="utf-8",
    )
    out = tmp_path / "artikel.wav"
    assert main(["speak", "--file", str(article), "--out", str(out)]) == 0
    short = tmp_path / "kurz.wav"
    assert main(["speak", "Eine Einigung ist nicht in Sicht.", "--out", str(short)]) == 0
    assert _wav(out)[1] > 3 * _wav(short)[1]  # the title and all four sentences


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["speak", "--out", "x.wav"], "give the text to speak or --file"),
        (["speak", "Hallo", "--file", "a.txt", "--out", "x.wav"], "one of them"),
        (["speak", "Hallo"], "--out FILE.wav is required"),
        (["speak", "Hallo", "--out", "x.wav", "--rate", "2"], "from 0.5 to 1.5"),
        (["speak", "Hallo", "--out", "x.wav", "--rate", "schnell"], "not a number"),
    ],
)
def test_speak_usage_errors(
    arguments: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_status:
        main(arguments)
    assert exit_status.value.code == 2
    assert message in capsys.readouterr().err


def test_speak_problems_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cases = [
        (["speak", "Hallo", "--out", str(tmp_path / "no" / "x.wav")], "cannot write the WAV"),
        (["speak", "Hallo", "--out", str(tmp_path / "x.wav"), "--voice", "espeak:xx"], "no voice"),
        (["speak", "  ", "--out", str(tmp_path / "x.wav")], "the text to speak is empty"),
        (["speak", "--file", str(tmp_path / "missing.txt"), "--out", "x.wav"], "missing.txt"),
    ]
    for arguments, message in cases:
        assert main(arguments) == 2
        err = capsys.readouterr().err
        assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_speak_lists_the_voices(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["speak", "--list-voices"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "espeak:de\teSpeak NG German (bundled)"
