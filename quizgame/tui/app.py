"""The game in the terminal: the app, the flow from screen to screen, and the factory.

Screens post messages up (an answer was given, the feedback was read); the app decides what
comes next and hands screens the session they show (attributes down).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual import on
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen

from quizgame.tui import messages
from quizgame.tui.config import AppConfig
from quizgame.tui.screens.base import HORIZONTAL, VERTICAL, too_small
from quizgame.tui.screens.confirm import ConfirmScreen
from quizgame.tui.screens.help import HelpScreen, collect_keys

if TYPE_CHECKING:
    from quizgame.engine import QuizSession, SessionOptions
    from quizgame.packs import LoadedPack
    from quizgame.tui.screens.quiz import QuizScreen


class QuizApp(App[int]):
    CSS_PATH = "app.tcss"
    TITLE = "quizgame"
    HORIZONTAL_BREAKPOINTS = HORIZONTAL
    VERTICAL_BREAKPOINTS = VERTICAL
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", id="app.quit", priority=True),
        Binding("question_mark,f1", "help", "Keys", id="app.help"),
    ]

    def __init__(self, config: AppConfig) -> None:
        super().__init__()
        self.config = config
        self.player = config.player
        self.session: QuizSession | None = None
        if config.theme:
            self.theme = config.theme

    # -- screens ---------------------------------------------------------------------------

    # The bottom of the stack stays Textual's blank default screen: switch_screen() cannot
    # replace it, so the game's main screen always sits one above it and modals above that.

    async def on_mount(self) -> None:
        config = self.config
        if config.start_pack is not None and config.options is not None:
            from quizgame.engine import QuizSession

            session = QuizSession(config.start_pack, config.options, clock=config.clock)
            self._began(session)
            await self._show_main(self._question_screen(session))
        else:
            await self._show_main(self._home_screen())

    def _home_screen(self) -> Screen:
        from quizgame.tui.screens.home import HomeScreen

        return HomeScreen(self.config, self.player)

    def _question_screen(self, session: QuizSession) -> Screen:
        from quizgame.tui.screens.quiz import QuizScreen

        return QuizScreen(session, tick=self.config.tick)

    async def _show_main(self, screen: Screen) -> None:
        """Replace the main screen, closing anything open above it first."""
        while len(self.screen_stack) > 2:
            await self.pop_screen()
        if len(self.screen_stack) == 2:
            await self.switch_screen(screen)
        else:
            await self.push_screen(screen)

    # -- the flow of a quiz ----------------------------------------------------------------

    def _began(self, session: QuizSession) -> None:
        self.session = session
        if self.config.recorder is not None:
            self.config.recorder.start(session, self.player)
        self.post_message(messages.QuizStarted(session, self.player))

    async def start_quiz(self, pack: LoadedPack, options: SessionOptions, player: str) -> None:
        from quizgame.engine import EngineError, QuizSession

        self.player = player
        try:
            session = QuizSession(pack, options, clock=self.config.clock)
        except EngineError as error:
            self.notify(Content(str(error)), title="Can't start", severity="error")
            return
        self._began(session)
        await self._show_main(self._question_screen(session))

    async def _advance(self, session: QuizSession) -> None:
        if session.finished:
            if self.config.recorder is not None:
                self.config.recorder.finish(session)
            self.post_message(messages.QuizFinished(session))
            from quizgame.tui.screens.results import ResultsScreen

            await self._show_main(ResultsScreen(session))
            return
        quiz = self._quiz_screen(session)
        if quiz is not None:
            await quiz.next_question()
        else:
            await self._show_main(self._question_screen(session))

    def _quiz_screen(self, session: QuizSession) -> QuizScreen | None:
        from quizgame.tui.screens.quiz import QuizScreen

        main = self.screen_stack[1] if len(self.screen_stack) > 1 else None
        return main if isinstance(main, QuizScreen) and main.session is session else None

    @on(messages.StartRequested)
    async def _start_requested(self, message: messages.StartRequested) -> None:
        await self.start_quiz(message.pack, message.options, message.player)

    @on(messages.AnswerSubmitted)
    async def _answered(self, message: messages.AnswerSubmitted) -> None:
        if self.config.recorder is not None:
            self.config.recorder.record(message.session, message.result)
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
            self.notify(Content(str(error)), title="Nothing to retry")
            return
        self._began(session)
        await self._show_main(self._question_screen(session))

    @property
    def quiz_under_way(self) -> bool:
        return self.session is not None and not self.session.finished

    # -- actions ---------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "help" and too_small(self.screen):
            return False
        return True

    async def action_quit(self) -> None:
        if not self.quiz_under_way or isinstance(self.screen, ConfirmScreen):
            self.exit(0)
            return

        def answered(leave: bool | None) -> None:
            if leave:
                self.exit(0)

        await self.push_screen(
            ConfirmScreen("Quit quizgame?", "A quiz is under way. Quit anyway?", "Quit"),
            answered,
        )

    async def action_home(self) -> None:
        if not self.quiz_under_way:
            await self._show_main(self._home_screen())
            return

        async def answered(leave: bool | None) -> None:
            if leave:
                self.session = None
                await self._show_main(self._home_screen())

        await self.push_screen(
            ConfirmScreen(
                "Leave this quiz?", "A quiz is under way. Leave it for the home screen?", "Leave"
            ),
            answered,
        )

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss()
            return
        self.push_screen(HelpScreen(collect_keys(self.screen)))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
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
