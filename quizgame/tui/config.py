"""What the terminal app needs to start: plain data, no Textual.

The CLI commands and the tests build an `AppConfig` and hand it to `create_app`. Everything
that varies between a real run and a test (clock, seeds, pack discovery, where answers go) is
a field here, so tests drive the very same app the player gets.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from concurrent.futures import Future
    from typing import Protocol

    from quizgame.engine import AnswerResult, QuestionClock, QuizSession, SessionOptions
    from quizgame.engine.game import HotSeatGame
    from quizgame.packs import LoadedPack
    from quizgame.packs.discovery import PackEntry
    from quizgame.saving import ResumeOffer
    from quizgame.settings import SettingsFile
    from quizgame.store import RecorderStatus

    # Only for type checkers: defining a Protocol class costs start-up time, and nothing
    # checks it at run time.
    class Recorder(Protocol):
        """Where a session's answers go (quizgame.saving.GameSaver). Every method returns at once:
        the writes happen on the saver's own thread."""

        def start(
            self, session: QuizSession, player: str, *, started_from: str | None = ..., until_answered: bool = ...
        ) -> str: ...

        def resume(self, session: QuizSession, session_id: str) -> None: ...

        def record(self, session: QuizSession, result: AnswerResult) -> None: ...

        def pause_writing(self) -> None: ...

        def resume_writing(self) -> None: ...

        def shown(self, session: QuizSession, clock: QuestionClock) -> None: ...

        def clock_moved(self, session: QuizSession, clock: QuestionClock) -> None: ...

        def finish(self, session: QuizSession) -> None: ...

        def start_game(self, game: HotSeatGame) -> str: ...

        def finish_game(self, game: HotSeatGame) -> None: ...

        @property
        def status(self) -> RecorderStatus: ...

        def find_resumable(
            self, player: str, pack: LoadedPack, wanted: SessionOptions, *, seed_fixed: bool, clock: Callable[[], float]
        ) -> Future[ResumeOffer | None]: ...


# The smallest terminal the game is laid out for, and the one below which it gives up.
FULL_SIZE = (80, 24)
MIN_SIZE = (60, 18)


def random_seed() -> int:
    # os.urandom rather than `secrets`, whose import (hmac, base64) costs start-up time.
    return int.from_bytes(os.urandom(4), "big")


def _discover(extra_dirs: Sequence[Path]) -> list[PackEntry]:
    from quizgame.packs.discovery import discover_packs

    return discover_packs(list(extra_dirs))


@dataclass(eq=False)
class AppConfig:
    """Everything the app is started with; see the module's docstring."""

    extra_pack_dirs: tuple[Path, ...] = ()
    # Set by `quizgame play`: open straight on this pack's first question.
    start_pack: LoadedPack | None = None
    options: SessionOptions | None = None
    # The name to play under; "" until the player gives one, which the app then asks for.
    player: str = ""
    # Where the name and the home screen's choices are remembered; None remembers nothing.
    settings: SettingsFile | None = None
    db_path: Path | None = None
    recorder: Recorder | None = None
    # Opens the recorder when there is none yet, once the first screen is drawn: the saver
    # (its imports, its thread, the database) is not needed before the first answer.
    open_recorder: Callable[[], Recorder] | None = None
    clock: Callable[[], float] = time.monotonic
    # Seeds for sessions started from the home screen (a `play` seed is in `options`).
    seed_source: Callable[[], int] = random_seed
    find_packs: Callable[[Sequence[Path]], list[PackEntry]] = _discover
    # None keeps Textual's default theme; tests pin one so snapshots don't drift.
    theme: str | None = None
    # How often the countdown redraws, in seconds.
    tick: float = 0.2
    # `play --seed N`: the seed is part of the conditions (an exam resumes only with it).
    seed_fixed: bool = False
    # Handle SIGTERM and SIGHUP (save, restore the terminal, exit 0). Off in tests, which
    # run the app inside the test process's own event loop.
    handle_signals: bool = False
    # How often the app looks at the saver's status, in seconds.
    status_every: float = 0.5
    # How long to wait for the lookup of an unfinished session before starting afresh.
    resume_timeout: float = 5.0
