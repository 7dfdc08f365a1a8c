"""The home screen: the packs found, the player's name and the options for a new quiz."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual import events, on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Checkbox, Footer, Header, Input, Label, OptionList, Select
from textual.widgets.option_list import Option

from quizgame.tui import messages
from quizgame.tui.screens.base import GameScreen, sheet
from quizgame.tui.widgets.checklist import Checklist
from quizgame.tui.widgets.literal import NAME_REFUSAL, TextField, lit
from quizgame.tui.widgets.tickbox import TickBox
from quizgame.tui.wording import long_date

if TYPE_CHECKING:
    from quizgame.engine import SessionOptions
    from quizgame.packs import LoadedPack
    from quizgame.packs.discovery import PackEntry
    from quizgame.tui.config import AppConfig

TIME_LIMITS: list[tuple[str, int]] = [
    ("No time limit", 0),
    ("10 seconds", 10),
    ("20 seconds", 20),
    ("30 seconds", 30),
    ("1 minute", 60),
    ("2 minutes", 120),
]


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def pack_prompt(entry: PackEntry) -> Content:
    """Two or three lines describing a pack; an invalid one says so, with its first problem."""
    if entry.pack is None:
        first = entry.problems[0] if entry.problems else None
        problem = f"{first.line}:{first.col}: {first.message}" if first else "could not be read"
        return Content.assemble(
            ("✘ Invalid: ", "bold $text-error"),
            lit(entry.path.name, "bold"),
            "\n",
            lit(f"  {entry.origin} · {problem}", "$foreground-muted"),
        )
    pack = entry.pack.pack
    source = pack.source
    if entry.taken_by is not None:
        return Content.assemble(
            ("Not used: ", "bold $text-warning"),
            (pack.title, "bold"),
            "\n",
            (f"  {entry.origin} · {entry.path.name}: its id '{pack.id}' is taken by {entry.taken_by}", "$foreground-muted"),
        )
    counts = f"{_plural(len(pack.questions), 'question')} · {_plural(len(pack.sections), 'section')}"
    return Content.assemble(
        lit(pack.title, "bold"),
        "\n",
        lit(f"  {source.publication}, {long_date(source.date)}", "$foreground-muted"),
        "\n",
        lit(f"  {entry.origin} · {counts}", "$foreground-muted"),
    )


class PackList(OptionList):
    """A click picks a pack (to see its sections); a double click, Enter or Start starts it."""

    def on_click(self, event: events.Click) -> None:
        event.prevent_default()  # instead of OptionList's click, which would start at once
        index = event.style.meta.get("option")
        if index is None or self.get_option_at_index(index).disabled:
            return
        self.highlighted = index
        if event.chain >= 2:
            self.action_select()


class SectionList(Checklist):
    BINDINGS = [Binding("enter", "submit", "Start", id="home.sections", tooltip="Start a quiz on the ticked sections")]


class HomeScreen(GameScreen):
    DEFAULT_CSS = sheet("home.tcss")
    AUTO_FOCUS = "#packs"
    BINDINGS = [
        Binding("enter", "start", "Start", show=False, id="home.enter"),
        Binding("ctrl+s", "start", "Start", id="home.start"),
        # A priority binding, acted on as the key arrives: the keys typed next must find the
        # field focused, not the list they would have gone to while ctrl+n was on its way.
        Binding("ctrl+n", "focus_name", "Name", id="home.name", priority=True),
        # Not in the footer, which has no room for them at 60 columns: they are buttons.
        Binding("ctrl+t", "hot_seat", "Hot-seat game", show=False, id="home.hotseat"),
        Binding("ctrl+l", "leaderboard", "Leaderboard", show=False, id="home.leaderboard"),
    ]

    def __init__(self, config: AppConfig, player: str) -> None:
        super().__init__()
        self.config = config
        self.player = player
        self.entries: list[PackEntry] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="columns"):
            with Vertical(id="left"):
                packs = PackList(id="packs", markup=False)
                packs.border_title = "Packs"
                yield packs
            with Vertical(id="right") as right:
                right.border_title = "New quiz"
                yield Label("Player", classes="label", markup=False)
                yield TextField(self.player, refusal=NAME_REFUSAL, placeholder="your name", id="player", compact=True)
                yield TickBox(Content("Shuffle questions"), True, id="shuffle", compact=True)
                yield TickBox(Content("Exam: answers at end"), False, id="exam", compact=True)
                yield Select(
                    [(Content(label), seconds) for label, seconds in TIME_LIMITS],
                    value=0,
                    allow_blank=False,
                    id="time-limit",
                    compact=True,
                )
                yield Label("Sections", classes="label", markup=False)
                yield SectionList(id="sections")
                yield Button(Content("Start (Enter)"), variant="primary", id="start")
                with Horizontal(id="more"):
                    yield Button(Content("Hot-seat ^t"), id="hot-seat", compact=True)
                    yield Button(Content("Leaderboard ^l"), id="leaderboard", compact=True)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#packs", OptionList).loading = True
        self._find_packs()

    @work(thread=True, exclusive=True, group="find-packs")
    def _find_packs(self) -> None:
        entries = self.config.find_packs(self.config.extra_pack_dirs)
        self.app.call_from_thread(self._show_packs, entries)

    def _show_packs(self, entries: list[PackEntry]) -> None:
        self.entries = list(entries)
        packs = self.query_one("#packs", OptionList)
        packs.loading = False
        packs.clear_options()
        if not self.entries:
            packs.add_option(Option(Content("No packs found."), disabled=True))
            return
        options: list[Option | None] = []
        for index, entry in enumerate(self.entries):
            if index:
                options.append(None)
            options.append(Option(pack_prompt(entry), id=str(index)))
        packs.add_options(options)
        # Start on the first pack that can be played.
        for index, entry in enumerate(self.entries):
            if entry.ok:
                packs.highlighted = packs.get_option_index(str(index))
                break
        else:
            packs.highlighted = 0
        self._show_sections()

    @property
    def selected_entry(self) -> PackEntry | None:
        option = self.query_one("#packs", OptionList).highlighted_option
        if option is None or option.id is None:
            return None
        return self.entries[int(option.id)]

    @on(OptionList.OptionHighlighted, "#packs")
    def _highlighted(self) -> None:
        self._show_sections()

    def _show_sections(self) -> None:
        sections = self.query_one("#sections", Checklist)
        entry = self.selected_entry
        if entry is None or entry.pack is None:
            sections.set_items([])
            return
        items = [(lit(section.title), section.id) for section in entry.pack.pack.sections]
        sections.set_items(items, ticked=[section.id for section in entry.pack.pack.sections])

    @on(OptionList.OptionSelected, "#packs")
    @on(Checklist.Submitted, "#sections")
    @on(Input.Submitted, "#player")
    @on(Button.Pressed, "#start")
    def _start_pressed(self) -> None:
        self.action_start()

    @on(Button.Pressed, "#hot-seat")
    def _hot_seat_pressed(self) -> None:
        self.action_hot_seat()

    @on(Button.Pressed, "#leaderboard")
    def _leaderboard_pressed(self) -> None:
        self.action_leaderboard()

    def action_focus_name(self) -> None:
        # At once, not later as Widget.focus() would: the next key goes to the field.
        self.set_focus(self.query_one("#player", Input))

    def commands(self) -> Iterable[SystemCommand]:
        yield SystemCommand(
            "Hot-seat game", "Players or teams take turns on this screen", self.action_hot_seat
        )
        yield SystemCommand(
            "Leaderboard", "The best scores on the highlighted pack", self.action_leaderboard
        )

    def _chosen_pack(self) -> LoadedPack | None:
        """The highlighted pack if it can be played; otherwise says why and returns None."""
        entry = self.selected_entry
        if entry is None:
            self.notify("Pick a pack first.", severity="warning", markup=False)
            return None
        if entry.pack is None:
            first = entry.problems[0] if entry.problems else None
            self.notify(
                lit(str(first) if first else f"{entry.path} could not be read"),
                title="This pack has problems",
                severity="error",
            )
            return None
        if entry.taken_by is not None:
            self.notify(
                Content(f"Its id '{entry.pack.id}' is that of another pack, found first: {entry.taken_by}"),
                title="This pack is not used",
                severity="error",
            )
            return None
        return entry.pack

    def _options(self, pack: LoadedPack) -> SessionOptions | None:
        from quizgame.engine import SessionOptions

        all_sections = [section.id for section in pack.pack.sections]
        chosen = self.query_one("#sections", Checklist).selected
        if not chosen:
            self.notify("Pick at least one section.", severity="warning", markup=False)
            return None
        shuffle = self.query_one("#shuffle", Checkbox).value
        seconds = self.query_one("#time-limit", Select).value
        return SessionOptions(
            seed=self.config.seed_source(),
            shuffle_questions=shuffle,
            shuffle_choices=shuffle,
            sections=() if len(chosen) == len(all_sections) else tuple(chosen),
            time_limit=float(seconds) if isinstance(seconds, int) and seconds else None,
            mode="exam" if self.query_one("#exam", Checkbox).value else "practice",
        )

    def action_start(self) -> None:
        pack = self._chosen_pack()
        if pack is None:
            return
        from quizgame.engine.names import InvalidName, check_name

        typed = self.query_one("#player", Input).value
        try:
            player = check_name(typed)
        except InvalidName as error:
            reason = str(error)
            message = "Type your name first." if not typed.strip() else f"{reason[:1].upper()}{reason[1:]}."
            self.notify(lit(message), severity="warning")
            self.action_focus_name()
            return
        options = self._options(pack)
        if options is not None:
            self.post_message(messages.StartRequested(pack, options, player))

    def action_hot_seat(self) -> None:
        from quizgame.tui.screens.players import PlayersScreen

        pack = self._chosen_pack()
        options = self._options(pack) if pack is not None else None
        if pack is not None and options is not None:
            self.app.push_screen(PlayersScreen(pack, options))

    def action_leaderboard(self) -> None:
        from quizgame.tui.screens.leaderboard import LeaderboardScreen

        pack = self._chosen_pack()
        if pack is not None:
            self.app.push_screen(LeaderboardScreen(pack, self.config.db_path))
