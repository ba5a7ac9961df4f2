"""The sample's 2024 report committed and frozen in a fresh repository, and the correction record of a later edit
to ``clients_signed``: the starting point of the lock tests and of the CI-example tests."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import SAMPLE_REPORTS, run_rac
from tests.gitrepo import GitRepo

CORRECTION = ("- date: 2025-04-10\n  reason: 年末签约客户数复核更正\n  approver: 周启明\n"
              "  fields: [\"operations.yaml#/clients_signed\"]\n")


def frozen_sample(root: Path) -> GitRepo:
    repo = GitRepo(root)
    repo.copy(SAMPLE_REPORTS / "2024", "reports/2024")
    repo.commit("2024 report")
    run = run_rac("freeze", "reports/2024", cwd=repo.root)
    assert run.code == 0, run.out + run.err
    return repo
