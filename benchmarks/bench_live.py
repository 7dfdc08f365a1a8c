"""The classroom host under a class of 200: four figures, each beside a bare baseline.

    .venv/bin/python benchmarks/bench_live.py [--students 200] [--questions 8] [--runs 3]

Each run starts two host processes in turn on loopback: the real `quizgame host` stack
(Classroom, LiveServer, the results saver committing to a fresh database, the projector app
headless) and a bare broadcast server written with aiohttp (hello, broadcast, an immediate
"locked" for each answer; no engine, no database) with the same projector app idle beside
it. This process is the class: 200 plain WebSocket clients that join, receive each question
and answer it after a random delay within 2 s. Figures, per run and as medians:

1. question fan-out: from the host sending a question to the last student receiving it (p95
   over the questions; one monotonic clock, shared by the processes on this machine);
2. answer to acknowledgement: from a student sending an answer to its "locked" (after the
   commit on the real host) (p95 over every answer);
3. the host's peak RSS with 200 students (VmHWM);
4. projector responsiveness: a key press on the host (scrolling the stage, posted as a key
   event) until the app has handled it and refreshed the screen (a call_after_refresh
   callback queued behind it), p95, every 50 ms while the answers arrive.

Targets (docs/live.md): 1 <= 50 ms and within 2x the bare server; 2 <= 20 ms; 3 <= 100 MiB;
4 <= 50 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACK = ROOT / "questions" / "trump-putin-g20.yaml"
PIN = "424242"


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))] if ordered else float("nan")


def peak_rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def say(event: dict) -> None:
    print(json.dumps(event), flush=True)


# -- the host side ---------------------------------------------------------------------------


async def _projector_keys(app, stop: asyncio.Event) -> list[float]:
    """Key presses on the projector app every 50 ms until `stop`: seconds each took."""
    timings = []
    async with app.run_test(headless=True, size=(160, 45)) as pilot:
        await pilot.pause()
        say({"event": "ready"})
        presses = 0
        while not stop.is_set():
            measuring = app.measuring  # while the answers arrive
            drawn = asyncio.Event()
            started = time.monotonic()
            presses += 1
            # The key goes into the app's queue as a real one would; the callback after it
            # runs once the key is handled and the screen refreshed: the frame.
            app.simulate_key("down" if presses % 2 else "up")  # scroll the stage
            app.call_after_refresh(drawn.set)
            await drawn.wait()
            if measuring:
                timings.append(time.monotonic() - started)
            await asyncio.sleep(0.05)
    return timings


async def serve_real(port: int, students: int, questions: int) -> None:
    from quizgame.engine import SessionOptions
    from quizgame.engine.live import LiveGame
    from quizgame.live.classroom import Classroom
    from quizgame.live.guard import Limits
    from quizgame.live.server import LiveServer
    from quizgame.packs import load_pack
    from quizgame.saving import GameSaver
    from quizgame.tui.host import HostApp, HostConfig

    pack = load_pack(PACK)
    options = SessionOptions(seed=1, count=questions, time_limit=20.0)
    game = LiveGame(pack, options, max_players=students)
    db = Path(tempfile.mkdtemp(prefix="bench-live-")) / "results.sqlite3"
    saver = GameSaver.open(db)
    limits = Limits(max_players=students)
    classroom = Classroom(game, "live", pin=PIN, saver=saver, game_id="bench", limits=limits)
    from quizgame.live.server import bind

    server = LiveServer(classroom)
    sock = bind(port, lan=False)
    app = HostApp(HostConfig(classroom=classroom, server=server, sock=sock, addresses=[f"127.0.0.1:{port}"]))
    app.measuring = False
    stop = asyncio.Event()
    keys_task = asyncio.create_task(_projector_keys(app, stop))
    while not server.addresses:
        await asyncio.sleep(0.01)
    say({"event": "listening"})
    while len(classroom.connections) < students:
        await asyncio.sleep(0.01)
    for number in range(1, questions + 1):
        app.measuring = True
        sent = time.monotonic()
        classroom.next()  # opens the question: the broadcast to every student
        say({"event": "question", "number": number, "sent": sent})
        while game.phase == "open":
            await asyncio.sleep(0.005)
        app.measuring = False
        await asyncio.sleep(0.3)
    while classroom.uncommitted:  # every answer acknowledged before the end
        await asyncio.sleep(0.005)
    classroom.end()
    stop.set()
    keys = await keys_task
    await server.stop()  # the final screens, then "ended" to everyone
    saver.close(30)
    say({"event": "done", "rss": peak_rss_mib(), "keys": keys})


async def serve_bare(port: int, students: int, questions: int) -> None:
    from aiohttp import WSMsgType, web

    from quizgame.engine import SessionOptions
    from quizgame.engine.live import LiveGame
    from quizgame.live.classroom import Classroom
    from quizgame.live.server import LiveServer
    from quizgame.packs import load_pack
    from quizgame.tui.host import HostApp, HostConfig

    clients: set[web.WebSocketResponse] = set()
    answers = 0

    async def handler(request: web.Request) -> web.WebSocketResponse:
        nonlocal answers
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        async for message in ws:
            if message.type != WSMsgType.TEXT:
                break
            data = json.loads(message.data)
            if data.get("type") == "hello":
                clients.add(ws)
                await ws.send_str(json.dumps({"type": "welcome"}))
            elif data.get("type") == "answer":
                answers += 1
                await ws.send_str(json.dumps({"type": "locked", "number": data.get("question")}))
        clients.discard(ws)
        return ws

    bare = web.Application()
    bare.router.add_get("/ws", handler)
    runner = web.AppRunner(bare, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    # The same projector, idle, on the same loop: the baseline for its key presses.
    pack = load_pack(PACK)
    game = LiveGame(pack, SessionOptions(seed=1, count=questions))
    classroom = Classroom(game, "live", pin=PIN, saver=None, game_id="bare")
    app = HostApp(HostConfig(classroom=classroom, server=LiveServer(classroom), sock=None, addresses=["-"]))
    app.measuring = False
    stop = asyncio.Event()
    keys_task = asyncio.create_task(_projector_keys(app, stop))
    say({"event": "listening"})
    while len(clients) < students:
        await asyncio.sleep(0.01)
    question = json.dumps(
        {"type": "question", "number": 0, "kind": "single", "prompt": "x" * 200, "choices": ["a", "b", "c", "d"]}
    )
    for number in range(1, questions + 1):
        app.measuring = True
        text = question.replace('"number": 0', f'"number": {number}')
        sent = time.monotonic()
        for ws in list(clients):
            await ws.send_str(text)
        say({"event": "question", "number": number, "sent": sent})
        target = number * students
        while answers < target:
            await asyncio.sleep(0.005)
        app.measuring = False
        await asyncio.sleep(0.3)
    stop.set()
    keys = await keys_task
    for ws in list(clients):
        await ws.send_str(json.dumps({"type": "ended"}))
    await runner.cleanup()
    say({"event": "done", "rss": peak_rss_mib(), "keys": keys})


# -- the class -------------------------------------------------------------------------------


async def _student(
    http, url: str, name: str, received: dict, acks: list, sent: list, rng: random.Random
) -> None:
    ws = await http.ws_connect(url, max_msg_size=1 << 20)
    await ws.send_str(json.dumps({"type": "hello", "protocol": 1, "pin": PIN, "name": name}))
    sent_at: dict[int, float] = {}
    answering: set[asyncio.Task] = set()  # kept: the loop holds only weak references to tasks
    async for message in ws:
        now = time.monotonic()
        data = json.loads(message.data)
        kind = data.get("type")
        if kind == "question":
            number = data["number"]
            received.setdefault(number, []).append(now)
            delay = rng.uniform(0, 2.0)
            kind_of = data.get("kind", "single")

            async def answer(number=number, delay=delay, kind_of=kind_of) -> None:
                await asyncio.sleep(delay)
                sent_at[number] = time.monotonic()
                sent.append(number)
                value = {"single": 1, "multiple": [1], "true_false": True}.get(kind_of, "an answer")
                await ws.send_str(json.dumps({"type": "answer", "question": number, "answer": value}))

            task = asyncio.create_task(answer())
            answering.add(task)
            task.add_done_callback(answering.discard)
        elif kind == "locked":
            number = data["number"]
            if number in sent_at:
                acks.append(now - sent_at.pop(number))
        elif kind in ("final", "ended"):
            break


async def run_class(port: int, students: int, host: subprocess.Popen) -> dict:
    import aiohttp

    rng = random.Random(7)
    received: dict[int, list[float]] = {}
    acks: list[float] = []
    answered: list[int] = []  # the question number of each answer sent
    sent: dict[int, float] = {}
    url = f"ws://127.0.0.1:{port}/ws"
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(connector=connector) as http:
        tasks = []
        for n in range(students):
            tasks.append(
                asyncio.create_task(_student(http, url, f"Student {n + 1}", received, acks, answered, rng))
            )
        loop = asyncio.get_running_loop()
        done = None
        while done is None:
            line = await loop.run_in_executor(None, host.stdout.readline)
            if not line:
                raise RuntimeError("the host process ended early")
            event = json.loads(line)
            if event["event"] == "question":
                sent[event["number"]] = event["sent"]
            elif event["event"] == "done":
                done = event
        # Every student has had the end ("final", then "ended") before the host said done.
        finished, unfinished = await asyncio.wait(tasks, timeout=10)
        for task in unfinished:
            task.cancel()
        for task in finished:
            if task.exception() is not None:
                raise task.exception()
    fanout = [max(received[n]) - sent[n] for n in sent if n in received]
    return {
        "fanout_p95_ms": 1000 * p95(fanout),
        "ack_p95_ms": 1000 * p95(acks),
        "rss_mib": done["rss"],
        "key_p95_ms": 1000 * p95(done["keys"]),
        "answers": len(answered),
        "acks": len(acks),
    }


def one(kind: str, port: int, students: int, questions: int) -> dict:
    host = subprocess.Popen(
        [sys.executable, __file__, "--serve", kind, "--port", str(port), "--students", str(students),
         "--questions", str(questions)],
        stdout=subprocess.PIPE, text=True, cwd=ROOT, env={**os.environ, "TEXTUAL": ""},
    )
    try:
        while True:  # wait until it listens
            line = host.stdout.readline()
            if not line:
                raise RuntimeError(f"the {kind} host did not start")
            if json.loads(line)["event"] == "listening":
                break
        return asyncio.run(run_class(port, students, host))
    finally:
        host.wait(60) if host.poll() is None else None
        if host.poll() is None:
            host.kill()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--students", type=int, default=200)
    parser.add_argument("--questions", type=int, default=8)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--serve", choices=("real", "bare"))
    args = parser.parse_args()
    if args.serve:
        serve = serve_real if args.serve == "real" else serve_bare
        profile = os.environ.get("BENCH_LIVE_PROFILE")  # a file for cProfile's statistics
        if profile:
            import cProfile

            cProfile.runctx("asyncio.run(serve(args.port, args.students, args.questions))", globals(), locals(), profile)
        else:
            asyncio.run(serve(args.port, args.students, args.questions))
        return
    import socket

    rows = []
    loads = [os.getloadavg()[0]]
    for run in range(1, args.runs + 1):
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        real = one("real", port, args.students, args.questions)
        if os.environ.get("BENCH_LIVE_PROFILE"):  # profiling the real host: one run, no baseline
            print(real)
            return
        bare = one("bare", port, args.students, args.questions)
        rows.append((real, bare))
        loads.append(os.getloadavg()[0])
        print(
            f"run {run} (load average {loads[-2]:.1f} to {loads[-1]:.1f}): "
            + "  ".join(f"{k} {real[k]:.1f} (bare {bare[k]:.1f})" for k in real),
            flush=True,
        )
    import platform

    import textual

    print(
        f"\nPython {platform.python_version()}, Textual {textual.__version__}, "
        f"load average (1 min) {min(loads):.1f} to {max(loads):.1f} over the runs"
    )
    for run, (real, _) in enumerate(rows, 1):
        if real["acks"] != real["answers"]:  # every answer sent must be acknowledged
            print(f"  run {run}: {real['answers'] - real['acks']} of {real['answers']} answers NOT acknowledged")
    print("medians (spread min–max), real host beside the bare aiohttp broadcast server:")
    for key, label, target in (
        ("fanout_p95_ms", "question fan-out p95, ms", lambda real, bare: real <= 50 and real <= 2 * bare),
        ("ack_p95_ms", "answer to acknowledgement p95, ms", lambda real, bare: real <= 20),
        ("rss_mib", "peak RSS, MiB", lambda real, bare: real <= 100),
        ("key_p95_ms", "projector key press p95, ms", lambda real, bare: real <= 50),
    ):
        real = [r[key] for r, _ in rows]
        bare = [b[key] for _, b in rows]
        mid_real, mid_bare = statistics.median(real), statistics.median(bare)
        ratio = mid_real / mid_bare if mid_bare else float("nan")
        verdict = "PASS" if target(mid_real, mid_bare) else "FAIL"
        print(
            f"  {label:<36} {mid_real:8.1f} ({min(real):.1f}–{max(real):.1f})"
            f"   bare {mid_bare:8.1f} ({min(bare):.1f}–{max(bare):.1f})   ratio {ratio:.2f}   {verdict}"
        )


if __name__ == "__main__":
    main()
