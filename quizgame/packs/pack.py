"""A checked pack as the game reads it: small read-only objects, no pydantic.

models.py defines and validates the format; once a pack has passed every check, the loader
turns the models into these with from_model(). They carry exactly the models' fields, under
the same names (a test keeps the two in step), with lists as tuples. Playing a pack from the
cache needs only this module, which keeps pydantic and YAML out of the game's start-up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Union

from quizgame.readonly_record import Record

if TYPE_CHECKING:
    import datetime as dt

# Bump when a change would make an existing valid pack invalid or mean something else.
FORMAT_VERSION = 1
QUESTION_TYPES = ("single", "multiple", "true_false", "short")
# Base points when a question does not set `points`.
DEFAULT_POINTS: dict[str, int] = {"easy": 10, "medium": 20, "hard": 30}

class Source(Record):
    __slots__ = ("title", "author", "publication", "column", "date", "url", "text")
    title: str
    author: str
    publication: str
    column: str | None
    date: dt.date
    url: str | None
    text: str


class Section(Record):
    __slots__ = ("id", "title", "description")
    id: str
    title: str
    description: str | None


class LintSilence(Record):
    __slots__ = ("ignore", "because")
    ignore: tuple[str, ...]
    because: str | None


class QuestionBase(Record):
    __slots__ = (
        "id",
        "section",
        "prompt",
        "explanation",
        "quote",
        "difficulty",
        "points",
        "time_limit",
        "hint",
        "tags",
        "lint",
    )
    id: str
    section: str
    prompt: str
    explanation: str
    quote: str | tuple[str, ...]
    difficulty: str
    points: int | None
    time_limit: int | None
    hint: str | None
    tags: tuple[str, ...]
    lint: LintSilence | None

    @property
    def base_points(self) -> int:
        return self.points if self.points is not None else DEFAULT_POINTS[self.difficulty]

    @property
    def quote_fragments(self) -> tuple[str, ...]:
        return (self.quote,) if isinstance(self.quote, str) else self.quote


class SingleQuestion(QuestionBase):
    __slots__ = ("type", "choices", "answer", "shuffle")
    type: str
    choices: tuple[str, ...]
    answer: str
    shuffle: bool  # False: the choices in the order written


class MultipleQuestion(QuestionBase):
    __slots__ = ("type", "choices", "answers", "shuffle")
    type: str
    choices: tuple[str, ...]
    answers: tuple[str, ...]
    shuffle: bool


class TrueFalseQuestion(QuestionBase):
    __slots__ = ("type", "answer")
    type: str
    answer: bool


class ShortQuestion(QuestionBase):
    __slots__ = ("type", "accept", "exact")
    type: str
    accept: tuple[str, ...]
    exact: bool


Question = Union[SingleQuestion, MultipleQuestion, TrueFalseQuestion, ShortQuestion]


class Pack(Record):
    __slots__ = (
        "format_version",
        "id",
        "title",
        "description",
        "language",
        "authors",
        "license",
        "source",
        "sections",
        "questions",
        "lint",
    )
    format_version: int
    id: str
    title: str
    description: str
    language: str
    authors: tuple[str, ...]
    license: str
    source: Source
    sections: tuple[Section, ...]
    questions: tuple[Question, ...]
    lint: LintSilence | None

    def section(self, section_id: str) -> Section:
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(section_id)


# The runtime class for each model class, matched by name.
RECORDS: dict[str, type[Record]] = {
    cls.__name__: cls
    for cls in (
        Source, Section, LintSilence, SingleQuestion, MultipleQuestion, TrueFalseQuestion, ShortQuestion, Pack
    )
}


# Values kept as they are; checked by exact type, which is what makes the conversion cheap.
_PLAIN = frozenset({str, int, bool, float, type(None)})


def from_model(value: Any) -> Any:
    """A validated pack model (or any part of one) as runtime objects; lists become tuples.

    Generic over the models: each model becomes the record class of the same name, built
    from the attributes that class lists.
    """
    kind = type(value)
    if kind in _PLAIN:
        return value
    if kind is list or kind is tuple:
        return tuple([item if type(item) in _PLAIN else from_model(item) for item in value])
    cls = RECORDS.get(kind.__name__)
    if cls is None:
        return value
    values = []
    for name in cls._fields:
        item = getattr(value, name)
        values.append(item if type(item) in _PLAIN else from_model(item))
    return cls(*values)
