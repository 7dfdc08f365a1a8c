"""The join page in a real Chromium against a real host on loopback: each kind of question
answered by click and by key, the host's clock, the practice feedback, the refusals, the
accessibility check, and screenshots of each screen at phone and desktop sizes."""

from __future__ import annotations

import json
import re

import pytest
from playwright.async_api import expect

from tests.live.browser import DESKTOP, PHONE, artefacts_dir, axe_violations, launched, watched
from tests.live.conftest import PIN, wait_until

pytestmark = pytest.mark.slow


@pytest.fixture
async def browser():
    async with launched() as chromium:
        yield chromium


async def join(page, host, name: str = "Ann", pin: str = PIN) -> None:  # type: ignore[no-untyped-def]
    await page.goto(f"http://127.0.0.1:{host.server.port}/")
    await page.get_by_label("Game PIN").fill(pin)
    await page.get_by_label("Your name").fill(name)
    await page.get_by_role("button", name="Join").click()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360x740", "1280x800"])
async def test_a_live_game_of_each_kind_of_question(make_host, connect, browser, viewport, tmp_path_factory) -> None:
    shots = artefacts_dir(tmp_path_factory)
    size = f"{viewport['width']}x{viewport['height']}"
    host = await make_host()
    # A second student who never answers, so each question stays open until the host's "next".
    bob = await connect(host.url)
    assert (await bob.hello("Bob"))["type"] == "welcome"
    seen = await watched(browser, viewport=viewport)
    page = seen.page
    await page.goto(f"http://127.0.0.1:{host.server.port}/")
    await expect(page.get_by_role("heading", name="Join the quiz")).to_be_visible()
    await page.get_by_label("Game PIN").fill(PIN)
    await page.get_by_label("Your name").fill("Ann")
    await page.screenshot(path=shots / f"join-{size}.png", full_page=True)
    await page.get_by_role("button", name="Join").click()
    await expect(page.get_by_role("heading", name="You're in, Ann!")).to_be_visible()
    await expect(page.get_by_text("2 players joined so far")).to_be_visible()

    # 1, short: typed, Enter.
    host.classroom.next()
    await expect(page.get_by_role("heading", name="Which city hosted the summit?")).to_be_visible()
    await expect(page.get_by_text("Question 1 of 4")).to_be_visible()
    await page.get_by_label("Your answer").fill("hamburg")
    await page.keyboard.press("Enter")
    await expect(page.get_by_role("heading", name="Answer locked in")).to_be_visible()
    host.classroom.next()
    await expect(page.get_by_role("heading", name="Right!")).to_be_visible()
    await expect(page.locator("#v-right")).to_have_text("Hamburg")
    await expect(page.locator("#announce")).to_contain_text("Right!")
    await expect(page.locator("#v-rank")).to_have_text("1st of 2 · in the lead")

    # 2, single: a click on the choice, which shows its key and symbol.
    host.classroom.next()
    choice = page.get_by_role("button", name="2 More than two hours")
    await expect(choice).to_be_visible()
    await expect(choice).to_contain_text("2")
    await expect(choice).to_contain_text("◆")
    await expect(page.locator("#q-time")).to_have_text(re.compile(r"^(20|19) s$"))
    await page.screenshot(path=shots / f"question-{size}.png", full_page=True)
    await choice.click()
    await expect(page.get_by_role("heading", name="Answer locked in")).to_be_visible()
    host.classroom.next()
    await expect(page.get_by_role("heading", name="Right!")).to_be_visible()
    await page.screenshot(path=shots / f"verdict-{size}.png", full_page=True)

    # 3, true or false: the f key, wrong.
    host.classroom.next()
    await expect(page.get_by_role("button", name="f False")).to_be_visible()
    await page.keyboard.press("f")
    await expect(page.get_by_role("heading", name="Answer locked in")).to_be_visible()
    host.classroom.next()
    await expect(page.get_by_role("heading", name="Not this time")).to_be_visible()
    await expect(page.locator("#v-points")).to_have_text("+0 points")
    await expect(page.locator("#v-yours")).to_have_text("False")

    # 4, multiple: the number keys tick, Enter submits.
    host.classroom.next()
    await expect(page.get_by_role("checkbox", name="A ceasefire")).to_be_visible()
    await page.keyboard.press("Enter")
    await expect(page.get_by_text("Tick at least one answer first.")).to_be_visible()
    await page.keyboard.press("1")
    await page.keyboard.press("3")
    await expect(page.get_by_role("checkbox", name="A start on Sunday")).to_be_checked()
    await page.keyboard.press("Enter")
    await expect(page.get_by_role("heading", name="Answer locked in")).to_be_visible()
    host.classroom.next()
    await expect(page.get_by_role("heading", name="Right!")).to_be_visible()

    host.classroom.next()
    await expect(page.get_by_role("heading", name="Game over")).to_be_visible()
    await expect(page.locator("#f-rank")).to_have_text("You came 1st of 2")
    await expect(page.locator("#f-review > li")).to_have_count(4)
    await expect(page.locator("#f-review")).to_contain_text("Right answer")
    await expect(page.locator("#announce")).to_contain_text("You came 1st of 2")
    await page.screenshot(path=shots / f"final-{size}.png", full_page=True)
    stored = host.classroom.game.roster.named("Ann").session
    assert [r.correct for r in stored.results] == [True, True, False, True]
    seen.check()


async def test_the_countdown_follows_the_hosts_clock(make_host, browser) -> None:
    host = await make_host(time_limit=8.0)
    seen = await watched(browser)
    page = seen.page
    await join(page, host)
    await expect(page.get_by_text("1 player joined so far")).to_be_visible()
    host.classroom.next()
    await expect(page.locator("#q-time")).to_have_text(re.compile(r"^[5-8] s$"))
    host.classroom.pause()
    await expect(page.locator("#q-time")).to_have_text(re.compile(r"^Paused · [3-8] s$"))
    await expect(page.locator("#announce")).to_have_text("Paused by the teacher")
    await page.get_by_label("Your answer").fill("Hamburg")
    await page.keyboard.press("Enter")  # no answer is taken while paused
    await expect(page.locator("#q-time")).to_have_text(re.compile(r"^Paused"))
    assert host.classroom.game.roster.named("Ann").session.results == []
    host.classroom.add_time()
    await expect(page.locator("#q-time")).to_have_text(re.compile(r"^Paused · (1[3-8]) s$"))
    host.classroom.pause()
    # Running again; nobody answers: the page says time's up, and the host's reveal follows.
    await expect(page.locator("#q-time")).to_have_text(re.compile(r"^1[0-8] s$"))
    await expect(page.get_by_role("heading", name="Time's up")).to_be_visible(timeout=40_000)
    await expect(page.locator("#announce")).to_contain_text("Time's up")
    await expect(page.locator("#v-points")).to_have_text("+0 points", timeout=40_000)
    seen.check()


async def test_practice_feedback_with_the_explanation_and_the_quote(make_host, browser) -> None:
    host = await make_host("self-paced")
    seen = await watched(browser, viewport=DESKTOP)
    page = seen.page
    await join(page, host)
    await expect(page.get_by_role("heading", name="You're in, Ann!")).to_be_visible()
    host.classroom.start()
    await page.get_by_label("Your answer").fill("Paris")
    await page.get_by_role("button", name="Submit").click()
    await expect(page.get_by_role("heading", name="Not this time")).to_be_visible()
    await expect(page.locator("#v-explanation")).to_have_text("The report names Hamburg as the host city.")
    await expect(page.locator("#v-quote")).to_have_text("The city of Hamburg hosted the summit in July.")
    await expect(page.locator("#v-cite")).to_contain_text("Ann Writer, The Harbour Report, The Daily Test")
    await page.keyboard.press("Enter")  # Next question
    await expect(page.get_by_role("heading", name="How long did the two leaders talk?")).to_be_visible()
    await page.keyboard.press("2")
    await expect(page.get_by_role("heading", name="Right!")).to_be_visible()
    await page.get_by_role("button", name="Next question").click()
    await expect(page.get_by_role("button", name="t True")).to_be_visible()
    await page.keyboard.press("t")
    await expect(page.get_by_role("heading", name="Right!")).to_be_visible()
    await page.keyboard.press("Enter")
    await expect(page.get_by_role("heading", name="What did the officials agree?")).to_be_visible()
    await page.get_by_role("checkbox", name="New sanctions").check()
    await page.get_by_role("button", name="Submit").click()
    await expect(page.get_by_role("heading", name="Not this time")).to_be_visible()
    await page.keyboard.press("Enter")
    await expect(page.get_by_role("heading", name="Game over")).to_be_visible()
    await expect(page.locator("#f-score")).to_contain_text("Score")
    seen.check()


async def test_a_page_reloaded_on_its_final_screen_shows_it_again(make_host, browser) -> None:
    host = await make_host()
    seen = await watched(browser)
    page = seen.page
    await join(page, host)
    await expect(page.get_by_text("1 player joined so far")).to_be_visible()
    host.classroom.next()
    await page.get_by_label("Your answer").fill("Hamburg")
    await page.keyboard.press("Enter")
    await expect(page.get_by_role("heading", name="Right!")).to_be_visible()
    host.classroom.end()  # the teacher ends the game after one question: the podium
    await expect(page.get_by_role("heading", name="Game over")).to_be_visible()
    score = await page.locator("#f-score").text_content()
    await page.reload()
    await expect(page.get_by_role("heading", name="Game over")).to_be_visible()
    await expect(page.locator("#f-rank")).to_have_text("You came 1st of 1")
    await expect(page.locator("#f-score")).to_have_text(score)
    await expect(page.locator("#f-review li")).to_have_count(len(host.classroom.game.questions))
    seen.check()


async def test_refusals_are_said_on_the_join_form(make_host, browser) -> None:
    host = await make_host()
    seen = await watched(browser)
    page = seen.page
    await page.goto(f"http://127.0.0.1:{host.server.port}/")
    await page.get_by_role("button", name="Join").click()
    await expect(page.get_by_text("The PIN is six digits")).to_be_visible()
    await join(page, host, pin="000000")
    await expect(page.get_by_text("wrong PIN: check the one on the projector")).to_be_visible()
    await expect(page.get_by_label("Your name")).to_be_focused()
    await join(page, host, name="\u202eAnn")
    await expect(page.locator("#join-error")).to_be_visible()
    assert len(host.classroom.game.roster) == 0
    await join(page, host, name="Ann")
    await expect(page.get_by_role("heading", name="You're in, Ann!")).to_be_visible()
    other = await watched(browser)
    await join(other.page, host, name="Ann")
    await expect(other.page.locator("#join-error")).to_contain_text("Ann")
    seen.check()
    other.check()


async def test_a_link_with_the_pin_fills_it_in(make_host, browser) -> None:
    host = await make_host()
    seen = await watched(browser)
    await seen.page.goto(f"http://127.0.0.1:{host.server.port}/#pin={PIN}")
    await expect(seen.page.get_by_label("Game PIN")).to_have_value(PIN)
    await expect(seen.page.get_by_label("Your name")).to_be_focused()
    seen.check()


async def test_reduced_motion_turns_the_movement_off(make_host, browser) -> None:
    host = await make_host()
    still = await watched(browser, reduced_motion="reduce")
    moving = await watched(browser)
    durations = []
    for seen in (still, moving):
        await join(seen.page, host, name="Ann" if seen is still else "Bob")
        await expect(seen.page.get_by_text("joined so far")).to_be_visible()
    host.classroom.next()
    host.classroom.next()
    await wait_until(lambda: host.classroom.game.phase == "closed")
    host.classroom.next()  # the single-choice question
    for seen in (still, moving):
        button = seen.page.get_by_role("button", name="2 More than two hours")
        await expect(button).to_be_visible()
        durations.append(await button.evaluate("b => getComputedStyle(b).transitionDuration"))
    assert durations[0] == "0s" and durations[1] != "0s", durations
    still.check()
    moving.check()


async def test_no_serious_accessibility_problem_on_any_screen(make_host, browser) -> None:
    host = await make_host("self-paced")
    seen = await watched(browser)
    page = seen.page
    problems: dict[str, list] = {}

    async def check(screen: str) -> None:
        problems[screen] = await axe_violations(page)

    await page.goto(f"http://127.0.0.1:{host.server.port}/")
    await expect(page.get_by_role("heading", name="Join the quiz")).to_be_visible()
    await check("join")
    await page.get_by_role("button", name="Join").click()
    await expect(page.locator("#join-error")).to_be_visible()
    await check("join with an error")
    await join(page, host)
    await expect(page.get_by_role("heading", name="You're in, Ann!")).to_be_visible()
    await check("lobby")
    host.classroom.start()
    await expect(page.get_by_label("Your answer")).to_be_visible()
    await check("short question")
    await page.get_by_label("Your answer").fill("Hamburg")
    await page.keyboard.press("Enter")
    await expect(page.get_by_role("heading", name="Right!")).to_be_visible()
    await check("verdict with the quote")
    await page.keyboard.press("Enter")
    await expect(page.get_by_role("button", name="2 More than two hours")).to_be_visible()
    await check("single question")
    await page.keyboard.press("1")
    await expect(page.get_by_role("heading", name="Not this time")).to_be_visible()
    await check("wrong verdict")
    await page.keyboard.press("Enter")
    await expect(page.get_by_role("button", name="t True")).to_be_visible()
    await check("true or false question")
    await page.keyboard.press("t")
    await expect(page.get_by_role("heading", name="Right!")).to_be_visible()
    await page.keyboard.press("Enter")
    await expect(page.get_by_role("checkbox", name="A ceasefire")).to_be_visible()
    await check("multiple question")
    await page.keyboard.press("1")
    await page.keyboard.press("Enter")
    await expect(page.get_by_role("heading", name="Partly right")).to_be_visible()
    await page.keyboard.press("Enter")
    await expect(page.get_by_role("heading", name="Game over")).to_be_visible()
    await check("final")
    found = {screen: found for screen, found in problems.items() if found}
    assert found == {}, json.dumps(found, indent=1)
    assert len(problems) == 10
    seen.check()
