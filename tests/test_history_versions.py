"""History parses file versions section by section (history/versions.py): whatever the text, the data and whether
it parses are exactly what the loader gives for the whole file."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from reportascode.history.versions import VersionParser
from reportascode.model.loader import load_bytes
from tests.conftest import SAMPLE_REPORTS

TRICKY = [
    "a: 1\nb: 2\n",
    "# head\n\na: 1\n# between\nb:\n- 1\n- 2\nc: {x: [1, 2]}\n",
    "a: 1\na: 2\n",  # a duplicate key: the loader's finding
    "a: &x 1\nb: *x\n",  # an alias refers to another section
    "a: !!str 38\nb: 1\n",
    "%YAML 1.2\n---\na: 1\n",
    "a: 1\n---\nb: 2\n",
    'a: "two\nb: lines"\nc: 1\n',  # a quoted scalar over a line that looks like a key
    "a: [1,\nb, 2]\n",
    "a: |+\n  kept\n\n\nb: 1\n",
    "a: >\n  folded\n  text\nb: 'x'\n",
    "a:\n\tb: 1\n",  # a tab
    "a:\tb\n",
    "- id: 1\n  n: a\n# note\n- id: 2\n  n: b\n",
    "- 1\n- 2\nkey: 3\n",
    "-x\n- 1\n",
    "a: 1\n-x\n",
    "  a: 1\nb: 2\n",
    "# only a comment\n",
    "",
    "plain scalar\n",
    "yes: 1\nnull: 2\ntrue: 3\n",
    "a: 1\r\nb: 2\r\n",
    "\ufeffa: 1\nb: 2\n",
    "a: 1\n" + "#" * 5000 + "\nb: 2\n",
    "#" * 5000 + "\na: 1\n",
    "a: " + "[" * 70 + "]" * 70 + "\nb: 1\n",
    "a: '" + "[" * 70 + "'\nb: 1\n",
    "a:\n" + "".join(f"  {'  ' * i}k{i}:\n" for i in range(70)),
    "a: \"\\U00110000\"\nb: 1\n",
    "a: 1\nb: \u3000x\n",
    "a: 0x1F\nb: 1.50\nc: 1e999999\nd: 007\n",
]


def _check(parser: VersionParser, text: str | bytes) -> None:
    raw = text if isinstance(text, bytes) else text.encode("utf-8")
    ok, data, sections = parser.parse(raw, "reports/2024/operations.yaml")
    doc = load_bytes(raw, "reports/2024/operations.yaml")
    assert ok == doc.ok, text
    assert data == (doc.data if doc.ok else None), text
    if sections is not None:
        assert [key for key, _, _ in sections] == list(data)


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_texts_parse_as_a_whole(text: str) -> None:
    _check(VersionParser(), text)
    shared = VersionParser()  # and after the sections of the other texts were seen
    for other in TRICKY:
        _check(shared, other)
    _check(shared, text)


@pytest.mark.parametrize("name", sorted(p.name for p in (SAMPLE_REPORTS / "2024").glob("*.yaml")))
def test_mutated_versions_of_each_sample_file(name: str) -> None:
    """Versions made by cutting, repeating, dedenting and editing lines: each the loader's answer."""
    lines = (SAMPLE_REPORTS / "2024" / name).read_text(encoding="utf-8").split("\n")
    parser = VersionParser()
    chosen = random.Random(name)
    _check(parser, "\n".join(lines))
    for _ in range(60):
        version = list(lines)
        for _ in range(chosen.randint(1, 3)):
            at = chosen.randrange(len(version))
            edit = chosen.choice(["drop", "repeat", "dedent", "digit", "swap", "tab", "alias"])
            if edit == "drop":
                del version[at]
            elif edit == "repeat":
                version.insert(at, version[at])
            elif edit == "dedent":
                version[at] = version[at].lstrip(" ")
            elif edit == "digit":
                version[at] = version[at].replace("1", "7", 1)
            elif edit == "swap" and at + 1 < len(version):
                version[at], version[at + 1] = version[at + 1], version[at]
            elif edit == "tab":
                version[at] = "\t" + version[at]
            elif edit == "alias":
                version[at] = version[at] + " &x"
        _check(parser, "\n".join(version))


def test_keys_of_nested_blocks_start_sections() -> None:
    text = "# head\na:\n  b: 1\nc: 2\nd:\n- 1\ne:"
    _, data, sections = VersionParser().parse(text.encode(), "operations.yaml")
    assert sections is not None and [key for key, _, _ in sections] == ["a", "c", "d", "e"]
    assert data == load_bytes(text.encode(), "operations.yaml").data


def test_unchanged_sections_share_their_value() -> None:
    """What lets blame and log skip an unchanged section: it is the same object in both versions."""
    parser = VersionParser()
    text = (SAMPLE_REPORTS / "2024" / "operations.yaml").read_text(encoding="utf-8")
    _, first, sections = parser.parse(text.encode(), "operations.yaml")
    assert sections is not None
    _, second, _ = parser.parse(text.replace("clients_signed: 38", "clients_signed: 39").encode(), "operations.yaml")
    shared = [key for key in first if first[key] is second[key]]
    assert len(shared) == len(first) - 1


def test_a_file_of_too_many_nodes_is_refused_as_the_loader_refuses_it(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from reportascode.history import versions
    from reportascode.model import loader

    monkeypatch.setattr(loader, "MAX_NODES", 50)
    monkeypatch.setattr(versions, "MAX_NODES", 50)
    text = "".join(f"k{i}: [1, 2, 3]\n" for i in range(20))
    _check(VersionParser(), text)
    assert not load_bytes(text.encode(), "x.yaml").ok
