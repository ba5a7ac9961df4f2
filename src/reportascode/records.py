"""Record classes without ``@dataclass``, for the modules every ``rac validate`` imports.

Creating a dataclass compiles its ``__init__``, ``__repr__``, ``__eq__`` (and for a frozen one ``__hash__``,
``__setattr__``, ``__delattr__``) from generated source each time the program starts: ~0.5 ms a class, ~8 ms for
the seventeen records on the validate path, more than a warm ``rac validate`` spends validating. A record here
writes its ``__init__`` out (kept compiled in the ``.pyc`` like any code) and names its fields in ``FIELDS``;
this base gives the rest as dataclasses do: equality over the compared fields of two records of the same class,
a hash for frozen records (none for mutable ones), the ``repr`` and :meth:`Record.replace`."""

from __future__ import annotations

# ``typing`` is imported only by the type checker: it costs ~3 ms of every ``rac validate`` (tests/
# test_startup_imports.py). With ``from __future__ import annotations`` no annotation is evaluated at run time.
TYPE_CHECKING = False
if TYPE_CHECKING:  # a TypeVar bound by name costs ~1 ms to make at import; only the type checker needs it
    from typing import Any, ClassVar, TypeVar

    _R = TypeVar("_R", bound="Record")


class FrozenRecordError(AttributeError):
    """A field of a frozen record assigned or deleted (``dataclasses.FrozenInstanceError`` for these records)."""


class Record:
    """A mutable record: ``FIELDS`` in ``__init__``'s order; ``COMPARED``: those equality uses (all when
    ``None``); ``SHOWN``: those the ``repr`` shows (all when ``None``)."""

    FIELDS: ClassVar[tuple[str, ...]] = ()
    COMPARED: ClassVar[tuple[str, ...] | None] = None
    SHOWN: ClassVar[tuple[str, ...] | None] = None

    def _compared(self) -> tuple[Any, ...]:
        return tuple([getattr(self, name) for name in self.COMPARED or self.FIELDS])

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Record)
        return self._compared() == other._compared()

    # no __hash__: a class that defines __eq__ alone is unhashable, as a mutable dataclass is

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.SHOWN or self.FIELDS)
        return f"{type(self).__qualname__}({shown})"

    def replace(self: _R, **changes: Any) -> _R:
        """A copy with ``changes`` (``dataclasses.replace``); a name that is not a field is a TypeError."""
        values = {name: getattr(self, name) for name in self.FIELDS}
        values.update(changes)
        return type(self)(**values)


class FrozenRecord(Record):
    """A record whose fields are set once, in ``__init__`` (through ``object.__setattr__``), and hashable."""

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenRecordError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenRecordError(f"cannot delete field {name!r}")

    def __hash__(self) -> int:
        return hash(self._compared())
