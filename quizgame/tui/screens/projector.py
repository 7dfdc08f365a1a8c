"""The projector: what the class sees while the host runs a game.

Live mode: the lobby (where to join, the PIN, the names arriving), each question (prompt,
choices with key and symbol, countdown, "N of M answered"), its reveal (a bar per choice,
the right answer, the explanation and the verified quote), the top five with their
movements, and the podium. Self-paced and exam modes: a dashboard of every student's
progress and the class's accuracy per question.

The screen reads the Classroom (attributes down); the app tells it when something changed.
Names and pack text are data: every one is shown through Content, never markup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Footer

from quizgame.tui.screens.base import GameScreen, sheet
from quizgame.tui.widgets.literal import Plain
from quizgame.tui.widgets.quote import QuoteBlock
from quizgame.tui.widgets.round import Podium, place
from quizgame.tui.widgets.status import StatusLine
from quizgame.tui.wording import bar, countdown, number, percent

if TYPE_CHECKING:
    from quizgame.engine.live import LiveGame, Reveal
    from quizgame.engine.results import PreparedQuestion
    from quizgame.engine.standings import Place
    from quizgame.live.classroom import Classroom

# A symbol per choice, so a choice never depends on colour alone (as on the students' keys).
SYMBOLS = "▲◆●■★✚♣♠♥"
TRUE_FALSE = (("t", "✔", "True"), ("f", "✘", "False"))
TOP = 5


def choice_rows(prepared: PreparedQuestion) -> list[tuple[str, str, str]]:
    """(key, symbol, text) for each way of answering, in the students' key order."""
    if prepared.question.type == "true_false":
        return list(TRUE_FALSE)
    return [(str(n), SYMBOLS[(n - 1) % len(SYMBOLS)], text) for n, text in enumerate(prepared.choices, 1)]


def movement(value: int | None) -> str:
    if value is None:
        return "new"
    if value > 0:
        return f"▲{value}"
    if value < 0:
        return f"▼{-value}"
    return "="


class ProjectorScreen(GameScreen):
    DEFAULT_CSS = sheet("projector.tcss")
    BINDINGS = [
        Binding("n", "next", "Next", id="projector.next"),
        Binding("p", "pause", "Pause/resume", id="projector.pause"),
        Binding("plus,equals_sign", "add_time", "+10 s", id="projector.add_time"),
        Binding("k", "skip", "Skip question", id="projector.skip"),
        Binding("r", "remove", "Remove player", id="projector.remove"),
        Binding("e", "end", "End game", id="projector.end"),
    ]

    def __init__(self, classroom: Classroom, addresses: list[str], *, lan: bool, tick: float = 0.2) -> None:
        super().__init__()
        self.classroom = classroom
        self.addresses = addresses
        self.lan = lan
        self._tick_every = tick
        # After a reveal the projector shows it, then the leaderboard, each until "next".
        self.view = "lobby"
        self._drawn: tuple[object, ...] | None = None

    @property
    def live(self) -> bool:
        return self.classroom.live

    def compose(self) -> ComposeResult:
        yield StatusLine(self.classroom.game.pack.title, id="status")
        yield VerticalScroll(id="stage")
        yield Footer()

    def on_mount(self) -> None:
        self.redraw()
        self.set_interval(self._tick_every, self._tick)

    # -- what changed ----------------------------------------------------------------------

    # What moves the projector on to another view; everything else (students arriving,
    # answers coming in and being saved) is drawn at the next tick, at most five times a
    # second, however many of them a class of a hundred sends.
    _STEPS = {"opened", "started", "closed", "finished", "adopted"}
    _counts_due = False
    _had_players = False

    def changed(self, event: str) -> None:
        """Called by the app for every change in the classroom."""
        game = self.classroom.game
        if event not in self._STEPS:
            self._counts_due = True
            if event == "clock":
                self._update_counts()
            return
        if event == "closed":
            self.view = "reveal"
        elif event in ("opened", "started"):
            self.view = "question" if self.live else "dashboard"
        elif event == "finished" or (game.phase == "finished" and self.live):
            self.view = "podium" if self.live else "dashboard"
        self.redraw()
        self.refresh_bindings()

    def _tick(self) -> None:
        due, self._counts_due = self._counts_due, False
        if due and self.view in ("lobby", "dashboard"):
            self.redraw()
        elif due or self.view == "question":
            self._update_counts()
        players = len(self.classroom.game.roster) > 0
        if players != self._had_players:  # "remove a player" comes and goes with them
            self._had_players = players
            self.refresh_bindings()

    # -- drawing ---------------------------------------------------------------------------

    _redraw_due = False

    def redraw(self) -> None:
        """Draw the stage for `view` again, once, however many changes asked for it."""
        if not self._redraw_due:
            self._redraw_due = True
            self.call_later(self._redraw_now)

    async def _redraw_now(self) -> None:
        self._redraw_due = False
        stage = self.query_one("#stage", VerticalScroll)
        await stage.remove_children()
        await stage.mount_all(list(getattr(self, f"_{self.view}")()))
        self._update_counts()

    def _show_status(self) -> None:
        classroom = self.classroom
        game = classroom.game
        where = {"lobby": "Lobby", "podium": "Final scores", "dashboard": classroom.mode.capitalize()}
        question = getattr(game, "question", None)
        text = where.get(self.view) or (f"Question {question.number} of {game.total}" if question else "")
        self.query_one(StatusLine).show(
            Content.assemble((text, "bold"), "  ·  PIN ", (classroom.pin, "bold"), f"  ·  {len(game.roster)} players")
        )

    def _lobby(self) -> ComposeResult:
        classroom = self.classroom
        yield Plain(Content.styled("Join the game", "bold"), classes="heading")
        if self.lan and self.addresses:
            from quizgame.tui.widgets.qr import QrCode, join_url

            # The first address, with the PIN: a phone's camera opens the page, PIN filled in.
            yield QrCode(join_url(self.addresses[0], classroom.pin), id="qr")
        for address in self.addresses:
            yield Plain(Content.assemble("  quizgame join ", (address, "bold")), classes="address")
        for address in self.addresses:
            yield Plain(Content.assemble("  or open ", (f"http://{address}/", "bold")), classes="address")
        if self.lan:
            yield Plain("⚠ Open to the local network: anyone on it with the PIN can join.", classes="warning")
        else:
            yield Plain("Only this computer can join (start with --lan for the classroom's network).", classes="muted")
        yield Plain(Content.assemble("PIN  ", (" ".join(classroom.pin), "bold")), id="pin")
        names = [player.name for player in classroom.game.roster]
        yield Plain(Content.styled(f"{len(names)} joined", "bold"), classes="heading")
        yield Plain(Content("   ".join(names)) if names else Content("Waiting for students…"), id="names")
        yield Plain("Press n to start.", classes="muted")

    def _question(self) -> ComposeResult:
        game: LiveGame = self.classroom.game  # type: ignore[assignment]
        prepared = game.question
        if prepared is None:
            return
        yield Plain(Content.assemble(("Section: ", "$foreground-muted"), Content(prepared.section.title)))
        yield Plain(Content.styled(prepared.question.prompt, "bold"), id="prompt")
        if prepared.question.type == "short":
            yield Plain("Type the answer on your own screen.", classes="choice")
        else:
            for key, symbol, text in choice_rows(prepared):
                yield Plain(Content.assemble((f" {key} {symbol} ", "bold reverse"), "  ", Content(text)), classes="choice")
            if prepared.question.type == "multiple":
                yield Plain("More than one may be right.", classes="muted")
        yield Plain(id="clock")
        yield Plain(id="answered")

    def _update_counts(self) -> None:
        game = self.classroom.game
        if self.view == "question" and self.live:
            remaining = game.remaining()  # type: ignore[union-attr]
            clock = self.query("#clock")
            if clock:
                prepared = game.question  # type: ignore[union-attr]
                limit = max(prepared.time_limit or 1, remaining or 0) if prepared else 1
                text = "" if remaining is None else f"{countdown(remaining)} {bar(round(remaining * 10), round(limit * 10), 20)}"
                if game.paused:  # type: ignore[union-attr]
                    text += "   ⏸ Paused (p resumes)"
                # Five times a second while 200 answers come in: the size is fixed (one
                # line), so the stage is not laid out again, only these lines redrawn.
                clock.first(Plain).update(text, layout=False)
            answered = self.query("#answered")
            if answered:
                answered.first(Plain).update(
                    Content.styled(f"{game.answered_count} of {len(game.asked)} answered", "bold"),  # type: ignore[union-attr]
                    layout=False,
                )
        self._show_status()

    def _reveal(self) -> ComposeResult:
        game: LiveGame = self.classroom.game  # type: ignore[assignment]
        reveal: Reveal | None = game.last_reveal
        if reveal is None:
            return
        prepared = reveal.question
        yield Plain(Content.styled(prepared.question.prompt, "bold"), id="prompt")
        most = max((t.count for t in reveal.tallies), default=0)
        symbols = {key: symbol for key, symbol, _ in choice_rows(prepared)} if prepared.question.type != "short" else {}
        for item in reveal.tallies:
            mark = "✔" if item.right else " "
            label = f" {item.key} {symbols.get(item.key, '')} " if item.key else " "
            yield Plain(
                Content.assemble(
                    (mark, "bold $text-success"), (label, "bold reverse"), " ",
                    (bar(item.count, most, 20), "$text-primary" if item.right else "$foreground-muted"),
                    f" {item.count:>3}  ", Content(item.text),
                ),
                classes="tally",
            )
        if not reveal.tallies:
            yield Plain("No answers.", classes="muted")
        yield Plain(f"{reveal.answered} of {reveal.asked} answered in time", classes="muted")
        from quizgame.engine.responses import right_answer_text

        yield Plain(Content.assemble(("Right answer: ", "bold"), Content(right_answer_text(prepared))), classes="right")
        yield Plain(Content(prepared.question.explanation), classes="explanation")
        yield QuoteBlock(game.pack.pack, prepared.question.quote_fragments)
        yield Plain("Press n for the leaderboard.", classes="muted")

    def _board(self) -> ComposeResult:
        game: LiveGame = self.classroom.game  # type: ignore[assignment]
        standings: tuple[Place, ...] = game.last_reveal.standings if game.last_reveal else tuple(game.standings())
        yield Plain(Content.styled("Leaderboard", "bold"), classes="heading")
        best = max((s.score for s in standings), default=0.0)
        for standing in standings[:TOP]:
            yield Horizontal(
                Plain(place(standing.rank), classes="place"),
                Plain(movement(standing.movement), classes="move"),
                Plain(Content(standing.player), classes="who"),
                Plain(bar(round(standing.score), round(best), 12), classes="bar"),
                Plain(f"{number(standing.score)} points", classes="points"),
                classes="board-row",
            )
        if not standings:
            yield Plain("Nobody has played yet.", classes="muted")
        label = "the podium" if game.is_last else "the next question"
        yield Plain(f"Press n for {label}.", classes="muted")

    def _podium(self) -> ComposeResult:
        standings = self.classroom.game.standings()
        yield Plain(Content.styled("Final scores", "bold"), classes="heading")
        yield Podium([s for s in standings if s.rank <= 3], id="podium")
        for standing in standings[3:10]:
            yield Plain(Content.assemble(f"{place(standing.rank):>5}  ", Content(standing.player), f"  {number(standing.score)} points"))

    def _dashboard(self) -> ComposeResult:
        from quizgame.engine.paced import PacedGame

        game = self.classroom.game
        assert isinstance(game, PacedGame)
        if game.phase == "lobby":
            yield from self._lobby()
            return
        ended = " · ended" if game.phase == "finished" else ""
        yield Plain(Content.styled(f"Students{ended}", "bold"), classes="heading")
        for row in game.progress():
            score = "score hidden until the end" if row.score is None else f"{number(row.score)} of {number(row.max_score or 0)}"
            status = "✔ done" if row.finished else ("" if row.connected else "away")
            yield Horizontal(
                Plain(Content(row.player), classes="who"),
                Plain(f"{bar(row.answered, row.total, 10)} {row.answered} of {row.total}", classes="progress"),
                Plain(score, classes="points"),
                Plain(status, classes="move"),
                classes="board-row",
            )
        yield Plain(Content.styled("The class, question by question", "bold"), classes="heading")
        for item in game.accuracy():
            share = "—" if not item.answers else f"{percent(item.right, item.answers)} right"
            yield Plain(
                Content.assemble(
                    f"{item.question.number:>3}. ", (bar(item.right, item.answers, 10), "$text-primary"),
                    f" {share:<10} ({item.answers} answers)  ", Content(item.question.question.prompt),
                ),
                classes="accuracy",
            )

    # -- the host's keys -------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if super().check_action(action, parameters) is False:
            return False
        game = self.classroom.game
        open_question = self.live and game.phase == "open"
        if action == "next":
            return game.phase != "finished" and (self.live or game.phase == "lobby")
        if action in ("pause", "add_time", "skip"):
            return open_question
        if action == "remove":
            return len(game.roster) > 0
        if action == "end":
            return game.phase != "finished"
        return True

    def action_next(self) -> None:
        classroom = self.classroom
        if self.view == "reveal":
            self.view = "board"
            self.redraw()
            return
        classroom.next() if self.live else classroom.start()

    def action_pause(self) -> None:
        self.classroom.pause()

    def action_add_time(self) -> None:
        self.classroom.add_time()

    def action_skip(self) -> None:
        self.classroom.skip()

    def action_remove(self) -> None:
        from quizgame.tui.screens.remove_player import RemovePlayerScreen

        names = [player.name for player in self.classroom.game.roster]

        def chosen(name: object) -> None:
            if isinstance(name, str):
                self.classroom.remove(name)

        self.app.push_screen(RemovePlayerScreen(names), chosen)

    def action_end(self) -> None:
        from quizgame.tui.screens.confirm import ConfirmScreen

        def answered(yes: bool | None) -> None:
            if yes:
                self.classroom.end()

        self.app.push_screen(
            ConfirmScreen("End the game?", "Every answer so far is saved. End the game for everyone?", "End"),
            answered,
        )
