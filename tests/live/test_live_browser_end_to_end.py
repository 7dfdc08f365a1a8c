"""The real thing, from a browser: one `quizgame host` in a pseudo-terminal, two Chromium
pages and one terminal `quizgame join` play a live game to the podium. The pack's text is
full of markup and HTML; the pages show it as written and run none of it. One page reloads
mid-game and takes its seat and score back; `quizgame export` has every player's answers.
A page from another site cannot open the game's WebSocket."""

from __future__ import annotations

import asyncio
import csv
import io
import re
from pathlib import Path

import aiohttp
import pytest
import yaml
from aiohttp import web
from playwright.async_api import expect

from tests.live.browser import DESKTOP, PHONE, launched, watched
from tests.live.test_live_end_to_end import FIXTURES, WAIT, _env, _free_port, _pin, _quizgame, terminals  # noqa: F401  (a fixture)

pytestmark = pytest.mark.slow

# Each question's text as the pack has it: markup of every kind the terminal and the page
# might mistake for their own.
PROMPTS = {
    "granite": "<img src=x onerror=alert(1)> The lighthouse was built from local granite.",
    "year": "<script>alert(2)</script> When was the [bold red]lighthouse[/] built?",
    "steps": "The keeper climbed [link=https://example.com]fifty[/link] steps &amp; <b>more</b>?",
}
YEAR_CHOICES = ["1871", "<i>1901</i>", "[b]1952[/b]"]
RIGHT = {"granite": True, "year": "1871", "steps": False}
# What the terminal student sees of each prompt (a phrase without markup characters).
PHRASES = {"granite": "built from local granite", "year": "When was the", "steps": "The keeper climbed"}
TITLE = "The <em>Lighthouse</em> [i]Log[/i]"
BO = "<b>Bo</b>"  # a name is text too


def _pack(folder: Path) -> Path:
    data = yaml.safe_load((FIXTURES / "lighthouse.yaml").read_text(encoding="utf-8"))
    questions = []
    for question in data["questions"]:
        if question["id"] in PROMPTS:
            question["prompt"] = PROMPTS[question["id"]]
            question["explanation"] = "<svg onload=alert(3)> " + question["explanation"]
            if question["id"] == "year":
                question["choices"] = YEAR_CHOICES
            questions.append(question)
    data["questions"] = questions
    data["title"] = TITLE
    folder.mkdir()
    (folder / "lighthouse.txt").write_bytes((FIXTURES / "lighthouse.txt").read_bytes())
    target = folder / "lighthouse.yaml"
    target.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return target


def _which(prompt: str) -> str:
    return next(qid for qid, text in PROMPTS.items() if text == prompt)


async def _shown(page, number: int) -> str:  # type: ignore[no-untyped-def]
    """The question the page shows as `number`, by its prompt, exactly as the pack wrote it."""
    await expect(page.locator("#q-number")).to_have_text(f"Question {number} of 3")
    prompt = await page.locator("#q-prompt").text_content()
    assert prompt in PROMPTS.values(), prompt
    return _which(prompt)


async def _by_click(page, qid: str, right: bool) -> None:  # type: ignore[no-untyped-def]
    value = RIGHT[qid] if right else (not RIGHT[qid] if isinstance(RIGHT[qid], bool) else YEAR_CHOICES[2])
    if isinstance(value, bool):
        await page.get_by_role("button", name="True" if value else "False").click()
    else:
        await page.locator("#q-choices button").filter(has_text=value).click()


async def _by_key(page, qid: str, right: bool) -> None:  # type: ignore[no-untyped-def]
    value = RIGHT[qid] if right else (not RIGHT[qid] if isinstance(RIGHT[qid], bool) else YEAR_CHOICES[1])
    if isinstance(value, bool):
        await page.keyboard.press("t" if value else "f")
        return
    button = page.locator("#q-choices button").filter(has_text=value)
    await expect(button.locator(".label")).to_have_text(value)
    await page.keyboard.press(await button.get_attribute("data-key"))


def _terminal_key(qid: str, student) -> str:  # type: ignore[no-untyped-def]
    """Cat answers every question wrong, from the terminal."""
    if qid == "year":
        # The choices are shuffled: the key of a wrong one, as the terminal shows it.
        found = re.findall(r"(\d)\s*\[b\]1952\[/b\]", student.text)
        assert found, student.text[-1500:]
        return found[-1]
    return "f" if RIGHT[qid] else "t"


async def _foreign_page_cannot_connect(browser, port: int) -> None:  # type: ignore[no-untyped-def]
    """A page served from another origin (another port of this machine) tries the game's
    WebSocket, as a site open in a student's browser could."""

    async def page(request: web.Request) -> web.Response:
        return web.Response(text="<!doctype html><title>elsewhere</title>", content_type="text/html")

    app = web.Application()
    app.router.add_get("/", page)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    other = runner.addresses[0][1]
    try:
        context = await browser.new_context()
        elsewhere = await context.new_page()
        await elsewhere.goto(f"http://127.0.0.1:{other}/")
        outcome = await elsewhere.evaluate(
            """url => new Promise(done => {
                const ws = new WebSocket(url);
                ws.onopen = () => done("open");
                ws.onerror = () => done("refused");
            })""",
            f"ws://127.0.0.1:{port}/ws",
        )
        assert outcome == "refused"
        await context.close()
    finally:
        await runner.cleanup()
    # And the refusal is the host's, a 403, not a browser's quirk.
    async with aiohttp.ClientSession() as http:
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await http.ws_connect(f"ws://127.0.0.1:{port}/ws", origin=f"http://127.0.0.1:{other}")
    assert refused.value.status == 403


async def _literal_text(page) -> None:  # type: ignore[no-untyped-def]
    """Nothing from the pack became an element: the page's own markup only."""
    assert await page.locator("main img, main script, main svg, main b, main i, main em").count() == 0
    await expect(page.locator("#pack-title")).to_have_text(TITLE)


async def test_two_pages_and_a_terminal_play_a_live_game(tmp_path: Path, terminals) -> None:
    pack = _pack(tmp_path / "pack")
    port = _free_port()
    host_env = _env(tmp_path, "teacher")
    host = terminals(
        ["host", str(pack), "--port", str(port), "--count", "3", "--seed", "5", "--time-limit", "60"],
        host_env,
        size=(120, 40),
    )
    pin = await asyncio.to_thread(_pin, host)
    url = f"http://127.0.0.1:{port}/"

    async with launched() as browser:
        ann = await watched(browser, viewport=DESKTOP)
        bo = await watched(browser, viewport=PHONE)
        for seen, name in ((ann, "Ann"), (bo, BO)):
            await seen.page.goto(url)
            await seen.page.get_by_label("Game PIN").fill(pin)
            await seen.page.get_by_label("Your name").fill(name)
            await seen.page.get_by_role("button", name="Join").click()
            await expect(seen.page.get_by_role("heading", name=f"You're in, {name}!")).to_be_visible()
        await expect(bo.page.locator("#player")).to_have_text(BO)
        cat = terminals(["join", f"127.0.0.1:{port}", "--player", "Cat", "--pin", pin], _env(tmp_path, "Cat"))
        await asyncio.to_thread(cat.wait_for, "You're in, Cat", WAIT)
        await asyncio.to_thread(host.wait_for, "Cat", WAIT)
        host.press("n")

        for number in (1, 2, 3):
            qid = await _shown(ann.page, number)
            assert await _shown(bo.page, number) == qid
            await asyncio.to_thread(cat.wait_for, f"Question {number} of 3", WAIT)
            await asyncio.to_thread(cat.wait_for, PHRASES[qid], WAIT)
            await _literal_text(ann.page)
            if qid == "year":
                labels = await ann.page.locator("#q-choices .label").all_text_contents()
                assert sorted(labels) == sorted(YEAR_CHOICES)
            if number == 2:
                # Bo's tab reloads mid-question: the same seat and score come back.
                score = await bo.page.locator("#score").text_content()
                await bo.page.reload()
                assert await _shown(bo.page, 2) == qid
                await expect(bo.page.locator("#player")).to_have_text(BO)
                await expect(bo.page.locator("#score")).to_have_text(score)
            await _by_click(ann.page, qid, right=True)
            await _by_key(bo.page, qid, right=number != 3)
            cat.press(_terminal_key(qid, cat))
            # Everyone has answered: the host closes the question at once.
            await expect(ann.page.get_by_role("heading", name="Right!")).to_be_visible()
            await expect(bo.page.get_by_role("heading", name="Right!" if number != 3 else "Not this time")).to_be_visible()
            await asyncio.to_thread(cat.wait_for, "Right answer:", WAIT)
            await asyncio.to_thread(host.wait_for, "Right answer:", WAIT)
            host.press("n")
            await asyncio.to_thread(host.wait_for, "Leaderboard", WAIT)
            host.press("n")

        await asyncio.to_thread(host.wait_for, "Final scores", WAIT)
        await expect(ann.page.locator("#f-rank")).to_have_text("You came 1st of 3")
        await expect(bo.page.locator("#f-rank")).to_have_text("You came 2nd of 3")
        await expect(ann.page.locator("#f-review > li")).to_have_count(3)
        review = await ann.page.locator("#f-review").text_content()
        for qid, prompt in PROMPTS.items():
            assert prompt in review
        assert "<svg onload=alert(3)>" in review
        await _literal_text(ann.page)
        await asyncio.to_thread(cat.wait_for, "3rd of 3", WAIT)
        host.press("ctrl+q")
        assert await asyncio.to_thread(host.wait, WAIT) == 0
        # The host has gone: the final screens stay.
        for seen in (ann, bo):
            await expect(seen.page.locator("#f-note")).to_be_visible()
            await expect(seen.page.get_by_role("heading", name="Game over")).to_be_visible()
        ann.check()
        bo.check()

        rows = list(csv.DictReader(io.StringIO(_quizgame(host_env, "export", "--format", "csv"))))
        by_player: dict[str, list[dict]] = {}
        for row in rows:
            by_player.setdefault(row["player"], []).append(row)
        assert sorted(by_player) == sorted(["Ann", BO, "Cat"])
        assert [r["correct"] for r in by_player["Ann"]] == ["1", "1", "1"]
        assert [r["correct"] for r in by_player[BO]] == ["1", "1", "0"]
        assert [r["correct"] for r in by_player["Cat"]] == ["0", "0", "0"]
        assert len({r["game_id"] for r in rows}) == 1

        # Another game, for the foreign page: the Origin check on the real host.
        host = terminals(["host", str(pack), "--port", str(port), "--count", "3"], host_env, size=(120, 40))
        await asyncio.to_thread(_pin, host)
        await _foreign_page_cannot_connect(browser, port)
