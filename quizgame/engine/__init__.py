"""The quiz engine: sessions, scoring and timing. Pure Python; clock and seed come from outside."""

from quizgame.engine.errors import (
    EmptySelectionError,
    EngineError,
    InvalidResponseError,
    OptionsError,
    RestoreError,
    SessionFinishedError,
    SessionStateError,
)
from quizgame.engine.options import ScoringOptions, SessionOptions
from quizgame.engine.responses import decode_response, encode_response
from quizgame.engine.results import (
    AnswerResult,
    PreparedQuestion,
    Response,
    SectionScore,
    SessionSummary,
)
from quizgame.engine.scoring import (
    SPEED_FLOOR,
    STREAK_CAP_PERCENT,
    STREAK_STEP_PERCENT,
    TYPO_MIN_LETTERS,
)
from quizgame.engine.session import QuestionClock, QuizSession
from quizgame.packs.textmatch import normalise

__all__ = [
    "SPEED_FLOOR",
    "STREAK_CAP_PERCENT",
    "STREAK_STEP_PERCENT",
    "TYPO_MIN_LETTERS",
    "AnswerResult",
    "EmptySelectionError",
    "EngineError",
    "InvalidResponseError",
    "OptionsError",
    "PreparedQuestion",
    "QuestionClock",
    "QuizSession",
    "Response",
    "RestoreError",
    "ScoringOptions",
    "SectionScore",
    "SessionFinishedError",
    "SessionOptions",
    "SessionStateError",
    "SessionSummary",
    "decode_response",
    "encode_response",
    "normalise",
]
