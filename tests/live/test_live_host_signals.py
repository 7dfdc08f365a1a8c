"""A real `quizgame host` in a pseudo-terminal that gets SIGTERM, or whose terminal is
closed: the game ends cleanly, every student is told the host ended it, and it exits."""

from __future__ import annotations

import asyncio
import json
import signal
from pathlib import Path

import pytest

from quizgame.live import protocol as p

from .test_live_end_to_end import WAIT, _env, _free_port, _pack, _pin, terminals  # noqa: F401

pytestmark = pytest.mark.slow


async def _student_sees_the_end(port: int, pin: str, end_the_host) -> dict:
    import aiohttp

    async with aiohttp.ClientSession() as http:
        async with http.ws_connect(f"ws://127.0.0.1:{port}/ws") as ws:
            hello = {"type": "hello", "protocol": p.PROTOCOL_VERSION, "pin": pin, "name": "Ann"}
            await ws.send_str(json.dumps(hello))
            welcome = json.loads((await ws.receive(timeout=WAIT)).data)
            assert welcome["type"] == "welcome", welcome
            end_the_host()
            while True:
                message = await ws.receive(timeout=WAIT)
                assert message.type == aiohttp.WSMsgType.TEXT, f"closed before being told: {message}"
                data = json.loads(message.data)
                if data["type"] == "ended":
                    return data


@pytest.mark.parametrize("how", ["sigterm", "terminal closed"])
def test_the_host_ending_by_a_signal_tells_every_student(tmp_path: Path, terminals, how: str) -> None:  # noqa: F811
    port = _free_port()
    host = terminals(["host", str(_pack(tmp_path / "pack")), "--port", str(port)], _env(tmp_path, "teacher"))
    pin = _pin(host)

    def end_the_host() -> None:
        if how == "sigterm":
            host.signal(signal.SIGTERM)
        else:
            host.hang_up()  # the kernel sends SIGHUP

    ended = asyncio.run(_student_sees_the_end(port, pin, end_the_host))

    assert ended["reason"] == "host_stopped" and "host" in ended["message"]
    assert host.wait(WAIT) == 0
