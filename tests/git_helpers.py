"""Temporary git repositories with pinned authors and dates, so history output is byte-stable."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path


class Repo:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.tick = 0
        root.mkdir(parents=True, exist_ok=True)
        self.git("init", "-q", "-b", "main")
        self.git("config", "user.name", "Fixture Author")
        self.git("config", "user.email", "fixture@example.com")
        self.git("config", "commit.gpgsign", "false")
        self.git("config", "tag.gpgsign", "false")

    def env(self, author: str = "Fixture Author") -> dict[str, str]:
        date = f"2025-03-{1 + self.tick // 24:02d}T{self.tick % 24:02d}:00:00+08:00"
        env = dict(os.environ)
        env.update(GIT_AUTHOR_NAME=author, GIT_AUTHOR_EMAIL=f"{author.split()[0].lower()}@example.com",
                   GIT_COMMITTER_NAME=author, GIT_COMMITTER_EMAIL=f"{author.split()[0].lower()}@example.com",
                   GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
        return env

    def git(self, *args: str, author: str = "Fixture Author", check: bool = True) -> str:
        done = subprocess.run(["git", *args], cwd=self.root, env=self.env(author), capture_output=True, text=True)
        if check and done.returncode != 0:
            raise AssertionError(f"git {' '.join(args)}: {done.stderr}")
        return done.stdout

    def commit(self, message: str, author: str = "Fixture Author") -> str:
        self.tick += 1
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message, author=author)
        return self.git("rev-parse", "HEAD").strip()

    def edit(self, path: str, old: str, new: str) -> None:
        file = self.root / path
        text = file.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{old!r} must occur once in {path}"
        file.write_text(text.replace(old, new), encoding="utf-8")
