"""Tests for wikikg.model.record: each record's __init__ makes what dataclasses' own __init__ makes."""
from __future__ import annotations

import dataclasses
import inspect

import pytest

from wikikg import model
from wikikg.model import GENERATED_INITS, Mention, record

CLASSES = sorted(GENERATED_INITS, key=lambda c: c.__name__)


def _args(cls) -> list:
    """A distinct value for each field (objects of their own, so the checks see which went where)."""
    return [object() for _ in dataclasses.fields(cls)]


def _made_by_dataclasses(cls, *args, **kwargs):
    obj = object.__new__(cls)
    GENERATED_INITS[cls](obj, *args, **kwargs)
    return obj


def test_every_record_of_the_model_is_generated():
    frozen = [c for c in vars(model).values() if dataclasses.is_dataclass(c) and c.__dataclass_params__.frozen]
    assert len(CLASSES) == len(frozen) >= 17


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_same_fields_in_the_same_order(cls):
    args = _args(cls)
    required = sum(1 for f in dataclasses.fields(cls) if f.default is dataclasses.MISSING
                   and f.default_factory is dataclasses.MISSING)
    for k in range(required, len(args) + 1):  # each number of positional arguments, defaults after
        ours, theirs = cls(*args[:k]), _made_by_dataclasses(cls, *args[:k])
        assert list(vars(ours).items()) == list(vars(theirs).items())
    names = [f.name for f in dataclasses.fields(cls)]
    kwargs = dict(zip(reversed(names), reversed(args), strict=True))
    assert list(vars(cls(**kwargs)).items()) == list(vars(_made_by_dataclasses(cls, **kwargs)).items())
    assert inspect.signature(cls).parameters.keys() == inspect.signature(GENERATED_INITS[cls]).parameters.keys() - {"self"}


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_still_frozen_and_strict_about_arguments(cls):
    obj = cls(*_args(cls))
    with pytest.raises(dataclasses.FrozenInstanceError):
        obj.x = 1
    with pytest.raises(TypeError):
        cls(*_args(cls), object())
    with pytest.raises(TypeError):
        cls(no_such_field=1)


def test_a_factory_default_is_called_per_record():
    @record
    class Bag:
        name: str
        items: list = dataclasses.field(default_factory=list)

    a, b = Bag("a"), Bag("b")
    assert a.items == [] and a.items is not b.items
    assert Bag("c", [1]).items == [1]


def test_equality_hash_and_replace_unchanged():
    m = Mention("A", "A", False, frozenset({"Person"}), start=1, end=2)
    assert m == _made_by_dataclasses(Mention, "A", "A", False, frozenset({"Person"}), start=1, end=2)
    assert hash(m) == hash(dataclasses.replace(m))
    assert dataclasses.replace(m, start=5).start == 5 and dataclasses.replace(m, start=5).end == 2
