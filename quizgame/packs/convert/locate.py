"""Where each question of a pack file is, for messages about a pack being exported."""

from __future__ import annotations

from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from quizgame.packs.reader import read_document


def question_locations(data: bytes) -> list[tuple[int, int]]:
    """The 1-based line and column of each question's mapping, in pack order."""
    doc = read_document(data)
    root = doc.root
    if root is None or root.__class__ is not MappingNode:
        return []
    for key, value in root.value:
        if key.__class__ is ScalarNode and key.value == "questions" and value.__class__ is SequenceNode:
            return [(item.start_mark.line + 1, item.start_mark.column + 1) for item in value.value]
    return []
