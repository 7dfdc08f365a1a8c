"""Between the engine and the results store: every answer saved as it is given, off the
caller's thread, and unfinished sessions found again for resuming.

The engine knows nothing of the store and the store nothing of the engine; this package is
the one place that knows both. It imports neither Textual nor the TUI, so a future web
front end can use it as it is.
"""

from quizgame.saving.engine_rows import answer_record, session_record
from quizgame.saving.resume import ResumeOffer, find_resumable, lookup_resumable
from quizgame.saving.saver import GameSaver
from quizgame.saving.writer import ResultsWriter

__all__ = [
    "GameSaver",
    "ResultsWriter",
    "ResumeOffer",
    "answer_record",
    "find_resumable",
    "lookup_resumable",
    "session_record",
]
