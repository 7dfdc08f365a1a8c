"""Test doubles shared by every test package (tests/ is on sys.path for all of them)."""

from __future__ import annotations


class FakeClock:
    """Seconds that pass only when a test says so, so timers and durations are exact."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds
