"""The settings file: what is remembered between runs, and a damaged file never stopping the game."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import given, settings as hypothesis_settings, strategies as st

from quizgame.locations import settings_path
from quizgame.settings import PackChoices, Settings, SettingsFile, parse


def test_it_lives_in_the_config_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("QUIZGAME_CONFIG_DIR", str(tmp_path / "cfg"))
    assert settings_path() == tmp_path / "cfg" / "settings.json"
    monkeypatch.delenv("QUIZGAME_CONFIG_DIR")
    from platformdirs import user_config_dir

    assert settings_path() == Path(user_config_dir("quizgame", appauthor=False)) / "settings.json"


def test_no_file_yet_means_the_defaults_and_no_name(tmp_path: Path) -> None:
    file = SettingsFile(tmp_path / "settings.json")
    assert file.settings == Settings() and file.settings.player == ""
    assert file.problem is None


def test_what_is_saved_is_read_back(tmp_path: Path) -> None:
    path = tmp_path / "new" / "settings.json"
    chosen = Settings(
        player="Zoë",
        shuffle=False,
        mode="exam",
        time_limit=30,
        count=5,
        speed_bonus=True,
        streak_bonus=True,
        pack="harbour",
        packs={"harbour": PackChoices(("talks",), ("port",))},
    )
    assert SettingsFile(path).save(chosen) is None
    again = SettingsFile(path)
    assert again.settings == chosen and again.problem is None
    assert json.loads(path.read_text(encoding="utf-8"))["player"] == "Zoë"
    assert [p.name for p in path.parent.iterdir()] == ["settings.json"]  # no temporary file left


@pytest.mark.parametrize("umask", [0o022, 0o077])
def test_the_file_follows_the_umask(tmp_path: Path, umask: int) -> None:
    before = os.umask(umask)
    try:
        SettingsFile(tmp_path / "settings.json").save(Settings(player="Ada"))
    finally:
        os.umask(before)
    assert (tmp_path / "settings.json").stat().st_mode & 0o777 == 0o666 & ~umask


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b"{\n  \"player\": \"Ada\",\n", "it is not valid JSON at line 3"),
        (b"[1, 2]", "it does not hold a JSON object"),
        (b"\xff\xfe{}", "it is not UTF-8 text"),
        (b"", "it is not valid JSON at line 1"),
    ],
)
def test_a_damaged_file_is_told_in_one_line_and_the_defaults_are_used(
    tmp_path: Path, content: bytes, said: str
) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(content)
    file = SettingsFile(path)
    assert file.settings == Settings()
    assert file.problem == f"Settings file {path}: {said}; the defaults are used instead."
    assert "\n" not in file.problem

    # Saving afterwards keeps what was there beside the new file.
    assert file.save(Settings(player="Ada")) is None
    assert (tmp_path / "settings.json.damaged").read_bytes() == content
    assert SettingsFile(path).settings.player == "Ada"


def test_a_bad_value_falls_back_alone_and_is_named(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(
        json.dumps({"player": "Grace", "count": 0, "mode": "exam", "shuffle": "yes", "packs": {"p": {"sections": [1]}}}),
        encoding="utf-8",
    )
    file = SettingsFile(path)
    assert (file.settings.player, file.settings.mode) == ("Grace", "exam")
    assert (file.settings.count, file.settings.shuffle, file.settings.packs) == (None, True, {})
    assert file.problem == (
        f"Settings file {path}: 'shuffle' must be true or false (and 2 more); the defaults are used instead."
    )


def test_a_stored_name_is_checked_like_a_typed_one(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"player": "Eve\u001b[31m"}), encoding="utf-8")
    file = SettingsFile(path)
    assert file.settings.player == ""
    assert "'player': a name cannot hold control or text-direction characters" in (file.problem or "")
    assert "\x1b" not in (file.problem or "")


def test_a_folder_that_cannot_be_written_is_told_not_raised(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    file = SettingsFile(blocker / "settings.json")
    said = file.save(Settings(player="Ada"))
    assert said is not None and said.startswith(f"Settings file {blocker / 'settings.json'}: could not be saved: ")


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
KEYS = st.sampled_from(["player", "shuffle", "mode", "time_limit", "count", "speed_bonus", "streak_bonus", "pack", "packs"])


@hypothesis_settings(max_examples=300, deadline=None)
@given(st.dictionaries(KEYS, JSON, max_size=9) | JSON)
def test_any_json_at_all_gives_settings_and_never_an_exception(data: object) -> None:
    settings, problems = parse(json.dumps(data))
    assert isinstance(settings, Settings)
    assert all(isinstance(problem, str) and "\n" not in problem for problem in problems)
