"""The Classroom between the saver's thread and the event loop: a class's commits reach the
loop together, and each answer is acknowledged after its own commit."""

from __future__ import annotations

import threading

from quizgame.engine.live import LiveGame
from quizgame.live import protocol as p
from quizgame.live.classroom import Classroom

from .conftest import PIN, game_options


class Conn:
    address = "127.0.0.1"

    def __init__(self) -> None:
        self.sent: list[p.Message] = []

    def send(self, message: p.Message) -> None:
        self.sent.append(message)

    def close(self, code: int = 1000, reason: str = "") -> None:
        pass


class HeldSaver:
    """Keeps every commit callback until commit_all(), which runs them on another thread,
    as the writer does after one transaction for a batch."""

    def __init__(self) -> None:
        self.callbacks: list = []

    def start(self, session, player, **kwargs) -> str:
        return f"session-{player}"

    def record(self, session, result, *, on_commit=None) -> None:
        self.callbacks.append(on_commit)

    def finish(self, session) -> None:
        pass

    def commit_all(self) -> None:
        thread = threading.Thread(target=lambda: [callback() for callback in self.callbacks])
        thread.start()
        thread.join()
        self.callbacks.clear()


def test_a_batch_of_commits_wakes_the_loop_once_and_acknowledges_each(harbour) -> None:
    posted: list = []
    saver = HeldSaver()
    classroom = Classroom(
        LiveGame(harbour, game_options()), "live", pin=PIN, saver=saver, game_id="g",  # type: ignore[arg-type]
        post=posted.append,  # the loop's call_soon_threadsafe: run later, on the loop
    )
    conns = {f"Student {n}": Conn() for n in range(30)}
    for name, conn in conns.items():
        classroom.hello(conn, p.Hello(protocol=p.PROTOCOL_VERSION, pin=PIN, name=name))
    classroom.start()
    for name in conns:
        player = classroom.game.roster.named(name)
        assert classroom.receive(conns[name], player, p.Answer(question=1, answer="Hamburg")) is None
    assert not any(isinstance(m, p.Locked) for conn in conns.values() for m in conn.sent)
    assert classroom.uncommitted == 30

    saver.commit_all()  # one transaction for all thirty
    assert len(posted) == 1  # one wake-up of the loop, not thirty
    assert not any(isinstance(m, p.Locked) for conn in conns.values() for m in conn.sent)
    posted.pop()()  # the loop runs it
    assert classroom.uncommitted == 0
    for conn in conns.values():
        assert [m.number for m in conn.sent if isinstance(m, p.Locked)] == [1]

    # Once taken, the next commit wakes the loop again.
    assert classroom.game.phase == "closed"  # everyone answered
    classroom.next()
    ann = classroom.game.roster.named("Student 0")
    assert classroom.receive(conns["Student 0"], ann, p.Answer(question=2, answer=2)) is None
    saver.commit_all()
    assert len(posted) == 1
    posted.pop()()
    assert [m.number for m in conns["Student 0"].sent if isinstance(m, p.Locked)] == [1, 2]
