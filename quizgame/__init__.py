"""quizgame: a trivia game for the terminal, every answer backed by a verified source quote."""

__version__ = "0.1.0"
