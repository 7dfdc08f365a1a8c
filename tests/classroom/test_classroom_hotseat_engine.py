"""Hot-seat turns in the engine: names, turn order, rounds, standings and the podium."""

from __future__ import annotations

import pytest

from quizgame.engine import SessionOptions, SessionStateError
from quizgame.engine.game import GameSetupError, HotSeatGame, check_names

from .helpers import FakeClock, right_answer, wrong_answer


def game(pack, players=("Ann", "Bob", "Cy"), **kw) -> HotSeatGame:
    options = kw.pop("options", SessionOptions(seed=42))
    return HotSeatGame(pack, options, players, **kw)


# -- names ---------------------------------------------------------------------------------


def test_names_are_trimmed_and_normalised_and_kept_literally() -> None:
    decomposed = "Zoe\u0308"
    assert check_names(["  Ann ", decomposed, "[b]Bob[/b]"]) == ("Ann", "Zoë", "[b]Bob[/b]")


@pytest.mark.parametrize(
    ("names", "message"),
    [
        (["Ann"], "a hot-seat game needs 2 to 8 players, got 1"),
        ([f"P{n}" for n in range(9)], "a hot-seat game needs 2 to 8 players, got 9"),
        (["Ann", "  "], "player 2 has no name"),
        (["Ann", "Bob", "ann"], "players 1 and 3 have the same name: ann"),
        (["Zoë", "Zoe\u0308"], "players 1 and 2 have the same name: Zoë"),
        (
            ["Ann", "B\x1b[31mob"],
            "player 2: a name cannot hold control or text-direction characters (U+001B at character 2)",
        ),
        (
            ["Ann", "Bob\u202e"],
            "player 2: a name cannot hold control or text-direction characters"
            " (U+202E (RIGHT-TO-LEFT OVERRIDE) at character 4)",
        ),
        (["Ann", "x" * 41], "player 2: a name can be at most 40 characters (this one has 41)"),
    ],
)
def test_unusable_names_are_refused_with_a_plain_message(names, message: str) -> None:
    with pytest.raises(GameSetupError) as caught:
        check_names(names)
    assert str(caught.value) == message


def test_teams_are_called_teams_in_messages() -> None:
    with pytest.raises(GameSetupError, match="^team 2 has no name$"):
        check_names(["Red", ""], "team")


def test_a_game_refuses_bad_names_before_building_anything(lighthouse) -> None:
    with pytest.raises(GameSetupError):
        game(lighthouse, players=("Ann", "ANN"))


# -- turns and rounds ----------------------------------------------------------------------


def test_everyone_gets_the_same_questions_and_choice_order(lighthouse) -> None:
    played = game(lighthouse)
    first = played.sessions[0].questions
    assert len({id(s) for s in played.sessions}) == 3
    for session in played.sessions[1:]:
        assert [(q.id, q.choices) for q in session.questions] == [(q.id, q.choices) for q in first]
    assert played.total == len(first) == 6


def test_each_player_answers_in_turn_then_the_round_is_over(lighthouse) -> None:
    played = game(lighthouse)
    question = played.question
    assert (played.phase, played.turn, played.current_player, played.next_player) == (
        "answering", 0, "Ann", "Bob",
    )
    played.show_turn()
    ann = played.answer(right_answer(question))
    assert (played.turn, played.current_player, played.next_player) == (1, "Bob", "Cy")
    assert played.question is question  # the same question until everyone has answered it
    played.show_turn()
    bob = played.answer(wrong_answer(question))
    played.show_turn()
    assert played.next_player is None  # Cy is the last this round
    cy = played.answer(right_answer(question))
    assert played.phase == "round_over" and played.turn is None
    assert played.round_results() == [("Ann", ann), ("Bob", bob), ("Cy", cy)]
    assert [ann.correct, bob.correct, cy.correct] == [True, False, True]

    played.advance()
    assert played.phase == "answering" and played.turn == 0
    assert played.question is not None and played.question.number == 2


def test_nobody_can_answer_between_rounds_or_move_on_mid_round(lighthouse) -> None:
    played = game(lighthouse, players=("Ann", "Bob"))
    with pytest.raises(SessionStateError, match="before everyone has answered"):
        played.advance()
    with pytest.raises(SessionStateError, match="only once everyone answered"):
        played.round_results()
    for _ in range(2):
        played.show_turn()
        played.answer(right_answer(played.question))
    with pytest.raises(SessionStateError, match="everyone has answered this round"):
        played.answer(True)


def test_each_players_clock_starts_on_their_own_turn(lighthouse) -> None:
    clock = FakeClock()
    played = game(lighthouse, players=("Ann", "Bob"), clock=clock)
    clock.advance(100)  # the question sat behind the "pass to Ann" screen: not counted
    played.show_turn()
    clock.advance(3)
    ann = played.answer(right_answer(played.question))
    clock.advance(50)  # handing the keyboard over
    played.show_turn()
    clock.advance(7)
    bob = played.answer(right_answer(played.question))
    assert (ann.elapsed, bob.elapsed) == (3.0, 7.0)


def test_a_timed_out_turn_passes_the_turn_on(lighthouse) -> None:
    played = game(lighthouse, players=("Ann", "Bob"), options=SessionOptions(seed=1, time_limit=10))
    played.show_turn()
    result = played.time_out()
    assert result.timed_out and result.points == 0
    assert played.current_player == "Bob"
    assert played.remaining_time() == 10.0


def test_the_game_ends_after_the_last_round(lighthouse) -> None:
    played = game(lighthouse, players=("Ann", "Bob"), options=SessionOptions(seed=3, count=2))
    for _ in range(2):
        for _ in range(2):
            played.show_turn()
            played.answer(right_answer(played.question))
        played.advance()
    assert played.finished and played.question is None and played.turn is None
    assert all(session.finished for session in played.sessions)
    with pytest.raises(SessionStateError, match="the game is over"):
        played.show_turn()


def test_a_game_ends_early_only_between_rounds_and_ranks_the_rounds_played(lighthouse) -> None:
    played = game(lighthouse, players=("Ann", "Bob", "Cy"), options=SessionOptions(seed=3, shuffle_questions=False))
    assert played.total > 2
    assert not played.can_end_early  # nothing played yet
    with pytest.raises(SessionStateError, match="only between rounds"):
        played.end_early()
    for player in ("Ann", "Bob", "Cy"):
        played.show_turn()
        played.answer(right_answer(played.question) if player == "Bob" else wrong_answer(played.question))
    assert played.phase == "round_over" and played.can_end_early
    played.advance()
    played.show_turn()
    played.answer(right_answer(played.question))  # Ann has answered one more than the others
    assert not played.can_end_early
    with pytest.raises(SessionStateError, match="only between rounds"):
        played.end_early()
    for _ in ("Bob", "Cy"):
        played.show_turn()
        played.answer(wrong_answer(played.question))
    played.end_early()
    assert played.finished and played.ended_early and played.rounds_played == 2
    assert played.question is None and played.turn is None and not played.can_end_early
    assert [(s.rank, s.player, s.right, s.answered) for s in played.standings()] == [
        (1, "Ann", 1, 2),
        (1, "Bob", 1, 2),
        (3, "Cy", 0, 2),
    ]


# -- standings -----------------------------------------------------------------------------


def play_rounds(played: HotSeatGame, right: dict[str, list[bool]]) -> None:
    rounds = len(next(iter(right.values())))
    for n in range(rounds):
        while played.turn is not None:
            question = played.question
            ok = right[played.current_player][n]
            played.show_turn()
            played.answer(right_answer(question) if ok else wrong_answer(question))
        played.advance()


def test_standings_rank_by_score_and_ties_share_a_place(lighthouse) -> None:
    options = SessionOptions(seed=5, shuffle_questions=False, count=3)
    played = game(lighthouse, players=("Ann", "Bob", "Cy", "Di", "Ed"), options=options)
    play_rounds(
        played,
        {
            "Ann": [True, False, False],
            "Bob": [True, True, True],
            "Cy": [True, False, False],
            "Di": [False, False, False],
            "Ed": [False, True, True],
        },
    )
    standings = played.standings()
    assert [(s.rank, s.player, s.right) for s in standings] == [
        (1, "Bob", 3),
        (2, "Ed", 2),
        (3, "Ann", 1),  # tied with Cy: same rank, turn order kept
        (3, "Cy", 1),
        (5, "Di", 0),
    ]
    assert standings[0].score == played.sessions[1].score
    assert all(s.answered == 3 for s in standings)
    assert [s.player for s in played.podium()] == ["Bob", "Ed", "Ann", "Cy"]


def test_teams_are_a_kind_of_player(lighthouse) -> None:
    played = game(lighthouse, players=("Red", "Blue"), kind="team")
    assert played.kind == "team" and played.players == ("Red", "Blue")
    with pytest.raises(GameSetupError, match="kind must be"):
        game(lighthouse, kind="crowd")


def test_answering_through_a_players_session_keeps_the_game_in_step(lighthouse) -> None:
    """A front end may hand the current player's session to its usual question screen."""
    played = game(lighthouse, players=("Ann", "Bob"))
    for expected in ("Ann", "Bob"):
        assert played.current_player == expected
        session = played.current_session
        session.show_current()
        session.answer(right_answer(session.current))
    assert played.phase == "round_over"
    assert [player for player, _ in played.round_results()] == ["Ann", "Bob"]
