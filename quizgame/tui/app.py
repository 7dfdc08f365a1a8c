"""The game in the terminal: the app, the flow from screen to screen, and the factory.

Screens post messages up (an answer was given, the feedback was read); the app decides what
comes next and hands screens the session they show (attributes down).
"""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from textual import on
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen

from quizgame.safe_text import safe_text
from quizgame.tui import messages
from quizgame.tui.config import AppConfig
from quizgame.tui.screens.base import HORIZONTAL, VERTICAL, GameScreen, too_small
from quizgame.tui.widgets.literal import lit, safe

if TYPE_CHECKING:
    from textual.driver import Driver

    from quizgame.tui.config import Recorder
    from quizgame.engine import QuizSession, SessionOptions
    from quizgame.engine.game import HotSeatGame
    from quizgame.packs import LoadedPack
    from quizgame.saving import ResumeOffer
    from quizgame.tui.screens.hotseat import HotSeatScreen
    from quizgame.tui.screens.quiz import QuizScreen


# Time enough for the frame that follows an answer (the verdict, the next question) to be
# drawn before its answer is written. A timer, because Textual's call_after_refresh can run
# before a change made just now has been drawn (it follows the screen's state, not the
# widgets' pending repaints).
_SAVE_AFTER = 0.01


def _collect_from_here() -> None:
    gc.freeze()
    gc.enable()


class QuizApp(App[int]):
    CSS_PATH = "app.tcss"
    TITLE = "quizgame"
    HORIZONTAL_BREAKPOINTS = HORIZONTAL
    VERTICAL_BREAKPOINTS = VERTICAL
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", id="app.quit", priority=True),
        Binding("question_mark,f1", "help", "Keys", id="app.help"),
    ]

    # (message, answers waiting) while results cannot be saved; None when all is well.
    save_problem: reactive[tuple[str, int] | None] = reactive(None, init=False)

    def __init__(self, config: AppConfig) -> None:
        super().__init__()
        self.config = config
        self.player = config.player
        self.session: QuizSession | None = None
        self.game: HotSeatGame | None = None
        if config.theme:
            self.theme = config.theme

    # -- screens ---------------------------------------------------------------------------

    # The game's main screen (the home screen, a quiz, its results...) has the modals above
    # it. The first one is Textual's default screen, so that `play` draws its first question
    # at once: a blank default screen with the question pushed over it costs the first paint
    # tens of milliseconds. Textual never replaces the default screen (switch_screen() only
    # replaces a screen that was pushed), so when the first main screen is done with it stays
    # at the bottom of the stack, retired, and every later main screen is pushed over it.

    _first_retired = False

    def get_default_screen(self) -> Screen:
        return self._first_screen()

    @property
    def main_screen(self) -> Screen | None:
        """The main screen now in use: the lowest on the stack, once the first is retired
        the one above it."""
        stack = self.screen_stack
        lowest = 1 if self._first_retired else 0
        return stack[lowest] if len(stack) > lowest else None

    def _first_screen(self) -> Screen:
        config = self.config
        if config.start_pack is not None and config.options is not None:
            from quizgame.engine import EngineError, QuizSession
            from quizgame.tui.screens.quiz import QuizScreen

            try:
                session = QuizSession(config.start_pack, config.options, clock=config.clock)
            except EngineError as error:  # the options fit no question: `play` checks first
                self._start_problem = str(error)
            else:
                # Held: nothing of this session starts until the app knows it is played
                # (see _resume_or_begin).
                self._started_from = "command"
                return QuizScreen(session, tick=config.tick, held=True)
        return self._home_screen()

    _start_problem: str | None = None
    # Where the solo quiz being played was set up, for the teacher's reports: "command"
    # (the options on the command line) or "home" (the home screen). A retry keeps it.
    _started_from = "home"

    def on_load(self) -> None:
        # Before the terminal is set up: a signal that came while Textual was starting
        # ends the app before it takes the terminal over.
        if self.config.handle_signals:
            self._handle_signals()

    async def on_mount(self) -> None:
        config = self.config
        if config.recorder is not None or config.open_recorder is not None:
            self.set_interval(config.status_every, self._check_saving)
        if self._start_problem is not None:
            self.notify(lit(self._start_problem), title="Can't start", severity="error")
        # `play` starts with garbage collection off (quizgame.commands.play); once the
        # first screen is drawn it is needed again. What start-up built lives as long as
        # the app: frozen first, it is never traversed again, and the first collections
        # (which would otherwise go through all of it, tens of milliseconds) stay small.
        self.call_after_refresh(_collect_from_here)
        first = self._quiz_screen_held()
        if first is None:
            self._read_settings()  # the home screen has read them already, to show them
        if config.open_recorder is not None:
            self.call_after_refresh(self._after_first_paint, first)
        elif first is not None:
            self._after_first_paint(first)

    def _after_first_paint(self, first: QuizScreen | None) -> None:
        self._recorder()  # opened now, once the first screen is drawn, not during start-up
        if first is None:
            return
        self._read_settings()
        if not self.player:
            # The first run: the question is on screen, held, while the player gives a name.
            self.ask_name("the home screen", lambda: self._begin_first(first))
            return
        self._begin_first(first)

    def _begin_first(self, first: QuizScreen) -> None:
        if not first.is_attached:
            return
        if not self.player:  # the player went back rather than give a name
            self.run_worker(self._show_main(self._home_screen()), group="home")
            return
        recorder = self._recorder()
        if recorder is None:
            self._began(first.session)
            first.release()
        else:
            # The question is on screen; the lookup runs on the saver's thread meanwhile.
            self.run_worker(self._resume_or_begin(first), group="resume")

    def _recorder(self) -> Recorder | None:
        """The recorder, opened the first time it is needed if it is opened on demand."""
        config = self.config
        if config.recorder is None and config.open_recorder is not None:
            opener, config.open_recorder = config.open_recorder, None
            config.recorder = opener()
        return config.recorder

    def _quiz_screen_held(self) -> QuizScreen | None:
        from quizgame.tui.screens.quiz import QuizScreen

        main = self.main_screen
        return main if isinstance(main, QuizScreen) and main.held else None

    async def _resume_or_begin(self, first: QuizScreen) -> None:
        """The `play` session on screen begins, unless the player would rather resume the
        quiz they left unfinished under the same conditions."""
        config = self.config
        session = first.session
        offer = await self._resumable(session.pack, session.options, self.player, config.seed_fixed)
        if not (first.is_attached and first.held):
            return  # the player has gone elsewhere meanwhile (the home screen)
        if offer is None:
            self._began(session)
            first.release()
            return
        # Either way a fresh screen: whatever was pressed on the held one before the offer
        # came up does not count.
        await self._offer_resume(offer, session)

    async def _offer_resume(self, offer: ResumeOffer, session: QuizSession) -> None:
        """Resume `offer`, start `session` afresh, or go back to the home screen and start
        nothing: the player's choice."""
        from quizgame.tui.screens.resume import ResumeScreen

        async def chosen(resume: bool | None) -> None:
            if resume is None:
                await self._show_main(self._home_screen())
            elif resume:
                await self._play(offer.session, resumed=offer)
            else:
                await self._play(session)

        await self.push_screen(ResumeScreen(offer), chosen)

    # -- the player's name and what is remembered ------------------------------------------

    # Asked once a run: a player who went back from the question is not asked again at once.
    name_asked = False

    def ask_name(self, later: str, then: Callable[[], object]) -> None:
        """Ask the player's name (the first run), remember it, then call `then`, which finds
        `self.player` still "" if the player went back instead."""
        from quizgame.tui.screens.name import NameScreen

        self.name_asked = True

        def given(name: str | None) -> None:
            if name:
                self.player = name
                self.remember(player=name)
            then()

        self.push_screen(NameScreen(later), given)

    _settings_read = False

    def _read_settings(self) -> None:
        """The name given last time, if none was given for this game, and what was wrong with
        the settings file. `play` comes here only once its first question is drawn."""
        file = self.config.settings
        if file is None or self._settings_read:
            return
        self._settings_read = True
        if file.problem:
            self.notify(file.problem, title="Settings", severity="warning", markup=False)
        if not self.player:
            self.player = file.settings.player

    def remember(self, **changes: object) -> None:
        """Keep these settings for next time; a file that cannot be written is said, once."""
        file = self.config.settings
        if file is None:
            return
        problem = file.save(file.settings.replace(**changes))
        if problem is not None:
            self.notify(problem, title="Settings not saved", severity="warning", markup=False)

    def _home_screen(self) -> Screen:
        from quizgame.tui.screens.home import HomeScreen

        return HomeScreen(self.config, self.player)

    def _question_screen(self, session: QuizSession) -> Screen:
        from quizgame.tui.screens.quiz import QuizScreen

        return QuizScreen(session, tick=self.config.tick)

    async def _show_main(self, screen: Screen) -> None:
        """Replace the main screen, closing anything open above it first."""
        main = self.main_screen
        while self.screen is not main:
            await self.pop_screen()
        if self._first_retired:
            await self.switch_screen(screen)
            return
        self._first_retired = True
        if isinstance(main, GameScreen):
            main.retire()
        await self.push_screen(screen)

    # -- the flow of a quiz ----------------------------------------------------------------

    def _began(self, session: QuizSession, resumed: ResumeOffer | None = None) -> None:
        self.session = session
        self.game = None
        recorder = self._recorder()
        if recorder is not None:
            if resumed is not None:
                recorder.resume(session, resumed.session_id)
            else:
                recorder.start(
                    session, self.player, started_from=self._started_from, until_answered=True
                )
        self.post_message(messages.QuizStarted(session, self.player))

    async def start_quiz(
        self, pack: LoadedPack, options: SessionOptions, player: str, *, seed_fixed: bool = False
    ) -> None:
        """A solo quiz; first, if this player left one unfinished under the same conditions,
        the choice to resume it."""
        from quizgame.engine import EngineError, QuizSession

        self.player = player
        self._started_from = "home"
        try:
            session = QuizSession(pack, options, clock=self.config.clock)
        except EngineError as error:
            self.notify(lit(str(error)), title="Can't start", severity="error")
            return
        offer = await self._resumable(pack, options, player, seed_fixed)
        if offer is None:
            await self._play(session)
            return
        await self._show_main(self._blank_screen())
        await self._offer_resume(offer, session)

    async def _play(self, session: QuizSession, resumed: ResumeOffer | None = None) -> None:
        self._began(session, resumed)
        if session.finished:  # every answer was in; only the finish was missing
            await self._advance(session)
        else:
            await self._show_main(self._question_screen(session))

    async def _resumable(
        self, pack: LoadedPack, options: SessionOptions, player: str, seed_fixed: bool
    ) -> ResumeOffer | None:
        recorder = self._recorder()
        if recorder is None:
            return None
        from quizgame.store import StoreError

        future = recorder.find_resumable(
            player, pack, options, seed_fixed=seed_fixed, clock=self.config.clock
        )
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), self.config.resume_timeout)
        except (asyncio.TimeoutError, StoreError) as error:
            # Not worth holding up the game: the status line says what is wrong with the
            # database, and the unfinished session stays there for next time.
            reason = str(error) or "the results database took too long to answer"
            self.notify(
                lit(f"Could not look for an unfinished quiz: {reason}"), severity="warning"
            )
            return None

    def _blank_screen(self) -> Screen:
        return GameScreen()

    async def _advance(self, session: QuizSession) -> None:
        if session.finished:
            recorder = self._recorder()
            if recorder is not None:
                recorder.finish(session)
            self.post_message(messages.QuizFinished(session))
            from quizgame.tui.screens.results import ResultsScreen

            await self._show_main(ResultsScreen(session, self.player))
            return
        quiz = self._quiz_screen(session)
        if quiz is not None:
            await quiz.next_question()
        else:
            await self._show_main(self._question_screen(session))

    def _quiz_screen(self, session: QuizSession) -> QuizScreen | None:
        from quizgame.tui.screens.quiz import QuizScreen

        main = self.main_screen
        return main if isinstance(main, QuizScreen) and main.session is session else None

    @on(messages.StartRequested)
    async def _start_requested(self, message: messages.StartRequested) -> None:
        from quizgame.tui.screens.home import HomeScreen

        # A second Enter can post a second request while the first is still being looked
        # into (the resume lookup); by the time it is handled, the home screen is gone.
        if isinstance(self.screen, HomeScreen):
            await self.start_quiz(message.pack, message.options, message.player)

    @on(messages.QuestionShown)
    def _question_shown(self, message: messages.QuestionShown) -> None:
        # The deadline is stored as the question first shows: a quit, a hang-up or a
        # killed process gives back only the time left.
        recorder = self._recorder()
        if recorder is not None and message.clock is not None:
            recorder.shown(message.session, message.clock)

    @on(messages.ClockMoved)
    def _clock_moved(self, message: messages.ClockMoved) -> None:
        recorder = self._recorder()
        if recorder is not None:
            recorder.clock_moved(message.session, message.clock)

    @on(messages.AnswerSubmitted)
    async def _answered(self, message: messages.AnswerSubmitted) -> None:
        # Queued for the saver's thread before anything is drawn, so a quit or a signal
        # from here on still saves it; written once the frame that answers it is out. The
        # thread woken now would take turns with the drawing for the interpreter: most of
        # a millisecond of the verdict.
        recorder = self._recorder()
        if recorder is not None:
            recorder.pause_writing()
            self.set_timer(_SAVE_AFTER, recorder.resume_writing)  # first: record() may raise
            recorder.record(message.session, message.result)
        hot_seat = self._hot_seat_screen(message.session)
        if hot_seat is not None:
            await hot_seat.after_answer()
            return
        if message.session.options.mode == "exam":
            await self._advance(message.session)
            return
        quiz = self._quiz_screen(message.session)
        if quiz is not None:
            quiz.show_feedback(message.result)

    @on(messages.FeedbackDone)
    async def _feedback_done(self, message: messages.FeedbackDone) -> None:
        await self._advance(message.session)

    @on(messages.RetryRequested)
    async def _retry(self, message: messages.RetryRequested) -> None:
        from quizgame.engine import EngineError

        try:
            session = message.session.retry_missed(seed=self.config.seed_source())
        except EngineError as error:
            self.notify(lit(str(error)), title="Nothing to retry")
            return
        self._began(session)
        await self._show_main(self._question_screen(session))

    # -- hot-seat --------------------------------------------------------------------------

    @on(messages.HotSeatRequested)
    async def _hot_seat_requested(self, message: messages.HotSeatRequested) -> None:
        from quizgame.tui.screens.players import PlayersScreen

        if isinstance(self.screen, PlayersScreen):  # not a second ctrl+s from a screen now gone
            await self.start_hot_seat(message.pack, message.options, message.players, message.kind)

    async def start_hot_seat(
        self, pack: LoadedPack, options: SessionOptions, players: tuple[str, ...], kind: str
    ) -> None:
        from quizgame.engine import EngineError
        from quizgame.engine.game import HotSeatGame
        from quizgame.tui.screens.hotseat import HotSeatScreen

        try:
            game = HotSeatGame(pack, options, players, kind=kind, clock=self.config.clock)  # type: ignore[arg-type]
        except EngineError as error:
            self.notify(lit(str(error)), title="Can't start", severity="error")
            return
        self.session, self.game = None, game
        recorder = self._recorder()
        if recorder is not None:
            recorder.start_game(game)
        await self._show_main(HotSeatScreen(game, tick=self.config.tick))

    def _hot_seat_screen(self, session: QuizSession) -> HotSeatScreen | None:
        from quizgame.tui.screens.quiz import QuizScreen

        # Asked of the screen, not by importing the hot-seat module (and reading its
        # stylesheet) on the first answer of a game of one.
        main = self.main_screen
        if isinstance(main, QuizScreen) and main.takes_turns and session in main.game.sessions:  # type: ignore[attr-defined]
            return main  # type: ignore[return-value]
        return None

    @on(messages.GameFinished)
    async def _game_finished(self, message: messages.GameFinished) -> None:
        from quizgame.tui.screens.podium import PodiumScreen

        recorder = self._recorder()
        if recorder is not None:
            recorder.finish_game(message.game)
        await self._show_main(PodiumScreen(message.game))

    @property
    def quiz_under_way(self) -> bool:
        if self.game is not None:
            return not self.game.finished
        return self.session is not None and not self.session.finished

    @property
    def exam_under_way(self) -> bool:
        if not self.quiz_under_way:
            return False
        options = self.game.options if self.game is not None else self.session.options  # type: ignore[union-attr]
        return options.mode == "exam"

    # -- saving ----------------------------------------------------------------------------

    def _check_saving(self) -> None:
        """Polled: the saver's status is a plain attribute, safe to read at any time."""
        recorder = self.config.recorder
        if recorder is None:
            return
        status = recorder.status
        before = self.save_problem
        if not status.ok and status.message:
            self.save_problem = (status.message, status.pending)
            if before is None:
                self.notify(
                    status.message, title="Results not saved yet", severity="error", timeout=10, markup=False
                )
        elif before is not None:
            self.save_problem = None
            self.notify("Results saved again.", title="Saved", markup=False)

    # -- signals ---------------------------------------------------------------------------

    def _handle_signals(self) -> None:
        # Textual leaves SIGTERM and SIGHUP at their defaults, which kill the process with
        # the terminal still in application mode.
        from quizgame.hangup import hand_over

        hand_over(asyncio.get_running_loop(), self._interrupted)

    def _interrupted(self, signum: int) -> None:
        """Save and leave. Every answer already went to the saver as it was given; the
        command closes the saver (writing what is queued) once the terminal is restored."""
        self.exit(0)

    def get_driver_class(self) -> type[Driver]:
        from quizgame.tui.driver import driver_class

        return driver_class(super().get_driver_class())

    # -- outside text ----------------------------------------------------------------------

    # Every notification and every header goes through these: whatever a message or a title
    # quotes (a pack's, a file's, a player's name), no control character reaches the terminal.

    def notify(self, message: str | Content, *, title: str = "", markup: bool = True, **kwargs: object) -> None:  # type: ignore[override]
        if isinstance(message, Content):
            message = safe(message)
        else:
            message = safe_text(message)
        super().notify(message, title=safe_text(title), markup=markup, **kwargs)  # type: ignore[arg-type]

    def format_title(self, title: str, sub_title: str) -> Content:
        return super().format_title(safe_text(title), safe_text(sub_title))

    # -- actions ---------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "help" and too_small(self.screen):
            return False
        return True

    def _saved_so_far(self) -> str:
        if self.game is not None:
            return "A game is under way. The answers so far are saved."
        if self.session is not None and self.session.options.mode == "exam":
            return "An exam is under way. Your answers so far are saved; start it again to carry on."
        return "A quiz is under way. Your answers so far are saved; start it again to resume."

    async def action_quit(self) -> None:
        # Imported here, not at the top: nothing of them is needed before the first paint.
        from quizgame.tui.screens.confirm import ConfirmScreen

        if not self.quiz_under_way or isinstance(self.screen, ConfirmScreen):
            self.exit(0)
            return

        def answered(leave: bool | None) -> None:
            if leave:
                self.exit(0)

        await self.push_screen(
            ConfirmScreen("Quit quizgame?", f"{self._saved_so_far()} Quit?", "Quit"),
            answered,
        )

    async def action_home(self) -> None:
        from quizgame.tui.screens.confirm import ConfirmScreen

        if not self.quiz_under_way:
            await self._show_main(self._home_screen())
            return

        async def answered(leave: bool | None) -> None:
            if leave:
                self.session = self.game = None
                await self._show_main(self._home_screen())

        await self.push_screen(
            ConfirmScreen(
                "Leave this quiz?", f"{self._saved_so_far()} Leave it for the home screen?", "Leave"
            ),
            answered,
        )

    def action_help(self) -> None:
        from quizgame.tui.screens.help import HelpScreen, collect_keys

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss()
            return
        self.push_screen(HelpScreen(collect_keys(self.screen)))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        # During an exam nothing here may change its conditions: no way out to other options.
        if not self.exam_under_way:
            yield SystemCommand("New quiz", "Go to the home screen to pick a pack", self.action_home)
        yield SystemCommand("Keys", "Show every key for this screen", self.action_help)
        yield SystemCommand("Toggle theme", "Switch between light and dark", self.action_toggle_dark)
        yield SystemCommand("Theme", "Pick a colour theme", self.action_change_theme)
        # Screens add their own (show source, hint, retry...) when they have them.
        extra = getattr(screen, "commands", None)
        if callable(extra):
            yield from extra()
        yield SystemCommand("Quit", "Quit quizgame", self.action_quit)


def create_app(config: AppConfig) -> QuizApp:
    """The one way to build the game, for the CLI and the tests alike."""
    return QuizApp(config)
