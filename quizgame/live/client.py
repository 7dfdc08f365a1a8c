"""A student's side of the classroom protocol: the connection to the host, and the rejoin
token kept on disk so that a dropped or killed `quizgame join` carries on where it was.

LiveClient speaks the protocol and nothing more; the terminal's screens read its messages
through quizgame.live.remote.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import NamedTuple

import aiohttp

from quizgame import __version__
from quizgame.live import protocol as p
from quizgame.live.server import WS_PATH

DEFAULT_PORT = 8765
TOKENS_FILE = "live-tokens.json"


class Address(NamedTuple):
    host: str
    port: int

    def __str__(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}"

    @property
    def url(self) -> str:
        return f"ws://{self}{WS_PATH}"


def parse_address(text: str) -> Address:
    """`host`, `host:port`, `[v6]` or `[v6]:port`; ValueError with a plain message."""
    text = text.strip()
    if not text:
        raise ValueError("the address is empty: give the host's address, e.g. 192.168.1.20:8765")
    if text.startswith("["):
        host, _, rest = text[1:].partition("]")
        port_text = rest[1:] if rest.startswith(":") else ""
        if rest and not rest.startswith(":"):
            raise ValueError(f"not an address: {text}")
    elif text.count(":") == 1:
        host, port_text = text.split(":")
    else:
        host, port_text = text, ""
    if not host:
        raise ValueError(f"not an address: {text}")
    if not port_text:
        return Address(host, DEFAULT_PORT)
    if not port_text.isdigit() or not 0 < int(port_text) < 65536:
        raise ValueError(f"not a port number: {port_text}")
    return Address(host, int(port_text))


class TokenStore:
    """Rejoin tokens, one per host address, in a small JSON file written atomically."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @classmethod
    def default(cls) -> TokenStore:
        from quizgame.locations import data_dir

        return cls(data_dir() / TOKENS_FILE)

    def _read(self) -> dict[str, dict[str, str]]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def get(self, address: Address) -> tuple[str, str] | None:
        """(name, token) last used with this host."""
        entry = self._read().get(str(address))
        if isinstance(entry, dict) and isinstance(entry.get("token"), str):
            return str(entry.get("name", "")), entry["token"]
        return None

    def put(self, address: Address, name: str, token: str) -> None:
        self._write(str(address), {"name": name, "token": token})

    def forget(self, address: Address) -> None:
        self._write(str(address), None)

    def _write(self, key: str, entry: dict[str, str] | None) -> None:
        from quizgame.atomic import atomic_write

        data = self._read()
        if entry is None:
            if key not in data:
                return
            data.pop(key)
        else:
            data[key] = entry
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(self.path, lambda handle: json.dump(data, handle), mode=0o600)
        except OSError:
            pass  # no rejoining after a crash; the game itself goes on


class JoinError(Exception):
    """The host refused the join or could not be reached; `refusal` when it refused."""

    def __init__(self, message: str, refusal: p.Refused | None = None) -> None:
        super().__init__(message)
        self.refusal = refusal


class LiveClient:
    def __init__(
        self,
        address: Address,
        *,
        tokens: TokenStore | None = None,
        connect_timeout: float = 10.0,
    ) -> None:
        self.address = address
        self.tokens = tokens
        self._connect_timeout = connect_timeout
        self._http: aiohttp.ClientSession | None = None
        self._ws: aiohttp.ClientWebSocketResponse | None = None
        self.welcome: p.Welcome | None = None

    async def join(self, name: str, pin: str) -> p.Welcome:
        """Connect and say hello, with the token kept for this host if there is one."""
        token = None
        if self.tokens is not None:
            kept = self.tokens.get(self.address)
            if kept is not None and (not name or kept[0].casefold() == name.casefold()):
                name, token = name or kept[0], kept[1]
        await self.close()
        self._http = aiohttp.ClientSession()
        try:
            self._ws = await self._http.ws_connect(
                self.address.url,
                timeout=aiohttp.ClientWSTimeout(ws_close=5.0),
                max_msg_size=1024 * 1024,
                heartbeat=20.0,
            )
        except (aiohttp.ClientError, OSError, asyncio.TimeoutError) as error:
            await self.close()
            raise JoinError(f"cannot reach the host at {self.address}: {error or 'no answer'}") from None
        await self.send(p.Hello(protocol=p.PROTOCOL_VERSION, pin=pin, name=name, token=token, client=f"quizgame {__version__}"))
        first = await self.receive(self._connect_timeout)
        if isinstance(first, p.Welcome):
            self.welcome = first
            if self.tokens is not None:
                self.tokens.put(self.address, first.player, first.token)
            return first
        await self.close()
        if isinstance(first, p.Refused):
            if self.tokens is not None and first.code in ("removed", "finished"):
                self.tokens.forget(self.address)
            raise JoinError(first.message, first)
        raise JoinError("the host closed the connection")

    async def send(self, message: p.Message) -> None:
        if self._ws is None or self._ws.closed:
            raise ConnectionError("not connected to the host")
        await self._ws.send_str(p.dump(message))

    async def receive(self, timeout: float | None = None):  # type: ignore[no-untyped-def]
        """The host's next message; None when the connection is closed."""
        ws = self._ws
        if ws is None:
            return None
        while True:
            try:
                message = await ws.receive(timeout=timeout)
            except asyncio.TimeoutError:
                return None
            if message.type in (aiohttp.WSMsgType.TEXT, aiohttp.WSMsgType.BINARY):
                try:
                    return p.read_host(message.data)
                except p.BadMessage:
                    continue  # from a newer host: what this client cannot read, it skips
            return None

    async def messages(self) -> AsyncIterator[object]:
        while True:
            message = await self.receive()
            if message is None:
                return
            yield message

    def forget_token(self) -> None:
        if self.tokens is not None:
            self.tokens.forget(self.address)

    @property
    def connected(self) -> bool:
        return self._ws is not None and not self._ws.closed

    async def close(self) -> None:
        ws, self._ws = self._ws, None
        http, self._http = self._http, None
        if ws is not None:
            await ws.close()
        if http is not None:
            await http.close()
