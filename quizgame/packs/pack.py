"""A checked pack as the game reads it: small read-only objects, no pydantic.

models.py defines and validates the format; once a pack has passed every check, the loader
turns the models into these with from_model(). They carry exactly the models' fields, under
the same names (a test keeps the two in step), with lists as tuples. Playing a pack from the
cache needs only this module, which keeps pydantic and YAML out of the game's start-up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, Union

if TYPE_CHECKING:
    import datetime as dt

# Bump when a change would make an existing valid pack invalid or mean something else.
FORMAT_VERSION = 1
QUESTION_TYPES = ("single", "multiple", "true_false", "short")
# Base points when a question does not set `points`.
DEFAULT_POINTS: dict[str, int] = {"easy": 10, "medium": 20, "hard": 30}

_set = object.__setattr__


class Record:
    """Read-only fields in __slots__, compared and hashed by value.

    Chosen over frozen dataclasses because defining one of those costs the game's start-up
    about a millisecond each; these cost a few microseconds. Built with every field given,
    by position or by name, in __slots__ order.
    """

    __slots__ = ()
    _fields: ClassVar[tuple[str, ...]] = ()

    def __init_subclass__(cls) -> None:
        super().__init_subclass__()
        cls._fields = cls._fields + tuple(cls.__dict__.get("__slots__", ()))

    def __init__(self, *values: Any, **named: Any) -> None:
        fields = self._fields
        if named:
            try:
                values += tuple(named.pop(name) for name in fields[len(values) :])
            except KeyError as missing:
                raise TypeError(f"{type(self).__name__}() needs {missing}") from None
            if named:
                raise TypeError(f"{type(self).__name__}() has no field {', '.join(named)}")
        if len(values) != len(fields):
            raise TypeError(f"{type(self).__name__}() takes {len(fields)} fields, got {len(values)}")
        for name, value in zip(fields, values):
            _set(self, name, value)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def _values(self) -> tuple[Any, ...]:
        return tuple([getattr(self, name) for name in self._fields])

    def __reduce__(self) -> tuple[type[Record], tuple[Any, ...]]:
        # Pickle by position: the default would restore slots through __setattr__.
        return (type(self), self._values())

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash((type(self), self._values()))

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"{type(self).__name__}({shown})"


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
    __slots__ = ("id", "title")
    id: str
    title: str


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

    @property
    def base_points(self) -> int:
        return self.points if self.points is not None else DEFAULT_POINTS[self.difficulty]

    @property
    def quote_fragments(self) -> tuple[str, ...]:
        return (self.quote,) if isinstance(self.quote, str) else self.quote


class SingleQuestion(QuestionBase):
    __slots__ = ("type", "choices", "answer")
    type: str
    choices: tuple[str, ...]
    answer: str


class MultipleQuestion(QuestionBase):
    __slots__ = ("type", "choices", "answers")
    type: str
    choices: tuple[str, ...]
    answers: tuple[str, ...]


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

    def section(self, section_id: str) -> Section:
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(section_id)


# The runtime class for each model class, matched by name.
RECORDS: dict[str, type[Record]] = {
    cls.__name__: cls
    for cls in (Source, Section, SingleQuestion, MultipleQuestion, TrueFalseQuestion, ShortQuestion, Pack)
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
