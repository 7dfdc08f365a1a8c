"""Shared pieces for the classroom tests."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from quizgame.store import RetryPolicy

FIXTURES = Path(__file__).resolve().parent / "fixtures"
LIGHTHOUSE = FIXTURES / "lighthouse.yaml"


class FakeClock:
    """Seconds that pass only when a test says so."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def fast_retry(total: float = 0.3) -> RetryPolicy:
    """Gives up on a locked database within a fraction of a second."""
    return RetryPolicy(busy_timeout=0.05, total=total, first_delay=0.01, max_delay=0.05)


def right_answer(prepared) -> object:
    """The response that is fully right for a PreparedQuestion."""
    question = prepared.question
    if question.type == "multiple":
        return frozenset(question.answers)
    if question.type == "short":
        return question.accept[0]
    return question.answer


def wrong_answer(prepared) -> object:
    question = prepared.question
    if question.type == "true_false":
        return not question.answer
    if question.type == "single":
        return next(c for c in prepared.choices if c != question.answer)
    if question.type == "multiple":
        return frozenset(c for c in prepared.choices if c not in question.answers)
    return "definitely not this"


def wait_until(check: Callable[[], object], timeout: float = 10.0, what: str = "") -> object:
    """Poll `check` until it returns something true; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what or check}")
        time.sleep(0.02)
