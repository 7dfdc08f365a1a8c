"""The host's server: one aiohttp web application, the classroom's WebSocket at /ws.

Each connection has a bounded queue of messages waiting to be sent and its own writer task,
so a slow reader never holds up the others: one that falls too far behind is dropped. The
first message must be `hello` within a few seconds; every later one goes through the rate
limit and the protocol's models; bad ones get an error reply, and too many a disconnect.
Messages larger than the limit are refused by aiohttp itself, which closes the connection.

make_app() is the application: the WebSocket, and the browser page's files (live/page.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
from collections.abc import Iterable
from typing import TYPE_CHECKING

from aiohttp import WSMsgType, web

from quizgame.live import protocol as p
from quizgame.live.classroom import POLICY, Classroom
from quizgame.live.guard import Limits, RateLimit
from quizgame.live.page import add_page

if TYPE_CHECKING:
    from quizgame.engine.roster import Player

WS_PATH = "/ws"
TICK_EVERY = 0.1  # seconds between looks at the host's clock
CLASSROOM_KEY = web.AppKey("classroom", Classroom)
LIMITS_KEY = web.AppKey("limits", Limits)


def origin_allowed(request: web.Request) -> bool:
    """No Origin (a terminal client), or the page's own: http(s)://the Host it was asked
    for. Another site open in a student's browser cannot join or drive a session."""
    origin = request.headers.get("Origin")
    if origin is None:
        return True
    host = request.headers.get("Host", "")
    return origin in (f"http://{host}", f"https://{host}")


class _Encoder:
    """A broadcast hands the same message to every connection: encode it once."""

    def __init__(self) -> None:
        self._last: tuple[object, str] | None = None

    def __call__(self, message: p.Message) -> str:
        last = self._last
        if last is not None and last[0] is message:
            return last[1]
        text = p.dump(message)
        self._last = (message, text)
        return text


_encode = _Encoder()


class ClientConnection:
    """One student's WebSocket, as the Classroom sees it: send() never waits."""

    def __init__(self, ws: web.WebSocketResponse, request: web.Request, limits: Limits) -> None:
        self.ws = ws
        self.address = request.remote or "?"
        self._transport = request.transport
        self._queue: asyncio.Queue[str | int] = asyncio.Queue(limits.send_queue)
        self.dropped = False
        self.closing = False
        self._writer = asyncio.create_task(self._write())

    def send(self, message: p.Message) -> None:
        if self.closing or self.dropped:
            return
        try:
            self._queue.put_nowait(_encode(message))
        except asyncio.QueueFull:
            self.drop()

    def close(self, code: int = 1000, reason: str = "") -> None:
        """Close once what is queued has been sent."""
        if self.closing or self.dropped:
            return
        self.closing = True
        try:
            self._queue.put_nowait(code)
        except asyncio.QueueFull:
            self.drop()

    def drop(self) -> None:
        """Too far behind (or gone): cut the connection without a word."""
        if self.dropped:
            return
        self.dropped = True
        self._writer.cancel()
        if self._transport is not None:
            self._transport.abort()

    async def _write(self) -> None:
        try:
            while True:
                item = await self._queue.get()
                if isinstance(item, int):
                    await self.ws.close(code=item)
                    return
                await self.ws.send_str(item)
        except (ConnectionError, RuntimeError, asyncio.CancelledError):
            return

    async def finished(self) -> None:
        """After the reading side is done: let the writer send what it can, briefly."""
        if not self._writer.done():
            self.close()
            with contextlib.suppress(asyncio.TimeoutError, asyncio.CancelledError):
                await asyncio.wait_for(asyncio.shield(self._writer), 2.0)
            self._writer.cancel()


async def _websocket(request: web.Request) -> web.StreamResponse:
    classroom = request.app[CLASSROOM_KEY]
    limits = request.app[LIMITS_KEY]
    if not origin_allowed(request):
        raise web.HTTPForbidden(text="this page may not join the game")
    ws = web.WebSocketResponse(max_msg_size=limits.max_message, heartbeat=limits.heartbeat)
    await ws.prepare(request)
    conn = ClientConnection(ws, request, limits)
    player: Player | None = None
    try:
        player = await _join(ws, conn, classroom, limits)
        if player is not None:
            await _play(ws, conn, classroom, limits, player)
    finally:
        classroom.disconnected(conn, player)
        await conn.finished()
    return ws


async def _join(
    ws: web.WebSocketResponse, conn: ClientConnection, classroom: Classroom, limits: Limits
) -> Player | None:
    try:
        message = await ws.receive(timeout=limits.hello_within)
    except asyncio.TimeoutError:
        conn.send(p.Error(code="closed", message="no hello: say hello first"))
        conn.close(POLICY)
        return None
    if message.type not in (WSMsgType.TEXT, WSMsgType.BINARY):
        return None
    try:
        hello = p.read_client(message.data)
    except p.BadMessage as error:
        hello = None
        reason = str(error)
    else:
        reason = "the first message must be hello"
    if not isinstance(hello, p.Hello):
        conn.send(p.Refused(code="hello", message=reason))
        conn.close(POLICY)
        return None
    return classroom.hello(conn, hello)


async def _play(
    ws: web.WebSocketResponse,
    conn: ClientConnection,
    classroom: Classroom,
    limits: Limits,
    player: Player,
) -> None:
    rate = RateLimit(limits)
    bad = 0
    async for message in ws:
        if message.type not in (WSMsgType.TEXT, WSMsgType.BINARY):
            break
        if not rate.allow():
            error: p.Error | None = p.Error(code="rate", message="too many messages: slow down")
        else:
            try:
                error = classroom.receive(conn, player, p.read_client(message.data))
            except p.BadMessage as bad_message:
                error = p.Error(code=bad_message.code, message=str(bad_message))
        if error is None:
            continue
        conn.send(error)
        if error.code != "closed":  # a late answer is no fault of the client's
            bad += 1
            if bad >= limits.bad_messages:
                conn.close(POLICY)
                break


def make_app(classroom: Classroom, limits: Limits | None = None) -> web.Application:
    app = web.Application()
    app[CLASSROOM_KEY] = classroom
    app[LIMITS_KEY] = limits or classroom.limits
    app.router.add_get(WS_PATH, _websocket)
    add_page(app, frozenset({WS_PATH}))
    return app


class LiveServer:
    """Runs the application on the host's event loop, and the host's clock beside it."""

    def __init__(self, classroom: Classroom, app: web.Application | None = None) -> None:
        self.classroom = classroom
        self.app = app or make_app(classroom)
        self._runner: web.AppRunner | None = None
        self._ticker: asyncio.Task[None] | None = None
        self.addresses: list[tuple[str, int]] = []

    async def start(
        self,
        host: str | None = "127.0.0.1",
        port: int = 0,
        *,
        sock: socket.socket | None = None,
    ) -> list[tuple[str, int]]:
        """Listen on `sock` if given (bound by the caller, who can then say plainly that a
        port is taken), else on `host` (None: every interface) and `port` (0: any free one);
        the addresses bound, as (host, port)."""
        runner = web.AppRunner(self.app, handle_signals=False, access_log=None, shutdown_timeout=2.0)
        await runner.setup()
        site: web.BaseSite = web.SockSite(runner, sock) if sock is not None else web.TCPSite(runner, host, port)
        try:
            await site.start()
        except BaseException:
            await runner.cleanup()
            raise
        self._runner = runner
        self.addresses = [(str(a[0]), int(a[1])) for a in runner.addresses]
        self._ticker = asyncio.create_task(self._tick())
        return self.addresses

    @property
    def port(self) -> int:
        return self.addresses[0][1]

    async def _tick(self) -> None:
        while True:
            await asyncio.sleep(TICK_EVERY)
            self.classroom.tick()

    async def stop(self, message: str = "the host ended the game", *, settle: float = 2.0) -> None:
        """Tell every student, then close every connection and the listening socket. First,
        for at most `settle` seconds, answers still being committed are, and acknowledged:
        a student told the game is over must not be left wondering about their last answer."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + settle
        while self.classroom.uncommitted and loop.time() < deadline:
            await asyncio.sleep(0.01)
        self.classroom.stop(message)
        if self._ticker is not None:
            self._ticker.cancel()
            self._ticker = None
        if self._runner is not None:
            runner, self._runner = self._runner, None
            await runner.cleanup()


def bind(port: int, *, lan: bool) -> socket.socket:
    """The listening socket: loopback only, or with `lan` every interface. OSError (the port
    is taken, or not ours to use) for the caller to report."""
    if not lan:
        return socket.create_server(("127.0.0.1", port), reuse_port=False)
    if socket.has_dualstack_ipv6():
        return socket.create_server(("", port), family=socket.AF_INET6, dualstack_ipv6=True)
    return socket.create_server(("0.0.0.0", port))


def _interface_addresses() -> list[str]:
    """Each network interface's IPv4 address (Linux's SIOCGIFADDR); none elsewhere."""
    import fcntl
    import struct

    found = []
    try:
        names = [name for _, name in socket.if_nameindex()]
    except OSError:
        return []
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        for name in names:
            try:
                packed = fcntl.ioctl(probe.fileno(), 0x8915, struct.pack("256s", name.encode()[:15]))
            except OSError:
                continue  # no IPv4 address on this one
            found.append(socket.inet_ntoa(packed[20:24]))
    return found


def lan_addresses(port: int) -> list[str]:
    """This machine's addresses students on the same network can join, as host:port."""
    found: list[str] = []
    try:
        infos: Iterable = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
    except OSError:
        infos = []
    candidates = [info[4][0] for info in infos] + _interface_addresses()
    for address in candidates:
        if not address.startswith("127.") and address not in found:
            found.append(address)
    return [f"{address}:{port}" for address in found]
