"""Imported first by the ``rac`` command: standard modules that are imported on its path but rarely used run
their code on first use instead, before anything imports them.

* ``inspect`` (with ast, dis and tokenize: ~7 ms of a ~100 ms ``rac validate``) is imported by ``dataclasses``,
  which uses it only to write a docstring for a dataclass that has none.
* ``urllib.parse`` (with ``ipaddress``: ~2 ms) is imported by ``pathlib`` for ``Path.as_uri`` alone.

Until then ``sys.modules[name]`` is the module object with its spec and nothing else; the first attribute it
lacks runs the module's code in it, so whoever uses the module gets the real one, the same object everywhere
(tests/test_startup_imports.py). A function another module takes from it while it waits (``from urllib.parse
import quote_from_bytes``) is a stand-in that runs the module and calls the real function. (importlib's
LazyLoader would run the module on ``import inspect`` already, which reads ``__spec__``.)"""

from __future__ import annotations

import _thread
import importlib.util
import sys
import types

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

# module -> the functions taken from it at import time by the modules that import it on rac's path
DEFERRED: dict[str, tuple[str, ...]] = {"inspect": (), "urllib.parse": ("quote_from_bytes",)}


_LOCK = _thread.RLock()  # one thread runs a deferred module; the others wait for it, as an import makes them
_RUNNING: dict[str, int] = {}  # module -> the thread running its code now (the one that holds the lock)


class _DeferredModule(types.ModuleType):
    def __getattr__(self, name: str) -> Any:
        if name == "__path__" or _RUNNING.get(self.__name__) == _thread.get_ident():  # ``from … import …``
            raise AttributeError(name)  # asks; or the module's own code asks of itself while it runs
        run(self)
        return getattr(self, name)


def run(module: types.ModuleType) -> None:
    """Run a deferred module's code (once): an ordinary module from here on, only once its code has run."""
    with _LOCK:
        if not isinstance(module, _DeferredModule) or module.__name__ in _RUNNING:
            return
        _RUNNING[module.__name__] = _thread.get_ident()
        try:
            module.__spec__.loader.exec_module(module)  # type: ignore[union-attr]
            module.__class__ = types.ModuleType  # type: ignore[assignment]
        finally:
            _RUNNING.pop(module.__name__, None)


def _stand_in(module: types.ModuleType, function: str) -> Callable[..., Any]:
    def call(*args: Any, **kwargs: Any) -> Any:
        run(module)
        return getattr(module, function)(*args, **kwargs)

    call.__name__ = call.__qualname__ = function
    return call


def defer(name: str, functions: tuple[str, ...] = ()) -> None:
    if name in sys.modules:
        return
    parent_name, _, child = name.rpartition(".")
    parent = importlib.import_module(parent_name) if parent_name else None
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
        return
    module = importlib.util.module_from_spec(spec)
    for function in functions:
        setattr(module, function, _stand_in(module, function))
    module.__class__ = _DeferredModule
    sys.modules[name] = module
    if parent is not None:
        setattr(parent, child, module)  # as an import binds a submodule to its package


for _name, _functions in DEFERRED.items():
    defer(_name, _functions)
