"""What each screen looks like, pinned as SVG snapshots (update with --snapshot-update).

Everything that could vary between runs is fixed: the seed, the clock (it moves only when a
step says so), the player's name, the theme and the packs found.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from quizgame.engine import SessionOptions
from quizgame.packs import PackError, load_pack
from quizgame.packs.discovery import PackEntry
from quizgame.tui.app import create_app
from quizgame.tui.widgets.footer import DELAY as FOOTER_DELAY

from .helpers import FIXTURES, FakeClock, keys_to_type

Step = str | float | tuple[str, ...]

# The harbour pack, unshuffled: city (short), length (single), robust (true/false),
# agreed (multiple).
HAMBURG = ("type", "Hamburg")


def steps(clock: FakeClock, *plan: Step) -> Callable[[Pilot], Awaitable[None]]:
    """Key presses, typed text and clock moves, then a still screen for the picture."""

    async def run_before(pilot: Pilot) -> None:
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        for step in plan:
            if isinstance(step, (int, float)):
                clock.advance(step)
            elif isinstance(step, tuple) and step[0] == "type":
                await pilot.press(*keys_to_type(step[1]))
            elif isinstance(step, tuple) and step[0] == "resize":
                await pilot.resize_terminal(int(step[1]), int(step[2]))
            else:
                await pilot.press(step)
            await pilot.pause()
        # A blinking cursor would make the picture depend on timing.
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False
        # The footer redraws a moment after the keys change (quizgame.tui.widgets.footer).
        await pilot.pause(FOOTER_DELAY * 3)
        await pilot.pause()

    return run_before


@pytest.fixture
def quiz(make_config, harbour, clock):
    def make(**changes: object):
        options = SessionOptions(seed=3, shuffle_questions=False, shuffle_choices=False, **changes)
        return create_app(make_config(start_pack=harbour, options=options))

    return make


def test_home(snap_compare, make_config, harbour, clock) -> None:
    broken = FIXTURES / "broken" / "broken.yaml"
    with pytest.raises(PackError) as error:
        load_pack(broken, cache=False)
    entries = [
        PackEntry(path=harbour.path, origin="built-in", pack=harbour, problems=[]),
        PackEntry(path=broken, origin="user", pack=None, problems=error.value.problems),
    ]
    app = create_app(make_config(find_packs=lambda dirs: entries))
    assert snap_compare(app, run_before=steps(clock))


def test_question_short_with_countdown(snap_compare, quiz, clock) -> None:
    app = quiz(time_limit=30)
    assert snap_compare(app, run_before=steps(clock, 12, ("type", "Hamb")))


def test_question_single(snap_compare, quiz, clock) -> None:
    app = quiz()
    assert snap_compare(app, run_before=steps(clock, HAMBURG, "enter", 9, "enter"))


def test_question_true_false_with_hint(snap_compare, quiz, clock) -> None:
    app = quiz()
    assert snap_compare(app, run_before=steps(clock, HAMBURG, "enter", "enter", "2", "enter", "h"))


def test_question_multiple_one_ticked(snap_compare, quiz, clock) -> None:
    app = quiz(sections=("talks",))
    assert snap_compare(app, run_before=steps(clock, "2", "enter", "t", "enter", "1"))


def test_feedback_right_typo_accepted(snap_compare, quiz, clock) -> None:
    app = quiz()
    assert snap_compare(app, run_before=steps(clock, 7, ("type", "Hamburgg"), "enter"))


def test_feedback_wrong(snap_compare, quiz, clock) -> None:
    app = quiz(sections=("talks",))
    assert snap_compare(app, run_before=steps(clock, 5, "1"))


def test_feedback_time_up(snap_compare, quiz, clock) -> None:
    app = quiz(sections=("talks",), time_limit=10)
    assert snap_compare(app, run_before=steps(clock, 11, 0.1))


def test_source_view(snap_compare, quiz, clock) -> None:
    app = quiz(sections=("talks",))
    assert snap_compare(app, run_before=steps(clock, "2", "s"))


def test_results(snap_compare, quiz, clock) -> None:
    app = quiz()
    plan = (12, HAMBURG, "enter", "enter", 5, "1", "enter", 9, "t", "enter", 20, "1", "enter", "enter")
    assert snap_compare(app, run_before=steps(clock, *plan, "enter"))


def test_help(snap_compare, quiz, clock) -> None:
    app = quiz(sections=("talks",))
    assert snap_compare(app, run_before=steps(clock, "question_mark"))


def test_quit_confirm(snap_compare, quiz, clock) -> None:
    app = quiz(sections=("talks",))
    assert snap_compare(app, run_before=steps(clock, "ctrl+q"))


def test_too_small(snap_compare, quiz, clock) -> None:
    app = quiz()
    assert snap_compare(app, terminal_size=(50, 15), run_before=steps(clock))


def test_compact_question_60x18(snap_compare, quiz, clock) -> None:
    app = quiz(sections=("talks",), time_limit=30)
    assert snap_compare(app, terminal_size=(60, 18), run_before=steps(clock))


def test_compact_feedback_60x18(snap_compare, quiz, clock) -> None:
    app = quiz(sections=("talks",))
    assert snap_compare(app, terminal_size=(60, 18), run_before=steps(clock, "1"))


def test_compact_home_60x18(snap_compare, make_config, harbour, clock) -> None:
    entries = [PackEntry(path=harbour.path, origin="built-in", pack=harbour, problems=[])]
    app = create_app(make_config(find_packs=lambda dirs: entries))
    assert snap_compare(app, terminal_size=(60, 18), run_before=steps(clock))


def test_first_run_asks_the_name(snap_compare, make_config, harbour, clock) -> None:
    entries = [PackEntry(path=harbour.path, origin="built-in", pack=harbour, problems=[])]
    app = create_app(make_config(player="", find_packs=lambda dirs: entries))
    assert snap_compare(app, run_before=steps(clock, ("type", "Eve")))


def test_first_run_of_play_asks_the_name_over_the_question(snap_compare, quiz, make_config, harbour, clock) -> None:
    options = SessionOptions(seed=3, shuffle_questions=False, shuffle_choices=False)
    app = create_app(make_config(player="", start_pack=harbour, options=options))
    assert snap_compare(app, terminal_size=(60, 18), run_before=steps(clock))


def test_home_tags_picked(snap_compare, make_config, harbour, clock) -> None:
    entries = [PackEntry(path=harbour.path, origin="built-in", pack=harbour, problems=[])]
    app = create_app(make_config(find_packs=lambda dirs: entries))

    async def pick(pilot: Pilot) -> None:
        await steps(clock)(pilot)
        await pilot.click("#tags")
        await steps(clock, "down", "space")(pilot)

    assert snap_compare(app, run_before=pick)


def test_feedback_multiple_wrong_pick_and_missed(snap_compare, quiz, clock) -> None:
    app = quiz(sections=("talks",))
    assert snap_compare(app, run_before=steps(clock, "2", "enter", "t", "enter", "1", "2", "enter"))


def test_compact_results_60x18(snap_compare, quiz, clock) -> None:
    app = quiz(sections=("talks",))
    plan = (5, "2", "enter", 9, "f", "enter", 20, "1", "enter", "enter")
    assert snap_compare(app, terminal_size=(60, 18), run_before=steps(clock, *plan, "enter"))


def test_compact_feedback_more_below_60x18(snap_compare, quiz, clock) -> None:
    app = quiz(sections=("talks",))
    plan = ("2", "enter", "t", "enter", "1", "2", "enter")
    assert snap_compare(app, terminal_size=(60, 18), run_before=steps(clock, *plan))
