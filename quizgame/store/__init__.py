"""The results store: sessions and answers in SQLite, and the queries behind the reports.

Plain data in, plain data out: the store never imports the engine or the TUI.
"""

from quizgame.store.connection import QUICK_RETRY, RetryPolicy
from quizgame.store.errors import (
    StoreCorrupt,
    StoreError,
    StoreFull,
    StoreLocked,
    StoreOutdated,
    StoreReadOnly,
    StoreTooNew,
    UnknownSession,
)
from quizgame.store.recorder import Recorder, RecorderStatus
from quizgame.store.rows import (
    AnswerRecord,
    ClockRecord,
    LeaderboardEntry,
    PackVersion,
    QuestionStats,
    SessionInfo,
    SessionRecord,
    StoredAnswer,
    new_id,
    utc_now,
)
from quizgame.store.schema import CURRENT_VERSION
from quizgame.store.store import (
    EXPORT_COLUMNS,
    ExportRow,
    ResultsStore,
    StoreMissing,
    resolve_db_path,
)

__all__ = [
    "CURRENT_VERSION",
    "EXPORT_COLUMNS",
    "QUICK_RETRY",
    "AnswerRecord",
    "ClockRecord",
    "ExportRow",
    "LeaderboardEntry",
    "PackVersion",
    "QuestionStats",
    "Recorder",
    "RecorderStatus",
    "ResultsStore",
    "RetryPolicy",
    "SessionInfo",
    "SessionRecord",
    "StoreCorrupt",
    "StoreError",
    "StoreFull",
    "StoreLocked",
    "StoreMissing",
    "StoreOutdated",
    "StoreReadOnly",
    "StoreTooNew",
    "StoredAnswer",
    "UnknownSession",
    "new_id",
    "resolve_db_path",
    "utc_now",
]
