"""The feedback on an answer, as a player reads it: what was wrong in a partly right answer,
a forgiven typo in words, lines that stay aligned, and the quote set apart without extra marks."""

from __future__ import annotations

from quizgame.engine import SessionOptions
from quizgame.tui.app import create_app

from .helpers import keys_to_type, screen_grid, screen_text, telling


def _app(make_config, harbour, *ids: str):
    options = SessionOptions(seed=3, shuffle_questions=False, shuffle_choices=False, question_ids=ids)
    return create_app(make_config(start_pack=harbour, options=options))


async def test_a_multiple_answer_names_the_wrong_pick_and_the_missed_one(make_config, harbour) -> None:
    app = _app(make_config, harbour, "agreed")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        # A ceasefire (right), New sanctions (wrong); A start on Sunday is missed.
        await pilot.press("1", "2", "enter")
        await pilot.pause(0.1)
        assert telling(app)
        text = screen_text(app)
        assert "✘ ticked, not right: New sanctions" in text
        assert "○ right, not ticked: A start on Sunday" in text


async def test_a_forgiven_typo_is_said_in_words(make_config, harbour) -> None:
    app = _app(make_config, harbour, "city")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*keys_to_type("Hamburgg"), "enter")
        await pilot.pause(0.1)
        assert telling(app)
        assert "accepted, with one typo: Hamburg" in screen_text(app)


async def test_a_wrapped_answer_stays_aligned_with_itself(make_config, harbour) -> None:
    app = _app(make_config, harbour, "city")
    typed = "a port city somewhere on the river Elbe in the north of Germany I believe"
    async with app.run_test(size=(60, 18)) as pilot:
        await pilot.pause()
        await pilot.press(*keys_to_type(typed), "enter")
        await pilot.pause(0.1)
        assert telling(app)
        lines = screen_grid(app)
        first = next(i for i, line in enumerate(lines) if "Your answer:" in line)
        column = lines[first].index("a port")
        wrapped = lines[first + 1]
        # The rest of the answer starts under its first word, not under the label.
        assert wrapped[:column].strip() == "" and wrapped[column] != " ", lines[first : first + 2]
        assert lines[first + 2].index("Right answer:") == lines[first].index("Your answer:")


async def test_the_quote_has_no_marks_of_its_own_and_no_section_in_its_attribution(make_config, harbour) -> None:
    app = _app(make_config, harbour, "robust")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause(0.1)
        assert telling(app)
        text = screen_text(app)
        assert 'Aides said the talks were "very robust".' in text
        assert "“Aides" not in text and "robust\".”" not in text
        attribution = next(line for line in text.splitlines() if "— Ann Writer" in line)
        assert attribution.rstrip(" ▎▌│┃").endswith("The Daily Test (Briefing), 7 July 2017")
        assert "What the leaders said" not in attribution


async def test_at_60x18_a_hint_says_there_is_more_below_until_it_is_seen(make_config, harbour) -> None:
    app = _app(make_config, harbour, "agreed")
    async with app.run_test(size=(60, 18)) as pilot:
        await pilot.pause()
        await pilot.press("1", "2", "enter")
        await pilot.pause(0.1)
        await pilot.pause()
        assert telling(app)
        body = app.screen.query_one("#feedback-body")
        assert body.max_scroll_y > 0  # the quote is below the fold
        assert "▼ more below" in screen_text(app)
        await pilot.press("end")
        await pilot.pause()
        await pilot.pause()
        assert body.scroll_y == body.max_scroll_y
        assert "▼ more below" not in screen_text(app)
    # With room for all of it, no hint.
    app = _app(make_config, harbour, "agreed")
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.pause()
        await pilot.press("1", "2", "enter")
        await pilot.pause(0.1)
        await pilot.pause()
        assert telling(app) and "▼ more below" not in screen_text(app)
