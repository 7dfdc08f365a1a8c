"""The pack format as JSON Schema, generated from the models, for editors and other tools."""

from __future__ import annotations

import json
from typing import Any

from quizgame.packs.models import FORMAT_VERSION, SCHEMA_URL, Pack

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def pack_schema() -> dict[str, Any]:
    schema = Pack.model_json_schema(by_alias=True)
    return {
        "$schema": JSON_SCHEMA_DIALECT,
        "$id": SCHEMA_URL,
        **schema,
        "title": f"quizgame question pack (format {FORMAT_VERSION})",
    }


def render() -> str:
    """The schema as written to files and printed by `quizgame schema`."""
    return json.dumps(pack_schema(), indent=2, ensure_ascii=False) + "\n"
