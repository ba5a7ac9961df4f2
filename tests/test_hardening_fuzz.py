"""Property and fuzz tests of loading and validation (hypothesis, bounded and derandomized so CI is deterministic).

Whatever the bytes of a report file, ``rac validate --format json`` exits 0 or 1 (never 3), prints no traceback,
and every finding has a file, a line ≥ 1 and a column ≥ 1. Text is generated three ways: arbitrary bytes,
mutations of a real report file, and YAML-ish documents from a small grammar (keys, scalars of every YAML 1.1
and 1.2 trap, block and flow collections, indentation slips, anchors and aliases, tags, comments, directives,
Chinese text, BOMs, CRLF). On the grammar's documents the two parsers (libyaml for ``--engine fast``, ruamel.yaml
for ``--engine reference``) give the same data, positions and problems, and the two engines the same output.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportascode.model.loader import libyaml_available, load_bytes
from tests.conftest import SAMPLE_REPORTS, run_rac

FUZZ = settings(max_examples=200, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                       HealthCheck.filter_too_much, HealthCheck.data_too_large])
TARGETS = ("meta", "company", "operations", "finance", "trunks")


@pytest.fixture(scope="module")
def fuzz_workspace(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A small report (meta.yaml and the target files), so each run takes milliseconds."""
    root = tmp_path_factory.mktemp("fuzz") / "ws"
    folder = root / "reports" / "2024"
    folder.mkdir(parents=True)
    for name in TARGETS:
        shutil.copy(SAMPLE_REPORTS / "2024" / f"{name}.yaml", folder / f"{name}.yaml")
    yield root


ORIGINALS = {name: (SAMPLE_REPORTS / "2024" / f"{name}.yaml").read_bytes() for name in TARGETS}


def validate_with(root: Path, target: str, raw: bytes, engine: str = "fast") -> tuple[int, str]:
    """Write ``raw`` over one report file, validate, check the invariants, put the file back."""
    path = root / "reports" / "2024" / f"{target}.yaml"
    path.write_bytes(raw)
    try:
        run = run_rac("validate", "--format", "json", "--lang", "en", "--engine", engine, "reports/2024", cwd=root)
    finally:
        path.write_bytes(ORIGINALS[target])
    assert run.code in (0, 1), run.err
    assert "Traceback" not in run.err + run.out
    document = json.loads(run.out)
    for finding in document["findings"]:
        assert finding["file"], finding
        assert isinstance(finding["line"], int) and finding["line"] >= 1, finding
        assert isinstance(finding["column"], int) and finding["column"] >= 1, finding
        assert finding["message"] and finding["rule"], finding
    return run.code, run.out


# -- bytes -----------------------------------------------------------------------------------------------------------

@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, bytes]:
    """A real report file with a few spans of its text replaced, deleted or duplicated and YAML tokens put in;
    now and then hostile bytes (NUL, a lone UTF-8 lead byte, GBK, a BOM, an escape sequence) as well."""
    target = draw(st.sampled_from(TARGETS))
    text = ORIGINALS[target].decode("utf-8")
    tokens = st.sampled_from(["&a ", "*a", "!!python/object ", "!!str ", "[", "{", "]", "}", ": ", "- ", ", ",
                              "---\n", "...\n", "#", "'", '"', "|", ">", "\n  ", "\n", " ", "? ", "%YAML 1.1\n",
                              "~", "0", "1e9", "yes", "0755", "9" * 400, "\\", "\t", "星澜", "待填", "\u2028", "\x85"])
    for _ in range(draw(st.integers(1, 6))):
        position = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "replace", "duplicate", "insert", "duplicate"]))
        span = draw(st.integers(0, 40))
        insert = draw(tokens)
        if action == "insert":
            text = text[:position] + insert + text[position:]
        elif action == "delete":
            text = text[:position] + text[position + span:]
        elif action == "replace":
            text = text[:position] + insert + text[position + span:]
        else:
            text = text[:position] + text[position:position + span] + text[position:]
    raw = text.encode("utf-8")
    if draw(st.integers(0, 7)) == 0:
        hostile = draw(st.sampled_from([b"\x00", b"\r", b"\xff\xfe", b"\xef\xbb\xbf", b"\xc3", b"\xe4\xb8",
                                        "填".encode("gbk"), b"\x1b[31m"]) | st.binary(min_size=1, max_size=8))
        position = draw(st.integers(0, len(raw)))
        raw = raw[:position] + hostile + raw[position:]
    return target, raw


@FUZZ
@given(target=st.sampled_from(TARGETS), raw=st.binary(max_size=3000))
def test_arbitrary_bytes_never_crash(fuzz_workspace: Path, target: str, raw: bytes) -> None:
    validate_with(fuzz_workspace, target, raw)


@FUZZ
@given(case=mutated())
def test_mutated_report_files_never_crash(fuzz_workspace: Path, case: tuple[str, bytes]) -> None:
    validate_with(fuzz_workspace, *case)


# -- a grammar of YAML-ish documents -----------------------------------------------------------------------------------

KEYS = st.sampled_from([
    "report_year", "licence_no", "schema_version", "submission_date", "filing_channel", "name", "uscc", "seats",
    "total", "human", "ai", "by_province", "province", "revenue_wan", "call_center_revenue_wan", "trunks", "carrier",
    "clients_signed", "注册资本", "公司名称", "备注", "a", "b", "x_y", "0755", "true", "null", "1", "yes", "on", "~",
    "key with spaces", "κλειδί", "é",
])
PLAIN_SCALARS = st.sampled_from([
    "0", "1", "-1", "+7", "610", "8460.50", "0.148", "1e3", "1E-2", ".5", "5.", "0755", "010020", "0x1F", "0o17",
    "1_000", "12:30:00", "2024-03-05", "2025-02-30", "2024-03-05T10:00:00+08:00", "yes", "no", "on", "off", "y", "n",
    "true", "false", "True", "FALSE", "null", "Null", "~", ".inf", "-.Inf", ".nan", "B2-20203417", "91330106MA2K7Q3P10",
    "星澜联络科技有限公司", "待填", "TODO", "浙江省杭州市西湖区", "a b c", "-", "--", "x-y", "3.14.15",
    "9" * 400, "1e999999", "0." + "0" * 30 + "1",
])
CHINESE = st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x4E80), min_size=1, max_size=12)
SAFE_TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"], max_codepoint=0x2FFF),
                    max_size=20)


def quoted(text: str, style: str) -> str:
    if style == "'":
        return "'" + text.replace("'", "''") + "'"
    return json.dumps(text, ensure_ascii=False)


# escapes the parsers handle differently or crash on: beyond U+10FFFF, lone surrogates, control characters
ESCAPES = st.sampled_from(['"\\U99999999"', '"\\UFFFFFFFF"', '"\\U0010FFFF"', '"\\ud800"', '"a\\udfffb"',
                           '"\\x1b[31m"', '"\\0"', '"\\a"', '"\\e"', '"\\u202e"', '"\\N"', '"\\_"',
                           '"\\L"', '"\\P"', '"\\x85"', '"\\t\\n"', '"\\q"'])
SCALARS = st.one_of(
    PLAIN_SCALARS,
    ESCAPES,
    CHINESE,
    st.integers(-10**12, 10**12).map(str),
    st.decimals(allow_nan=False, allow_infinity=False, places=2, min_value=-10**9, max_value=10**9).map(str),
    st.builds(quoted, st.one_of(SAFE_TEXT, CHINESE, PLAIN_SCALARS), st.sampled_from(["'", '"'])),
)
DECORATIONS = st.sampled_from([""] * 24 + ["&a ", "&b ", "!!str ", "!!int ", "!!float ", "!custom ",
                                           "!!python/object:os.system ", "!!binary ", "!!timestamp ",
                                           "!!map ", "!!seq ", "!!null ", "!!bool ", "!<tag:yaml.org,2002:map> "])


@st.composite
def node(draw: st.DrawFn, depth: int = 0) -> tuple[str, object]:
    """(kind, payload): a scalar, an alias, a flow collection, or a block mapping/sequence of child nodes."""
    kinds = ["scalar"] * 6 + ["flow", "alias"] + (["map", "map", "seq"] if depth < 4 else [])
    kind = draw(st.sampled_from(kinds))
    if kind == "scalar":
        return "scalar", draw(DECORATIONS) + draw(SCALARS)
    if kind == "alias":  # usually one defined earlier in the document (a "&a" on the first value), rarely none
        return "scalar", draw(st.sampled_from(["*a"] * 7 + ["*missing"]))
    if kind == "flow":
        items = draw(st.lists(SCALARS.filter(lambda s: not any(c in s for c in ",[]{}:#")), max_size=4))
        if draw(st.booleans()):
            return "scalar", "[" + ", ".join(items) + "]"
        keys = draw(st.lists(KEYS, min_size=len(items), max_size=len(items)))
        return "scalar", "{" + ", ".join(f"{k}: {v}" for k, v in zip(keys, items, strict=True)) + "}"
    if kind == "map":
        return "map", draw(st.lists(st.tuples(KEYS, node(depth + 1)), min_size=1, max_size=5))
    return "seq", draw(st.lists(node(depth + 1), min_size=1, max_size=4))


def render_lines(kind: str, payload: object, indent: int, comments: bool) -> list[str]:
    pad = " " * indent
    lines: list[str] = []
    if kind == "map":
        assert isinstance(payload, list)
        for key, (child_kind, child) in payload:
            if child_kind == "scalar":
                lines.append(f"{pad}{key}: {child}" + ("  # 备注" if comments else ""))
            else:
                lines.append(f"{pad}{key}:")
                lines.extend(render_lines(child_kind, child, indent + 2, comments))
    elif kind == "seq":
        assert isinstance(payload, list)
        for child_kind, child in payload:
            if child_kind == "scalar":
                lines.append(f"{pad}- {child}")
            else:
                inner = render_lines(child_kind, child, indent + 2, comments)
                lines.append(f"{pad}- {inner[0].lstrip()}")
                lines.extend(inner[1:])
    else:
        lines.append(f"{pad}{payload}")
    return lines


@st.composite
def document(draw: st.DrawFn) -> str:
    """A YAML document from the grammar: usually well-formed (aliases refer to an anchor defined first, except
    now and then), with tags, comments, block scalars and directives mixed in."""
    kind, payload = draw(node(0).filter(lambda n: n[0] in ("map", "seq")))
    lines = render_lines(kind, payload, 0, draw(st.booleans()))
    if kind == "map" and draw(st.integers(0, 4)) == 0:
        tops = [i for i, line in enumerate(lines) if not line.startswith(" ")] + [len(lines)]
        position = draw(st.sampled_from(tops))
        text = draw(st.one_of(CHINESE, SAFE_TEXT.filter(lambda t: t.strip() and t.strip("-. ") != ""))) or "x"
        style = draw(st.sampled_from(["|", ">", "|-", ">+"]))
        lines[position:position] = [f"note: {style}"] + ["  " + line for line in text.strip().splitlines() or ["x"]]
    if draw(st.integers(0, 5)):
        lines.insert(0, "anchor_def: &a 610" if kind == "map" else "- &a 610")
    if draw(st.booleans()):
        lines.insert(0, "# 年报数据 / report data")
    if draw(st.integers(0, 9)) == 0:
        lines.insert(0, draw(st.sampled_from(["---", "%YAML 1.2\n---", "--- # doc", "%YAML 1.1\n---",
                                              "%YAML 1.3\n---", "%YAML 2.0\n---", "%YAML 1.2\n%YAML 1.2\n---",
                                              "%TAG !e! tag:example.com,2000:\n---", "%FOO bar\n---"])))
    if draw(st.integers(0, 19)) == 0:  # a directive after the first document
        lines += ["...", draw(st.sampled_from(["%YAML 1.2", "%YAML 1.3"])), "---", "x: 1"]
    return "\n".join(lines) + "\n"


@st.composite
def broken_document(draw: st.DrawFn) -> bytes:
    """A grammar document, then slips real files have: a wrong indentation, a tab, a BOM, CRLF, a cut."""
    text = draw(document())
    lines = text.split("\n")
    for _ in range(draw(st.integers(0, 3))):
        index = draw(st.integers(0, max(0, len(lines) - 1)))
        slip = draw(st.sampled_from(["indent", "dedent", "tab", "dup", "cut", "colon"]))
        line = lines[index]
        if slip == "indent":
            lines[index] = " " + line
        elif slip == "dedent":
            lines[index] = line[1:]
        elif slip == "tab":
            lines[index] = "\t" + line
        elif slip == "dup":
            lines.insert(index, line)
        elif slip == "cut":
            lines[index] = line[: len(line) // 2]
        else:
            lines[index] = line.replace(": ", ":", 1)
    text = "\n".join(lines)
    if draw(st.integers(0, 5)) == 0:
        text = text.replace("\n", "\r\n")
    raw = text.encode("utf-8")
    if draw(st.integers(0, 5)) == 0:
        raw = b"\xef\xbb\xbf" + raw
    return raw


@FUZZ
@given(target=st.sampled_from(TARGETS), raw=broken_document())
def test_generated_documents_never_crash(fuzz_workspace: Path, target: str, raw: bytes) -> None:
    validate_with(fuzz_workspace, target, raw)


def _loaded(raw: bytes, parser: str) -> tuple[object, ...]:
    doc = load_bytes(raw, "f.yaml", parser)
    return (doc.data, doc.key_positions, doc.value_positions, doc.problems, doc.empty)


@pytest.mark.skipif(not libyaml_available(), reason="PyYAML without its C extension: one parser only")
@FUZZ
@given(text=document())
def test_both_parsers_give_the_same_data_positions_and_problems(text: str) -> None:
    raw = text.encode("utf-8")
    assert _loaded(raw, "libyaml") == _loaded(raw, "ruamel")


@pytest.mark.skipif(not libyaml_available(), reason="PyYAML without its C extension: one parser only")
@FUZZ
@given(raw=broken_document())
def test_both_parsers_agree_on_broken_documents_too(raw: bytes) -> None:
    assert _loaded(raw, "libyaml") == _loaded(raw, "ruamel")


@settings(FUZZ, max_examples=60)
@given(target=st.sampled_from(TARGETS), text=document())
def test_fast_and_reference_engines_print_the_same(fuzz_workspace: Path, target: str, text: str) -> None:
    raw = text.encode("utf-8")
    fast = validate_with(fuzz_workspace, target, raw, "fast")
    reference = validate_with(fuzz_workspace, target, raw, "reference")
    assert fast == reference


# -- what the fuzzing found, pinned as examples --------------------------------------------------------------------

@pytest.mark.parametrize("parser", ["libyaml", "ruamel"])
@pytest.mark.parametrize(
    ("raw", "pointer", "position"),
    [
        (b"a:\nb: 1\n", "/a", (1, 3)),
        (b"a:\n\n\nb: 1\n", "/a", (1, 3)),
        (b"a :\nb: 1\n", "/a", (1, 4)),
        (b'"a":\nb: 1\n', "/a", (1, 5)),
        (b"f: {a: , b: 1}\n", "/f/a", (1, 7)),
        (b"- a:\n  b: 1\n", "/0/a", (1, 5)),
    ],
)
def test_an_empty_value_stands_just_after_its_colon(parser: str, raw: bytes, pointer: str,
                                                    position: tuple[int, int]) -> None:
    """libyaml put it there (or at the next comma), ruamel.yaml at the next token, often the next line."""
    doc = load_bytes(raw, "f.yaml", parser)
    assert doc.ok and doc.value_positions[pointer] == position


@pytest.mark.parametrize("parser", ["libyaml", "ruamel"])
def test_an_explicit_str_tag_makes_text(parser: str) -> None:
    raw = b"a: !!str 38\nb: 38\nc: &x !!str 9\nd: !!str &y 10\ne: [!!str 1, 2]\nf: !<tag:yaml.org,2002:str> 7\n"
    assert load_bytes(raw, "f.yaml", parser).data == {"a": "38", "b": 38, "c": "9", "d": "10", "e": ["1", 2],
                                                       "f": "7"}


@pytest.mark.parametrize("parser", ["libyaml", "ruamel"])
def test_yaml_1_1_line_breaks_are_read_by_one_parser(parser: str) -> None:
    """NEL and LS/PS count as line breaks for libyaml and not (everywhere) for ruamel.yaml: such text goes to
    ruamel.yaml whichever engine runs, so positions after them do not depend on the engine."""
    raw = "a: 1\nb: [1,\n\x85 2]\nc: 3\n".encode()
    doc = load_bytes(raw, "f.yaml", parser)
    assert doc.value_positions["/c"] == (4, 4)


@pytest.mark.parametrize("parser", ["libyaml", "ruamel"])
def test_numbers_too_big_to_compute_with_stay_text(parser: str) -> None:
    raw = ("a: " + "9" * 301 + "\nb: " + "9" * 300 + "\nc: 1e301\nd: 1e300\ne: 0." + "0" * 400 + "1\n").encode()
    data = load_bytes(raw, "f.yaml", parser).data
    assert data["a"] == "9" * 301 and data["b"] == int("9" * 300)
    assert data["c"] == "1e301" and str(data["d"]) == "1E+300"
    assert isinstance(data["e"], str)
