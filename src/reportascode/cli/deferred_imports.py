"""Imported first by the ``rac`` command: standard modules that are imported on its path but rarely used run
their code on first use instead, before anything imports them.

``inspect`` (with ast, dis and tokenize: ~7 ms of a ~100 ms ``rac validate``) is imported by ``dataclasses``,
which uses it only to write a docstring for a dataclass that has none; rac's dataclasses on the validate path have
theirs (tests/test_cli.py checks that validation leaves ``inspect`` unrun). Until then ``sys.modules["inspect"]``
is the module object with its spec and nothing else; the first attribute it lacks runs the module's code in it,
so whoever uses ``inspect`` gets the real module, the same object everywhere. (importlib's LazyLoader would run it
on ``import inspect`` already, which reads ``__spec__``.)"""

from __future__ import annotations

import importlib.util
import sys
import types
from typing import Any

DEFERRED = ("inspect",)


class _DeferredModule(types.ModuleType):
    def __getattr__(self, name: str) -> Any:
        self.__class__ = types.ModuleType  # type: ignore[assignment]  # an ordinary module from here on
        self.__spec__.loader.exec_module(self)  # type: ignore[union-attr]
        return getattr(self, name)


def defer(name: str) -> None:
    if name in sys.modules:
        return
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
        return
    module = importlib.util.module_from_spec(spec)
    module.__class__ = _DeferredModule
    sys.modules[name] = module


for _name in DEFERRED:
    defer(_name)
