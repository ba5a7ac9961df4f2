"""The domain check catalogue: each check a small function registered by id.

Importing this package imports every check family module, which registers its checks in :data:`CHECKS`.
Family modules are the modules of this package except :mod:`helpers` (shared by families) and :mod:`examples` (the pass
and fail examples, read only by ``rac explain`` and the tests).
"""

from __future__ import annotations

from reportascode.rules.registry import CHECKS, Check, CheckContext, register

__all__ = ["CHECKS", "Check", "CheckContext", "load_all", "register"]

_NOT_FAMILIES = frozenset({"examples", "helpers"})


def load_all() -> dict[str, Check]:
    """Import every check family module (each registers its checks on import) and return the catalogue."""
    import importlib
    import pkgutil

    for module in pkgutil.iter_modules(__path__):
        if module.name not in _NOT_FAMILIES and not module.name.startswith("_"):
            importlib.import_module(f"{__name__}.{module.name}")
    return CHECKS
