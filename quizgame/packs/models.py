"""The question-pack format, as pydantic models.

These models are the single definition of the format: the loader validates against them and
`quizgame schema` prints their JSON Schema. Field docstrings become the schema's
descriptions, which editors show to authors as they type. The game itself reads the
pydantic-free copies in pack.py, which carry exactly these fields.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, StrictStr

# Shared with the runtime objects, which must not import this module.
from quizgame.packs.lint.codes import SILENCEABLE
from quizgame.packs.pack import DEFAULT_POINTS, FORMAT_VERSION, QUESTION_TYPES

SCHEMA_URL = "https://quizgame.invalid/schema/pack-v1.json"

# Text must be a real string: an unquoted `no` or `010` must never slip in as a bool or int.
# It must also say something: a prompt of only spaces would show the player a blank screen.
NOT_BLANK = r"\S"
Text = Annotated[StrictStr, Field(min_length=1, pattern=NOT_BLANK)]
# Lower-case letters, digits, '-' and '_'; starts with a letter or digit. (No description
# here: it would replace each field's own docstring in the JSON Schema editors show.)
Identifier = Annotated[
    StrictStr,
    Field(min_length=1, max_length=64, pattern=r"^[a-z0-9][a-z0-9_-]*$"),
]
Difficulty = Literal["easy", "medium", "hard"]
# The codes of `quizgame lint`'s rules, so that editors complete them.
LintCode = Literal[SILENCEABLE]


class _Model(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        populate_by_name=True,
        use_attribute_docstrings=True,
    )


class Source(_Model):
    """The document the questions come from."""

    title: Text
    """The document's title, as published."""
    author: Text
    """Who wrote the document."""
    publication: Text
    """Where it was published (newspaper, magazine, site, book)."""
    column: Text | None = None
    """The column, section or newsletter within the publication, if any."""
    date: dt.date
    """Publication date, as YYYY-MM-DD."""
    url: Annotated[StrictStr, Field(pattern=r"^https?://\S+$")] | None = None
    """Where the document can be read, if it is online."""
    text: Text
    """Path of a UTF-8 text file holding the document's words, relative to the pack file."""


class Section(_Model):
    """A part of the source that questions belong to."""

    id: Identifier
    """Referenced by questions' `section` field."""
    title: Text
    """Shown above each of the section's questions: keep it from answering them ("Takeaway 3")."""
    description: Text | None = None
    """The section's full wording, for example the takeaway as the source states it. Shown on
    the results screen and the source view, after the questions are answered, never above them."""


class LintSilence(_Model):
    """Lint rules silenced here, and why: `lint: {ignore: [QG101], because: "..."}`."""

    ignore: Annotated[list[LintCode], Field(min_length=1)]
    """The codes of the rules silenced, as `quizgame lint` prints them."""
    because: Text | None = None
    """Why the findings do not apply; a silence without a reason is itself a finding."""


Quote = Union[Text, Annotated[list[Text], Field(min_length=1)]]


class _QuestionBase(_Model):
    id: Identifier
    """Unique within the pack; results are stored under it, so keep it stable."""
    section: Identifier
    """The id of one of the pack's sections."""
    prompt: Text
    """The question as the player sees it."""
    explanation: Text
    """Why the answer is right, in the author's own words (1-3 sentences)."""
    quote: Quote
    """Verbatim from the source text: one string, or fragments that appear in the source in this order."""
    difficulty: Difficulty = "medium"
    """Sets the base points when `points` is not given: easy 10, medium 20, hard 30."""
    points: Annotated[StrictInt, Field(ge=1, le=1000)] | None = None
    """Base points for a right answer; overrides the difficulty default."""
    time_limit: Annotated[StrictInt, Field(ge=5, le=3600)] | None = None
    """Seconds allowed for this question, when the session sets no limit of its own."""
    hint: Text | None = None
    """Shown when the player asks for a hint."""
    tags: list[Identifier] = []
    """Free labels for picking subsets of questions."""
    lint: LintSilence | None = None
    """`quizgame lint` rules silenced for this question, with the reason."""

    @property
    def base_points(self) -> int:
        return self.points if self.points is not None else DEFAULT_POINTS[self.difficulty]

    @property
    def quote_fragments(self) -> tuple[str, ...]:
        return (self.quote,) if isinstance(self.quote, str) else tuple(self.quote)


class SingleQuestion(_QuestionBase):
    """One right choice."""

    type: Literal["single"]
    choices: Annotated[list[Text], Field(min_length=2, max_length=9)]
    """The options shown, 2 to 9 of them."""
    answer: Text
    """The right choice, written exactly as in `choices` (never an index)."""
    shuffle: StrictBool = True
    """When false, the choices are always shown in the order written (for ordinals such as 'First' ... 'Fifth', dates, or a scale)."""


class MultipleQuestion(_QuestionBase):
    """One or more right choices, scored with partial credit."""

    type: Literal["multiple"]
    choices: Annotated[list[Text], Field(min_length=2, max_length=9)]
    """The options shown, 2 to 9 of them."""
    answers: Annotated[list[Text], Field(min_length=1)]
    """Every right choice, each written exactly as in `choices`."""
    shuffle: StrictBool = True
    """When false, the choices are always shown in the order written."""


class TrueFalseQuestion(_QuestionBase):
    """A statement that is true or false."""

    type: Literal["true_false"]
    answer: StrictBool
    """`true` or `false`, unquoted."""


class ShortQuestion(_QuestionBase):
    """A typed answer, checked against a list of accepted answers."""

    type: Literal["short"]
    accept: Annotated[list[Text], Field(min_length=1)]
    """Accepted answers; the first is the one shown as the right answer."""
    exact: StrictBool = False
    """When true, no typo is forgiven (case, spacing, punctuation and accents still are)."""


Question = Annotated[
    Union[SingleQuestion, MultipleQuestion, TrueFalseQuestion, ShortQuestion],
    Field(discriminator="type"),
]


class Pack(_Model):
    """A quizgame question pack."""

    format_version: Literal[1] = Field(alias="schema")
    """The pack format version. Always 1 for now."""
    id: Identifier
    """Short, stable name; `quizgame play ID` finds the pack by it."""
    title: Text
    description: Text
    language: Annotated[StrictStr, Field(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    """BCP 47 language tag, for example `en` or `en-GB`."""
    authors: Annotated[list[Text], Field(min_length=1)]
    """The pack's authors (not the source's)."""
    license: Text
    """The license the pack is shared under, for example CC-BY-4.0."""
    source: Source
    sections: Annotated[list[Section], Field(min_length=1)]
    questions: Annotated[list[Question], Field(min_length=1)]
    lint: LintSilence | None = None
    """`quizgame lint` rules silenced for the whole pack, with the reason."""

    def section(self, section_id: str) -> Section:
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(section_id)
