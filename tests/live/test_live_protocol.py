"""The protocol over real loopback sockets: joining, playing, and everything a hostile or
broken client can do to the host."""

from __future__ import annotations

import asyncio
import json
import socket

import aiohttp
import pytest

from quizgame.live import protocol as p
from quizgame.live.guard import Limits

from .conftest import PIN, wait_until


# -- the messages themselves ---------------------------------------------------------------


def test_every_client_message_round_trips_through_its_model() -> None:
    for message in (
        p.Hello(protocol=1, pin="1", name="Ann", token="t"),
        p.Answer(question=2, answer=[1, 3]),
        p.Answer(question=1, answer=True),
        p.Answer(question=1, answer="Hamburg"),
        p.Next(),
        p.Leave(),
    ):
        assert p.read_client(p.dump(message)) == message


@pytest.mark.parametrize(
    "text, code",
    [
        ("not json", "malformed"),
        ("[1, 2]", "malformed"),
        ('{"no": "type"}', "malformed"),
        ('{"type": "launch_missiles"}', "unknown"),
        ('{"type": "answer", "question": "1", "answer": 1}', "invalid"),  # strict: "1" is not 1
        ('{"type": "answer", "question": 1, "answer": 1, "elapsed": 0.1}', "invalid"),  # no times
        ('{"type": "hello", "protocol": 1}', "invalid"),
        ('{"type": "answer", "question": 1, "answer": "' + "x" * 300 + '"}', "invalid"),
    ],
)
def test_bad_client_messages_are_named(text: str, code: str) -> None:
    with pytest.raises(p.BadMessage) as bad:
        p.read_client(text)
    assert bad.value.code == code


# -- joining ---------------------------------------------------------------------------------


async def test_a_student_joins_and_is_welcomed_with_a_token(make_host, connect) -> None:
    host = await make_host()
    ann = await connect(host.url)

    welcome = await ann.hello("Ann")

    assert welcome["type"] == "welcome" and welcome["player"] == "Ann"
    assert welcome["protocol"] == p.PROTOCOL_VERSION and welcome["token"]
    assert welcome["mode"] == "live" and welcome["total"] == 4
    assert (await ann.wait_for("lobby"))["players"] == 1
    assert [p.name for p in host.classroom.game.roster] == ["Ann"]


async def test_a_version_mismatch_is_told_which_version_the_host_runs(make_host, connect) -> None:
    host = await make_host()
    old = await connect(host.url)

    await old.send({"type": "hello", "protocol": 99, "pin": PIN, "name": "Ann"})
    refused = await old.next_message()

    assert refused["type"] == "refused" and refused["code"] == "version"
    assert refused["version"] == p.__version__ and refused["protocol"] == p.PROTOCOL_VERSION
    assert f"quizgame {p.__version__}" in refused["message"]
    assert (await old.closed()).type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)


async def test_a_wrong_pin_is_refused_and_ten_lock_the_address_out(make_host, connect) -> None:
    host = await make_host()
    for attempt in range(10):
        guess = await connect(host.url)
        refused = await guess.hello("Mallory", pin=f"{attempt:06d}")
        assert refused["code"] == "pin", attempt

    locked = await connect(host.url)
    refused = await locked.hello("Ann", pin=PIN)  # even the right PIN, for now

    assert refused["code"] == "locked" and 0 < refused["retry_after"] <= 60
    assert len(host.classroom.game.roster) == 0


async def test_the_lock_out_ends_after_its_time(make_host, connect) -> None:
    host = await make_host(limits=Limits(pin_tries=2, lockout=0.5))
    for _ in range(2):
        assert (await (await connect(host.url)).hello(pin="000000"))["code"] == "pin"
    assert (await (await connect(host.url)).hello(pin=PIN))["code"] == "locked"

    await asyncio.sleep(0.6)

    assert (await (await connect(host.url)).hello(pin=PIN))["type"] == "welcome"


async def test_the_same_name_is_refused_while_connected(make_host, connect) -> None:
    host = await make_host()
    await (await connect(host.url)).hello("Ann")

    refused = await (await connect(host.url)).hello("ann")

    assert refused["code"] == "name_taken"


async def test_a_name_with_control_characters_is_refused(make_host, connect) -> None:
    host = await make_host()
    refused = await (await connect(host.url)).hello("\x1b[31mred")
    assert refused["code"] == "name"


async def test_the_player_cap(make_host, connect) -> None:
    host = await make_host(limits=Limits(max_players=2))
    await (await connect(host.url)).hello("A")
    await (await connect(host.url)).hello("B")

    refused = await (await connect(host.url)).hello("C")

    assert refused["code"] == "full"


async def test_a_dropped_student_rejoins_with_the_token_and_keeps_the_score(make_host, connect) -> None:
    host = await make_host()
    ann = await connect(host.url)
    token = (await ann.hello("Ann"))["token"]
    await (await connect(host.url)).hello("Bob")  # who has not answered: the question stays open
    host.classroom.start()
    question = await ann.wait_for("question")
    await ann.send({"type": "answer", "question": question["number"], "answer": "Hamburg"})
    await ann.wait_for("locked")
    await ann.ws.close()
    await wait_until(lambda: "Ann" not in host.classroom.connections, what="the drop noticed")

    again = await connect(host.url)
    welcome = await again.hello("", token=token)

    assert welcome["rejoined"] and welcome["player"] == "Ann" and welcome["score"] > 0
    back = await again.wait_for("question")
    assert back["number"] == 1 and back["answered"] is True


@pytest.mark.parametrize("mode", ["live", "self-paced", "exam"])
async def test_back_after_the_end_a_student_gets_their_final_screen_again(make_host, connect, mode) -> None:
    host = await make_host(mode)
    ann = await connect(host.url)
    token = (await ann.hello("Ann"))["token"]
    host.classroom.start()
    question = await ann.wait_for("question")
    answer = {"single": 1, "multiple": [1], "true_false": False, "short": "Hamburg"}[question["kind"]]
    await ann.send({"type": "answer", "question": question["number"], "answer": answer})
    await ann.wait_for("locked")
    host.classroom.end()
    final = await ann.wait_for("final")
    await ann.ws.close()  # the page reloaded on its final screen
    await wait_until(lambda: "Ann" not in host.classroom.connections, what="the drop noticed")

    again = await connect(host.url)
    welcome = await again.hello("", token=token)
    assert welcome["rejoined"] and welcome["player"] == "Ann"
    assert await again.wait_for("final") == final
    assert host.classroom.game.roster.named("Ann").connected

    # Nobody else comes in once it is over: not by name, not with a made-up token.
    for name, made_up in (("Bob", None), ("Ann", None), ("", "not-a-token")):
        late = await connect(host.url)
        refused = await late.hello(name, token=made_up)
        assert (refused["code"], refused["message"]) == ("finished", "this game is over")


async def test_a_wrong_first_message_is_refused(make_host, connect) -> None:
    host = await make_host()
    student = await connect(host.url)
    await student.send({"type": "next"})
    assert (await student.next_message())["code"] == "hello"


async def test_a_client_that_says_nothing_is_closed_after_a_while(make_host, connect) -> None:
    host = await make_host(limits=Limits(hello_within=0.3))
    silent = await connect(host.url)
    closing = await silent.closed()
    assert closing.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)


async def test_an_origin_other_than_the_page_is_refused(make_host) -> None:
    host = await make_host()
    async with aiohttp.ClientSession() as http:
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await http.ws_connect(host.url, origin="http://evil.example")
        assert refused.value.status == 403
        own = await http.ws_connect(host.url, origin=f"http://127.0.0.1:{host.server.port}")
        await own.close()


# -- hostile and broken clients ----------------------------------------------------------

HANDSHAKE = (
    b"GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
    b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
)


async def test_garbage_gets_error_replies_then_a_disconnect(make_host, connect) -> None:
    host = await make_host()
    bad = await connect(host.url)
    await bad.hello("Bad")
    good = await connect(host.url)
    await good.hello("Good")

    for text in ["nonsense", "{}", '{"type": "frobnicate"}', '{"type": "answer"}', "\x00\x01"]:
        await bad.send(text)
    await bad.closed()

    codes = [m["code"] for m in bad.received if m["type"] == "error"]
    assert codes == ["malformed", "malformed", "unknown", "invalid", "malformed"]
    # The host keeps going for everyone else.
    host.classroom.start()
    assert (await good.wait_for("question"))["number"] == 1


async def test_an_oversized_message_closes_that_connection_only(make_host, connect) -> None:
    host = await make_host()
    big = await connect(host.url)
    await big.hello("Big")
    good = await connect(host.url)
    await good.hello("Good")

    await big.send("x" * (p.MAX_MESSAGE_BYTES + 1))

    closing = await big.closed()
    assert closing.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)
    await wait_until(lambda: "Big" not in host.classroom.connections, what="Big dropped")
    host.classroom.start()
    assert (await good.wait_for("question"))["number"] == 1


async def test_a_flood_is_rate_limited_then_disconnected(make_host, connect) -> None:
    host = await make_host(limits=Limits(rate=5, burst=5, bad_messages=5))
    flood = await connect(host.url)
    await flood.hello("Flood")

    for _ in range(200):
        await flood.send({"type": "next"})
    await flood.closed()

    assert any(m.get("code") == "rate" for m in flood.received)
    assert "Flood" not in host.classroom.connections


async def test_a_client_that_disconnects_mid_message(make_host, connect) -> None:
    host = await make_host()
    good = await connect(host.url)
    await good.hello("Good")
    port = host.server.port

    # A WebSocket handshake, then half a frame, then gone.
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(HANDSHAKE)
    await reader.readuntil(b"\r\n\r\n")
    writer.write(b"\x81\xfe\x01\x00\x00\x00\x00\x00" + b'{"type": "hel')
    await writer.drain()
    writer.close()

    host.classroom.start()
    assert (await good.wait_for("question"))["number"] == 1


async def test_a_slow_reader_is_dropped_and_never_delays_the_others(make_host, connect) -> None:
    host = await make_host(limits=Limits(send_queue=16))
    port = host.server.port
    good = await connect(host.url)
    await good.hello("Good")

    # A client that joins, then never reads again, with a tiny receive buffer.
    slow = socket.socket()
    slow.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    slow.setblocking(False)
    loop = asyncio.get_running_loop()
    await loop.sock_connect(slow, ("127.0.0.1", port))
    await loop.sock_sendall(slow, HANDSHAKE)
    await loop.sock_recv(slow, 4096)
    hello = json.dumps({"type": "hello", "protocol": 1, "pin": PIN, "name": "Slow"}).encode()
    await loop.sock_sendall(slow, bytes([0x81, 0x80 | len(hello)]) + b"\x00\x00\x00\x00" + hello)
    await wait_until(lambda: "Slow" in host.classroom.connections, what="Slow joined")
    slow_conn = host.classroom.connections["Slow"]

    # Far more than a kernel buffer holds, as fast as the host can queue it.
    big = p.Lobby(players=1)
    filler = p.Error(code="closed", message="x" * 8000)
    started = loop.time()
    for _ in range(2000):
        for conn in list(host.classroom.connections.values()):
            conn.send(filler)
        if slow_conn.dropped:
            break
        await asyncio.sleep(0)
    queuing = loop.time() - started

    try:
        assert slow_conn.dropped
        assert queuing < 5  # the broadcasts never waited on the slow client
        await wait_until(lambda: "Slow" not in host.classroom.connections, what="Slow gone")
        good_conn = host.classroom.connections["Good"]
        assert not good_conn.dropped
        good_conn.send(big)
        assert (await good.wait_for("lobby", timeout=30))["players"] == 1
    finally:
        slow.close()


# -- no answer key on the wire -----------------------------------------------------------


SECRETS = {
    "city": ["Hamburg", "names Hamburg", "hosted the summit in July", "A port on the Elbe"],
    "length": ["far longer than planned", "more than two hours, far"],
    "robust": ["aides' own words", "Look for the words"],
    "agreed": ["nothing on sanctions", "Officials agreed a ceasefire"],
}


async def test_nothing_before_a_reveal_carries_its_answer_explanation_quote_or_hint(make_host, connect) -> None:
    host = await make_host()
    ann = await connect(host.url)
    await ann.hello("Ann")
    harbour = host.classroom.game.questions
    host.classroom.start()
    for prepared in harbour:
        question = await ann.wait_for("question")
        seen_before = "\n".join(ann.raw)
        assert question["number"] == prepared.number
        for secret in SECRETS[prepared.id]:
            assert secret not in seen_before, (prepared.id, secret)
        if prepared.id == "city":
            answer: object = "hamburg"
        elif prepared.id == "agreed":
            answer = [1, 3]
        elif prepared.id == "robust":
            answer = True
        else:
            answer = 2
        await ann.send({"type": "answer", "question": prepared.number, "answer": answer})
        await ann.wait_for("locked")
        assert all(secret not in "\n".join(ann.raw) for secret in SECRETS[prepared.id] if "Hamburg" not in secret)
        reveal = await ann.wait_for("reveal")
        assert reveal["outcome"]["correct"] is True
        assert reveal["explanation"] == prepared.question.explanation
        host.classroom.next()
    final = await ann.wait_for("final")
    assert final["rank"] == 1 and len(final["review"]) == 4


async def test_self_paced_sends_the_key_only_after_the_students_own_answer(make_host, connect) -> None:
    host = await make_host("self-paced")
    ann = await connect(host.url)
    await ann.hello("Ann")
    bob = await connect(host.url)
    await bob.hello("Bob")
    host.classroom.start()
    first = await ann.wait_for("question")
    await bob.wait_for("question")

    await ann.send({"type": "answer", "question": first["number"], "answer": "Hamburg"})
    assert (await ann.wait_for("locked"))["number"] == 1
    reveal = await ann.wait_for("reveal")

    assert reveal["right_answer"] == "Hamburg" and reveal["outcome"]["correct"]
    # Bob has not answered: nothing of question 1's key has reached him.
    await asyncio.sleep(0.2)
    assert not any(secret in raw for raw in bob.raw for secret in SECRETS["city"])
    await ann.send({"type": "next"})
    assert (await ann.wait_for("question"))["number"] == 2


async def test_an_exam_sends_no_key_before_the_end(make_host, connect) -> None:
    host = await make_host("exam")
    ann = await connect(host.url)
    await ann.hello("Ann")
    host.classroom.start()
    for _ in range(4):
        question = await ann.wait_for("question")
        answer = {"single": 1, "multiple": [1], "true_false": False, "short": "Paris"}[question["kind"]]
        await ann.send({"type": "answer", "question": question["number"], "answer": answer})
        await ann.wait_for("locked")
    await ann.wait_for("done")

    everything = "\n".join(ann.raw)
    assert not any(s in everything for secrets in SECRETS.values() for s in secrets)
    assert not any(m["type"] == "reveal" for m in ann.received)

    host.classroom.end()
    final = await ann.wait_for("final")
    assert final["review"][0]["right_answer"] == "Hamburg"


async def test_a_client_cannot_claim_a_time(make_host, connect) -> None:
    host = await make_host()
    ann = await connect(host.url)
    await ann.hello("Ann")
    host.classroom.start()
    await ann.wait_for("question")

    await ann.send({"type": "answer", "question": 1, "answer": "Hamburg", "elapsed": 0})

    assert (await ann.wait_for("error"))["code"] == "invalid"


# -- results are the host's --------------------------------------------------------------


async def test_the_acknowledgement_comes_only_after_the_commit(make_host, connect, tmp_path) -> None:
    import sqlite3

    from quizgame.store import ResultsStore

    host = await make_host()
    ann = await connect(host.url)
    await ann.hello("Ann")
    host.saver.flush(10)
    path = tmp_path / "results.sqlite3"
    blocker = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    blocker.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        host.classroom.start()
        await ann.wait_for("question")
        await ann.send({"type": "answer", "question": 1, "answer": "Hamburg"})
        with pytest.raises(asyncio.TimeoutError):
            await ann.wait_for("locked", timeout=1.0)
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert (await ann.wait_for("locked", timeout=30))["number"] == 1
    with ResultsStore.open(path, readonly=True) as store:
        (session,) = store.game_sessions("game-1")
        assert session.mode == "live" and session.answered == 1 and session.player == "Ann"


async def test_stopping_the_host_tells_every_student(make_host, connect) -> None:
    host = await make_host()
    ann = await connect(host.url)
    await ann.hello("Ann")

    await host.server.stop("the host ended the game")

    ended = await ann.wait_for("ended")
    assert ended["reason"] == "host_stopped"


async def test_stopping_the_host_acknowledges_the_answers_being_committed_first(make_host, connect, tmp_path) -> None:
    import sqlite3

    host = await make_host()
    ann = await connect(host.url)
    await ann.hello("Ann")
    host.saver.flush(10)
    blocker = sqlite3.connect(tmp_path / "results.sqlite3", isolation_level=None, check_same_thread=False)
    blocker.execute("BEGIN IMMEDIATE")  # the answer cannot be committed yet
    try:
        host.classroom.start()
        await ann.wait_for("question")
        await ann.send({"type": "answer", "question": 1, "answer": "Hamburg"})
        await wait_until(lambda: host.classroom.uncommitted == 1, what="the answer on its way to the database")
        stopping = asyncio.create_task(host.server.stop("the host ended the game", settle=60))
        await asyncio.sleep(0.2)
        assert not stopping.done()  # waiting for the commit, not telling anyone yet
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    await stopping
    ended = await ann.wait_for("ended")
    assert ended["reason"] == "host_stopped"
    kinds = [m["type"] for m in ann.received]
    assert "locked" in kinds and kinds.index("locked") < kinds.index("ended")
