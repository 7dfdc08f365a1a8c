"""The projector and the student's screens, driven with Pilot against a real host on a
loopback port: the same Classroom and server the command runs."""

from __future__ import annotations

import asyncio

import pytest

from quizgame.engine.live import LiveGame
from quizgame.engine.paced import PacedGame
from quizgame.live.classroom import Classroom
from quizgame.live.client import Address, LiveClient, TokenStore
from quizgame.live.remote import RemoteSession
from quizgame.live.server import LiveServer
from quizgame.tui.host import HostApp, HostConfig
from quizgame.tui.join import JoinApp, JoinConfig
from quizgame.tui.screens.final import FinalScreen
from quizgame.tui.screens.quiz import QuizScreen

from fakes import FakeClock

from .conftest import PIN, game_options, wait_until


def screen_text(app) -> str:
    import html
    import re

    svg = app.export_screenshot()
    cells: dict[float, list[tuple[float, str]]] = {}
    for match in re.finditer(r'<text [^>]*?x="([\d.]+)" y="([\d.]+)"[^>]*>([^<]*)</text>', svg):
        x, y, text = float(match[1]), float(match[2]), html.unescape(match[3])
        cells.setdefault(y, []).append((x, text.replace("\xa0", " ")))
    return "\n".join("".join(t for _, t in sorted(parts)).rstrip() for _, parts in sorted(cells.items()))


async def until(pilot, check, timeout: float = 15.0, what: str = "") -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not check():
        if loop.time() > deadline:
            raise AssertionError(f"timed out waiting for {what or check}")
        await pilot.pause(0.05)


def host_app(harbour, mode: str = "live", clock=None, saver=None, **changes) -> HostApp:
    options = game_options(**changes)
    kwargs = {} if clock is None else {"clock": clock}
    if mode == "live":
        game = LiveGame(harbour, options, **kwargs)
    else:
        game = PacedGame(harbour, options.replace(mode="exam" if mode == "exam" else "practice"), **kwargs)
    classroom = Classroom(game, mode, pin=PIN, saver=saver, game_id="game-1", **kwargs)  # type: ignore[arg-type]
    return HostApp(
        HostConfig(
            classroom=classroom, server=LiveServer(classroom), sock=None,
            addresses=["192.168.1.20:8765"], lan=True, theme="textual-dark",
        )
    )


def join_app(port: int, tmp_path, name: str = "Ann", pin: str = PIN, suggested: str = "") -> JoinApp:
    client = LiveClient(Address("127.0.0.1", port), tokens=TokenStore(tmp_path / f"tokens-{name}.json"))
    return JoinApp(
        JoinConfig(
            client=client, name=name, suggested_name=suggested, pin=pin, theme="textual-dark",
            reconnect_every=0.2,
        )
    )


# -- the projector -----------------------------------------------------------------------


async def test_the_lobby_shows_where_to_join_the_pin_and_the_names(harbour, connect) -> None:
    app = host_app(harbour)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: app.config.server.addresses, what="the server")
        await until(pilot, lambda: "quizgame join 192.168.1.20:8765" in screen_text(app))
        text = screen_text(app)
        assert "1 2 3 4 5 6" in text
        assert "Open to the local network" in text
        ann = await connect(f"ws://127.0.0.1:{app.config.server.port}/ws")
        await ann.hello("Ann [b]bold[/b]")
        await until(pilot, lambda: "Ann [b]bold[/b]" in screen_text(app), what="the name, literally")
        assert "1 joined" in screen_text(app)


async def test_a_question_its_reveal_the_leaderboard_and_the_podium(harbour, connect) -> None:
    app = host_app(harbour, count=2)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: app.config.server.addresses)
        url = f"ws://127.0.0.1:{app.config.server.port}/ws"
        ann, bob = await connect(url), await connect(url)
        await ann.hello("Ann")
        await bob.hello("Bob")
        await pilot.press("n")
        question = await ann.wait_for("question")
        await bob.wait_for("question")
        await until(pilot, lambda: "Which city hosted the summit?" in screen_text(app))
        assert "0 of 2 answered" in screen_text(app)
        await ann.send({"type": "answer", "question": question["number"], "answer": "hamburg"})
        await until(pilot, lambda: "1 of 2 answered" in screen_text(app), what="the count")
        await bob.send({"type": "answer", "question": 1, "answer": "Berlin"})
        await until(pilot, lambda: "Right answer: Hamburg" in screen_text(app), what="the reveal")
        text = screen_text(app)
        assert "The report names Hamburg as the host city." in text
        assert "The city of Hamburg hosted the summit in July." in text
        assert "Ann Writer, The Daily Test" in text  # the quote's attribution
        assert "2 of 2 answered in time" in text
        await pilot.press("n")
        await until(pilot, lambda: "Leaderboard" in screen_text(app))
        assert "new" in screen_text(app)  # first question: everyone is new on the board
        await pilot.press("n")  # question 2: a single choice, keys and symbols
        await until(pilot, lambda: "How long did the two leaders talk?" in screen_text(app))
        text = screen_text(app)
        assert " 1 ▲ " in text and " 2 ◆ " in text and " 3 ● " in text
        await bob.send({"type": "answer", "question": 2, "answer": 2})
        await ann.send({"type": "answer", "question": 2, "answer": 1})
        await until(pilot, lambda: "Right answer: More than two hours" in screen_text(app))
        await pilot.press("n")
        # Bob catches Ann up: they share first place, he moved up one.
        await until(pilot, lambda: "▲1" in screen_text(app), what="movements")
        await pilot.press("n")
        await until(pilot, lambda: "Final scores" in screen_text(app), what="the podium")
        assert (await ann.wait_for("final"))["players"] == 2


async def test_the_hosts_keys(harbour, connect) -> None:
    clock = FakeClock()
    app = host_app(harbour, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: app.config.server.addresses)
        url = f"ws://127.0.0.1:{app.config.server.port}/ws"
        ann, bob = await connect(url), await connect(url)
        await ann.hello("Ann")
        await bob.hello("Bob")
        game = app.classroom.game
        await pilot.press("n")
        await until(pilot, lambda: game.phase == "open")
        await pilot.press("p")
        assert game.paused
        await until(pilot, lambda: "Paused" in screen_text(app))
        assert (await ann.wait_for("clock"))["paused"] is True
        await pilot.press("p")
        assert not game.paused
        await pilot.press("plus")
        assert game.remaining() == pytest.approx(30.0)
        await pilot.press("k")  # skip question 1
        assert game.question is not None and game.question.number == 2
        assert (await ann.wait_for("skipped"))["number"] == 1
        await pilot.press("r")
        await pilot.press("down", "enter")  # Bob
        await until(pilot, lambda: [p.name for p in game.roster] == ["Ann"], what="Bob removed")
        assert (await bob.wait_for("ended"))["reason"] == "removed"
        await pilot.press("e")
        await pilot.press("y")
        await until(pilot, lambda: game.phase == "finished")
        await until(pilot, lambda: "Final scores" in screen_text(app))


async def test_the_keys_are_in_the_footer_and_in_help(harbour) -> None:
    app = host_app(harbour)
    async with app.run_test(size=(120, 30)) as pilot:
        app.classroom.game.join("Ann")
        await pilot.press("n")
        await until(pilot, lambda: "Pause/resume" in screen_text(app), what="the footer")
        text = screen_text(app)
        for words in ("Next", "Pause/resume", "+10 s", "Skip question", "Remove player", "End game"):
            assert words in text
        await pilot.press("question_mark")
        await pilot.pause(0.2)
        help_text = screen_text(app)
        for words in ("Next", "Pause/resume", "+10 s", "Skip question", "Remove player", "End game"):
            assert words in help_text


async def test_the_self_paced_dashboard(harbour, connect) -> None:
    app = host_app(harbour, mode="self-paced")
    async with app.run_test(size=(120, 30)) as pilot:
        await until(pilot, lambda: app.config.server.addresses)
        url = f"ws://127.0.0.1:{app.config.server.port}/ws"
        ann = await connect(url)
        await ann.hello("Ann")
        await pilot.press("n")
        question = await ann.wait_for("question")
        await ann.send({"type": "answer", "question": question["number"], "answer": "Hamburg"})
        await ann.wait_for("reveal")
        await until(pilot, lambda: "1 of 4" in screen_text(app), what="Ann's progress")
        text = screen_text(app)
        assert "100% right" in text and "Which city hosted the summit?" in text
        assert "20 of 20" in text


async def test_the_exam_dashboard_hides_scores(harbour, connect) -> None:
    app = host_app(harbour, mode="exam")
    async with app.run_test(size=(120, 30)) as pilot:
        await until(pilot, lambda: app.config.server.addresses)
        ann = await connect(f"ws://127.0.0.1:{app.config.server.port}/ws")
        await ann.hello("Ann")
        await pilot.press("n")
        await ann.wait_for("question")
        await until(pilot, lambda: "score hidden until the end" in screen_text(app))


# -- the student ---------------------------------------------------------------------------


async def test_a_student_plays_on_the_solo_quiz_screen(harbour, make_host, tmp_path) -> None:
    host = await make_host(count=2)
    app = join_app(host.server.port, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: "Ann" in host.classroom.connections, what="Ann joined")
        await until(pilot, lambda: "You're in, Ann" in screen_text(app))
        host.classroom.start()
        await until(pilot, lambda: isinstance(app.screen, QuizScreen), what="the quiz screen")
        quiz = app.screen
        assert isinstance(quiz.session, RemoteSession)  # the one quiz screen, fed remotely
        await until(pilot, lambda: "Which city hosted the summit?" in screen_text(app))
        await pilot.press(*"hamburg", "enter")
        await until(pilot, lambda: "Answer locked in" in screen_text(app) or quiz.showing == "feedback")
        await until(pilot, lambda: quiz.showing == "feedback", what="the verdict")
        text = screen_text(app)
        assert "Right" in text and "The report names Hamburg" in text
        assert "Rank 1 of 1" in text
        # The host sets the pace: no key offered for a next question that Enter cannot bring.
        assert "Waiting for the host to show the next question" in text
        assert "Next question" not in text and "Enter" not in text
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert quiz.showing == "feedback" and "Waiting for the host" in screen_text(app)
        host.classroom.next()  # the host moves on
        await until(pilot, lambda: quiz.showing == "question" and "How long" in screen_text(app))
        await pilot.press("3")
        await until(pilot, lambda: quiz.showing == "feedback")
        assert "Wrong" in screen_text(app)
        assert "Waiting for the host to show the final scores" in screen_text(app)
        host.classroom.next()
        await until(pilot, lambda: isinstance(app.screen, FinalScreen), what="the final screen")
        await until(pilot, lambda: "1st of 1 · 20 of 40 points" in screen_text(app))
        final = app.screen
        assert isinstance(final, FinalScreen)
        assert [(q.number, q.question.explanation[:10], r.correct) for q, r in final.review] == [
            (1, "The report", True), (2, "The talks ", False),
        ]


async def test_a_self_paced_student_moves_on_with_enter(harbour, make_host, tmp_path) -> None:
    host = await make_host("self-paced", count=2)
    app = join_app(host.server.port, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: "Ann" in host.classroom.connections, what="Ann joined")
        host.classroom.start()
        await until(pilot, lambda: isinstance(app.screen, QuizScreen), what="the quiz screen")
        quiz = app.screen
        await until(pilot, lambda: "Which city hosted the summit?" in screen_text(app))
        await pilot.press(*"hamburg", "enter")
        await until(pilot, lambda: quiz.showing == "feedback", what="the verdict")
        text = screen_text(app)
        assert "Next question (Enter)" in text and "Waiting for the host" not in text
        await pilot.press("enter")
        await until(pilot, lambda: quiz.showing == "question" and "How long" in screen_text(app), what="question 2")


async def test_a_student_asked_for_a_missing_pin_and_told_a_wrong_one(make_host, tmp_path) -> None:
    host = await make_host()
    app = join_app(host.server.port, tmp_path, pin="")
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: "Game PIN" in screen_text(app), what="the form")
        await pilot.press(*"999999", "enter")
        await until(pilot, lambda: "wrong PIN" in screen_text(app), what="the refusal")
        await pilot.press(*["backspace"] * 6, *PIN, "enter")
        await until(pilot, lambda: "You're in, Ann" in screen_text(app))


async def test_the_remembered_name_is_offered_in_the_form_not_joined_with(make_host, tmp_path) -> None:
    host = await make_host()
    # A PIN given too: a suggested name still asks, as another student may be at the machine.
    app = join_app(host.server.port, tmp_path, name="", suggested="Ann")
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: "Game PIN" in screen_text(app), what="the form")
        assert app.screen.query_one("#name").value == "Ann"
        assert app.screen.focused is app.screen.query_one("#pin")  # the name is there: on to the PIN
        assert "Ann" not in host.classroom.connections
        await pilot.press("enter")
        await until(pilot, lambda: "You're in, Ann" in screen_text(app))


async def test_the_form_takes_a_name_as_long_as_the_game_allows(make_host, tmp_path) -> None:
    from quizgame.engine.names import MAX_NAME_LENGTH

    host = await make_host()
    long_name = "Bartholomew Featherstonehaugh-Cholmondeley"[:MAX_NAME_LENGTH]
    app = join_app(host.server.port, tmp_path, name="", suggested=long_name[:-1])
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: "Game PIN" in screen_text(app), what="the form")
        field = app.screen.query_one("#name")
        assert field.value == long_name[:-1]
        field.focus()
        await pilot.press("end", long_name[-1], "x")  # one more fits; the next does not
        assert field.value == long_name
        await pilot.press("enter")
        await until(pilot, lambda: long_name in host.classroom.connections, what="joined")


async def test_a_student_back_after_the_end_gets_the_final_screen_again(make_host, tmp_path) -> None:
    host = await make_host(count=1)
    first = join_app(host.server.port, tmp_path)
    async with first.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: "You're in, Ann" in screen_text(first))
        host.classroom.start()
        await until(pilot, lambda: "Which city hosted the summit?" in screen_text(first))
        await pilot.press(*"hamburg", "enter")
        await until(pilot, lambda: "Right" in screen_text(first), what="the verdict")
        host.classroom.end()
        await until(pilot, lambda: isinstance(first.screen, FinalScreen), what="the final screen")
        await pilot.press("ctrl+q")  # the student quits on the final screen
    await wait_until(lambda: "Ann" not in host.classroom.connections, what="Ann gone")

    # quizgame join again: the name and token kept for that host (quizgame.commands.join).
    again = join_app(host.server.port, tmp_path)
    async with again.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(again.screen, FinalScreen), what="the final screen again")
        await until(pilot, lambda: "1st of 1 · 20 of 20 points" in screen_text(again))


async def test_a_dropped_student_joins_again_by_themselves(make_host, tmp_path) -> None:
    host = await make_host()
    app = join_app(host.server.port, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: "Ann" in host.classroom.connections)
        host.classroom.connections["Ann"].drop()
        await until(pilot, lambda: "Welcome back, Ann" in screen_text(app), what=f"the rejoin: {screen_text(app)}")
        assert "Ann" in host.classroom.connections


async def test_the_student_is_told_when_the_host_stops(make_host, tmp_path) -> None:
    host = await make_host()
    app = join_app(host.server.port, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: "Ann" in host.classroom.connections)
        await host.server.stop("the host ended the game")
        await until(pilot, lambda: "The game has ended" in screen_text(app))
