"""A quiz under way: each question, then (in practice mode) the feedback on the answer.

One screen for the whole session. While a question is asked, its feedback is already built,
hidden; answering only fills in the verdict and swaps which one shows, so the verdict is on
screen at once rather than after a new screen has been composed.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal

from textual import events, on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.timer import Timer
from textual.widget import AwaitMount, Widget
from textual.widgets import Button, Input, OptionList

from quizgame.tui import messages
from quizgame.tui.screens.base import GameScreen, sheet, too_small_now
from quizgame.tui.widgets.ask import HowLine, QuestionView, SubmitLink
from quizgame.tui.widgets.literal import Plain, lit
from quizgame.tui.widgets.status import StatusLine
from quizgame.tui.wording import bar, countdown, number

if TYPE_CHECKING:
    from quizgame.engine import AnswerResult, PreparedQuestion
    from quizgame.engine.feed import QuizFeed
    from quizgame.tui.widgets.checklist import Checklist
    from quizgame.tui.widgets.feedback import FeedbackView

# Once a question is on screen and the player is reading it: collect what the last one left
# behind, then freeze the survivors, so no full collection (tens of milliseconds with the
# whole app alive) can fall on the key press that answers.
_TIDY_AFTER = 0.1


def _tidy_memory() -> None:
    gc.collect()
    gc.freeze()


# Long enough for the verdict line to reach the terminal before the full feedback is built.
_FEEDBACK_AFTER = 0.02

_ANSWER = Binding.Group("Answer", compact=True)
_TICK = Binding.Group("Tick", compact=True)


def _choice_bindings() -> list[Binding]:
    # The same keys answer a single-choice question and tick a choice of a multiple one;
    # check_action keeps only the pair that fits the question (and the footer shows it).
    bindings = []
    for n in range(1, 10):
        key = str(n)
        choose = Binding(
            key, f"choose({n})", f"Answer {n}", group=_ANSWER, id=f"question.choice{n}", priority=True,
            tooltip="Answer with that choice",
        )
        tick = Binding(
            key, f"tick({n})", f"Tick {n}", group=_TICK, id=f"question.tick{n}", priority=True,
            tooltip="Tick or untick that choice",
        )
        bindings += [choose, tick]
    return bindings


# What each action needs: the question on screen, or the feedback.
_ASKING = {"choose", "tick", "true_false", "submit", "hint", "no_hint", "leave_field"}
_TELLING = {"next", "source"}


class QuizScreen(GameScreen):
    DEFAULT_CSS = sheet("quiz.tcss")
    # Players take turns at this screen: a hot-seat game (quizgame.tui.screens.hotseat).
    takes_turns = False
    # The keys that pick a choice are priority bindings: they act as the key arrives, instead
    # of after it has bubbled up through every widget from the focused one (a millisecond of
    # the key press). A text field still gets them as letters: Textual leaves out the
    # bindings of keys the focused widget consumes. The cost: a choice key pressed within
    # that millisecond of an Enter still on its way counts first; only a burst of keys is
    # that fast. The other keys wait their turn: Enter, h and escape mean something to the
    # focused widget first.
    BINDINGS = [
        *_choice_bindings(),
        Binding("t", "true_false(True)", "True", id="question.true", priority=True, tooltip="Answer true"),
        Binding("f", "true_false(False)", "False", id="question.false", priority=True, tooltip="Answer false"),
        Binding("enter", "submit", "Submit", id="question.submit", tooltip="Answer with the choices ticked"),
        Binding("h,f2", "hint", "Hint", id="question.hint", tooltip="Show the hint"),
        # The same keys on a question without a hint, to say so rather than do nothing (no id:
        # not a key the help lists).
        Binding("h,f2", "no_hint", "Hint", show=False),
        Binding("escape", "leave_field", "Leave the field", show=False, id="question.leave"),
        Binding("enter", "next", "Next", id="feedback.next", tooltip="On to the next question"),
        Binding("s", "source", "Source", id="feedback.source", tooltip="Open the source text at the quote"),
    ]

    def __init__(self, session: QuizFeed, *, tick: float = 0.2, held: bool = False) -> None:
        """`session` is what feeds the screen: a QuizSession, or a classroom's remote
        session (quizgame.engine.feed). `held`: show the first question but start nothing
        (its clock, answering) until release(): the app is still asking whether this
        session is to be played at all."""
        super().__init__()
        self._held = held
        self._asked = False
        self._early: object | None = None
        self.session = session
        if session.current is None:
            raise ValueError("the session has no question left to show")
        self.question: PreparedQuestion = session.current
        self.result: AnswerResult | None = None
        # "answered": between an answer and the app's word on what comes next; "retired":
        # the app has moved on to another screen.
        self.showing: Literal["question", "answered", "feedback", "retired"] = "question"
        self._tick_every = tick
        self._timer: Timer | None = None
        self._feedback: FeedbackView | None = None
        self._feedback_mounted: AwaitMount | None = None
        # Why the question is out of sight now: "covered" by a screen over this one (help,
        # the quit dialog, the command palette), "small" (the terminal is too small).
        self._hidden_by: set[str] = set()
        # An exam's last time-up, said again under the "too small" message, where no
        # notice can be seen.
        self._time_up_note: Content | None = None

    @property
    def kind(self) -> str:
        return self.question.question.type

    # -- layout ----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        # The top line of every screen, with the pack's title: no Textual Header (a line, and
        # a widget's stylesheet on the first paint, saved).
        yield StatusLine(self.pack_line(), id="status")
        yield Plain(id="section")
        # Then what is asked or told (a question, its feedback), mounted in its turn by
        # show_pane(): straight on the screen, as every container between the screen and a
        # key's widget is one more step for the key and one more widget drawn on each change.
        # Under the question, the keys that answer it, then its verdict.
        yield HowLine(classes="-off", id="how")
        # The footer's line, kept from the first paint; the keys come a frame later, as
        # Textual's own Footer shows them (it composes its keys after the first refresh).
        yield Vertical(id="footer-slot")  # a container: blank until the footer is in it

    def pack_line(self) -> str:
        return self.session.pack.title

    async def on_mount(self) -> None:
        await self.begin()
        self.call_after_refresh(self._add_footer)

    def _add_footer(self) -> None:
        # Imported and mounted once the question is drawn: Footer's stylesheet and widgets
        # are not part of the first paint.
        from quizgame.tui.widgets.footer import KeysFooter

        if not self.is_attached:
            return  # quit or left before that refresh came (a busy machine): no footer to add
        self.query_one("#footer-slot").mount(KeysFooter())

    async def begin(self) -> None:
        """What shows first. (Textual calls every class's on_mount, so a subclass that
        starts differently overrides this instead.)"""
        await self._ask(self.question)

    def _show_status(self) -> None:
        session, q = self.session, self.question
        progress = Content.styled(f"Question {q.number} of {session.total}", "bold")
        detail = None
        if session.mode == "exam":
            # No score until the end of an exam: it would tell right from wrong. What that
            # means is said while there is room beside the whole title.
            progress = Content.assemble(progress, "  ·  Exam")
            detail = Content(": answers and score at the end")
        else:
            score = f"Score {number(session.score)}"
            if session.max_score:
                score += f" of {number(session.max_score)}"
            progress = Content.assemble(progress, "  ·  ", score)
            if session.standing:
                progress = Content.assemble(progress, "  ·  ", Content(session.standing))
        self.query_one(StatusLine).show(progress, detail)
        self.query_one("#section", Plain).show(
            Content.assemble(("Section: ", "$foreground-muted"), lit(q.section.title))
        )

    async def show_pane(self, pane: Widget) -> bool:
        """Put `pane` where the question goes, in place of what was there. False when the
        screen went away meanwhile (the game left: a closed terminal, say), with nothing shown."""
        await self.remove_children(".pane")
        if not self.is_attached:
            return False
        pane.add_class("pane")
        await self.mount(pane, after="#section")
        return True

    async def _ask(self, prepared: PreparedQuestion) -> None:
        self.question, self.result, self.showing = prepared, None, "question"
        self._feedback = self._feedback_mounted = None
        if not await self.show_pane(QuestionView(prepared, id="question", classes="body")):
            return
        self.query_one(HowLine).show_keys(prepared)
        # The feedback is built (hidden) once the question is on screen, not before it; a
        # remote session's answer key comes later, and its feedback with it.
        if self.session.mode != "exam" and self.session.key_ahead:
            self.call_after_refresh(self._build_feedback, prepared)
        self._show_status()
        self.query_one(QuestionView).answer_widget.focus()
        self.refresh_bindings()
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if prepared.time_limit is None:
            self.query_one(StatusLine).show_countdown(None)
        self._asked = True
        if not self._held:
            self._start_clock()

    def _start_clock(self) -> None:
        prepared = self.question
        self.session.show_current()
        if self._hidden_by:
            self.session.hide()
        if prepared.time_limit is not None:
            self._tick()
            self._timer = self.set_interval(self._tick_every, self._tick)
        self.post_message(
            messages.QuestionShown(self.session, prepared, self.session.question_clock())  # type: ignore[arg-type]
        )
        self.set_timer(_TIDY_AFTER, _tidy_memory)

    @property
    def held(self) -> bool:
        return self._held

    def release(self) -> None:
        """The app's word that this session is played: the question on screen starts its
        clock and takes answers (now, or as soon as it is on screen); an answer given while
        held counts now."""
        if not self._held:
            return
        self._held = False
        response, self._early = self._early, None
        if self._asked:
            self._start_clock()
            if response is not None:
                self.answer(response)

    def retire(self) -> None:
        # No clock, no answer, no feedback from here on; a held session is never released.
        self.showing = "retired"
        self._held = False
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    async def next_question(self) -> None:
        """Called by the app when there is another question to ask."""
        current = self.session.current
        if current is None:
            raise ValueError("the session has no question left to show")
        await self._ask(current)

    def show_feedback(self, result: AnswerResult, revealed: PreparedQuestion | None = None) -> None:
        """Called by the app after an answer, in practice mode. `revealed`: the question
        filled in with its answer key, when that came only with the verdict."""
        from quizgame.tui.widgets.feedback import verdict_line

        if revealed is not None:
            if self._feedback is not None:
                self._feedback.remove()
            self.question = revealed
            self._feedback = self._feedback_mounted = None
        self.showing = "answered"
        self.result = result
        # The verdict at once, in the line under the question; the whole feedback (a new
        # layout, every widget drawn: a few tens of milliseconds) once that line is out.
        self.query_one(HowLine).show_verdict(*verdict_line(result))
        self.set_timer(_FEEDBACK_AFTER, lambda: self._show_full_feedback(result))

    def _build_feedback(self, prepared: PreparedQuestion) -> None:
        if self._feedback is not None or self.question is not prepared or not self.is_attached:
            return
        if self.showing not in ("question", "answered"):
            return
        # Imported once the question is on screen: not part of the first paint.
        from quizgame.tui.widgets.feedback import FeedbackView

        feedback = FeedbackView(
            self.session.pack,
            prepared,
            last=prepared.number == self.session.total,
            host_paced=self.session.host_paced,
            id="feedback",
        )
        feedback.display = False
        feedback.add_class("pane")
        self._feedback = feedback
        self._feedback_mounted = self.mount(feedback, after="#question")

    async def _show_full_feedback(self, result: AnswerResult) -> None:
        if self.result is not result or self.showing != "answered" or not self.is_attached:
            return  # moved on meanwhile (time's up on the next question, or leaving)
        self._build_feedback(self.question)  # answered before it was built
        if self._feedback_mounted is not None:
            await self._feedback_mounted
        if self.result is not result or self.showing != "answered" or self._feedback is None:
            return
        self.showing = "feedback"
        feedback = self._feedback
        feedback.show_result(result)
        self.query_one(QuestionView).display = False
        self.query_one(HowLine).hide()
        feedback.display = True
        self.query_one(StatusLine).show_countdown(None)
        self._show_status()
        self.refresh_bindings()  # Next and Source, now that the feedback shows
        # Focus moves after the verdict is drawn: a focus change restyles the focused
        # widget's whole subtree and the footer, which would delay the verdict.
        self.set_focus(None)
        self.call_after_refresh(self.query_one("#feedback-body").focus)

    def commands(self) -> Iterable[SystemCommand]:
        if self.showing == "feedback":
            yield SystemCommand("Show source", "Open the source text at this quote", self.action_source)
        elif self.question.question.hint:
            yield SystemCommand("Show hint", "Show this question's hint", self.action_hint)

    # -- the countdown ---------------------------------------------------------------------

    # The session decides what hiding does to the clock: in practice it stops, in an exam it
    # runs on (QuizSession.hide).

    def size_changed(self, tiny: bool) -> None:
        self._hide_for("small", tiny)
        self._tick()

    def on_screen_suspend(self, event: events.ScreenSuspend) -> None:
        self._hide_for("covered", True)

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        # Resized while covered, this screen had no Resize of its own: look at the size now.
        self._hide_for("small", too_small_now(self))
        self._hide_for("covered", False)

    def _hide_for(self, reason: str, hidden: bool) -> None:
        was_hidden = bool(self._hidden_by)
        if hidden:
            self._hidden_by.add(reason)
        else:
            self._hidden_by.discard(reason)
        if self.showing != "question" or self._held or not self._asked:
            return
        if self._hidden_by and not was_hidden:
            self.session.hide()
        elif was_hidden and not self._hidden_by and self.session.unhide():
            clock = self.session.question_clock()
            if clock is not None:
                self.post_message(messages.ClockMoved(self.session, clock))  # type: ignore[arg-type]

    def _tick(self) -> None:
        if self.showing != "question" or self._held:
            return
        remaining = self.session.remaining_time()
        if remaining is None:
            return
        limit = max(self.question.time_limit or 1, remaining)
        text = f"{countdown(remaining)} {bar(round(remaining * 10), round(limit * 10), 10)}"
        low = remaining <= min(5, limit / 4)
        self.query_one(StatusLine).show_countdown(text, low=low)
        if "small" in self._hidden_by:
            self.show_beside_size_message(self._clock_note(text))
        if remaining <= 0:
            self._time_up()

    def _clock_note(self, countdown_text: str) -> Content:
        """Under the "too small" message: the question's clock, which the player cannot see."""
        where = f"Question {self.question.number} of {self.session.total}"
        if self.session.mode == "exam":
            note = Content.assemble(
                Content.styled(f"{where}: {countdown_text}", "bold"),
                "\nIn an exam the clock runs on meanwhile.",
            )
            if self._time_up_note is not None:
                note = Content.assemble(self._time_up_note, "\n", note)
            return note
        return Content(f"{where}: the clock is paused until the question shows again.")

    def _time_up(self) -> None:
        typed = None
        if self.kind == "short":
            typed = self.query_one("#answer", Input).value
        result = self.session.time_out(typed)  # type: ignore[call-arg]
        if result is None:
            self._sent(Content("⌛ Time's up"))
            return
        if self.session.mode == "exam":
            # No feedback follows in an exam: without this the next question would simply
            # replace this one.
            where = f"question {self.question.number}"
            if result.timed_out:
                note = Content(f"⌛ Time's up on {where}: no answer given.")
            else:
                note = Content.assemble(
                    f"⌛ Time's up on {where}: your typed answer “",
                    lit(result.response_text),
                    "” was taken.",
                )
            self.notify(note, title="Time's up", severity="warning", timeout=6)
            self._time_up_note = note
        self._finish(result)

    # -- answering -------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if super().check_action(action, parameters) is False:
            return False
        if action in _ASKING and self.showing != "question":
            return False
        if action == "source":
            # A remote session has the quote but not the whole source text.
            return self.showing == "feedback" and bool(self.session.pack.source_text)
        if action == "next" and self.session.host_paced:
            return False  # the host moves the game on; the feedback says so
        if action in _TELLING:
            return self.showing == "feedback"
        if action in ("choose", "tick"):
            n = int(parameters[0])  # type: ignore[arg-type]
            kind = "single" if action == "choose" else "multiple"
            return self.kind == kind and n <= len(self.question.choices)
        if action == "true_false":
            return self.kind == "true_false"
        if action == "submit":
            return self.kind == "multiple"
        if action == "hint":
            return self.question.question.hint is not None
        if action == "no_hint":
            return self.question.question.hint is None
        if action == "leave_field":
            return self.kind == "short"
        return True

    def _sent(self, line: Content) -> None:
        """The answer went to the host; the verdict comes later."""
        self.showing = "answered"
        self.refresh_bindings()
        self.query_one(HowLine).show_verdict(line, "")
        self.post_message(messages.AnswerSent(self.session, self.question))

    def show_locked(self) -> None:
        """The host has the answer, committed."""
        if self.showing == "answered":
            self.query_one(HowLine).show_verdict(Content.styled("✔ Answer locked in", "bold"), "")

    def show_line(self, line: Content) -> None:
        """A word from the host under the question (paused, waiting for the others)."""
        self.query_one(HowLine).show_verdict(line, "")

    def _finish(self, result: AnswerResult) -> None:
        self.showing = "answered"
        self.result = result
        self.refresh_bindings()
        self.post_message(messages.AnswerSubmitted(self.session, self.question, result))

    def answer(self, response: object) -> None:
        """Give `response` to the engine, once."""
        from quizgame.engine import EngineError

        if self.showing != "question":
            return
        if self._held:
            # Pressed while the app still looks for an unfinished quiz: given on release().
            self._early = response
            return
        try:
            result = self.session.answer(response)
        except EngineError as error:
            self.notify(lit(str(error)), severity="error")
            return
        self._time_up_note = None
        if result is None:
            self._sent(Content.styled("Answer sent…", "bold"))
        else:
            self._finish(result)

    def action_choose(self, n: int) -> None:
        self.answer(self.question.choices[n - 1])

    def action_tick(self, n: int) -> None:
        self._checklist().toggle(self.question.choices[n - 1])

    def action_true_false(self, value: bool) -> None:
        self.answer(value)

    def action_submit(self) -> None:
        if self.kind == "multiple":
            chosen = self._checklist().selected
            if not chosen:
                self.notify("Tick at least one choice first.", severity="warning", markup=False)
                return
            self.answer(frozenset(chosen))
        elif self.kind == "short":
            self._submit_text(self.query_one("#answer", Input).value)

    def action_hint(self) -> None:
        self.query_one(QuestionView).show_hint()

    def action_no_hint(self) -> None:
        self.notify("No hint for this question.", markup=False, timeout=3)

    def action_leave_field(self) -> None:
        self.set_focus(None)

    def action_next(self) -> None:
        if self.showing == "feedback":
            self.showing = "answered"  # one Enter, one step
            self.post_message(messages.FeedbackDone(self.session))

    def action_source(self) -> None:
        from quizgame.tui.screens.source import SourceScreen

        self.app.push_screen(SourceScreen(self.session.pack, self.question.question.id))

    def _submit_text(self, text: str) -> None:
        if not text.strip():
            self.notify("Type an answer first.", severity="warning", markup=False)
            return
        self.answer(text)

    @on(OptionList.OptionSelected, "#choices")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        if self.kind == "true_false":
            self.answer(event.option.id == "true")
        else:
            self.answer(self.question.choices[event.option_index])

    @on(Input.Submitted, "#answer")
    def _typed(self, event: Input.Submitted) -> None:
        self._submit_text(event.value)

    @on(SubmitLink.Pressed, "#submit")
    def _submit_pressed(self) -> None:
        self.action_submit()

    # By name rather than @on(Checklist.Submitted): the checklist's module is imported only
    # once a multiple-choice question is asked, not on the way to the first paint.
    def on_checklist_submitted(self, event: Checklist.Submitted) -> None:
        if event.control.id == "choices":
            self.action_submit()

    def _checklist(self) -> Checklist:
        from quizgame.tui.widgets.checklist import Checklist

        return self.query_one("#choices", Checklist)

    @on(Button.Pressed, "#next")
    def _next_pressed(self) -> None:
        self.action_next()
