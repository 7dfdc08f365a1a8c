"""One module per `quizgame` command, each exposing `run(args) -> int` (the exit code)."""
