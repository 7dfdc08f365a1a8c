"""The classroom protocol: JSON messages over one WebSocket, each a pydantic model.

The same models are used by the host (to read what students send and to write what it sends)
and by the terminal client; docs/live.md documents every message for other clients, such as
the browser page. Every message is a JSON object with a "type". The first message on a
connection is the client's `hello`, carrying PROTOCOL_VERSION.

What a question's messages carry is the point of the design: `question` has the prompt and
the choices and nothing else; the answer, the explanation, the quote and the hint are only
ever in `reveal` (and `final`), sent once that question is over for the student.
"""

from __future__ import annotations

import json
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, StrictStr, TypeAdapter

from quizgame import __version__

PROTOCOL_VERSION = 1
MAX_MESSAGE_BYTES = 16 * 1024
MAX_TEXT_ANSWER = 200  # characters of a typed answer
PIN_DIGITS = 6

GameMode = Literal["live", "self-paced", "exam"]
QuestionKind = Literal["single", "multiple", "true_false", "short"]


class Message(BaseModel):
    """What every message of the protocol is: strict, frozen, with a "type"."""

    # Strict: a client's "1" is not 1, a 1 is not true, and unknown fields are refused, so
    # every client is held to exactly what docs/live.md says.
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


# -- client to host ----------------------------------------------------------------------


class Hello(Message):
    type: Literal["hello"] = "hello"
    protocol: StrictInt
    pin: Annotated[StrictStr, Field(max_length=32)]
    name: Annotated[StrictStr, Field(max_length=200)] = ""
    # Given by the host in `welcome`; shown again, it brings the player back to their seat.
    token: Annotated[StrictStr, Field(max_length=100)] | None = None
    client: Annotated[StrictStr, Field(max_length=100)] = ""


# An answer: a choice's number (1-based, as its key), the numbers of the ticked choices,
# true or false, or the typed text. Never a time: the host's clock decides.
AnswerValue = Union[
    StrictBool,
    StrictInt,
    Annotated[list[StrictInt], Field(max_length=20)],
    Annotated[StrictStr, Field(max_length=MAX_TEXT_ANSWER)],
]


class Answer(Message):
    type: Literal["answer"] = "answer"
    question: StrictInt  # the question's number, as in `question`
    answer: AnswerValue


class Next(Message):
    """Self-paced and exam: the student is ready for their next question."""

    type: Literal["next"] = "next"


class Leave(Message):
    """The student is leaving on purpose; their seat and score stay for a rejoin."""

    type: Literal["leave"] = "leave"


ClientMessage = Annotated[Union[Hello, Answer, Next, Leave], Field(discriminator="type")]

# -- host to client ----------------------------------------------------------------------


class SourceInfo(Message):
    """The pack's source document, for a quote's attribution."""

    title: str
    author: str
    publication: str
    column: str | None
    date: str  # ISO 8601
    url: str | None


class Welcome(Message):
    type: Literal["welcome"] = "welcome"
    protocol: int = PROTOCOL_VERSION
    version: str = __version__
    player: str
    token: str
    mode: GameMode
    pack_title: str
    source: SourceInfo
    total: int  # questions in the game
    rejoined: bool
    score: float


RefusalCode = Literal[
    "version", "hello", "pin", "locked", "full", "name", "name_taken", "removed", "finished"
]


class Refused(Message):
    """The join is refused; the host closes the connection after it."""

    type: Literal["refused"] = "refused"
    code: RefusalCode
    message: str
    protocol: int = PROTOCOL_VERSION
    version: str = __version__
    retry_after: float | None = None  # seconds, for "locked"


ErrorCode = Literal["malformed", "unknown", "invalid", "closed", "rate"]


class Error(Message):
    """A message the host could not take. Too many of them and the host disconnects."""

    type: Literal["error"] = "error"
    code: ErrorCode
    message: str


class Lobby(Message):
    type: Literal["lobby"] = "lobby"
    players: int


class Question(Message):
    type: Literal["question"] = "question"
    number: int
    total: int
    kind: QuestionKind
    prompt: str
    choices: list[str]  # in the order their keys 1-9 pick them; empty for true_false, short
    section: str
    points: int
    time_limit: float | None
    remaining: float | None  # seconds left by the host's clock
    paused: bool = False
    answered: bool = False  # this student's answer is already in (a rejoin mid-question)


class Clock(Message):
    """The host paused, resumed or added time."""

    type: Literal["clock"] = "clock"
    number: int
    remaining: float | None
    paused: bool


class Locked(Message):
    """The student's answer is committed to the host's results database."""

    type: Literal["locked"] = "locked"
    number: int


class Outcome(Message):
    """How one answer was scored."""

    correct: bool
    credit: float
    points: float
    max_points: float
    speed_bonus: float
    streak_bonus: float
    timed_out: bool
    response_text: str
    accepted: str | None
    typo: bool
    elapsed: float


class Reveal(Message):
    """A question is over for this student: live, at its reveal; self-paced, after their
    own answer. The only message before `final` with the answer key."""

    type: Literal["reveal"] = "reveal"
    number: int
    right_answer: str
    explanation: str
    quote: list[str]
    outcome: Outcome | None  # None: the question was not put to this student
    score: float
    max_score: float
    rank: int | None
    players: int
    gap: float | None  # points behind the student ranked just above; None when first


class Skipped(Message):
    type: Literal["skipped"] = "skipped"
    number: int


class Done(Message):
    """Self-paced and exam: the student has answered everything; the end comes from the host."""

    type: Literal["done"] = "done"
    message: str


class ReviewItem(Message):
    number: int
    kind: QuestionKind
    prompt: str
    choices: list[str]
    section: str
    right_answer: str
    explanation: str
    quote: list[str]
    outcome: Outcome | None


class Final(Message):
    type: Literal["final"] = "final"
    rank: int | None
    players: int
    score: float
    max_score: float
    review: list[ReviewItem]


EndReason = Literal["host_ended", "host_stopped", "removed"]


class Ended(Message):
    type: Literal["ended"] = "ended"
    reason: EndReason
    message: str


HostMessage = Annotated[
    Union[
        Welcome, Refused, Error, Lobby, Question, Clock, Locked, Reveal, Skipped,
        Done, Final, Ended,
    ],
    Field(discriminator="type"),
]

_CLIENT = TypeAdapter(ClientMessage)
_HOST = TypeAdapter(HostMessage)


class BadMessage(ValueError):
    def __init__(self, code: ErrorCode, message: str) -> None:
        super().__init__(message)
        self.code: ErrorCode = code


def _parse(text: str | bytes, adapter: TypeAdapter, known: frozenset[str]):  # type: ignore[no-untyped-def]
    try:
        data = json.loads(text)
    except (ValueError, UnicodeDecodeError):
        raise BadMessage("malformed", "not a JSON message") from None
    if not isinstance(data, dict) or not isinstance(data.get("type"), str):
        raise BadMessage("malformed", 'a message is a JSON object with a "type"')
    if data["type"] not in known:
        raise BadMessage("unknown", f"unknown message type {data['type'][:40]!r}")
    try:
        return adapter.validate_python(data)
    except ValueError as error:
        first = error.errors()[0] if hasattr(error, "errors") else {}  # type: ignore[attr-defined]
        where = ".".join(str(part) for part in first.get("loc", ())[1:]) or "message"
        raise BadMessage("invalid", f"{data['type']}: {where}: {first.get('msg', 'invalid')}") from None


_CLIENT_TYPES = frozenset({"hello", "answer", "next", "leave"})
_HOST_TYPES = frozenset(
    {
        "welcome", "refused", "error", "lobby", "question", "clock", "locked",
        "reveal", "skipped", "done", "final", "ended",
    }
)


def read_client(text: str | bytes) -> Hello | Answer | Next | Leave:
    """A message from a student; BadMessage (with its error code) for anything else."""
    return _parse(text, _CLIENT, _CLIENT_TYPES)  # type: ignore[no-any-return]


def read_host(text: str | bytes):  # type: ignore[no-untyped-def]
    """A message from the host, for clients."""
    return _parse(text, _HOST, _HOST_TYPES)


def dump(message: Message) -> str:
    return message.model_dump_json()
