"""The one name check, used wherever a name comes in."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from quizgame.engine.names import MAX_NAME_LENGTH, InvalidName, check_name
from quizgame.safe_text import find_unsafe

CONTROL_OR_BIDI = st.sampled_from(
    [chr(c) for c in range(0x20)] + [chr(c) for c in range(0x7F, 0xA0)]
    + list("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2028\u2029")
)


@given(st.text(max_size=60))
def test_a_checked_name_is_trimmed_plain_and_fits(raw: str) -> None:
    try:
        name = check_name(raw)
    except InvalidName as error:
        assert find_unsafe(str(error), one_line=True) is None  # the message is safe to show
        return
    assert name == name.strip() and 1 <= len(name) <= MAX_NAME_LENGTH
    assert find_unsafe(name, one_line=True) is None
    assert check_name(name) == name  # checking twice changes nothing


@given(st.text(min_size=1, max_size=15), CONTROL_OR_BIDI, st.text(max_size=15))
def test_a_name_holding_a_control_or_bidi_character_is_refused(before: str, char: str, after: str) -> None:
    raw = f"x{before}{char}{after}x"
    assume(len(raw) <= MAX_NAME_LENGTH)
    with pytest.raises(InvalidName, match="cannot hold control or text-direction characters"):
        check_name(raw)


def test_the_issue_s_name_is_refused_with_a_plain_message() -> None:
    with pytest.raises(InvalidName) as caught:
        check_name("\x1b[31mX\x1b]0;pwned\a")
    assert str(caught.value) == (
        "a name cannot hold control or text-direction characters (U+001B at character 1)"
    )


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("", "a name cannot be empty"),
        ("   \t ", "a name cannot be empty"),
        ("x" * 41, "a name can be at most 40 characters (this one has 41)"),
        ("Ann\tLee", "a name cannot hold control or text-direction characters (U+0009 at character 4)"),
        ("Ann\nLee", "a name cannot hold control or text-direction characters (U+000A at character 4)"),
        (42, "a name must be text"),
    ],
)
def test_unusable_names(raw, message: str) -> None:
    with pytest.raises(InvalidName) as caught:
        check_name(raw)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("  Ann  ", "Ann"),
        ("Zoe\u0308", "Zoë"),  # NFC, as the store compares names
        ("x" * 40, "x" * 40),
        ("[b]Bob[/b]", "[b]Bob[/b]"),  # markup is just text
        ('=HYPERLINK("http://evil")', '=HYPERLINK("http://evil")'),  # the export guards it
        ("@SUM(1)", "@SUM(1)"),
        ("+cmd", "+cmd"),
        ("-2+3", "-2+3"),
        ("Ahmad \u0645\u062d\u0645\u062f", "Ahmad \u0645\u062d\u0645\u062f"),  # right-to-left letters are fine
    ],
)
def test_usable_names(raw: str, name: str) -> None:
    assert check_name(raw) == name
