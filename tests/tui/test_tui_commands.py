"""`quizgame play` and `quizgame` (home): what they check before the game starts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from quizgame.cli import main

from .helpers import FIXTURES

HARBOUR = str(FIXTURES / "harbour.yaml")
BROKEN = str(FIXTURES / "broken" / "broken.yaml")


class _FakeApp:
    return_code = 0

    def __init__(self, config) -> None:
        self.config = config
        self.ran = False

    def run(self) -> None:
        self.ran = True


@pytest.fixture
def started(monkeypatch) -> list[_FakeApp]:
    """Stands in for the app so the command can be run to the point of starting it."""
    import quizgame.tui.app

    apps: list[_FakeApp] = []

    def fake_create_app(config):
        apps.append(_FakeApp(config))
        return apps[-1]

    monkeypatch.setattr(quizgame.tui.app, "create_app", fake_create_app)
    return apps


def _run(*argv: str) -> subprocess.CompletedProcess[str]:
    """Run the CLI in a fresh interpreter and report whether Textual was imported."""
    code = (
        "import sys\n"
        "from quizgame.cli import main\n"
        f"rc = main({list(argv)!r})\n"
        "print('textual imported' if 'textual' in sys.modules else 'no textual', file=sys.stderr)\n"
        "sys.exit(rc)\n"
    )
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)


def test_pack_with_problems_prints_each_on_one_line_without_textual() -> None:
    done = _run("play", BROKEN)
    assert done.returncode == 1
    lines = done.stderr.splitlines()
    assert lines[-1] == "no textual"
    problems = lines[:-1]
    assert len(problems) == 2
    for line in problems:
        assert line.startswith(f"{BROKEN}:") and "Traceback" not in line
    assert ":23:13: answer 'Munich' is not one of the choices" in problems[0]
    assert done.stdout == ""


def test_unknown_pack_id_lists_the_ids_found() -> None:
    done = _run("play", "no-such-pack", "--packs", str(FIXTURES))
    assert done.returncode == 2
    assert "no-such-pack" in done.stderr and "harbour" in done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr.splitlines()[-1] == "no textual"


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--sections", "nowhere"], "nowhere"),
        (["--tags", "nothing-tagged"], "nothing-tagged"),
    ],
)
def test_options_that_fit_nothing_exit_2(args: list[str], words: str, capsys, started) -> None:
    assert main(["play", HARBOUR, *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith("quizgame play: ") and words in err
    assert not started


def test_count_zero_is_a_usage_error(capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["play", HARBOUR, "--count", "0"])
    assert exit_info.value.code == 2
    assert "at least 1" in capsys.readouterr().err


def test_play_starts_the_app_with_the_options_given(started) -> None:
    argv = ["play", HARBOUR, "--player", "Grace", "--seed", "5", "--no-shuffle", "--time-limit", "20"]
    argv += ["--sections", "talks", "--count", "2", "--mode", "exam", "--speed-bonus"]
    assert main(argv) == 0
    (app,) = started
    config = app.config
    assert app.ran
    assert config.player == "Grace" and config.start_pack.id == "harbour"
    options = config.options
    assert options.seed == 5 and not options.shuffle_questions and not options.shuffle_choices
    assert options.time_limit == 20.0 and options.sections == ("talks",) and options.count == 2
    assert options.mode == "exam" and options.scoring.speed_bonus and not options.scoring.streak_bonus


@pytest.fixture
def config_dir(monkeypatch, tmp_path) -> Path:
    folder = tmp_path / "config"
    monkeypatch.setenv("QUIZGAME_CONFIG_DIR", str(folder))
    return folder


def _remember(config_dir: Path, **values: object) -> None:
    import json

    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "settings.json").write_text(json.dumps(values), encoding="utf-8")


def test_play_by_pack_id_picks_a_seed_and_the_name_given_last_time(started, config_dir) -> None:
    _remember(config_dir, player="Lovelace")
    assert main(["play", "harbour", "--packs", str(FIXTURES)]) == 0
    (app,) = started
    # Read by the app once the first question is drawn (tests/tui/test_tui_home_remembers.py).
    assert app.config.player == ""
    assert app.config.settings.path == config_dir / "settings.json"
    assert app.config.settings.settings.player == "Lovelace"
    assert app.config.options.shuffle_questions
    assert isinstance(app.config.options.seed, int)
    assert app.config.extra_pack_dirs == (Path(FIXTURES),)


@pytest.mark.parametrize("command", [["play", HARBOUR], []])
def test_on_the_first_run_no_name_is_made_up_the_game_asks(started, config_dir, monkeypatch, command) -> None:
    import getpass

    # Not the login name ("root" on many a shared machine): the player's own, asked for.
    monkeypatch.setattr(getpass, "getuser", lambda: "root")
    monkeypatch.setenv("LOGNAME", "root")
    assert main(command) == 0
    assert started[0].config.player == "" and started[0].config.settings.settings.player == ""
    assert not (config_dir / "settings.json").exists()


def test_a_name_given_with_player_is_for_this_game_only(started, config_dir) -> None:
    _remember(config_dir, player="Lovelace")
    assert main(["play", HARBOUR, "--player", "Grace"]) == 0
    assert started[0].config.player == "Grace"
    assert started[0].config.settings.settings.player == "Lovelace"


def test_a_damaged_settings_file_starts_the_game_all_the_same(started, config_dir) -> None:
    config_dir.mkdir(parents=True)
    (config_dir / "settings.json").write_text("{not json", encoding="utf-8")
    assert main(["play", HARBOUR]) == 0
    config = started[0].config
    assert config.player == "" and config.settings.settings.player == ""
    assert config.settings.problem.endswith(": it is not valid JSON at line 1; the defaults are used instead.")


def test_blank_player_name_is_refused(started, capsys) -> None:
    assert main(["play", HARBOUR, "--player", "  "]) == 2
    assert "player name" in capsys.readouterr().err
    assert not started


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("\x1b[31mX\x1b]0;pwned\a", "cannot hold control or text-direction characters (U+001B at character 1)"),
        ("Eve\u202e", "cannot hold control or text-direction characters (U+202E"),
        ("x" * 41, "at most 40 characters (this one has 41)"),
    ],
)
def test_an_unusable_player_name_is_refused_before_anything_starts(started, capsys, name, why) -> None:
    assert main(["play", HARBOUR, "--player", name]) == 2
    err = capsys.readouterr().err
    assert err.startswith("quizgame play: the player name given with --player cannot be used: a name ")
    assert why in err and err.count("\n") == 1
    assert "\x1b" not in err and "\u202e" not in err  # the refusal does not write it either
    assert not started


def test_the_player_name_is_trimmed(started) -> None:
    assert main(["play", HARBOUR, "--player", "  Grace  "]) == 0
    assert started[0].config.player == "Grace"


def test_home_passes_pack_folders_and_db(started, tmp_path) -> None:
    db = tmp_path / "results.sqlite3"
    assert main(["--packs", str(FIXTURES), "--db", str(db)]) == 0
    (app,) = started
    assert app.config.start_pack is None
    assert app.config.extra_pack_dirs == (Path(FIXTURES),) and app.config.db_path == db
