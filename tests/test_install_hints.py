"""Hints name the install command that fits how rac itself was installed (issue 16 item 8): from a clone, the extra
from that folder; with pipx, an injection into rac's environment; otherwise from the package index. Read from the
installed distribution's metadata, nothing run."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path

import pytest

from reportascode.messages import install
from tests.conftest import run_rac

Origin = Callable[[str, str], None]


@pytest.fixture
def origin(monkeypatch: pytest.MonkeyPatch) -> Origin:
    """Pretend rac was installed another way: ("clone", folder), ("pipx", ""), ("index", "")."""

    def set_origin(kind: str, folder: str) -> None:
        monkeypatch.setattr(install, "_origin", lambda: (kind, folder))

    return set_origin


@pytest.mark.parametrize(("kind", "folder", "expected"), [
    ("clone", "/home/me/reportascode", "pip install -e '/home/me/reportascode[pdf]'"),
    ("pipx", "", "pipx inject reportascode weasyprint"),
    ("index", "", "pip install 'reportascode[pdf]'"),
])
def test_the_command_fits_the_installation(origin: Origin, kind: str, folder: str, expected: str) -> None:
    origin(kind, folder)
    assert install.install_command("pdf", "weasyprint") == expected


def test_this_checkout_is_seen_as_a_clone() -> None:
    """The test suite runs from `pip install -e .` of this repository (the README's command)."""
    kind, folder = install._origin()
    if kind != "clone":
        pytest.skip("rac is not installed from a clone here")
    assert (Path(folder) / "pyproject.toml").is_file()


@pytest.mark.parametrize(("missing", "args", "words"), [
    ("weasyprint", ("render", "2024", "--format", "pdf", "--out", "out"), "[pdf]"),
    ("matplotlib", ("trends", "--render", "out"), "[charts]"),
])
def test_missing_extras_name_the_fitting_command(workspace: Path, origin: Origin, monkeypatch: pytest.MonkeyPatch,
                                                 missing: str, args: tuple[str, ...], words: str) -> None:
    origin("clone", "/src/rac")
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == missing else real(name, *a))
    run = run_rac(*args, "--lang", "en", cwd=workspace)
    assert run.code == 2, run.err
    assert f"pip install -e '/src/rac{words}'" in run.err


def test_init_says_how_to_get_pre_commit(tmp_path: Path, origin: Origin, monkeypatch: pytest.MonkeyPatch) -> None:
    from reportascode.cli import init_cmd

    origin("clone", "/src/rac")
    monkeypatch.setattr(init_cmd, "_precommit_available", lambda: False)
    run = run_rac("init", str(tmp_path / "ws"), "--company", "甲公司", "--licence", "B2-20203417", "--year", "2024",
                  "--lang", "en", cwd=tmp_path)
    assert run.code == 0, run.err
    assert "pre-commit is not installed" in run.err and "pip install -e '/src/rac[hooks]'" in run.err
