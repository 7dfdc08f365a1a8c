"""Small read-only records for the objects the game builds at start-up (packs, options).

Plain classes with __slots__ rather than frozen dataclasses: the game's time to its first
question is measured against a bare Textual app (benchmarks/bench_tui.py), and every
dataclass defined on the way costs more than the rest of its module.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    from typing import Self

_set = object.__setattr__


class Record:
    """Read-only fields in __slots__, compared and hashed by value.

    Chosen over frozen dataclasses because defining one of those costs the game's start-up
    one to two milliseconds each; these cost a few microseconds. Built with every field
    given, by position or by name, in __slots__ order; a subclass with defaults or checks
    writes its own __init__ and passes the final values on.
    """

    __slots__ = ()
    _fields: ClassVar[tuple[str, ...]] = ()

    def __init_subclass__(cls) -> None:
        super().__init_subclass__()
        cls._fields = cls._fields + tuple(cls.__dict__.get("__slots__", ()))

    def __init__(self, *values: Any, **named: Any) -> None:
        fields = self._fields
        if named:
            try:
                values += tuple(named.pop(name) for name in fields[len(values) :])
            except KeyError as missing:
                raise TypeError(f"{type(self).__name__}() needs {missing}") from None
            if named:
                raise TypeError(f"{type(self).__name__}() has no field {', '.join(named)}")
        if len(values) != len(fields):
            raise TypeError(f"{type(self).__name__}() takes {len(fields)} fields, got {len(values)}")
        for name, value in zip(fields, values):
            _set(self, name, value)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def _values(self) -> tuple[Any, ...]:
        return tuple([getattr(self, name) for name in self._fields])

    def replace(self, **changes: Any) -> Self:
        """A copy with some fields changed, built (and checked) through __init__ again."""
        values = dict(zip(self._fields, self._values()))
        unknown = set(changes) - values.keys()
        if unknown:
            raise TypeError(f"{type(self).__name__} has no field {', '.join(sorted(unknown))}")
        return type(self)(**{**values, **changes})

    def __reduce__(self) -> tuple[type[Record], tuple[Any, ...]]:
        # Pickle by position: the default would restore slots through __setattr__.
        return (type(self), self._values())

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash((type(self), self._values()))

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"{type(self).__name__}({shown})"
