"""Ranking the players of a classroom game: best score first, equal scores share a place."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from quizgame.engine.session import QuizSession


class Place(NamedTuple):
    rank: int  # 1-based; equal scores share a rank ("1, 1, 3")
    player: str
    score: float
    max_score: float
    right: int
    answered: int
    # Places gained (+) or lost (-) since the ranking it is compared with; None: not in it.
    movement: int | None = None
    # Points behind the nearest player ranked above; None for those in first place.
    gap: float | None = None
    # quizgame.tally's percentage of what this player was asked (the streak bonus left out).
    percent: float = 0.0


def rank_players(
    players: Iterable[tuple[str, QuizSession]], before: Mapping[str, int] | None = None
) -> list[Place]:
    """Players given in join order, ranked; ties keep that order. `before`: each player's
    rank last time, for the movements."""
    figures = [(name, session, session.tally()) for name, session in players]
    rows = sorted(enumerate(figures), key=lambda row: (-row[1][2].score, row[0]))
    places: list[Place] = []
    for position, (_, (name, session, tally)) in enumerate(rows, 1):
        score = tally.score
        rank, gap = position, None
        if places:
            last = places[-1]
            if math.isclose(last.score, score, abs_tol=1e-9):
                rank, gap = last.rank, last.gap
            else:
                gap = last.score - score
        movement = None
        if before is not None and name in before:
            movement = before[name] - rank
        places.append(
            Place(
                rank=rank,
                player=name,
                score=score,
                max_score=tally.max_score,
                right=sum(1 for r in session.results if r.correct),
                answered=session.answered,
                movement=movement,
                gap=gap,
                percent=tally.percent,
            )
        )
    return places


def ranks(places: Iterable[Place]) -> dict[str, int]:
    return {place.player: place.rank for place in places}
