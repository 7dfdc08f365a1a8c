"""The words and symbols the game shows, as plain strings (no Textual, easy to test).

Every verdict carries a symbol AND words so it reads the same without colour.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, NamedTuple

from quizgame.tally import percent_text, points_text

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Collection, Sequence

    from quizgame.engine import AnswerResult
    from quizgame.packs import Pack

Kind = Literal["right", "partly", "wrong", "timeout"]


class Verdict(NamedTuple):
    kind: Kind
    symbol: str
    words: str

    def __str__(self) -> str:
        return f"{self.symbol} {self.words}"


RIGHT = Verdict("right", "✔", "Right")
PARTLY = Verdict("partly", "◐", "Partly right")
WRONG = Verdict("wrong", "✘", "Wrong")
TIMEOUT = Verdict("timeout", "⌛", "Time's up")


def verdict(result: AnswerResult) -> Verdict:
    if result.timed_out:
        return TIMEOUT
    if result.correct:
        return RIGHT
    if result.credit > 0:
        return PARTLY
    return WRONG


# Points and percentages are written by quizgame.tally, as in every report.
number = points_text


def points_line(result: AnswerResult) -> str:
    """An answer's points with each bonus shown as a bonus, and what the question is worth:
    "+10 +7.5 speed bonus = 17.5 of 20 points"; the streak bonus comes on top of that."""
    worth = number(result.max_points)
    if not (result.speed_bonus or result.streak_bonus):
        return f"+{number(result.points)} of {worth} points"
    parts = [f"+{number(result.credit_points)}"]
    if result.speed_bonus:
        parts.append(f"+{number(result.speed_bonus)} speed bonus")
    if result.streak_bonus:
        parts.append(f"+{number(result.streak_bonus)} streak bonus")
        return f"{' '.join(parts)} = {number(result.points)} points (worth {worth}, streak bonus on top)"
    return f"{' '.join(parts)} = {number(result.points)} of {worth} points"


def duration(seconds: float) -> str:
    seconds = max(0, int(round(seconds)))
    minutes, secs = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


def countdown(seconds: float) -> str:
    # Round up: "0:01 left" until the very end, never "0:00 left" while time remains.
    whole = int(seconds) + (0 if seconds == int(seconds) else 1)
    return f"⌛ {duration(max(0, whole))} left"


def bar(done: int, total: int, width: int = 10) -> str:
    """A text bar like ███████░░░, readable without colour."""
    if total <= 0:
        return "░" * width
    filled = round(width * done / total)
    return "█" * filled + "░" * (width - filled)


def percent(done: float, total: float) -> str:
    return percent_text(100 * done / total if total else 0.0)


def long_date(value: dt.date) -> str:
    return f"{value.day} {value:%B %Y}"


def attribution(pack: Pack) -> str:
    """Who said it, where and when: "— Emily Tamkin, Foreign Policy (The Cable), 7 July 2017".

    Nothing about where in the document: a pack's sections are its own grouping of the
    questions, not parts of the source, and the format has no place to say more.
    """
    source = pack.source
    where = source.publication
    if source.column:
        where += f" ({source.column})"
    return f"— {source.author}, {where}, {long_date(source.date)}"


def typo_note(accepted: str) -> str:
    """What a forgiven typo says (textmatch forgives one at most)."""
    return f"accepted, with one typo: {accepted}"


def wrong_picks(choices: Sequence[str], picked: Collection[str], right: Collection[str]) -> str:
    """The choices ticked that are not right, in the order shown; "" when there are none."""
    wrong = [c for c in choices if c in picked and c not in right]
    return f"✘ ticked, not right: {'; '.join(wrong)}" if wrong else ""


def missed_picks(choices: Sequence[str], picked: Collection[str], right: Collection[str]) -> str:
    """The right choices left unticked, in the order shown; "" when there are none."""
    missed = [c for c in choices if c in right and c not in picked]
    return f"○ right, not ticked: {'; '.join(missed)}" if missed else ""


def quote_text(fragments: tuple[str, ...]) -> str:
    return " … ".join(fragments)


def name_refused(typed: str, reason: str) -> str:
    """What a player is told when the name they typed is refused (quizgame.engine.names)."""
    if not typed.strip():
        return "Type your name first."
    return f"{reason[:1].upper()}{reason[1:]}."


def size_message(width: int, height: int, need: tuple[int, int]) -> str:
    return (
        "The terminal is too small.\n\n"
        f"It is {width}×{height}; quizgame needs at least {need[0]}×{need[1]}.\n"
        "Make the window larger to carry on."
    )
