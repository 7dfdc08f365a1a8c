"""Who is in a classroom game: joining, leaving, coming back and being removed.

Each player has an ordinary QuizSession built from the game's options, so everyone is asked
the same questions with the choices in the same order, and scoring is the solo game's.
A player holds a token, a secret the host gave them when they first joined; showing it again
brings them back to the same seat, name and score.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterator
from typing import Literal

from quizgame.engine.errors import EngineError
from quizgame.engine.names import InvalidName, check_name
from quizgame.engine.session import QuizSession

DEFAULT_MAX_PLAYERS = 100

# Why a join is refused, as a code a client can act on, with the message for a person.
RefusalCode = Literal["name", "name_taken", "full", "removed", "finished"]


class JoinRefused(EngineError):
    def __init__(self, code: RefusalCode, message: str) -> None:
        super().__init__(message)
        self.code: RefusalCode = code


class UnknownPlayer(EngineError):
    """A token or name that is not in the game (any more)."""


def new_token() -> str:
    return secrets.token_urlsafe(18)


def player_name(raw: object) -> str:
    """The one place a name from outside is checked before it joins a game."""
    try:
        return check_name(raw)
    except InvalidName as error:
        raise JoinRefused("name", str(error)) from None


class Player:
    """One seat in the game. `connected` is the host's view: a dropped connection leaves the
    seat (and the score) waiting for its owner to come back."""

    __slots__ = ("name", "token", "session", "order", "connected", "removed")

    def __init__(self, name: str, token: str, session: QuizSession, order: int) -> None:
        self.name = name
        self.token = token
        self.session = session
        self.order = order  # join order: ties on the leaderboard keep it
        self.connected = True
        self.removed = False

    def __repr__(self) -> str:
        return f"Player({self.name!r}, connected={self.connected})"


class Roster:
    def __init__(
        self,
        make_session: Callable[[], QuizSession],
        *,
        max_players: int = DEFAULT_MAX_PLAYERS,
        make_token: Callable[[], str] = new_token,
    ) -> None:
        if max_players < 1:
            raise ValueError("a game needs room for at least one player")
        self._make_session = make_session
        self.max_players = max_players
        self._make_token = make_token
        self._by_token: dict[str, Player] = {}
        self._by_key: dict[str, Player] = {}  # casefolded name -> player
        self._order = 0

    def __iter__(self) -> Iterator[Player]:
        """Players in the game (not removed), in join order."""
        return iter(sorted(self._by_key.values(), key=lambda p: p.order))

    def __len__(self) -> int:
        return len(self._by_key)

    @property
    def connected(self) -> list[Player]:
        return [p for p in self if p.connected]

    def get(self, token: str) -> Player:
        player = self._by_token.get(token)
        if player is None or player.removed:
            raise UnknownPlayer("no player with this token in the game")
        return player

    def named(self, name: str) -> Player:
        player = self._by_key.get(name.casefold())
        if player is None:
            raise UnknownPlayer(f"no player called {name} in the game")
        return player

    def join(self, name: object, token: str | None = None) -> tuple[Player, bool]:
        """The player joining with `name` (or coming back with `token`); True when they are
        new. A name is refused while its owner is connected; once they are gone, the name
        takes their seat back, so a student whose device died carries on from another."""
        if token is not None:
            player = self._by_token.get(token)
            if player is not None:
                if player.removed:
                    raise JoinRefused("removed", "the host removed you from this game")
                player.connected = True
                return player, False
        checked = player_name(name)
        found = self._by_key.get(checked.casefold())
        if found is not None:
            if found.connected:
                raise JoinRefused(
                    "name_taken", f"someone called {found.name} is already playing; pick another name"
                )
            # Back from another device: a fresh token, the old one no longer works.
            del self._by_token[found.token]
            found.token = self._make_token()
            self._by_token[found.token] = found
            found.connected = True
            return found, False
        if len(self._by_key) >= self.max_players:
            raise JoinRefused("full", f"the game is full ({self.max_players} players)")
        self._order += 1
        player = Player(checked, self._make_token(), self._make_session(), self._order)
        self._by_token[player.token] = player
        self._by_key[checked.casefold()] = player
        return player, True

    def come_back(self, token: str) -> Player:
        """The player with `token`, connected again: only by token, as after the end of a
        game, when nobody joins by name. UnknownPlayer if no one (not removed) has it."""
        player = self.get(token)
        player.connected = True
        return player

    def add_restored(self, name: str, token: str, session: QuizSession) -> Player:
        """A player of a game carried on after the host restarted: not connected until they
        join again with `token` (or their name)."""
        self._order += 1
        player = Player(name, token, session, self._order)
        player.connected = False
        self._by_token[token] = player
        self._by_key[name.casefold()] = player
        return player

    def leave(self, player: Player) -> None:
        player.connected = False

    def remove(self, player: Player) -> None:
        """Out of the game for good: the token stops working and the name is free again."""
        player.removed = True
        player.connected = False
        self._by_key.pop(player.name.casefold(), None)
