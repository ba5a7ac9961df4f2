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

    for module in family_modules():
        importlib.import_module(module)
    _imported = True


_families: list[str] = []


def family_modules() -> list[str]:
    """The full names of the check family modules (without importing them; listed once a run)."""
    if not _families:
        _families.extend(f"{__name__}.{name}" for name in _module_names(__path__)
                         if name not in _NOT_FAMILIES and not name.startswith("_"))
    return _families


def _module_names(folders: list[str]) -> list[str]:
    """The modules in ``folders``, in pkgutil.iter_modules' order (without pkgutil, which loads ``inspect``:
    see cli/deferred_imports.py)."""
    import importlib.machinery
    import os

    suffixes = sorted(importlib.machinery.all_suffixes(), key=len, reverse=True)
    names: list[str] = []
    for folder in folders:
        try:
            entries = sorted(os.listdir(folder))
        except OSError:
            continue
        for entry in entries:
            name = next((entry[: -len(s)] for s in suffixes if entry.endswith(s)), None)
            if name is None and "." not in entry and os.path.isfile(os.path.join(folder, entry, "__init__.py")):
                name = entry
            if name and name != "__init__" and "." not in name and name not in names:
                names.append(name)
    return names
