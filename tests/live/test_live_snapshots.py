"""The projector's and the student's screens, pinned as SVG snapshots at a laptop's 80×24
and a projector's 160×45. The clock is fake and the PIN fixed, so nothing varies."""

from __future__ import annotations

import asyncio

import pytest

from quizgame.engine.live import LiveGame
from quizgame.engine.paced import PacedGame
from quizgame.live import protocol as p
from quizgame.live.classroom import Classroom
from quizgame.live.remote import RemoteSession
from quizgame.live.server import LiveServer
from quizgame.tui.host import HostApp, HostConfig
from quizgame.tui.join import JoinApp, JoinConfig

from fakes import FakeClock

from .conftest import PIN, game_options

SIZES = [(80, 24), (160, 45)]
NAMES = ["Ann", "Bob", "Chen", "Dara", "Eli", "Femi"]
# name -> (answer to question 1 (short), answer to question 2 (single choice))
ANSWERS = {"Ann": ("Hamburg", "More than two hours"), "Bob": ("hamburg", "About 30 minutes"),
           "Chen": ("Berlin", "More than two hours"), "Dara": ("Hamburg", "More than two hours"),
           "Eli": ("Bonn", "A whole day")}


def _classroom(harbour, mode: str, clock: FakeClock) -> Classroom:
    options = game_options(count=3)
    if mode == "live":
        game = LiveGame(harbour, options, clock=clock)
    else:
        game = PacedGame(harbour, options.replace(mode="exam" if mode == "exam" else "practice"), clock=clock)
    return Classroom(game, mode, pin=PIN, saver=None, game_id="g", clock=clock)  # type: ignore[arg-type]


def _projector(classroom: Classroom) -> HostApp:
    return HostApp(
        HostConfig(
            classroom=classroom, server=LiveServer(classroom), sock=None,
            addresses=["192.168.1.20:8765", "10.0.0.7:8765"], lan=True, theme="textual-dark", tick=3600,
        )
    )


def _play_live(classroom: Classroom, clock: FakeClock, upto: str) -> None:
    game = classroom.game
    assert isinstance(game, LiveGame)
    players = {name: game.join(name)[0] for name in NAMES}
    if upto == "lobby":
        return
    game.start()
    clock.advance(3)
    for name, (first, _) in ANSWERS.items():
        game.answer(players[name], first)
        clock.advance(1)
    if upto == "question":
        return
    game.close()
    game.advance()
    clock.advance(2)
    for name, (_, second) in ANSWERS.items():
        game.answer(players[name], second)
    game.close()
    if upto in ("reveal", "board"):
        return
    game.advance()
    game.finish()


def _steps(view: str, refresh_at: int = 0):
    async def run_before(pilot) -> None:
        app = pilot.app
        await pilot.pause()
        screen = app.projector
        screen.view = view
        screen.redraw()
        await pilot.pause(0.2)
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("view", ["lobby", "question", "reveal", "board", "podium"])
def test_projector(snap_compare, harbour, view: str, size) -> None:
    clock = FakeClock()
    classroom = _classroom(harbour, "live", clock)
    _play_live(classroom, clock, view)
    assert snap_compare(_projector(classroom), run_before=_steps(view), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("mode", ["self-paced", "exam"])
def test_projector_dashboard(snap_compare, harbour, mode: str, size) -> None:
    clock = FakeClock()
    classroom = _classroom(harbour, mode, clock)
    game = classroom.game
    assert isinstance(game, PacedGame)
    players = [game.join(name)[0] for name in NAMES[:4]]
    game.start()
    for n, player in enumerate(players):
        for answer in ("Hamburg", "More than two hours", True)[: n + 1]:
            game.ask(player)
            clock.advance(2)
            game.answer(player, answer if n % 2 == 0 else "Berlin" if isinstance(answer, str) and answer == "Hamburg" else answer)
    assert snap_compare(_projector(classroom), run_before=_steps("dashboard"), terminal_size=size)


# -- the student ---------------------------------------------------------------------------

WELCOME = p.Welcome(
    player="Ann", token="t", mode="live", pack_title="The Harbour Summit",
    source=p.SourceInfo(title="The Harbour Report", author="Ann Writer", publication="The Daily Test",
                        column="Briefing", date="2017-07-07", url=None),
    total=4, rejoined=False, score=0.0,
)
QUESTION = p.Question(
    number=2, total=4, kind="single", prompt="How long did the two leaders talk?",
    choices=["About 30 minutes", "More than two hours", "A whole day"], section="What the leaders said and agreed",
    points=20, time_limit=20.0, remaining=14.0,
)
REVEAL = p.Reveal(
    number=2, right_answer="More than two hours", explanation="The talks ran far longer than planned.",
    quote=["The two leaders spoke for more than two hours, far longer than planned."],
    outcome=p.Outcome(correct=True, credit=1.0, points=20.0, max_points=20.0, speed_bonus=0.0, streak_bonus=0.0,
                      timed_out=False, response_text="More than two hours", accepted=None, typo=False, elapsed=6.0),
    score=40.0, max_score=40.0, rank=2, players=6, gap=5.0,
)


class _Offline:
    """A client for screens fed by hand: the messages a host would send."""

    address = "127.0.0.1:8765"

    async def join(self, name: str, pin: str) -> None:
        await asyncio.Event().wait()  # the screens are fed by hand instead

    async def close(self) -> None:
        return None

    def forget_token(self) -> None:
        return None


def _student(step: str):
    clock = FakeClock()

    async def run_before(pilot) -> None:
        app: JoinApp = pilot.app
        app.remote = RemoteSession(WELCOME, lambda message: None, clock=clock)
        app.remote.score = 20.0
        app.remote.max_score = 20.0
        if step == "lobby":
            await app.handle(p.Lobby(players=6))
        else:
            await app.handle(QUESTION)
        await pilot.pause(0.1)
        if step in ("locked", "reveal"):
            await pilot.press("2")
            await app.handle(p.Locked(number=2))
        if step == "reveal":
            await app.handle(REVEAL)
        if step == "final":
            await app.handle(p.Final(rank=2, players=6, score=40.0, max_score=80.0, review=[
                p.ReviewItem(number=2, kind="single", prompt=QUESTION.prompt, choices=QUESTION.choices,
                             section=QUESTION.section, right_answer=REVEAL.right_answer,
                             explanation=REVEAL.explanation, quote=REVEAL.quote, outcome=REVEAL.outcome),
            ]))
        await pilot.pause(0.3)
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("step", ["lobby", "question", "locked", "reveal", "final"])
def test_student(snap_compare, step: str, size) -> None:
    app = JoinApp(JoinConfig(client=_Offline(), name="Ann", pin=PIN, theme="textual-dark"))  # type: ignore[arg-type]
    assert snap_compare(app, run_before=_student(step), terminal_size=size)
