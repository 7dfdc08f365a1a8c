"""The project's copy of the article: the original's words exactly, minus the page furniture."""

from __future__ import annotations

import datetime as dt

import pytest

from quizgame.packs.models import Pack

from .conftest import PACK_PATH, SHARED_SOURCE_DIR, SOURCE_COPY

# Lines of the original that belong to the web page, not the article.
FURNITURE = {"Trending Now Sponsored Links by Taboola", "By Taboola", "More from Foreign Policy"}

HEADLINE = "5 Takeaways From the \u2018Very Robust,\u2019 2-Hour Meeting Between Trump and Putin"
STANDFIRST = "Clarity on Trump's stance on electoral meddling in the 2016 elections is not one of them."
BODY = [
    "Russian President Vladimir Putin and U.S. President Donald Trump finally had their first",
    "Tillerson said the meeting was \u201cvery robust,\u201d",
    "Russian Foreign Minister Sergei Lavrov, with decades of diplomatic experience",
    "later told CNN that Trump did not accept Putin\u2019s claims.",
    "But Russia and the United States have agreed to work together on cybersecurity.",
    "Putin and Trump bonded over their hostility toward a free press.",
    "Another cease-fire was brokered in Syria.",
    "The two countries have more in common than separating them.",
    "which apparently did not come up in the two-hour-and-15-minute meeting.",
]
AUTHOR_LINE = "Emily Tamkin is the U.S. editor of the New Statesman"


@pytest.fixture(scope="module")
def original_text() -> str:
    original = SHARED_SOURCE_DIR / "trump-putin-g20-takeaways.txt"
    if not original.is_file():
        pytest.skip(f"the shared original is not here: {original}")
    return original.read_text(encoding="utf-8")


def test_the_pack_points_at_the_project_copy(article_pack: Pack) -> None:
    assert (PACK_PATH.parent / article_pack.source.text).resolve() == SOURCE_COPY.resolve()


def test_copy_is_the_original_with_only_the_trailing_furniture_removed(
    original_text: str, article_source_text: str
) -> None:
    assert original_text.startswith(article_source_text)
    removed = original_text[len(article_source_text) :]
    removed_lines = [line.strip() for line in removed.splitlines() if line.strip()]

    assert removed_lines, "nothing was removed; the furniture is still in the copy"
    assert set(removed_lines) <= FURNITURE, removed_lines


def test_copy_keeps_the_whole_article(article_source_text: str) -> None:
    lines = article_source_text.splitlines()

    assert lines[0] == "The Cable"
    assert HEADLINE in lines
    assert STANDFIRST in lines
    for passage in BODY:
        assert passage in article_source_text, passage
    assert lines[-1].startswith(AUTHOR_LINE)
    assert article_source_text.endswith("\n")


def test_copy_has_no_page_furniture(article_source_text: str) -> None:
    assert "Taboola" not in article_source_text
    assert "More from Foreign Policy" not in article_source_text
    assert "Trending Now" not in article_source_text


def test_source_metadata_names_the_article(article_pack: Pack, article_source_text: str) -> None:
    source = article_pack.source

    assert source.title == HEADLINE
    assert source.title in article_source_text.splitlines()
    assert source.author == "Emily Tamkin"
    assert source.publication == "Foreign Policy"
    assert source.column == "The Cable"
    assert source.date == dt.date(2017, 7, 7)
    # No address is known for certain, so none is given.
    assert source.url is None


def test_pack_says_whose_article_it_is(article_pack: Pack, article_pack_text: str) -> None:
    assert article_pack.language == "en"
    assert "Foreign Policy" in article_pack.description
    assert article_pack.license == "CC-BY-4.0"
    first_line = article_pack_text.splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=../docs/pack.schema.json"
