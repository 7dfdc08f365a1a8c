from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from .helpers import FIXTURES, PLAYER, THEME, FakeClock, load


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def harbour():
    return load(FIXTURES / "harbour.yaml")


@pytest.fixture
def make_config(clock: FakeClock) -> Callable[..., object]:
    """An AppConfig pinned for tests: fake clock, fixed seeds, fixed theme and player."""
    from quizgame.tui.config import AppConfig

    def make(**overrides: object) -> AppConfig:
        values: dict[str, object] = {
            "player": PLAYER,
            "clock": clock,
            "seed_source": lambda: 7,
            "theme": THEME,
            "find_packs": lambda dirs: [],
        }
        values.update(overrides)
        return AppConfig(**values)  # type: ignore[arg-type]

    return make
