"""The home screen: the packs found, the player's name and the options for a new quiz."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual import events, on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Checkbox, Footer, Input, Label, OptionList, Select
from textual.widgets.option_list import Option

from quizgame.tui import messages
from quizgame.tui.screens.base import GameScreen, sheet
from quizgame.tui.widgets.checklist import Checklist
from quizgame.tui.widgets.literal import NAME_REFUSAL, TextField, lit
from quizgame.tui.widgets.status import StatusLine
from quizgame.tui.widgets.tickbox import TickBox
from quizgame.tui.wording import long_date, name_refused

if TYPE_CHECKING:
    from quizgame.engine import SessionOptions
    from quizgame.packs import LoadedPack
    from quizgame.packs.discovery import PackEntry
    from quizgame.settings import Settings
    from quizgame.tui.config import AppConfig

TIME_LIMITS: list[tuple[str, int]] = [
    ("No time limit", 0),
    ("10 s a question", 10),
    ("20 s a question", 20),
    ("30 s a question", 30),
    ("1 min a question", 60),
    ("2 min a question", 120),
]
# Questions per quiz; 0 is all that the sections and tags give.
COUNTS = (0, 5, 10, 15, 20, 30, 50)


def _count_label(count: int) -> str:
    return "All questions" if not count else f"{count} questions"


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
    # Not in the footer: it would stand there beside ctrl+s's "Start", twice the same.
    BINDINGS = [
        Binding("enter", "submit", "Start", show=False, id="home.sections", tooltip="Start a quiz on the ticked sections")
    ]


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

    @property
    def remembered(self) -> Settings:
        from quizgame.settings import Settings

        file = self.config.settings
        return file.settings if file is not None else Settings()

    def compose(self) -> ComposeResult:
        remembered = self.remembered
        time_limits = dict(TIME_LIMITS)
        counts = sorted({*COUNTS, remembered.count or 0})
        yield StatusLine("quizgame", "Choose a pack", id="status")
        with Horizontal(id="columns"):
            with Vertical(id="left"):
                packs = PackList(id="packs", markup=False)
                packs.border_title = "Packs"
                yield packs
            with Vertical(id="right") as right:
                right.border_title = "New quiz"
                yield Label("Player", classes="label", markup=False)
                yield TextField(self.player, refusal=NAME_REFUSAL, placeholder="your name", id="player")
                yield Label("Sections", classes="label", markup=False)
                yield SectionList(id="sections")
                with Horizontal(classes="ticks first"):
                    yield TickBox(Content("Shuffle"), remembered.shuffle, id="shuffle", compact=True,
                                  tooltip="Questions and choices in a new order each time")
                    yield TickBox(Content("Exam"), remembered.mode == "exam", id="exam", compact=True,
                                  tooltip="Answers and explanations only at the end")
                with Horizontal(classes="ticks bonus"):
                    yield TickBox(Content("Speed bonus"), remembered.speed_bonus, id="speed-bonus", compact=True,
                                  tooltip="Extra points for a quick right answer (see docs/scoring.md)")
                    yield TickBox(Content("Streak bonus"), remembered.streak_bonus, id="streak-bonus", compact=True,
                                  tooltip="Extra points for right answers in a row (see docs/scoring.md)")
                with Horizontal(id="limits"):
                    yield Select(
                        [(Content(label), seconds) for label, seconds in TIME_LIMITS],
                        value=remembered.time_limit if remembered.time_limit in time_limits.values() else 0,
                        allow_blank=False,
                        id="time-limit",
                        compact=True,
                    )
                    yield Select(
                        [(Content(_count_label(count)), count) for count in counts],
                        value=remembered.count or 0,
                        allow_blank=False,
                        id="count",
                        compact=True,
                    )
                yield Button(Content("Tags: any"), id="tags", compact=True, tooltip="Only questions with these tags")
                yield Label("", id="summary", markup=False)
                yield Button(Content("Start (Enter)"), variant="primary", id="start")
                with Horizontal(id="more"):
                    yield Button(Content("Hot-seat ^t"), id="hot-seat", compact=True)
                    yield Button(Content("Leaderboard ^l"), id="leaderboard", compact=True)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#packs", OptionList).loading = True
        self._find_packs()
        if not self.player and not self.app.name_asked:  # type: ignore[attr-defined]
            # The first run: the name is asked once, then remembered.
            self.app.ask_name("type it here later", self._named)  # type: ignore[attr-defined]

    def _named(self) -> None:
        name = self.app.player  # type: ignore[attr-defined]
        if name:
            self.player = name
            self.query_one("#player", Input).value = name
        else:
            self.action_focus_name()

    def on_screen_resume(self) -> None:
        if not self.player and self.app.name_asked:  # type: ignore[attr-defined]
            self.action_focus_name()  # the player went back from the name: it goes here

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
        # Start on the pack played last, else on the first that can be played.
        last = self.remembered.pack
        playable = [index for index, entry in enumerate(self.entries) if entry.ok]
        again = [index for index in playable if last and self.entries[index].pack.id == last]  # type: ignore[union-attr]
        if again or playable:
            packs.highlighted = packs.get_option_index(str((again or playable)[0]))
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
        """The highlighted pack's sections and tags, ticked as they were last time."""
        sections = self.query_one("#sections", Checklist)
        entry = self.selected_entry
        if entry is None or entry.pack is None:
            sections.set_items([])
            self.pack_tags = ()
            self.choose_tags(())
            return
        pack = entry.pack.pack
        choices = self.remembered.choices_for(pack.id)
        all_sections = [section.id for section in pack.sections]
        ticked = [section for section in choices.sections if section in all_sections] or all_sections
        sections.set_items([(lit(section.title), section.id) for section in pack.sections], ticked=ticked)
        self.pack_tags = tuple(sorted({name for question in pack.questions for name in question.tags}))
        self.choose_tags(choices.tags)

    # The highlighted pack's tags, and those chosen of them (none: any question).
    pack_tags: tuple[str, ...] = ()
    chosen_tags: tuple[str, ...] = ()

    def choose_tags(self, tags: Iterable[str]) -> None:
        wanted = set(tags)
        self.chosen_tags = tuple(tag for tag in self.pack_tags if tag in wanted)
        button = self.query_one("#tags", Button)
        button.label = Content.assemble("Tags: ", lit(", ".join(self.chosen_tags)) if self.chosen_tags else "any", " ▼")
        button.display = bool(self.pack_tags)  # a pack without tags has nothing to pick
        self._show_summary()

    @on(Button.Pressed, "#tags")
    def _tags_pressed(self) -> None:
        from quizgame.tui.screens.tags import TagsScreen

        def chosen(tags: tuple[str, ...] | None) -> None:
            if tags is not None:
                self.choose_tags(tags)

        self.app.push_screen(TagsScreen(self.pack_tags, self.chosen_tags), chosen)

    @on(Checklist.Changed)
    @on(Select.Changed, "#count")
    def _choices_changed(self) -> None:
        self._show_summary()

    def _show_summary(self) -> None:
        """How many questions the ticked sections and tags, and the count, give."""
        from quizgame.engine import SessionOptions
        from quizgame.engine.selection import matching_questions

        summary = self.query_one("#summary", Label)
        entry = self.selected_entry
        if entry is None or entry.pack is None:
            summary.update("")
            return
        pack = entry.pack.pack
        sections = self.query_one("#sections", Checklist).selected
        if not sections:
            summary.update(Content.styled("Tick a section to start", "$text-warning"))
            return
        filters = SessionOptions(seed=0, sections=sections, tags=self.chosen_tags)
        found = len(matching_questions(pack, filters))
        count = self.query_one("#count", Select).value
        asked = min(found, count) if isinstance(count, int) and count else found
        if not found:
            summary.update(Content.styled("No question has these sections and tags", "$text-warning"))
        elif asked == len(pack.questions):
            summary.update(Content(f"All {_plural(asked, 'question')}"))
        else:
            summary.update(Content(f"{_plural(asked, 'question')} of {len(pack.questions)}"))

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
        """The session the form asks for, or None (said why)."""
        from quizgame.engine import ScoringOptions, SessionOptions

        all_sections = [section.id for section in pack.pack.sections]
        chosen = self.query_one("#sections", Checklist).selected
        if not chosen:
            self.notify("Pick at least one section.", severity="warning", markup=False)
            return None
        shuffle = self.query_one("#shuffle", Checkbox).value
        seconds = self.query_one("#time-limit", Select).value
        count = self.query_one("#count", Select).value
        seconds = seconds if isinstance(seconds, int) else 0
        count = count if isinstance(count, int) else 0
        exam = self.query_one("#exam", Checkbox).value
        speed = self.query_one("#speed-bonus", Checkbox).value
        streak = self.query_one("#streak-bonus", Checkbox).value
        sections = () if len(chosen) == len(all_sections) else tuple(chosen)
        options = SessionOptions(
            seed=self.config.seed_source(),
            shuffle_questions=shuffle,
            shuffle_choices=shuffle,
            sections=sections,
            tags=self.chosen_tags,
            count=count or None,
            time_limit=float(seconds) if seconds else None,
            mode="exam" if exam else "practice",
            scoring=ScoringOptions(speed_bonus=speed, streak_bonus=streak),
        )
        return options

    def _remember(self, pack: LoadedPack, options: SessionOptions, **more: object) -> None:
        """The form's choices, kept for next time (quizgame.settings)."""
        from quizgame.settings import PackChoices

        packs = dict(self.remembered.packs)
        packs[pack.id] = PackChoices(options.sections, options.tags)
        self.app.remember(  # type: ignore[attr-defined]
            shuffle=options.shuffle_questions,
            mode=options.mode,
            time_limit=int(options.time_limit or 0),
            count=options.count,
            speed_bonus=options.scoring.speed_bonus,
            streak_bonus=options.scoring.streak_bonus,
            pack=pack.id,
            packs=packs,
            **more,
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
            self.notify(lit(name_refused(typed, str(error))), severity="warning")
            self.action_focus_name()
            return
        options = self._options(pack)
        if options is not None:
            self.player = player
            self._remember(pack, options, player=player)
            self.post_message(messages.StartRequested(pack, options, player))

    def action_hot_seat(self) -> None:
        from quizgame.tui.screens.players import PlayersScreen

        pack = self._chosen_pack()
        options = self._options(pack) if pack is not None else None
        if pack is not None and options is not None:
            self._remember(pack, options)
            self.app.push_screen(PlayersScreen(pack, options))

    def action_leaderboard(self) -> None:
        from quizgame.tui.screens.leaderboard import LeaderboardScreen

        pack = self._chosen_pack()
        if pack is not None:
            self.app.push_screen(LeaderboardScreen(pack, self.config.db_path))
