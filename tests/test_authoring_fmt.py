"""``rac fmt``: canonical layout, never a lost value, digit or comment; clean on the sample workspace."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from reportascode.authoring.fmt import FormatRefused, format_text
from reportascode.authoring.schema_nav import SchemaNavigator
from reportascode.authoring.yamltext import same_data
from reportascode.model.loader import iter_leaves, load_text, resolve_pointer
from reportascode.model.schemas import SchemaStore
from tests.conftest import REPO_ROOT, SAMPLE_REPORTS, run_rac

NAV = SchemaNavigator(SchemaStore(REPO_ROOT), "1.0")


def fmt(text: str, name: str = "company") -> str:
    return format_text(text, name, NAV)


# --- the sample workspace is the canonical form ---------------------------------------------------------------------

def test_fmt_check_is_clean_on_the_sample_workspace(workspace: Path) -> None:
    run = run_rac("fmt", "--check", "--lang", "en", cwd=workspace)
    assert run.code == 0, run.out + run.err
    assert "would reformat" not in run.out


def test_fmt_check_is_clean_on_this_repository() -> None:
    run = run_rac("fmt", "--check", str(SAMPLE_REPORTS))
    assert run.code == 0, run.out + run.err


# --- what canonical means ---------------------------------------------------------------------------------------------

MESSY = """\
# yaml-language-server: $schema=../../schemas/1.0/company.schema.json
# 头部注释
uscc: 91330106MA2K7Q3P10          # 统一社会信用代码
name: 星澜联络科技有限公司        # 企业名称
# 关于联系人
contact:
    phone: 0571-8690 7701
    # 姓名在前
    name: 林晓雯
    email: compliance@xinglan.example
registration_province: 33         # 浙江
postcode: 0310013
listed: no
paid_in_capital_wan: 8460.50
shareholders:
- name: 周启明
  pct: 20.10    # 持股
  kind: natural
changes: ~
"""


def test_keys_follow_the_schema_and_carry_their_comments() -> None:
    out = fmt(MESSY)
    lines = out.splitlines()
    assert lines[0].startswith("# yaml-language-server")
    assert lines[1] == "# 头部注释"
    keys = [line.split(":")[0] for line in lines if line and not line.startswith((" ", "#", "-"))]
    assert keys == ["name", "uscc", "contact", "registration_province", "postcode", "paid_in_capital_wan",
                    "listed", "shareholders", "changes"]
    assert "name: 星澜联络科技有限公司        # 企业名称" in lines
    contact = lines.index("# 关于联系人")
    assert lines[contact + 1:contact + 6] == ["contact:", "  # 姓名在前", "  name: 林晓雯", "  phone: 0571-8690 7701",
                                              "  email: compliance@xinglan.example"]


def test_indentation_quoting_and_digits() -> None:
    out = fmt(MESSY)
    province = next(line for line in out.splitlines() if line.startswith("registration_province"))
    assert province == 'registration_province: "33"       # 浙江'  # a code is text; the comment keeps its column
    assert province.index("#") == MESSY.splitlines()[10].index("#")
    assert 'postcode: "0310013"' in out  # YAML 1.1 would read 0310013 as octal
    assert 'listed: "no"' in out  # YAML 1.1 would read no as false
    assert "paid_in_capital_wan: 8460.50" in out  # never 8460.5
    assert "shareholders:\n  - name: 周启明\n    kind: natural\n    pct: 20.10    # 持股\n" in out
    assert "changes: null\n" in out


def test_data_is_the_same_apart_from_numbers_quoted_in_text_fields() -> None:
    before = load_text(MESSY, "company.yaml").data
    after = load_text(fmt(MESSY), "company.yaml").data
    assert after["registration_province"] == "33" and before["registration_province"] == 33
    before["registration_province"] = "33"
    assert same_data(before, after)
    assert after["paid_in_capital_wan"] == Decimal("8460.50") and str(after["paid_in_capital_wan"]) == "8460.50"


def test_fmt_is_idempotent_on_the_messy_file() -> None:
    once = fmt(MESSY)
    assert fmt(once) == once


def test_dates_stay_plain_in_date_fields_and_are_quoted_elsewhere() -> None:
    text = "issue_date: 2020-06-18\nholder_name: 2020-06-18\nissuer: MIIT\n"
    out = format_text(text, "licence", NAV)
    assert "issue_date: 2020-06-18\n" in out
    assert 'holder_name: "2020-06-18"' in out


def test_block_scalars_and_trailing_blanks_inside_them_are_kept() -> None:
    text = "name: x   \ntext_zh: |\n  line one  \n   indented # not a comment\n\nuscc: y\n"
    out = fmt(text)
    assert "name: x\n" in out
    assert "  line one  \n   indented # not a comment\n" in out
    assert load_text(out, "c").data == load_text(text, "c").data


def test_unreadable_file_is_refused() -> None:
    with pytest.raises(FormatRefused) as refused:
        fmt("name: a\nname: b\n")
    assert refused.value.key == "fmt.unreadable"


def test_check_lists_the_file_shows_a_diff_and_exits_1(workspace: Path) -> None:
    target = workspace / "reports" / "2024" / "meta.yaml"
    target.write_text(target.read_text(encoding="utf-8").replace("schema_version: \"1.0\"", "schema_version: 1.0"),
                      encoding="utf-8")
    before = target.read_bytes()
    run = run_rac("fmt", "--check", "--lang", "en", cwd=workspace)
    assert run.code == 1
    assert "would reformat reports/2024/meta.yaml" in run.out
    assert '-schema_version: 1.0' in run.out and '+schema_version: "1.0"' in run.out
    assert target.read_bytes() == before  # --check writes nothing

    run = run_rac("fmt", "reports/2024/meta.yaml", "--lang", "en", cwd=workspace)
    assert run.code == 0 and "reformatted reports/2024/meta.yaml" in run.out
    assert 'schema_version: "1.0"' in target.read_text(encoding="utf-8")
    assert not list(target.parent.glob(".*.tmp"))  # nothing left behind
    assert run_rac("fmt", "--check", cwd=workspace).code == 0


def test_fmt_skips_files_that_are_not_report_files(workspace: Path) -> None:
    other = workspace / "reports" / "2024" / "notes.yaml"
    other.write_text("b: 1\na:    no\n", encoding="utf-8")
    run = run_rac("fmt", str(other), cwd=workspace)
    assert run.code == 0
    assert other.read_text(encoding="utf-8") == "b: 1\na:    no\n"


def test_fmt_refuses_a_broken_file_and_leaves_it(workspace: Path) -> None:
    target = workspace / "reports" / "2024" / "finance.yaml"
    target.write_text("operating_revenue_wan: 1\noperating_revenue_wan: 2\n", encoding="utf-8")
    run = run_rac("fmt", cwd=workspace)
    assert run.code == 1
    assert "reports/2024/finance.yaml" in run.err
    assert target.read_text(encoding="utf-8") == "operating_revenue_wan: 1\noperating_revenue_wan: 2\n"


# --- property: generated report-like files with comments ------------------------------------------------------------

COMPANY_KEYS = ["name", "uscc", "legal_rep", "contact", "registration_province", "postcode", "registered_capital_wan",
                "listed", "staff", "shareholders", "changes", "zz_unknown"]
NESTED_KEYS = {"legal_rep": ["name", "id_no_masked", "phone", "email"], "contact": ["name", "phone", "email"],
               "staff": ["total", "call_center", "technical", "social_insured"]}
ITEM_KEYS = ["name", "kind", "region", "pct", "is_foreign"]
TRICKY = ["no", "on", "yes", "off", "Y", "0755", "2024-01-02", "1:30", "0x1F", "待填", "星澜 联络", "a#b", "0571-8690"]

scalars = st.one_of(
    st.integers(min_value=-10_000, max_value=10**12),
    st.builds(lambda a, b: Decimal(f"{a}.{b}"), st.integers(0, 99999), st.sampled_from(["5", "50", "05", "10", "0"])),
    st.sampled_from(TRICKY),
    st.text(alphabet="abcxyz星澜联络中心 -_", min_size=1, max_size=12).map(str.strip).filter(bool),
    st.booleans(),
    st.none(),
)


@st.composite
def company_like(draw: st.DrawFn) -> dict[str, Any]:
    keys = draw(st.lists(st.sampled_from(COMPANY_KEYS), min_size=1, max_size=len(COMPANY_KEYS), unique=True))
    data: dict[str, Any] = {}
    for key in keys:
        if key in NESTED_KEYS:
            sub = draw(st.lists(st.sampled_from(NESTED_KEYS[key]), min_size=1, unique=True))
            data[key] = {k: draw(scalars) for k in sub}
        elif key == "shareholders":
            items = []
            for _ in range(draw(st.integers(1, 3))):
                sub = draw(st.lists(st.sampled_from(ITEM_KEYS), min_size=1, unique=True))
                items.append({k: draw(scalars) for k in sub})
            data[key] = items
        elif key == "changes":
            data[key] = draw(st.lists(scalars, max_size=3))
        else:
            data[key] = draw(scalars)
    return data


def _scalar_text(value: Any) -> str:
    if value is None:
        return draw_null[0]
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, Decimal)):
        return str(value)
    if value in TRICKY and value not in ("a#b",):
        return value  # plain on purpose: fmt must quote what other readers misread
    return json.dumps(value, ensure_ascii=False)


draw_null = ["null"]


class Layout:
    def __init__(self, draw: st.DrawFn) -> None:
        self.draw = draw
        self.counter = 0

    def comment(self) -> str:
        self.counter += 1
        return f"# c{self.counter} 注释"

    def maybe_comment_line(self, indent: int, lines: list[str]) -> None:
        if self.draw(st.booleans()):
            lines.append(" " * indent + self.comment())

    def eol(self) -> str:
        return f"   {self.comment()}" if self.draw(st.booleans()) else ""

    def mapping(self, data: dict[str, Any], indent: int, lines: list[str]) -> None:
        step = self.draw(st.sampled_from([2, 4]))
        for key, value in data.items():
            self.maybe_comment_line(indent, lines)
            if isinstance(value, dict):
                lines.append(f"{' ' * indent}{key}:{self.eol()}")
                self.mapping(value, indent + step, lines)
            elif isinstance(value, list) and value and (isinstance(value[0], dict) or self.draw(st.booleans())):
                lines.append(f"{' ' * indent}{key}:{self.eol()}")
                self.sequence(value, indent + self.draw(st.sampled_from([0, 2, 4])), lines)
            elif isinstance(value, list):
                lines.append(f"{' ' * indent}{key}: [{', '.join(_scalar_text(v) for v in value)}]{self.eol()}")
            else:
                lines.append(f"{' ' * indent}{key}: {_scalar_text(value)}{self.eol()}")

    def sequence(self, items: list[Any], indent: int, lines: list[str]) -> None:
        for item in items:
            if isinstance(item, dict):
                inner: list[str] = []
                self.mapping(item, indent + 2, inner)
                first = next(i for i, line in enumerate(inner) if not line.lstrip().startswith("#"))
                lines.extend(inner[:first])
                lines.append(" " * indent + "- " + inner[first][indent + 2:])
                lines.extend(inner[first + 1:])
            else:
                lines.append(f"{' ' * indent}- {_scalar_text(item)}{self.eol()}")


@st.composite
def company_files(draw: st.DrawFn) -> tuple[str, int]:
    data = draw(company_like())
    layout = Layout(draw)
    lines = ["# yaml-language-server: $schema=../../schemas/1.0/company.schema.json", layout.comment()]
    layout.mapping(data, 0, lines)
    return "\n".join(lines) + "\n", layout.counter


def _expected(data: Any, name: str) -> Any:
    """The data fmt must keep: the same, except numbers in text-only fields, which become their own text."""
    import copy

    expected = copy.deepcopy(data)
    for pointer, value in list(iter_leaves(data)):
        if isinstance(value, (int, Decimal)) and not isinstance(value, bool) and NAV.wants_string_only(name, pointer):
            parent_pointer, _, last = pointer.rpartition("/")
            parent = resolve_pointer(expected, parent_pointer)
            if isinstance(parent, list):
                parent[int(last)] = str(value)
            else:
                parent[last] = str(value)
    return expected


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(company_files())
def test_property_fmt_keeps_data_and_comments_and_is_idempotent(generated: tuple[str, int]) -> None:
    text, comments = generated
    before = load_text(text, "company.yaml")
    assume(before.ok)
    out = fmt(text)
    after = load_text(out, "company.yaml")
    assert after.ok
    assert same_data(_expected(before.data, "company"), after.data)
    for number in range(1, comments + 1):
        assert out.count(f"# c{number} 注释") == 1, (number, out)
    assert fmt(out) == out
    for line in out.splitlines():
        assert line == line.rstrip()


def test_sample_files_survive_a_shuffle(tmp_path: Path) -> None:
    """Every sample file with its top-level keys reversed comes back to exactly the sample text."""
    for path in sorted(SAMPLE_REPORTS.glob("*/*.yaml")):
        text = path.read_text(encoding="utf-8")
        doc = load_text(text, path.name)
        if not isinstance(doc.data, dict) or path.stem not in ("meta", "finance", "signatures", "compliance"):
            continue
        shuffled = _reverse_top_level(text)
        assert shuffled != text
        assert format_text(shuffled, path.stem, NAV) == text, path
    shutil.rmtree(tmp_path, ignore_errors=True)


def _reverse_top_level(text: str) -> str:
    lines = text.split("\n")
    header = []
    while lines and lines[0].startswith("#"):
        header.append(lines.pop(0))
    chunks: list[list[str]] = []
    for line in lines:
        if line and not line.startswith((" ", "#")):
            chunks.append([line])
        elif chunks:
            chunks[-1].append(line)
    body = [line for chunk in reversed(chunks) for line in chunk if line]
    return "\n".join(header + body) + "\n"


BRANCH_KEYS = ["id", "name", "kind", "province", "city", "established", "closed", "operates_b24", "seats", "zz_extra"]


@st.composite
def branch_files(draw: st.DrawFn) -> tuple[str, int]:
    items = []
    for _ in range(draw(st.integers(1, 4))):
        keys = draw(st.lists(st.sampled_from(BRANCH_KEYS), min_size=1, max_size=len(BRANCH_KEYS), unique=True))
        item: dict[str, Any] = {}
        for key in keys:
            item[key] = draw(st.lists(scalars, max_size=2)) if key == "zz_extra" else draw(scalars)
        items.append(item)
    layout = Layout(draw)
    lines = ["# yaml-language-server: $schema=../../schemas/1.0/branches.schema.json", layout.comment()]
    layout.sequence(items, draw(st.sampled_from([0, 2, 4])), lines)
    return "\n".join(lines) + "\n", layout.counter


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(branch_files())
def test_property_fmt_on_top_level_lists(generated: tuple[str, int]) -> None:
    text, comments = generated
    before = load_text(text, "branches.yaml")
    assume(before.ok)
    out = format_text(text, "branches", NAV)
    after = load_text(out, "branches.yaml")
    assert same_data(_expected(before.data, "branches"), after.data)
    for number in range(1, comments + 1):
        assert out.count(f"# c{number} 注释") == 1, (number, out)
    assert format_text(out, "branches", NAV) == out
    assert all(line.startswith(("- ", "  ", "#")) for line in out.splitlines())
