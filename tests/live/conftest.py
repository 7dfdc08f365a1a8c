"""Live classroom tests: a real host on a loopback port, real WebSocket clients."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import aiohttp
import pytest

from quizgame.engine import SessionOptions
from quizgame.engine.live import LiveGame
from quizgame.engine.paced import PacedGame
from quizgame.live import protocol as p
from quizgame.live.classroom import Classroom
from quizgame.live.guard import Limits
from quizgame.live.server import LiveServer

HARBOUR = Path(__file__).resolve().parents[1] / "tui" / "fixtures" / "harbour.yaml"
PIN = "123456"


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUIZGAME_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("QUIZGAME_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("QUIZGAME_DB", str(tmp_path / "results.sqlite3"))


@pytest.fixture
def harbour():
    from quizgame.packs import load_pack

    return load_pack(HARBOUR, cache=False)


def game_options(**changes: object) -> SessionOptions:
    values: dict[str, object] = {
        "seed": 3, "shuffle_questions": False, "shuffle_choices": False, "time_limit": 20.0,
    }
    values.update(changes)
    return SessionOptions(**values)  # type: ignore[arg-type]


class Host:
    """A Classroom behind a LiveServer on 127.0.0.1, port chosen by the system."""

    def __init__(self, classroom: Classroom, server: LiveServer, saver) -> None:
        self.classroom = classroom
        self.server = server
        self.saver = saver
        self.events: list[str] = []

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self.server.port}/ws"


@pytest.fixture
async def make_host(harbour, tmp_path: Path):
    from quizgame.saving import GameSaver

    made: list[Host] = []

    async def make(mode: str = "live", limits: Limits = Limits(), saver: object = "default", **option_changes):
        options = game_options(**option_changes)
        if mode == "live":
            game = LiveGame(harbour, options, max_players=limits.max_players)
        else:
            options = options.replace(mode="exam" if mode == "exam" else "practice")
            game = PacedGame(harbour, options, max_players=limits.max_players)
        if saver == "default":
            saver = GameSaver.open(tmp_path / "results.sqlite3")
        loop = asyncio.get_running_loop()
        events: list[str] = []
        classroom = Classroom(
            game, mode, pin=PIN, saver=saver, game_id="game-1", limits=limits,  # type: ignore[arg-type]
            post=loop.call_soon_threadsafe, on_change=events.append,
        )
        server = LiveServer(classroom)
        await server.start("127.0.0.1", 0)
        host = Host(classroom, server, saver)
        host.events = events
        made.append(host)
        return host

    yield make
    for host in made:
        await host.server.stop()
        if host.saver is not None:
            host.saver.close(30)


class Student:
    """A raw WebSocket client: sends what it is told, keeps everything it receives."""

    def __init__(self, http: aiohttp.ClientSession, ws: aiohttp.ClientWebSocketResponse) -> None:
        self.http = http
        self.ws = ws
        self.received: list[dict] = []
        self.raw: list[str] = []

    async def send(self, data: object) -> None:
        await self.ws.send_str(data if isinstance(data, str) else json.dumps(data))

    async def hello(self, name: str = "Ann", pin: str = PIN, **extra: object) -> dict:
        await self.send({"type": "hello", "protocol": p.PROTOCOL_VERSION, "pin": pin, "name": name, **extra})
        return await self.next_message()

    async def next_message(self, timeout: float = 15.0) -> dict:
        message = await self.ws.receive(timeout=timeout)
        if message.type != aiohttp.WSMsgType.TEXT:
            raise ConnectionError(f"closed: {message.type} {message.data} {message.extra}")
        self.raw.append(message.data)
        data = json.loads(message.data)
        p.read_host(message.data)  # every message the host sends is one of the models
        self.received.append(data)
        return data

    async def wait_for(self, kind: str, timeout: float = 15.0) -> dict:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            left = deadline - loop.time()
            if left <= 0:
                raise AssertionError(f"no {kind!r} message within {timeout} s; got {[m['type'] for m in self.received]}")
            message = await self.next_message(left)
            if message["type"] == kind:
                return message

    async def closed(self, timeout: float = 15.0) -> aiohttp.WSMessage:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            message = await self.ws.receive(timeout=max(0.01, deadline - loop.time()))
            if message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.CLOSING, aiohttp.WSMsgType.ERROR):
                return message
            if message.type == aiohttp.WSMsgType.TEXT:
                self.raw.append(message.data)
                self.received.append(json.loads(message.data))


@pytest.fixture
async def connect():
    made: list[Student] = []

    async def make(url: str, **kwargs) -> Student:
        http = aiohttp.ClientSession()
        ws = await http.ws_connect(url, **kwargs)
        student = Student(http, ws)
        made.append(student)
        return student

    yield make
    for student in made:
        await student.ws.close()
        await student.http.close()


async def wait_until(check, timeout: float = 15.0, what: str = "") -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not check():
        if loop.time() > deadline:
            raise AssertionError(f"timed out waiting for {what or check}")
        await asyncio.sleep(0.02)
