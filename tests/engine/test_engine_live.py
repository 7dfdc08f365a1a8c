"""LiveGame: the rules of a live classroom game, on a clock the tests move by hand."""

from __future__ import annotations

import itertools

import pytest

from quizgame.engine import ScoringOptions, SessionOptions, SessionStateError
from quizgame.engine.live import LiveGame, QuestionClosed, tally
from quizgame.engine.roster import JoinRefused
from quizgame.engine.session import QuizSession
from quizgame.packs.types import LoadedPack

from .conftest import FakeClock, build_pack, question
from .test_engine_session import RIGHT


def options(**changes: object) -> SessionOptions:
    values: dict[str, object] = {
        "seed": 1,
        "shuffle_questions": False,
        "shuffle_choices": False,
        "time_limit": 20.0,
    }
    values.update(changes)
    return SessionOptions(**values)  # type: ignore[arg-type]


def tokens():
    counter = itertools.count(1)
    return lambda: f"token-{next(counter)}"


@pytest.fixture
def game(pack: LoadedPack, clock: FakeClock) -> LiveGame:
    return LiveGame(pack, options(), clock=clock, make_token=tokens())


WRONG = {"q1": "Berlin", "q2": frozenset({"D"}), "q3": False, "q4": "Paris"}


# -- joining ----------------------------------------------------------------------------


def test_players_join_the_lobby_with_a_token_each(game: LiveGame) -> None:
    ann, new = game.join("Ann")
    bob, _ = game.join("  Bob ")

    assert new and (ann.name, bob.name) == ("Ann", "Bob")
    assert ann.token != bob.token
    assert [p.name for p in game.roster] == ["Ann", "Bob"]
    assert game.phase == "lobby" and game.question is None


def test_the_same_name_is_refused_while_its_owner_is_connected(game: LiveGame) -> None:
    game.join("Ann")

    with pytest.raises(JoinRefused) as refused:
        game.join("ANN")
    assert refused.value.code == "name_taken"


def test_a_dropped_player_rejoins_with_their_token_and_keeps_the_score(game: LiveGame) -> None:
    ann, _ = game.join("Ann")
    game.start()
    game.answer(ann, RIGHT["q1"])
    game.leave(ann)
    assert not ann.connected

    again, new = game.join("whatever is typed", token=ann.token)

    assert again is ann and not new and ann.connected
    assert ann.session.score > 0


def test_a_name_whose_owner_is_gone_takes_the_seat_back_with_a_new_token(game: LiveGame) -> None:
    ann, _ = game.join("Ann")
    old = ann.token
    game.leave(ann)

    again, new = game.join("ann")

    assert again is ann and not new and ann.token != old
    with pytest.raises(Exception):
        game.player(old)


@pytest.mark.parametrize("name", ["", "   ", "x" * 41, "bad\x1b[31m", "rtl\u202eevil"])
def test_unusable_names_are_refused(game: LiveGame, name: str) -> None:
    with pytest.raises(JoinRefused) as refused:
        game.join(name)
    assert refused.value.code == "name"


def test_the_player_cap(pack: LoadedPack, clock: FakeClock) -> None:
    game = LiveGame(pack, options(), clock=clock, max_players=2)
    game.join("A")
    game.join("B")

    with pytest.raises(JoinRefused) as refused:
        game.join("C")
    assert refused.value.code == "full"


def test_a_late_joiner_starts_at_zero_and_may_answer_the_open_question(
    game: LiveGame, clock: FakeClock
) -> None:
    ann, _ = game.join("Ann")
    game.start()
    game.answer(ann, RIGHT["q1"])
    game.close()
    game.advance()  # question 2
    clock.advance(5)

    zoe, _ = game.join("Zoe")
    result = game.answer(zoe, RIGHT["q2"])

    assert zoe.session.score == result.points > 0
    assert result.elapsed == 5.0  # on the question's clock, not from when she joined
    assert zoe.session.answered == 1 and zoe.session.position == 2
    assert zoe.session.max_score == result.max_points  # question 1 not counted against her


def test_a_removed_player_is_out_and_cannot_come_back_with_the_token(game: LiveGame) -> None:
    ann, _ = game.join("Ann")
    game.join("Bob")
    game.start()

    game.remove(ann)

    assert [p.name for p in game.roster] == ["Bob"]
    assert [p.player for p in game.standings()] == ["Bob"]
    with pytest.raises(JoinRefused) as refused:
        game.join("Ann", token=ann.token)
    assert refused.value.code == "removed"
    with pytest.raises(QuestionClosed):
        game.answer(ann, RIGHT["q1"])
    # The name is free again for someone else.
    assert game.join("Ann")[1] is True


def test_nobody_joins_a_finished_game(game: LiveGame) -> None:
    game.finish()
    with pytest.raises(JoinRefused) as refused:
        game.join("Ann")
    assert refused.value.code == "finished"


# -- a question -------------------------------------------------------------------------


def test_start_opens_the_first_question_for_everyone(game: LiveGame) -> None:
    game.join("Ann")
    game.join("Bob")

    prepared = game.start()

    assert game.phase == "open" and prepared.number == 1 and game.question is prepared
    assert [p.name for p in game.asked] == ["Ann", "Bob"]
    assert (game.answered_count, game.remaining()) == (0, 20.0)
    with pytest.raises(SessionStateError):
        game.start()


def test_answers_are_timed_by_the_hosts_clock(game: LiveGame, clock: FakeClock) -> None:
    ann, _ = game.join("Ann")
    game.start()
    clock.advance(4)

    result = game.answer(ann, RIGHT["q1"])

    assert result.elapsed == 4.0 and result.correct
    assert game.answered_count == 1


def test_one_answer_per_question(game: LiveGame) -> None:
    ann, _ = game.join("Ann")
    game.join("Bob")
    game.start()
    game.answer(ann, RIGHT["q1"])

    with pytest.raises(QuestionClosed):
        game.answer(ann, WRONG["q1"])


def test_it_closes_when_everyone_has_answered(game: LiveGame) -> None:
    ann, _ = game.join("Ann")
    bob, _ = game.join("Bob")
    game.start()
    game.answer(ann, RIGHT["q1"])
    assert game.tick() is None

    game.answer(bob, WRONG["q1"])
    reveal = game.tick()

    assert reveal is not None and reveal.reason == "all_answered"
    assert game.phase == "closed" and (reveal.asked, reveal.answered) == (2, 2)


def test_it_closes_when_time_is_up_and_the_silent_time_out(game: LiveGame, clock: FakeClock) -> None:
    ann, _ = game.join("Ann")
    bob, _ = game.join("Bob")
    game.start()
    game.answer(ann, RIGHT["q1"])
    clock.advance(19.9)
    assert game.tick() is None

    clock.advance(0.1)
    with pytest.raises(QuestionClosed):
        game.answer(bob, RIGHT["q1"])  # too late: the host's clock says so
    reveal = game.tick()

    assert reveal is not None and reveal.reason == "time_up"
    assert reveal.results["Bob"].timed_out and reveal.results["Bob"].points == 0
    assert bob.session.answered == 1  # the time-out is an answer, stored like any other


def test_the_host_moves_on_before_everyone_answered(game: LiveGame) -> None:
    ann, _ = game.join("Ann")
    game.join("Bob")
    game.start()
    game.answer(ann, RIGHT["q1"])

    reveal = game.close()

    assert reveal.reason == "host" and reveal.results["Bob"].timed_out
    with pytest.raises(QuestionClosed):
        game.answer(ann, RIGHT["q1"])


def test_a_player_who_drops_out_mid_question_times_out_at_the_close(game: LiveGame) -> None:
    ann, _ = game.join("Ann")
    bob, _ = game.join("Bob")
    game.start()
    game.leave(bob)
    game.answer(ann, RIGHT["q1"])

    assert game.tick() is None  # Bob was asked: he might be back in time
    reveal = game.close()

    assert reveal.results["Bob"].timed_out


def test_a_player_away_for_a_whole_question_was_not_asked_it(game: LiveGame) -> None:
    ann, _ = game.join("Ann")
    bob, _ = game.join("Bob")
    game.start()
    game.answer(ann, RIGHT["q1"])
    game.answer(bob, RIGHT["q1"])
    game.tick()
    game.leave(bob)
    game.advance()
    game.answer(ann, RIGHT["q2"])

    reveal = game.tick()

    assert reveal is not None and list(reveal.results) == ["Ann"]
    game.join("Bob", token=bob.token)
    game.advance()
    assert bob.session.position == 2 and bob.session.answered == 1


# -- the host's clock controls ----------------------------------------------------------


def test_pause_stops_the_clock_and_answers(game: LiveGame, clock: FakeClock) -> None:
    ann, _ = game.join("Ann")
    game.start()
    clock.advance(5)
    game.pause()
    clock.advance(100)

    assert game.paused and game.remaining() == 15.0
    assert game.tick() is None
    with pytest.raises(QuestionClosed):
        game.answer(ann, RIGHT["q1"])

    game.resume()
    clock.advance(1)
    assert game.remaining() == 14.0
    assert game.answer(ann, RIGHT["q1"]).elapsed == 6.0


def test_added_time_winds_the_question_clock_back(game: LiveGame, clock: FakeClock) -> None:
    ann, _ = game.join("Ann")
    game.start()
    clock.advance(18)

    game.add_time()

    assert game.remaining() == 12.0
    clock.advance(5)
    assert game.tick() is None  # 23 s after it opened, but not over
    result = game.answer(ann, RIGHT["q1"])
    assert result.elapsed == 13.0 and not result.timed_out


def test_skip_drops_the_question_without_a_reveal(game: LiveGame) -> None:
    ann, _ = game.join("Ann")
    bob, _ = game.join("Bob")
    game.start()
    first = game.answer(ann, RIGHT["q1"])

    nxt = game.skip()

    assert nxt is not None and nxt.number == 2 and game.phase == "open"
    assert ann.session.results == [first]  # a given answer stands
    assert bob.session.answered == 0 and bob.session.position == 1  # no time-out for Bob
    assert game.last_reveal is None


def test_clock_controls_need_an_open_question(game: LiveGame) -> None:
    for control in (game.pause, game.add_time, game.close, game.skip):
        with pytest.raises(SessionStateError):
            control()


def test_the_game_runs_to_its_end_and_the_host_may_end_it_early(
    make_pack, clock: FakeClock
) -> None:
    pack = make_pack([question("a", "true_false"), question("b", "true_false")])
    game = LiveGame(pack, options(), clock=clock)
    ann, _ = game.join("Ann")
    game.start()
    game.answer(ann, True)
    game.tick()
    assert not game.is_last
    game.advance()
    game.answer(ann, True)
    game.tick()
    assert game.is_last

    assert game.advance() is None
    assert game.phase == "finished" and game.question is None

    early = LiveGame(pack, options(), clock=clock)
    zoe, _ = early.join("Zoe")
    early.start()
    early.finish()
    assert early.phase == "finished" and zoe.session.answered == 0


# -- the reveal -------------------------------------------------------------------------


def _play_round(game: LiveGame, answers: dict[str, object]) -> object:
    players = {p.name: p for p in game.roster}
    for name, response in answers.items():
        game.answer(players[name], response)
    return game.close()


def test_a_single_choice_reveal_counts_each_choice(game: LiveGame) -> None:
    for name in ("A", "B", "C", "D"):
        game.join(name)
    game.start()

    reveal = _play_round(game, {"A": "Hamburg", "B": "Hamburg", "C": "Berlin"})

    assert [(t.key, t.text, t.count, t.right) for t in reveal.tallies] == [
        ("1", "Berlin", 1, False),
        ("2", "Hamburg", 2, True),
        ("3", "Munich", 0, False),
        ("4", "Cologne", 0, False),
    ]
    assert (reveal.asked, reveal.answered) == (4, 3)


def test_a_multiple_choice_reveal_counts_ticks(game: LiveGame) -> None:
    a, _ = game.join("A")
    b, _ = game.join("B")
    game.start()
    game.close()
    game.advance()

    reveal = _play_round(game, {"A": frozenset({"A", "B"}), "B": frozenset({"B", "E"})})

    assert {t.text: (t.count, t.right) for t in reveal.tallies} == {
        "A": (1, True), "B": (2, True), "C": (0, True), "D": (0, False), "E": (1, False),
    }


def test_a_true_false_reveal(make_pack, clock: FakeClock) -> None:
    game = LiveGame(make_pack([question("a", "true_false", answer=False)]), options(), clock=clock)
    for name in "ABC":
        game.join(name)
    game.start()

    reveal = _play_round(game, {"A": False, "B": True, "C": False})

    assert [(t.key, t.count, t.right) for t in reveal.tallies] == [("t", 1, False), ("f", 2, True)]


def test_a_short_reveal_groups_typed_answers_after_normalising(make_pack, clock: FakeClock) -> None:
    pack = make_pack([question("a", "short", accept=["Hamburg"])])
    game = LiveGame(pack, options(), clock=clock)
    typed = {
        "A": "Hamburg", "B": "hamburg ", "C": "HAMBURG", "D": "Berlin", "E": "berlin",
        "F": "Bonn", "G": "Köln", "H": "Paris", "I": "Rome", "J": "Oslo",
    }
    for name in typed:
        game.join(name)
    game.start()

    reveal = _play_round(game, typed)

    assert len(reveal.tallies) == 5  # the most common few, not every spelling
    assert [(t.text, t.count, t.right) for t in reveal.tallies[:2]] == [
        ("Hamburg", 3, True),
        ("Berlin", 2, False),
    ]


def test_the_tally_leaves_out_time_outs(pack: LoadedPack, clock: FakeClock) -> None:
    session = QuizSession(pack, options(), clock=clock)
    prepared = session.current
    assert prepared is not None
    assert all(t.count == 0 for t in tally(prepared, [session.time_out()]))


# -- standings --------------------------------------------------------------------------


def test_standings_with_speed_bonus_ties_and_movements(pack: LoadedPack, clock: FakeClock) -> None:
    game = LiveGame(pack, options(scoring=ScoringOptions(speed_bonus=True)), clock=clock)
    ann, _ = game.join("Ann")
    bob, _ = game.join("Bob")
    cat, _ = game.join("Cat")
    game.start()
    game.answer(ann, RIGHT["q1"])
    game.answer(bob, RIGHT["q1"])  # the same moment as Ann: a tie
    clock.advance(10)
    game.answer(cat, RIGHT["q1"])  # right but slower: fewer points by the host's clock

    first = game.tick()
    assert first is not None
    assert [(p.rank, p.player, p.movement) for p in first.standings] == [
        (1, "Ann", None), (1, "Bob", None), (3, "Cat", None),
    ]
    assert first.standings[0].gap is None and first.standings[1].gap is None
    assert first.standings[2].gap == pytest.approx(first.standings[0].score - first.standings[2].score)

    game.advance()
    game.answer(cat, RIGHT["q2"])
    game.answer(bob, RIGHT["q2"])
    game.answer(ann, WRONG["q2"])
    second = game.tick()
    assert second is not None
    assert [(p.player, p.rank, p.movement) for p in second.standings] == [
        ("Bob", 1, 0), ("Cat", 2, 1), ("Ann", 3, -2),
    ]


def test_the_place_of_a_player_and_the_podium(game: LiveGame) -> None:
    names = ["A", "B", "C", "D"]
    players = [game.join(n)[0] for n in names]
    game.start()
    for p in players[:2]:
        game.answer(p, RIGHT["q1"])
    game.close()

    place = game.place_of(players[2])
    assert place is not None and place.rank == 3
    assert [p.player for p in game.podium()] == ["A", "B", "C", "D"]  # C and D tie for third


# -- carrying on after the host restarted -----------------------------------------------


def test_carry_on_rebuilds_scores_and_continues_from_the_next_question(
    pack: LoadedPack, clock: FakeClock
) -> None:
    first = LiveGame(pack, options(), clock=clock)
    ann, _ = first.join("Ann")
    bob, _ = first.join("Bob")
    first.start()
    clock.advance(3)
    a1 = first.answer(ann, RIGHT["q1"])
    b1 = first.answer(bob, WRONG["q1"])
    first.tick()
    first.advance()
    a2 = first.answer(ann, RIGHT["q2"])  # then the host dies, Bob never answered

    again = LiveGame(pack, options(), clock=clock)
    again.carry_on(
        [
            ("Ann", "t-ann", {1: ("q1", a1.response, a1.elapsed), 2: ("q2", a2.response, a2.elapsed)}),
            ("Bob", "t-bob", {1: ("q1", b1.response, b1.elapsed)}),
        ],
        next_number=3,
    )

    assert again.phase == "closed" and again.next_number == 3
    scores = {p.player: p.score for p in again.standings()}
    assert scores == {"Ann": ann.session.score, "Bob": bob.session.score}
    assert all(not p.connected for p in again.roster)
    back, new = again.join("Bob")
    assert back.session.score == bob.session.score and not new
    prepared = again.advance()
    assert prepared is not None and prepared.number == 3
    assert back.session.position == 2 and back.session.current == prepared


def test_carry_on_only_on_a_new_game(game: LiveGame) -> None:
    game.join("Ann")
    with pytest.raises(SessionStateError):
        game.carry_on([], next_number=1)


def test_options_that_fit_no_question_fail_before_anyone_joins(clock: FakeClock) -> None:
    pack = build_pack()
    with pytest.raises(Exception):
        LiveGame(pack, options(tags=["no-such-tag"]), clock=clock)
