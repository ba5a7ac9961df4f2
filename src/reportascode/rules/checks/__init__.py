"""The domain check catalogue: each check a small function registered by id in the rule registry.

Importing a family module registers its checks (:func:`reportascode.rules.registry.register`);
:func:`import_families` imports them all. Family modules are the modules of this package except :mod:`helpers`
(shared by families) and :mod:`examples` (the pass and fail examples, read only by ``rac explain`` and the tests).
"""

from __future__ import annotations

from reportascode.rules.registry import CheckContext, Rule, register

__all__ = ["CheckContext", "Rule", "import_families", "register"]

_NOT_FAMILIES = frozenset({"examples", "helpers"})
_imported = False


def import_families() -> None:
    """Import every check family module once (each registers its checks on import)."""
    global _imported
    if _imported:
        return
    import importlib
    import pkgutil

    for module in pkgutil.iter_modules(__path__):
        if module.name not in _NOT_FAMILIES and not module.name.startswith("_"):
            importlib.import_module(f"{__name__}.{module.name}")
    _imported = True
