"""The package layout shows the layers of docs/architecture.md, and the import graph respects them."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pytest
import tomllib

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "reportascode"
ROOT = PACKAGE.parent.parent

# Lower number = lower layer. A module may import its own layer or lower ones, never a higher one.
LAYERS: dict[str, int] = {
    "messages": 0, "errors": 0,
    "files": 1,
    "model": 2,
    "rules": 3,
    "history": 4, "diff": 4, "reconcile": 4, "validate": 4, "render": 4, "trends": 4, "authoring": 4,
    "publish": 5, "lsp": 5, "workbook": 5,
    "cli": 6, "__main__": 6, "__init__": 0, "records": 0,
}


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        found[".".join(parts)] = path
    return found


def _imports(path: Path) -> set[str]:
    """The reportascode modules (relative names) a file imports, at module level or inside functions."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("reportascode"):
            base = node.module.removeprefix("reportascode").lstrip(".")
            for alias in node.names:
                names.add(f"{base}.{alias.name}".lstrip("."))
                names.add(base)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("reportascode."):
                    names.add(alias.name.removeprefix("reportascode."))
    return {n for n in names if n}


def _top(module: str) -> str:
    return module.split(".")[0]


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        graph[name] = {n for n in _imports(path) if n in modules or n.removesuffix(".__init__") in modules}
    return graph


def test_every_top_level_package_has_a_layer() -> None:
    tops = {_top(m) for m in _modules()}
    assert tops <= set(LAYERS), f"place these in LAYERS and docs/architecture.md: {sorted(tops - set(LAYERS))}"


def test_no_import_from_a_lower_layer_to_a_higher_one() -> None:
    wrong = []
    for module, imported in _graph().items():
        for target in imported:
            if _top(target) in LAYERS and LAYERS[_top(target)] > LAYERS[_top(module)]:
                wrong.append(f"{module} → {target}")
    assert not wrong, "imports against the layers:\n" + "\n".join(sorted(wrong))


def test_packages_import_each_other_without_cycles() -> None:
    edges: dict[str, set[str]] = {}
    for module, imported in _graph().items():
        for target in imported:
            if _top(target) != _top(module):
                edges.setdefault(_top(module), set()).add(_top(target))
    seen: dict[str, int] = {}
    path: list[str] = []

    def visit(node: str) -> None:
        seen[node] = 1
        path.append(node)
        for nxt in sorted(edges.get(node, ())):
            if seen.get(nxt) == 1:
                pytest.fail("package import cycle: " + " → ".join([*path[path.index(nxt):], nxt]))
            if nxt not in seen:
                visit(nxt)
        path.pop()
        seen[node] = 2

    for node in sorted(edges):
        if node not in seen:
            visit(node)


def test_no_two_modules_share_a_name() -> None:
    names = Counter(p.stem for p in PACKAGE.rglob("*.py") if p.stem not in ("__init__", "__main__"))
    packages = {p.parent.name for p in PACKAGE.rglob("__init__.py")}
    twice = sorted(n for n, c in names.items() if c > 1)
    assert not twice, f"module names used more than once: {twice}"
    clash = sorted(set(names) & packages)
    assert not clash, f"module names that are also package names: {clash}"


def test_every_declared_dependency_is_imported() -> None:
    """A core dependency nobody imports is dead weight in every install (GitPython was one)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    import_names = {"ruamel.yaml": "ruamel", "jsonschema-rs": "jsonschema_rs", "pyyaml": "yaml",
                    "python-docx": "docx"}
    source = "\n".join(p.read_text(encoding="utf-8") for p in PACKAGE.rglob("*.py"))
    unused = []
    for requirement in project["dependencies"]:
        name = requirement.split(";")[0].split(">")[0].split("=")[0].split("<")[0].strip().lower()
        module = import_names.get(name, name.replace("-", "_"))
        if f"import {module}" not in source and f"from {module}" not in source:
            unused.append(name)
    assert not unused, f"declared but never imported: {unused}"


def test_architecture_doc_names_every_package() -> None:
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    missing = sorted(t for t in LAYERS if not t.startswith("__") and f"`{t}" not in text)
    assert not missing, f"docs/architecture.md does not describe: {missing}"
