"""The exit codes of every `quizgame` command, defined once (listed in the README too).

Any layer may use them: a command returns one, and the few helpers that end a command
early (store/reading.py) return one.
"""

from __future__ import annotations

EXIT_OK = 0
# Problems found in what was read (a pack, a source text, the results database), or work
# that could not be done (a file that cannot be written).
EXIT_PROBLEMS = 1
# The command line is wrong: bad options, an unknown pack id or section, a missing path.
EXIT_USAGE = 2
# Stopped with ctrl+c (128 + SIGINT, as a shell reports it).
EXIT_INTERRUPTED = 130
