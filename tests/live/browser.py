"""Debian's Chromium, driven by Playwright, for the join page's tests.

Nothing is downloaded: Playwright starts /usr/bin/chromium (the `chromium` package, which
.ci/run installs). Each page records what must never happen on it, dialogs, uncaught
errors and console errors, and `watched()` fails the test at its end if any came.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("QUIZGAME_CHROMIUM", "/usr/bin/chromium")
# As this machine's Chromium is run headless as root with no network but loopback.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
AXE = Path(__file__).resolve().parent / "axe" / "axe.min.js"
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
WAIT_MS = 30_000  # a shared, busy machine


def chromium_or_skip() -> str:
    if Path(CHROMIUM).exists() or shutil.which(CHROMIUM):
        return CHROMIUM
    if os.environ.get("CI"):
        pytest.fail(f"{CHROMIUM} is missing: .ci/run installs the chromium package")
    pytest.skip(f"{CHROMIUM} is missing: apt-get install chromium")


def artefacts_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Screenshots are kept here: QUIZGAME_TEST_ARTEFACTS, else the test run's base folder
    (pytest keeps the last three)."""
    chosen = os.environ.get("QUIZGAME_TEST_ARTEFACTS")
    folder = Path(chosen) if chosen else tmp_path_factory.getbasetemp() / "artefacts"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@dataclass
class Watched:
    """A page with what went wrong on it."""

    page: object
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def check(self) -> None:
        assert self.dialogs == [], f"dialogs opened: {self.dialogs}"
        assert self.errors == [], f"errors in the page: {self.errors}"


@asynccontextmanager
async def launched() -> AsyncIterator[object]:
    from playwright.async_api import async_playwright

    executable = chromium_or_skip()
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            await browser.close()


async def watched(browser, *, viewport=PHONE, reduced_motion: str = "no-preference") -> Watched:  # type: ignore[no-untyped-def]
    """A page in a context of its own (its own sessionStorage), watched."""
    from playwright.async_api import expect

    expect.set_options(timeout=WAIT_MS)
    context = await browser.new_context(viewport=viewport, reduced_motion=reduced_motion)
    context.set_default_timeout(WAIT_MS)
    page = await context.new_page()
    seen = Watched(page)

    async def dialog(d) -> None:  # type: ignore[no-untyped-def]
        seen.dialogs.append(d.message)
        await d.dismiss()

    page.on("dialog", dialog)
    page.on("pageerror", lambda error: seen.errors.append(f"uncaught: {error}"))
    page.on("console", lambda m: seen.errors.append(f"console: {m.text}") if m.type == "error" else None)
    return seen


async def axe_violations(page) -> list[dict]:  # type: ignore[no-untyped-def]
    """axe-core's serious and critical violations on the page as it is now. axe is run
    through the DevTools protocol, which the page's CSP does not govern."""
    await page.evaluate(AXE.read_text(encoding="utf-8"))
    result = await page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.html).slice(0, 3)}))"
    )
    return [v for v in result if v["impact"] in ("serious", "critical")]
