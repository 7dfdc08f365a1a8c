"""`quizgame lint`: the faults a careful reviewer finds in a valid pack.

Leaks, the same fact asked twice, explanations that restate the answer or copy the source,
giveaway choices, answer patterns, short answers that refuse the source's own wording, and
the pack's mix of difficulties. Every rule is deterministic and explained in docs/lint.md;
codes.py lists them. The entry point is run.lint_path.
"""
