"""What keeps the host safe from its clients: the PIN and its lock-out, and the rate limit.

Plain code on an injected clock, so the tests can walk through a lock-out without waiting.
"""

from __future__ import annotations

import hmac
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass

from quizgame.live.protocol import PIN_DIGITS


@dataclass(frozen=True)
class Limits:
    max_players: int = 100
    max_message: int = 16 * 1024  # bytes; a larger message closes the connection
    rate: float = 10.0  # messages a second, on average, per connection
    burst: int = 30  # messages at once before the rate applies
    bad_messages: int = 5  # error replies before the host disconnects
    hello_within: float = 10.0  # seconds a new connection has to say hello
    pin_tries: int = 10  # wrong PINs from one address before it must wait
    lockout: float = 60.0  # seconds
    send_queue: int = 256  # messages waiting for one slow client before it is dropped
    heartbeat: float = 20.0  # seconds between WebSocket pings; a dead peer is noticed


def new_pin() -> str:
    """A fresh 6-digit game PIN, leading zeros and all."""
    return f"{secrets.randbelow(10**PIN_DIGITS):0{PIN_DIGITS}d}"


class PinGuard:
    """Checks PINs in constant time and locks out an address after too many wrong ones."""

    def __init__(
        self, pin: str, limits: Limits = Limits(), *, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.pin = pin
        self._limits = limits
        self._clock = clock
        self._wrong: dict[str, int] = {}
        self._locked_until: dict[str, float] = {}

    def locked_for(self, address: str) -> float:
        """Seconds `address` must still wait; 0 when it may try."""
        until = self._locked_until.get(address)
        if until is None:
            return 0.0
        left = until - self._clock()
        if left <= 0:
            del self._locked_until[address]
            self._wrong.pop(address, None)
            return 0.0
        return left

    def check(self, address: str, given: str) -> bool:
        """Whether `given` is the PIN. Call only when locked_for(address) is 0."""
        # compare_digest on bytes of any length: the time does not tell how much matched.
        right = hmac.compare_digest(given.encode("utf-8"), self.pin.encode("utf-8"))
        if right:
            self._wrong.pop(address, None)
            return True
        wrong = self._wrong.get(address, 0) + 1
        self._wrong[address] = wrong
        if wrong >= self._limits.pin_tries:
            self._locked_until[address] = self._clock() + self._limits.lockout
        return False


class RateLimit:
    """A token bucket per connection: `burst` at once, then `rate` a second."""

    def __init__(self, limits: Limits = Limits(), *, clock: Callable[[], float] = time.monotonic) -> None:
        self._rate = limits.rate
        self._burst = float(limits.burst)
        self._tokens = float(limits.burst)
        self._clock = clock
        self._at = clock()

    def allow(self) -> bool:
        now = self._clock()
        self._tokens = min(self._burst, self._tokens + (now - self._at) * self._rate)
        self._at = now
        if self._tokens >= 1.0:
            self._tokens -= 1.0
            return True
        return False
