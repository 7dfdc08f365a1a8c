"""The runtime pack objects (pack.py) mirror the pydantic models field for field."""

from __future__ import annotations

import copy
import pickle
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import BaseModel

from quizgame.packs import load_pack, models, pack
from quizgame.packs.pack import Record, from_model

from .conftest import VALID_PATH

ARTICLE = Path(__file__).resolve().parents[2] / "questions" / "trump-putin-g20.yaml"


def _model_classes() -> dict[str, type[BaseModel]]:
    """Every model class of the format, the hidden base classes included."""
    return {
        name: value
        for name, value in vars(models).items()
        if isinstance(value, type) and issubclass(value, BaseModel) and value.__module__ == models.__name__
    }


def _runtime_class(model: type[BaseModel]) -> type[Record]:
    name = model.__name__
    if name == "_QuestionBase":
        return pack.QuestionBase
    return pack.RECORDS[name]


def _annotated(cls: type) -> list[str]:
    names: list[str] = []
    for klass in reversed(cls.__mro__):
        names += [name for name in vars(klass).get("__annotations__", {}) if name != "_fields"]
    return names


def test_every_concrete_model_has_a_runtime_class() -> None:
    concrete = {name for name in _model_classes() if not name.startswith("_")}
    assert concrete == set(pack.RECORDS)


@pytest.mark.parametrize("name", sorted(set(_model_classes()) - {"_Model"}))
def test_the_runtime_class_has_exactly_the_models_fields_in_order(name: str) -> None:
    model = _model_classes()[name]
    runtime = _runtime_class(model)

    assert runtime._fields == tuple(model.model_fields)
    assert _annotated(runtime) == list(model.model_fields)


def test_the_shared_constants_are_the_models() -> None:
    assert models.FORMAT_VERSION == pack.FORMAT_VERSION == 1
    assert models.Pack.model_fields["format_version"].annotation.__args__ == (pack.FORMAT_VERSION,)
    question_types = [cls.model_fields["type"].annotation.__args__[0] for cls in (
        models.SingleQuestion, models.MultipleQuestion, models.TrueFalseQuestion, models.ShortQuestion
    )]
    assert tuple(question_types) == pack.QUESTION_TYPES


def _same(model_value: Any, runtime_value: Any) -> None:
    """Runtime values are the model's, with lists as tuples and models as records."""
    if isinstance(model_value, BaseModel):
        assert type(runtime_value).__name__ == type(model_value).__name__
        for name in type(model_value).model_fields:
            _same(getattr(model_value, name), getattr(runtime_value, name))
    elif isinstance(model_value, list):
        assert isinstance(runtime_value, tuple) and len(runtime_value) == len(model_value)
        for a, b in zip(model_value, runtime_value):
            _same(a, b)
    else:
        assert type(runtime_value) is type(model_value) and runtime_value == model_value


@pytest.mark.parametrize("path", [ARTICLE, VALID_PATH], ids=["article", "fixture"])
def test_from_model_keeps_every_value_and_helper(path: Path) -> None:
    model = models.Pack.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    runtime = from_model(model)

    _same(model, runtime)
    for m, r in zip(model.questions, runtime.questions):
        assert r.base_points == m.base_points
        assert r.quote_fragments == m.quote_fragments
    for section in model.sections:
        assert runtime.section(section.id) == from_model(section)
    with pytest.raises(KeyError):
        runtime.section("no-such-section")


def test_the_loader_hands_over_runtime_objects(pack_dir: Path) -> None:
    loaded = load_pack(VALID_PATH, cache=False)

    assert type(loaded.pack) is pack.Pack
    assert [type(q).__name__ for q in loaded.pack.questions] == [
        "SingleQuestion",
        "MultipleQuestion",
        "TrueFalseQuestion",
        "ShortQuestion",
    ]
    assert not any(isinstance(q, BaseModel) for q in loaded.pack.questions)


def test_runtime_objects_are_read_only() -> None:
    section = pack.Section("winter", "The long winter", None)
    with pytest.raises(AttributeError):
        section.title = "Summer"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del section.title
    with pytest.raises(AttributeError):
        section.colour = "blue"  # type: ignore[attr-defined]
    assert section.title == "The long winter"


def test_runtime_objects_compare_hash_copy_and_pickle_by_value() -> None:
    loaded = load_pack(VALID_PATH, cache=False).pack
    again = load_pack(VALID_PATH, cache=False).pack

    assert loaded == again and loaded is not again
    assert hash(loaded) == hash(again)
    assert pickle.loads(pickle.dumps(loaded, protocol=pickle.HIGHEST_PROTOCOL)) == loaded
    assert copy.deepcopy(loaded) == loaded
    assert pack.Section("a", "A", None) != pack.Section("a", "B", None)
    # Same values, different kinds of record: not equal.
    assert pack.Section("a", "A", None) != ("a", "A", None)


def test_records_are_built_by_position_or_name_and_every_field_is_needed() -> None:
    same = pack.Section("a", "A", None)
    assert pack.Section("a", "A", description=None) == pack.Section(id="a", title="A", description=None) == same
    assert repr(same) == "Section(id='a', title='A', description=None)"
    with pytest.raises(TypeError, match="needs 'description'"):
        pack.Section(id="a", title="A")
    with pytest.raises(TypeError, match="no field colour"):
        pack.Section("a", "A", None, colour="blue")
    with pytest.raises(TypeError, match="takes 3 fields, got 4"):
        pack.Section("a", "A", None, "extra")
