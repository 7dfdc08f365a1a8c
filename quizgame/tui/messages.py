"""Messages the screens post up to the app, which owns the flow from screen to screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from quizgame.engine import (
        AnswerResult,
        PreparedQuestion,
        QuestionClock,
        QuizSession,
        SessionOptions,
    )
    from quizgame.engine.game import HotSeatGame
    from quizgame.packs import LoadedPack


class StartRequested(Message):
    """The home screen asks for a quiz on `pack`."""

    def __init__(self, pack: LoadedPack, options: SessionOptions, player: str) -> None:
        super().__init__()
        self.pack = pack
        self.options = options
        self.player = player


class QuizStarted(Message):
    def __init__(self, session: QuizSession, player: str) -> None:
        super().__init__()
        self.session = session
        self.player = player


class QuestionShown(Message):
    """`clock`: the question's clock as it showed (None: a clock kept elsewhere, a host's);
    taken then, since the session may have moved on by the time this is handled."""

    def __init__(
        self, session: QuizSession, question: PreparedQuestion, clock: QuestionClock | None
    ) -> None:
        super().__init__()
        self.session = session
        self.question = question
        self.clock = clock


class ClockMoved(Message):
    """The question's clock stood still while it was hidden (practice): a later deadline."""

    def __init__(self, session: QuizSession, clock: QuestionClock) -> None:
        super().__init__()
        self.session = session
        self.clock = clock


class AnswerSubmitted(Message):
    """The player answered (or ran out of time); `result` is the engine's verdict."""

    def __init__(
        self, session: QuizSession, question: PreparedQuestion, result: AnswerResult
    ) -> None:
        super().__init__()
        self.session = session
        self.question = question
        self.result = result


class AnswerSent(Message):
    """A remote session's answer went to the host; its verdict comes later."""

    def __init__(self, session: object, question: PreparedQuestion) -> None:
        super().__init__()
        self.session = session
        self.question = question


class FeedbackDone(Message):
    """The player has read the feedback and wants the next question."""

    def __init__(self, session: QuizSession) -> None:
        super().__init__()
        self.session = session


class QuizFinished(Message):
    def __init__(self, session: QuizSession) -> None:
        super().__init__()
        self.session = session


class HotSeatRequested(Message):
    """The players screen asks for a hot-seat game; `players` are checked names."""

    def __init__(
        self, pack: LoadedPack, options: SessionOptions, players: tuple[str, ...], kind: str
    ) -> None:
        super().__init__()
        self.pack = pack
        self.options = options
        self.players = players
        self.kind = kind


class GameFinished(Message):
    """The last round of a hot-seat game is over."""

    def __init__(self, game: HotSeatGame) -> None:
        super().__init__()
        self.game = game


class RetryRequested(Message):
    def __init__(self, session: QuizSession) -> None:
        super().__init__()
        self.session = session
