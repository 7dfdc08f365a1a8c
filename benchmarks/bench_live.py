"""The classroom host under a class of 200, and the browser page: each figure beside a bare baseline.

    .venv/bin/python benchmarks/bench_live.py [--students 200] [--questions 8] [--runs 3] [--only class|join|page]

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

From the browser page, against the same two hosts (the bare one serving the page's files
too): 5. 200 students load the page (its four files) and join with the page's Origin: Join
to welcome p95 <= 200 ms, the host's peak RSS <= 100 MiB (--only join); 6. one real Chromium
page (Debian's, through Playwright) answers 20 questions by key: key press to verdict drawn
p95 <= 100 ms, beside a bare server that answers at once (--only page).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
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
    # questions 0: the class only joins (the page benchmark), then the game ends.
    options = SessionOptions(seed=1, count=max(questions, 1), time_limit=20.0)
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


async def _bare_server(handler, port: int):  # type: ignore[no-untyped-def]
    """A bare aiohttp server on loopback: `handler` at /ws, and the join page's files."""
    from aiohttp import web

    bare = web.Application()
    bare.router.add_get("/ws", handler)
    _add_page_files(bare)
    runner = web.AppRunner(bare, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    return runner


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

    runner = await _bare_server(handler, port)
    # The same projector, idle, on the same loop: the baseline for its key presses.
    pack = load_pack(PACK)
    game = LiveGame(pack, SessionOptions(seed=1, count=max(questions, 1)))
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


# -- joining from the browser page -------------------------------------------------------------

PAGE_FILES = ("/", "/join.js", "/join.css", "/icon.svg")  # what the page loads, in order


def _add_page_files(app) -> None:  # type: ignore[no-untyped-def]
    """The page's files on a bare server: the same bytes, straight from memory."""
    from aiohttp import web

    from quizgame.live.page import page_files

    for path, (body, content_type) in page_files().items():
        async def serve(request, body=body, content_type=content_type):  # type: ignore[no-untyped-def]
            return web.Response(body=body, headers={"Content-Type": content_type})

        app.router.add_get(path, serve)


async def _page_student(base: str, name: str, rng: random.Random, loads: list, joins: list) -> None:
    """What a student's page does: load its files, then, once the PIN and a name are typed,
    open the WebSocket from the page's origin and say hello; then stay until the end. Its
    own HTTP client, so its own connections, as a phone has."""
    import aiohttp

    await asyncio.sleep(rng.uniform(0, 2.0))  # the class opens the link together
    typing = rng.uniform(1.0, 4.0)  # the PIN and a name
    async with aiohttp.ClientSession() as http:
        started = time.monotonic()
        for path in PAGE_FILES:
            async with http.get(base + path) as response:
                assert response.status == 200, (path, response.status)
                await response.read()
        loads.append(time.monotonic() - started)
        await asyncio.sleep(typing)
        pressed = time.monotonic()  # Join
        ws = await http.ws_connect(base.replace("http", "ws", 1) + "/ws", origin=base, max_msg_size=1 << 20)
        await ws.send_str(json.dumps({"type": "hello", "protocol": 1, "pin": PIN, "name": name, "token": None}))
        async for message in ws:
            kind = json.loads(message.data).get("type")
            if kind == "welcome":
                joins.append(time.monotonic() - pressed)
            elif kind in ("final", "ended"):
                break


async def run_page_class(port: int, students: int, host: subprocess.Popen) -> dict:
    """A class opening the page within 2 s and pressing Join 1 to 4 s later: the page's
    load (its four files), and Join to the welcome."""
    rng = random.Random(11)
    loads: list[float] = []
    joins: list[float] = []
    base = f"http://127.0.0.1:{port}"
    tasks = [asyncio.create_task(_page_student(base, f"Student {n + 1}", rng, loads, joins)) for n in range(students)]
    loop = asyncio.get_running_loop()
    while True:
        line = await loop.run_in_executor(None, host.stdout.readline)
        if not line:
            raise RuntimeError("the host process ended early")
        event = json.loads(line)
        if event["event"] == "done":
            break
    await asyncio.wait(tasks, timeout=30)
    if len(joins) != students:
        raise RuntimeError(f"only {len(joins)} of {students} students joined")
    return {
        "load_p95_ms": 1000 * p95(loads),
        "join_p95_ms": 1000 * p95(joins),
        "join_max_ms": 1000 * max(joins),
        "rss_mib": event["rss"],
    }


# -- a real Chromium page: key press to verdict drawn -----------------------------------------

# In the page, from outside it (the page itself is not changed): the time of the last key
# pressed, and a frame after the verdict screen is shown, the time it took.
PAGE_PROBE = """() => {
    // until(n): a promise that the n-th verdict has been drawn (the page's CSP allows no
    // evaluated strings, so no polling expression: a promise the probe keeps).
    window.__bench = {pressed: null, times: [], waiting: []};
    __bench.until = n => new Promise(done => {
        if (__bench.times.length >= n) done(); else __bench.waiting.push([n, done]);
    });
    const drawn = took => {
        __bench.times.push(took);
        __bench.waiting = __bench.waiting.filter(([n, done]) => __bench.times.length >= n ? (done(), false) : true);
    };
    document.addEventListener("keydown", () => { __bench.pressed = performance.now(); }, true);
    const verdict = document.getElementById("screen-verdict");
    new MutationObserver(() => {
        if (verdict.hidden || __bench.pressed === null) return;
        const pressed = __bench.pressed;
        __bench.pressed = null;
        // A task queued from the frame's callback runs once that frame is painted.
        requestAnimationFrame(() => setTimeout(() => drawn(performance.now() - pressed), 0));
    }).observe(verdict, {attributes: true, attributeFilter: ["hidden"]});
}"""


async def serve_page_real(port: int, questions: int) -> None:
    """The real host, for one student on the page: each question closes on their answer
    (everyone has answered); the next opens 300 ms after the verdict."""
    from quizgame.engine import SessionOptions
    from quizgame.engine.live import LiveGame
    from quizgame.live.classroom import Classroom
    from quizgame.live.server import LiveServer, bind
    from quizgame.packs import load_pack
    from quizgame.saving import GameSaver
    from quizgame.tui.host import HostApp, HostConfig

    game = LiveGame(load_pack(PACK), SessionOptions(seed=1, count=questions, time_limit=60.0))
    saver = GameSaver.open(Path(tempfile.mkdtemp(prefix="bench-page-")) / "results.sqlite3")
    classroom = Classroom(game, "live", pin=PIN, saver=saver, game_id="bench")
    server = LiveServer(classroom)
    app = HostApp(HostConfig(classroom=classroom, server=server, sock=bind(port, lan=False), addresses=[f"127.0.0.1:{port}"]))
    async with app.run_test(headless=True, size=(160, 45)):
        while not server.addresses:
            await asyncio.sleep(0.01)
        say({"event": "listening"})
        while not classroom.connections:
            await asyncio.sleep(0.01)
        classroom.next()
        while game.phase != "finished":
            if game.phase == "closed":
                await asyncio.sleep(0.3)
                classroom.next()
            await asyncio.sleep(0.005)
        saver.close(30)
        say({"event": "done"})
        await asyncio.sleep(0.5)  # the final reaches the page


async def serve_page_bare(port: int, questions: int) -> None:
    """A bare server speaking just enough of the protocol for the page: each answer gets
    "locked" and a verdict at once; no engine, no database, no projector."""
    from aiohttp import WSMsgType, web

    from quizgame.live import protocol as p

    source = p.SourceInfo(title="t", author="a", publication="p", column=None, date="2017-07-07", url=None)
    welcome = p.Welcome(player="Student", token="t", mode="live", pack_title="bare", source=source,
                        total=questions, rejoined=False, score=0)
    outcome = p.Outcome(correct=True, credit=1, points=10, max_points=10, speed_bonus=0, streak_bonus=0,
                        timed_out=False, response_text="a", accepted=None, typo=False, elapsed=1)
    finished = asyncio.Event()

    def question(number: int) -> str:
        return p.dump(p.Question(number=number, total=questions, kind="single", prompt="x" * 200,
                                 choices=["a", "b", "c", "d"], section="s", points=10, time_limit=60.0, remaining=60.0))

    async def handler(request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        async for message in ws:
            if message.type != WSMsgType.TEXT:
                break
            data = json.loads(message.data)
            if data.get("type") == "hello":
                await ws.send_str(p.dump(welcome))
                await ws.send_str(question(1))
            elif data.get("type") == "answer":
                number = data["question"]
                await ws.send_str(p.dump(p.Locked(number=number)))
                await ws.send_str(p.dump(p.Reveal(number=number, right_answer="a", explanation="e", quote=["q"],
                                                  outcome=outcome, score=10 * number, max_score=10 * number,
                                                  rank=1, players=1, gap=None)))
                await asyncio.sleep(0.3)
                if number == questions:
                    finished.set()
                else:
                    await ws.send_str(question(number + 1))
        return ws

    runner = await _bare_server(handler, port)
    say({"event": "listening"})
    await finished.wait()
    say({"event": "done"})
    await runner.cleanup()


async def run_page(port: int, students: int, host: subprocess.Popen, *, questions: int) -> dict:
    """One Chromium page (Debian's, through Playwright) joins and answers every question
    with a key: "1", or "t"; "1" then Enter for several answers; typed text then Enter."""
    from playwright.async_api import async_playwright, expect

    sys.path.insert(0, str(ROOT))
    from tests.live.browser import CHROMIUM, CHROMIUM_ARGS

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        page = await (await browser.new_context(viewport={"width": 1280, "height": 800})).new_page()
        await page.goto(f"http://127.0.0.1:{port}/")
        await page.evaluate(PAGE_PROBE)
        await page.get_by_label("Game PIN").fill(PIN)
        await page.get_by_label("Your name").fill("Student")
        await page.get_by_role("button", name="Join").click()
        for number in range(1, questions + 1):
            await expect(page.locator("#q-number")).to_have_text(re.compile(f"^Question {number} of"), timeout=30_000)
            if await page.locator("#q-short").is_visible():
                await page.get_by_label("Your answer").fill("an answer")
                await page.keyboard.press("Enter")
            elif await page.locator("#q-multiple").is_visible():
                await page.keyboard.press("1")
                await page.keyboard.press("Enter")
            else:
                key = "t" if await page.locator('#q-choices button[data-key="t"]').count() else "1"
                await page.keyboard.press(key)
            await asyncio.wait_for(page.evaluate("n => __bench.until(n)", number), 30)
        times = await page.evaluate("window.__bench.times")
        await browser.close()
    loop = asyncio.get_running_loop()
    while (line := await loop.run_in_executor(None, host.stdout.readline)) and json.loads(line)["event"] != "done":
        pass
    return {"key_to_verdict_p95_ms": p95(times), "key_to_verdict_median_ms": statistics.median(times)}


def one(kind: str, port: int, students: int, questions: int, run=None) -> dict:  # type: ignore[no-untyped-def]
    """`run`: what the class does against the host (run_class; run_page_class for joins)."""
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
        return asyncio.run((run or run_class)(port, students, host))
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
    parser.add_argument("--page-questions", type=int, default=20, help="questions the Chromium page answers, per run")
    parser.add_argument("--only", choices=("class", "join", "page"), help="one of the three benchmarks")
    parser.add_argument("--serve", choices=("real", "bare", "page-real", "page-bare"))
    args = parser.parse_args()
    if args.serve == "page-real" or args.serve == "page-bare":
        serve_page = serve_page_real if args.serve == "page-real" else serve_page_bare
        asyncio.run(serve_page(args.port, args.questions))
        return
    if args.serve:
        serve = serve_real if args.serve == "real" else serve_bare
        profile = os.environ.get("BENCH_LIVE_PROFILE")  # a file for cProfile's statistics
        if profile:
            import cProfile

            cProfile.runctx("asyncio.run(serve(args.port, args.students, args.questions))", globals(), locals(), profile)
        else:
            asyncio.run(serve(args.port, args.students, args.questions))
        return
    if args.only in (None, "class"):
        bench_class(args)
    if args.only in (None, "join"):
        bench_page_joins(args)
    if args.only in (None, "page"):
        bench_page_keys(args)


def bench_class(args) -> None:  # type: ignore[no-untyped-def]
    rows = []
    loads = [os.getloadavg()[0]]
    for run in range(1, args.runs + 1):
        port = _free_port()
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
    _report(rows, (
        ("fanout_p95_ms", "question fan-out p95, ms", lambda real, bare: real <= 50 and real <= 2 * bare),
        ("ack_p95_ms", "answer to acknowledgement p95, ms", lambda real, bare: real <= 20),
        ("rss_mib", "peak RSS, MiB", lambda real, bare: real <= 100),
        ("key_p95_ms", "projector key press p95, ms", lambda real, bare: real <= 50),
    ))


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _report(rows: list[tuple[dict, dict]], figures) -> None:  # type: ignore[no-untyped-def]
    """Medians (spread) of each figure, real beside bare, the ratio and the verdict."""
    for key, label, target in figures:
        real = [r[key] for r, _ in rows]
        bare = [b[key] for _, b in rows]
        mid_real, mid_bare = statistics.median(real), statistics.median(bare)
        ratio = mid_real / mid_bare if mid_bare else float("nan")
        verdict = "PASS" if target(mid_real, mid_bare) else "FAIL"
        print(
            f"  {label:<36} {mid_real:8.1f} ({min(real):.1f}–{max(real):.1f})"
            f"   bare {mid_bare:8.1f} ({min(bare):.1f}–{max(bare):.1f})   ratio {ratio:.2f}   {verdict}"
        )


def bench_page_joins(args) -> None:  # type: ignore[no-untyped-def]
    rows = []
    for run in range(1, args.runs + 1):
        port = _free_port()
        real = one("real", port, args.students, 0, run_page_class)
        bare = one("bare", port, args.students, 0, run_page_class)
        rows.append((real, bare))
        print(f"page joins, run {run}: " + "  ".join(f"{k} {real[k]:.1f} (bare {bare[k]:.1f})" for k in real), flush=True)
    print(
        f"medians (spread min–max), {args.students} students opening the page within 2 s and joining "
        "1 to 4 s later, real host beside a bare aiohttp server:"
    )
    _report(rows, (
        ("load_p95_ms", "page load (4 files) p95, ms", lambda real, bare: True),
        ("join_p95_ms", "Join to welcome p95, ms", lambda real, bare: real <= 200),
        ("join_max_ms", "Join to welcome, slowest, ms", lambda real, bare: True),
        ("rss_mib", "peak RSS with them, MiB", lambda real, bare: real <= 100),
    ))


def bench_page_keys(args) -> None:  # type: ignore[no-untyped-def]
    import functools

    rows = []
    for run in range(1, args.runs + 1):
        port = _free_port()
        run_page_for = functools.partial(run_page, questions=args.page_questions)
        real = one("page-real", port, 1, args.page_questions, run_page_for)
        bare = one("page-bare", port, 1, args.page_questions, run_page_for)
        rows.append((real, bare))
        print(f"page keys, run {run}: " + "  ".join(f"{k} {real[k]:.1f} (bare {bare[k]:.1f})" for k in real), flush=True)
    print("medians (spread min–max), one Chromium page, real host beside a bare server answering at once:")
    _report(rows, (
        ("key_to_verdict_p95_ms", "key press to verdict drawn p95, ms", lambda real, bare: real <= 100),
        ("key_to_verdict_median_ms", "key press to verdict drawn median, ms", lambda real, bare: True),
    ))


if __name__ == "__main__":
    main()
