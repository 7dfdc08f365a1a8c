"""What the engine raises when it is used wrongly. Every message is fit to show a person."""

from __future__ import annotations


class EngineError(Exception):
    """Base class: the session was asked to do something it cannot do."""


class OptionsError(EngineError):
    """Session options that make no sense for this pack (unknown section, bad count...)."""


class EmptySelectionError(EngineError):
    """The filters leave no question to ask."""


class SessionStateError(EngineError):
    """A call that does not fit where the session is (answering before showing...)."""


class SessionFinishedError(SessionStateError):
    """Every question has been answered already."""


class InvalidResponseError(EngineError):
    """A response of the wrong kind for the question, or a choice that is not offered."""


class RestoreError(EngineError):
    """Stored answers that do not fit this session."""
