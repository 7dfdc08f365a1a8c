"""The host's side of a classroom game, between the network and the engine.

A Classroom holds the game (LiveGame or PacedGame), who is connected, and the results saver.
The server hands it each message a student sends; it answers through the student's
Connection, whose send() never waits (quizgame.live.server queues it). The projector reads
the game and is told of every change through `on_change`. No aiohttp and no Textual here.

Every answer goes to the results database as it is given, and is acknowledged to the student
(`locked`) only once it is committed; whatever tells the student how the answer went is held
back until then too.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, Union

from quizgame.engine import EngineError
from quizgame.engine.live import LiveGame, QuestionClosed
from quizgame.engine.paced import PacedGame
from quizgame.engine.roster import JoinRefused, Player, UnknownPlayer
from quizgame.live import protocol as p
from quizgame.live.guard import Limits, PinGuard

if TYPE_CHECKING:
    from quizgame.engine import AnswerResult, PreparedQuestion
    from quizgame.engine.standings import Place
    from quizgame.saving import GameSaver

Game = Union[LiveGame, PacedGame]


class Connection(Protocol):
    address: str

    def send(self, message: p.Message) -> None: ...

    def close(self, code: int = 1000, reason: str = "") -> None: ...


# WebSocket close codes the host uses (RFC 6455 and its registry).
NORMAL = 1000
GOING_AWAY = 1001
POLICY = 1008


def to_response(prepared: PreparedQuestion, value: object) -> object:
    """A protocol answer as the engine's response; EngineError-free ValueError if it does
    not fit the question."""
    kind = prepared.question.type
    choices = prepared.choices
    if kind == "true_false":
        if not isinstance(value, bool):
            raise ValueError("this question takes true or false")
        return value
    if kind == "short":
        if not isinstance(value, str):
            raise ValueError("this question takes typed text")
        return value
    if kind == "single":
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= len(choices):
            raise ValueError(f"this question takes a choice number from 1 to {len(choices)}")
        return choices[value - 1]
    if not isinstance(value, list) or not value:
        raise ValueError("this question takes a list of choice numbers")
    if any(isinstance(n, bool) or not 1 <= n <= len(choices) for n in value):
        raise ValueError(f"choice numbers go from 1 to {len(choices)}")
    return frozenset(choices[n - 1] for n in value)


def question_message(prepared: PreparedQuestion, total: int, **state: object) -> p.Question:
    question = prepared.question
    return p.Question(
        number=prepared.number,
        total=total,
        kind=question.type,  # type: ignore[arg-type]
        prompt=question.prompt,
        choices=list(prepared.choices),
        section=prepared.section.title,
        points=prepared.base_points,
        time_limit=prepared.time_limit,
        **state,  # type: ignore[arg-type]
    )


def outcome(result: AnswerResult) -> p.Outcome:
    return p.Outcome(
        correct=result.correct,
        credit=result.credit,
        points=result.points,
        max_points=result.max_points,
        speed_bonus=result.speed_bonus,
        streak_bonus=result.streak_bonus,
        timed_out=result.timed_out,
        response_text=result.response_text,
        accepted=result.accepted,
        typo=result.typo,
        elapsed=result.elapsed,
    )


def _result_for(player: Player, prepared: PreparedQuestion) -> AnswerResult | None:
    for result in player.session.results:
        if result.question_id == prepared.id:
            return result
    return None


def _right_answer(prepared: PreparedQuestion) -> str:
    from quizgame.engine.responses import right_answer_text

    return right_answer_text(prepared)


class Classroom:
    def __init__(
        self,
        game: Game,
        mode: p.GameMode,
        *,
        pin: str,
        saver: GameSaver | None,
        game_id: str,
        limits: Limits = Limits(),
        clock: Callable[[], float] = time.monotonic,
        post: Callable[[Callable[[], None]], None] | None = None,
        on_change: Callable[[str], None] | None = None,
    ) -> None:
        """`post` runs a function on the host's event loop from another thread (the saver
        calls back from its own); `on_change` tells the projector what just happened."""
        self.game = game
        self.mode: p.GameMode = mode
        self.saver = saver
        self.game_id = game_id
        self.limits = limits
        self.guard = PinGuard(pin, limits, clock=clock)
        self._post = post or (lambda fn: fn())
        self._on_change = on_change or (lambda event: None)
        self.connections: dict[str, Connection] = {}  # player name -> their connection
        self._uncommitted: dict[str, int] = {}  # player name -> answers not yet committed
        self._held_back: dict[str, list[p.Message]] = {}
        # Commits reported by the saver's thread, waiting for the event loop: a batch of a
        # class's answers is one wake-up of the loop, not one each.
        self._commits: list[tuple[Player, int, bool]] = []
        self._commits_lock = threading.Lock()
        self._locked_by_number: dict[int, p.Locked] = {}
        self.session_ids: dict[str, str] = {}
        self.ended = False

    @property
    def pin(self) -> str:
        return self.guard.pin

    def watch(
        self, on_change: Callable[[str], None], post: Callable[[Callable[[], None]], None]
    ) -> None:
        """Who is told of changes (the projector), and how the saver's thread reaches the
        event loop the server runs on."""
        self._on_change = on_change
        self._post = post

    def adopt(self, game: Game, game_id: str, session_ids: dict[str, str]) -> None:
        """Play `game` instead, carrying on stored game `game_id`: each of its players'
        answers are added to their stored session. Before anyone has joined."""
        if self.connections:
            raise RuntimeError("students have joined already")
        self.game = game
        self.game_id = game_id
        self.session_ids = dict(session_ids)
        if self.saver is not None:
            for player in game.roster:
                self.saver.resume(player.session, session_ids[player.name])
        self._on_change("adopted")

    @property
    def live(self) -> bool:
        return isinstance(self.game, LiveGame)

    # -- joining ---------------------------------------------------------------------------

    def hello(self, conn: Connection, hello: p.Hello) -> Player | None:
        """The first message of a connection: the player it is, or None (refused, closed)."""
        if hello.protocol != p.PROTOCOL_VERSION:
            return self._refuse(
                conn,
                "version",
                f"this host runs quizgame {p.__version__} (protocol {p.PROTOCOL_VERSION}); "
                f"your client speaks protocol {hello.protocol}: use the same quizgame version",
            )
        wait = self.guard.locked_for(conn.address)
        if wait > 0:
            return self._refuse(
                conn, "locked", f"too many wrong PINs: wait {int(wait) + 1} s", retry_after=wait
            )
        if not self.guard.check(conn.address, hello.pin):
            return self._refuse(conn, "pin", "wrong PIN: check the one on the projector")
        if self.ended:
            return self._refuse(conn, "finished", "this game is over")
        if self.game.phase == "finished":
            return self._back_after_the_end(conn, hello)
        try:
            player, new = self.game.join(hello.name, hello.token)
        except JoinRefused as refused:
            return self._refuse(conn, refused.code, str(refused))
        self._take_seat(conn, player)
        if new and self.saver is not None:
            self.session_ids[player.name] = self.saver.start(
                player.session, player.name, game_id=self.game_id, mode=self.mode
            )
        conn.send(self._welcome(player, rejoined=not new))
        self._catch_up(player)
        self._on_change("joined")
        return player

    def _take_seat(self, conn: Connection, player: Player) -> None:
        old = self.connections.get(player.name)
        if old is not None and old is not conn:
            # Their own token from a second window: the newer connection wins.
            old.send(p.Ended(reason="removed", message="you joined again from somewhere else"))
            old.close(NORMAL)
        self.connections[player.name] = conn

    def _back_after_the_end(self, conn: Connection, hello: p.Hello) -> Player | None:
        """A student back once the game is over (a page reloaded on the final screen, a
        client started again), while the host still shows the podium: their final screen
        again, by their token. Nobody new joins a finished game."""
        try:
            player = self.game.roster.come_back(hello.token) if hello.token else None
        except UnknownPlayer:
            player = None
        if player is None:
            return self._refuse(conn, "finished", "this game is over")
        self._take_seat(conn, player)
        conn.send(self._welcome(player, rejoined=True))
        self._send_after_commit(player, self._final_for(player))
        self._on_change("joined")
        return player

    def _welcome(self, player: Player, *, rejoined: bool) -> p.Welcome:
        pack = self.game.pack.pack
        source = pack.source
        return p.Welcome(
            player=player.name,
            token=player.token,
            mode=self.mode,
            pack_title=pack.title,
            source=p.SourceInfo(
                title=source.title,
                author=source.author,
                publication=source.publication,
                column=source.column,
                date=source.date.isoformat(),
                url=source.url,
            ),
            total=self.game.total,
            rejoined=rejoined,
            score=player.session.score,
        )

    def _refuse(self, conn: Connection, code: p.RefusalCode, message: str, **extra: object) -> None:
        conn.send(p.Refused(code=code, message=message, **extra))  # type: ignore[arg-type]
        conn.close(POLICY)
        return None

    def _catch_up(self, player: Player) -> None:
        """What a student who has just (re)joined needs to see now."""
        game = self.game
        if isinstance(game, LiveGame):
            if game.phase == "lobby":
                self._send(player, self._lobby())
            elif game.phase == "open":
                prepared = game.question
                assert prepared is not None
                self._send(player, self._question(prepared, answered=game.has_answered(player)))
            elif game.phase == "closed" and game.last_reveal is not None:
                self._send(player, self._reveal_for(player, game.last_reveal.question))
            return
        if game.phase == "lobby":
            self._send(player, self._lobby())
        elif game.phase == "running":
            self._ask(player)

    def disconnected(self, conn: Connection, player: Player | None) -> None:
        if player is None or self.connections.get(player.name) is not conn:
            return
        del self.connections[player.name]
        if not player.removed:
            self.game.leave(player)
        self._on_change("left")

    # -- what students send ----------------------------------------------------------------

    def receive(self, conn: Connection, player: Player, message: object) -> p.Error | None:
        """Handle one message from a joined student; an error to reply with, if any."""
        if self.connections.get(player.name) is not conn or player.removed:
            return p.Error(code="closed", message="this connection no longer plays")
        if isinstance(message, p.Answer):
            return self._answer(player, message)
        if isinstance(message, p.Next):
            if isinstance(self.game, PacedGame) and self.game.phase == "running":
                self._ask(player)
                return None
            return p.Error(code="closed", message="the host moves the game on")
        if isinstance(message, p.Leave):
            conn.close(NORMAL)
            return None
        return p.Error(code="unknown", message="already joined: hello is the first message only")

    def _answer(self, player: Player, message: p.Answer) -> p.Error | None:
        game = self.game
        prepared = game.question if isinstance(game, LiveGame) else player.session.current
        if prepared is None or prepared.number != message.question:
            return p.Error(code="closed", message=f"question {message.question} is not open")
        try:
            response = to_response(prepared, message.answer)
        except ValueError as error:
            return p.Error(code="invalid", message=str(error))
        try:
            result = game.answer(player, response)
        except QuestionClosed as error:
            return p.Error(code="closed", message=str(error))
        except EngineError as error:
            return p.Error(code="invalid", message=str(error))
        self._save(player, result, acknowledge=True)
        if isinstance(game, LiveGame):
            self._on_change("answered")
            self.tick()
            return None
        if game.exam:
            self._after_commit(player, lambda: self._ask(player))
        else:
            self._send_after_commit(player, self._reveal_for(player, prepared))
        self._on_change("answered")
        return None

    # -- saving and the acknowledgement ----------------------------------------------------

    def _save(self, player: Player, result: AnswerResult, *, acknowledge: bool) -> None:
        number = next(q.number for q in self.game.questions if q.id == result.question_id)
        if self.saver is None:
            if acknowledge:
                self._send(player, self._locked(number))
            return
        name = player.name
        self._uncommitted[name] = self._uncommitted.get(name, 0) + 1
        commit = (player, number, acknowledge)
        self.saver.record(player.session, result, on_commit=lambda: self._on_commit(commit))

    def _on_commit(self, commit: tuple[Player, int, bool]) -> None:
        """On the saver's thread: hand the commit to the loop, waking it only if it has not
        been woken for earlier ones still waiting."""
        with self._commits_lock:
            self._commits.append(commit)
            first = len(self._commits) == 1
        if first:
            self._post(self._take_commits)

    def _take_commits(self) -> None:
        with self._commits_lock:
            commits, self._commits = self._commits, []
        for player, number, acknowledge in commits:
            self._committed(player, number, acknowledge)
        if commits:
            self._on_change("saved")

    def _locked(self, number: int) -> p.Locked:
        # One message per question, not per answer: the server encodes a message it has
        # just sent once, so a class's acknowledgements cost one encoding.
        locked = self._locked_by_number.get(number)
        if locked is None:
            locked = self._locked_by_number[number] = p.Locked(number=number)
        return locked

    def _committed(self, player: Player, number: int, acknowledge: bool) -> None:
        name = player.name
        left = self._uncommitted.get(name, 1) - 1
        if left > 0:
            self._uncommitted[name] = left
        else:
            self._uncommitted.pop(name, None)
        if acknowledge:
            self._send(player, self._locked(number))
        if left <= 0:
            for item in self._held_back.pop(name, []):
                if callable(item):
                    item()
                else:
                    self._send(player, item)

    def _send_after_commit(self, player: Player, message: p.Message) -> None:
        if self._uncommitted.get(player.name):
            self._held_back.setdefault(player.name, []).append(message)
        else:
            self._send(player, message)

    def _after_commit(self, player: Player, then: Callable[[], None]) -> None:
        if self._uncommitted.get(player.name):
            self._held_back.setdefault(player.name, []).append(then)  # type: ignore[arg-type]
        else:
            then()

    @property
    def uncommitted(self) -> int:
        return sum(self._uncommitted.values())

    # -- sending ---------------------------------------------------------------------------

    def _send(self, player: Player, message: p.Message) -> None:
        conn = self.connections.get(player.name)
        if conn is not None:
            conn.send(message)

    def _lobby(self) -> p.Lobby:
        # To the one who joined, not to everyone at each arrival: a class of a hundred
        # joining would be ten thousand messages.
        return p.Lobby(players=len(self.game.roster))

    def _question(self, prepared: PreparedQuestion, *, answered: bool = False) -> p.Question:
        game = self.game
        if isinstance(game, LiveGame):
            return question_message(
                prepared, game.total, remaining=game.remaining(), paused=game.paused, answered=answered
            )
        return question_message(prepared, game.total, remaining=None, answered=answered)

    def _reveal_for(
        self, player: Player, prepared: PreparedQuestion, standings: list[Place] | None = None
    ) -> p.Reveal:
        """`standings`: ranked once for a whole class's reveal, not once per student."""
        result = _result_for(player, prepared)
        standings = self.game.standings() if standings is None else standings
        place = next((s for s in standings if s.player == player.name), None)
        question = prepared.question
        return p.Reveal(
            number=prepared.number,
            right_answer=_right_answer(prepared),
            explanation=question.explanation,
            quote=list(question.quote_fragments),
            outcome=None if result is None else outcome(result),
            score=player.session.score,
            max_score=player.session.max_score,
            rank=None if place is None else place.rank,
            players=len(standings),
            gap=None if place is None else place.gap,
        )

    def _final_for(self, player: Player, standings: list[Place] | None = None) -> p.Final:
        standings = self.game.standings() if standings is None else standings
        place = next((s for s in standings if s.player == player.name), None)
        review = []
        for prepared in self.game.questions:
            result = _result_for(player, prepared)
            question = prepared.question
            review.append(
                p.ReviewItem(
                    number=prepared.number,
                    kind=question.type,  # type: ignore[arg-type]
                    prompt=question.prompt,
                    choices=list(prepared.choices),
                    section=prepared.section.title,
                    right_answer=_right_answer(prepared),
                    explanation=question.explanation,
                    quote=list(question.quote_fragments),
                    outcome=None if result is None else outcome(result),
                )
            )
        return p.Final(
            rank=None if place is None else place.rank,
            players=len(standings),
            score=player.session.score,
            max_score=player.session.max_score,
            review=review,
        )

    # -- self-paced and exam ---------------------------------------------------------------

    def _ask(self, player: Player) -> None:
        game = self.game
        assert isinstance(game, PacedGame)
        if player.name not in self.connections:
            return
        try:
            prepared = game.ask(player)
        except QuestionClosed:
            return
        if prepared is not None:
            self._send(player, self._question(prepared))
        elif game.exam:
            self._send(player, p.Done(message="All your answers are in. Your results come when the host ends the exam."))
        else:
            self._send(player, self._final_for(player))

    # -- the host's controls ---------------------------------------------------------------

    def start(self) -> None:
        game = self.game
        if isinstance(game, LiveGame):
            self._open(game.start())
        else:
            game.start()
            for name in list(self.connections):
                self._ask(game.roster.named(name))
        self._on_change("started")

    def next(self) -> None:
        """The host's "next": close the open question, or open the next one."""
        game = self.game
        if not isinstance(game, LiveGame):
            return
        if game.phase == "lobby":
            self.start()
        elif game.phase == "open":
            self._reveal(game.close("host"))
        elif game.phase == "closed":
            prepared = game.advance()
            if prepared is None:
                self._finished()
            else:
                self._open(prepared)

    def pause(self) -> None:
        game = self.game
        if isinstance(game, LiveGame) and game.phase == "open":
            if game.paused:
                game.resume()
            else:
                game.pause()
            self._broadcast_clock()

    def add_time(self) -> None:
        game = self.game
        if isinstance(game, LiveGame) and game.phase == "open":
            game.add_time()
            self._broadcast_clock()

    def skip(self) -> None:
        game = self.game
        if not isinstance(game, LiveGame) or game.phase != "open":
            return
        number = game.next_number - 1
        for name in list(self.connections):
            self._send(game.roster.named(name), p.Skipped(number=number))
        prepared = game.skip()
        if prepared is None:
            self._finished()
        else:
            self._open(prepared)

    def remove(self, name: str) -> None:
        try:
            player = self.game.roster.named(name)
        except UnknownPlayer:
            return
        conn = self.connections.pop(player.name, None)
        self.game.remove(player)
        if conn is not None:
            conn.send(p.Ended(reason="removed", message="the host removed you from the game"))
            conn.close(NORMAL)
        if self.saver is not None:
            self.saver.finish(player.session)
        self._on_change("removed")
        if isinstance(self.game, LiveGame):
            self.tick()

    def end(self) -> None:
        """The host ends the game: the podium, every student's final screen."""
        if self.game.phase == "finished":
            return
        self.game.finish()
        self._finished()

    def stop(self, message: str = "the host ended the game") -> None:
        """The host is going away (quit, SIGTERM, a closed terminal): tell everyone."""
        if not self.ended:
            if self.game.phase != "finished":
                self.game.finish()
                self._finish_sessions()
            self.ended = True
        for conn in list(self.connections.values()):
            conn.send(p.Ended(reason="host_stopped", message=message))
            conn.close(GOING_AWAY)
        self.connections.clear()

    def tick(self) -> None:
        """The host's clock: close a live question whose time is up (or which everyone has
        answered); time out self-paced students past their limit."""
        game = self.game
        if isinstance(game, LiveGame):
            reveal = game.tick()
            if reveal is not None:
                self._reveal(reveal)
            return
        for player, result in game.tick():
            self._save(player, result, acknowledge=False)
            prepared = next(q for q in game.questions if q.id == result.question_id)
            if game.exam:
                self._after_commit(player, lambda player=player: self._ask(player))
            else:
                self._send_after_commit(player, self._reveal_for(player, prepared))
            self._on_change("answered")

    # -- inside ----------------------------------------------------------------------------

    def _open(self, prepared: PreparedQuestion) -> None:
        message = self._question(prepared)
        for conn in list(self.connections.values()):
            conn.send(message)
        self._on_change("opened")

    def _reveal(self, reveal: object) -> None:
        game = self.game
        assert isinstance(game, LiveGame) and game.last_reveal is not None
        prepared = game.last_reveal.question
        for name, result in game.last_reveal.results.items():
            player = game.roster.named(name)
            # The engine refuses answers once time is up, so a time-out here is new: the
            # close made it, for a student who was asked and did not answer.
            if result.timed_out:
                self._save(player, result, acknowledge=False)
        standings = list(game.last_reveal.standings)
        for name in list(self.connections):
            player = game.roster.named(name)
            self._send_after_commit(player, self._reveal_for(player, prepared, standings))
        self._on_change("closed")

    def _broadcast_clock(self) -> None:
        game = self.game
        assert isinstance(game, LiveGame)
        message = p.Clock(number=game.next_number - 1, remaining=game.remaining(), paused=game.paused)
        for conn in list(self.connections.values()):
            conn.send(message)
        self._on_change("clock")

    def _finish_sessions(self) -> None:
        if self.saver is not None:
            for player in self.game.roster:
                self.saver.finish(player.session)

    def _finished(self) -> None:
        self._finish_sessions()
        standings = self.game.standings()
        for name in list(self.connections):
            player = self.game.roster.named(name)
            self._send_after_commit(player, self._final_for(player, standings))
        self._on_change("finished")
