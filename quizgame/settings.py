"""What the game remembers between runs: the player's name and the last options chosen.

One small JSON file under the user's config folder (quizgame.locations.settings_path),
written whole through quizgame.atomic. Every value is checked as it is read; one that makes
no sense is dropped for its default, and the file as a whole is reported in one line
(`SettingsFile.problem`): a damaged settings file never stops the game, and it is kept
beside the new one (`settings.json.damaged`) rather than lost when the settings are next
saved.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from quizgame.readonly_record import Record

FORMAT = 1
# Far more than any real settings file; a bigger one is not read at all.
MAX_BYTES = 256 * 1024
MODES = ("practice", "exam")


class PackChoices(Record):
    """What was ticked for one pack. Empty means all of its sections, or no tag filter."""

    __slots__ = ("sections", "tags")
    sections: tuple[str, ...]
    tags: tuple[str, ...]

    def __init__(self, sections: tuple[str, ...] = (), tags: tuple[str, ...] = ()) -> None:
        super().__init__(tuple(sections), tuple(tags))


NO_CHOICES = PackChoices()


class Settings(Record):
    """The remembered choices. `player` is "" until the player has given a name."""

    __slots__ = (
        "player",
        "shuffle",
        "mode",
        "time_limit",
        "count",
        "speed_bonus",
        "streak_bonus",
        "pack",
        "packs",
    )
    player: str
    shuffle: bool
    mode: str
    # Seconds per question; 0 for none.
    time_limit: int
    # Questions per quiz; None for all that the sections and tags give.
    count: int | None
    speed_bonus: bool
    streak_bonus: bool
    # The id of the pack last started from the home screen, "" for none yet.
    pack: str
    # Pack id -> what was ticked for it.
    packs: Mapping[str, PackChoices]

    def __init__(
        self,
        player: str = "",
        shuffle: bool = True,
        mode: str = "practice",
        time_limit: int = 0,
        count: int | None = None,
        speed_bonus: bool = False,
        streak_bonus: bool = False,
        pack: str = "",
        packs: Mapping[str, PackChoices] | None = None,
    ) -> None:
        super().__init__(
            player, shuffle, mode, time_limit, count, speed_bonus, streak_bonus, pack, dict(packs or {})
        )

    def choices_for(self, pack_id: str) -> PackChoices:
        return self.packs.get(pack_id, NO_CHOICES)

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "player": self.player,
            "shuffle": self.shuffle,
            "mode": self.mode,
            "time_limit": self.time_limit,
            "count": self.count,
            "speed_bonus": self.speed_bonus,
            "streak_bonus": self.streak_bonus,
            "pack": self.pack,
            "packs": {
                pack_id: {"sections": list(choices.sections), "tags": list(choices.tags)}
                for pack_id, choices in sorted(self.packs.items())
            },
        }


def _is_bool(value: object) -> bool:
    return isinstance(value, bool)


def _is_whole(value: object, least: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= least


def _is_names(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(name, str) and name for name in value)


# Each setting: (what it must be, as said in a problem; the check; how the value is kept).
_CHECKS: dict[str, tuple[str, Callable[[object], bool], Callable[[Any], Any]]] = {
    "shuffle": ("true or false", _is_bool, bool),
    "mode": ("'practice' or 'exam'", lambda v: v in MODES, str),
    "time_limit": ("a whole number of seconds (0 for none)", lambda v: _is_whole(v, 0), int),
    "count": ("a whole number of at least 1, or null", lambda v: v is None or _is_whole(v, 1), lambda v: v),
    "speed_bonus": ("true or false", _is_bool, bool),
    "streak_bonus": ("true or false", _is_bool, bool),
    "pack": ("a pack id", lambda v: isinstance(v, str), str),
}


def parse(text: str) -> tuple[Settings, list[str]]:
    """The settings in `text`, and what was wrong with it (each bad value is left at its
    default). Never raises."""
    import json  # here, not at the top: `play` reads the settings only after its first paint

    try:
        data = json.loads(text)
    except ValueError as error:  # JSONDecodeError
        line = getattr(error, "lineno", None)
        where = f" at line {line}" if line else ""
        return Settings(), [f"it is not valid JSON{where}"]
    if not isinstance(data, dict):
        return Settings(), ["it does not hold a JSON object"]
    problems: list[str] = []
    values: dict[str, Any] = {}
    if "player" in data:
        from quizgame.engine.names import InvalidName, check_name

        try:
            values["player"] = check_name(data["player"])
        except InvalidName as error:
            if data["player"] != "":
                problems.append(f"'player': {error}")
    for key, (wanted, check, keep) in _CHECKS.items():
        if key in data:
            if check(data[key]):
                values[key] = keep(data[key])
            else:
                problems.append(f"'{key}' must be {wanted}")
    packs = data.get("packs", {})
    if not isinstance(packs, dict):
        problems.append("'packs' must be an object of pack ids")
        packs = {}
    kept: dict[str, PackChoices] = {}
    for pack_id, choices in packs.items():
        if not isinstance(choices, dict) or not all(_is_names(choices.get(k, [])) for k in ("sections", "tags")):
            problems.append("'packs' must hold lists of section and tag ids for each pack")
            continue
        kept[pack_id] = PackChoices(tuple(choices.get("sections", [])), tuple(choices.get("tags", [])))
    values["packs"] = kept
    return Settings(**values), problems


class SettingsFile:
    """The settings file at `path`: read the first time they are asked for, written whole by
    save()."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._problem: str | None = None
        self._damaged = False
        self._settings: Settings | None = None

    @classmethod
    def default(cls) -> SettingsFile:
        """The player's own settings file (quizgame.locations.settings_path)."""
        from quizgame.locations import settings_path

        return cls(settings_path())

    @property
    def settings(self) -> Settings:
        return self._load()

    @property
    def problem(self) -> str | None:
        """What was wrong with the file as read, in one line; None if nothing."""
        self._load()
        return self._problem

    def _load(self) -> Settings:
        if self._settings is None:
            self._settings = self._read()
        return self._settings

    def _read(self) -> Settings:
        try:
            with open(self.path, "rb") as handle:
                raw = handle.read(MAX_BYTES + 1)
        except FileNotFoundError:
            return Settings()
        except OSError as error:
            self._problem = self._say(error.strerror or str(error), "")
            return Settings()
        if len(raw) > MAX_BYTES:
            return self._damage(Settings(), [f"it is bigger than {MAX_BYTES // 1024} KiB"])
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            return self._damage(Settings(), ["it is not UTF-8 text"])
        settings, problems = parse(text)
        return self._damage(settings, problems) if problems else settings

    def _damage(self, settings: Settings, problems: list[str]) -> Settings:
        self._damaged = True
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        self._problem = self._say(f"{problems[0]}{more}", "; the defaults are used instead")
        return settings

    def _say(self, reason: str, then: str) -> str:
        from quizgame.safe_text import safe_text

        return safe_text(f"Settings file {self.path}: {reason}{then}.", one_line=True)

    def save(self, settings: Settings) -> str | None:
        """Write `settings`; None when done, else the one-line reason it could not be."""
        import json

        from quizgame.atomic import atomic_write, user_file_mode

        self._load()  # first: a damaged file is kept aside, not lost
        text = json.dumps(settings.to_dict(), ensure_ascii=False, indent=2) + "\n"
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if self._damaged:
                # Kept for whoever wants to see what was in it; the new file replaces it.
                try:
                    os.replace(self.path, self.path.with_name(self.path.name + ".damaged"))
                except FileNotFoundError:
                    pass
                self._damaged = False
            atomic_write(self.path, lambda handle: handle.write(text), newline="\n", mode=user_file_mode(self.path))
        except OSError as error:
            return self._say(f"could not be saved: {error.strerror or error}", "")
        self._settings = settings
        self._problem = None
        return None
