"""``rac new-year YEAR [--from YEAR]``: roll a report forward to a new year.

Each file of the source year is copied as text and changed only where a rule below says so, by the same span
edits as ``rac set``: every comment, every quote and every other value stays exactly as it was. The values the
rules reset become the placeholder ``待填`` (FILL-01 in validation) until someone enters the new year's figure.

Rules, file by file (stock data is kept, flow data is reset; no date is ever guessed):

* meta: ``report_year`` becomes YEAR; ``submission_date`` becomes ``null`` (not submitted yet).
* company: kept (name, codes, addresses, capital, shareholders …), except the year-end headcounts ``staff/*``
  (placeholders) and ``changes`` (events of the year: a placeholder; set ``[]`` when there was none).
* licence: kept. Issue, expiry and renewal dates are facts, not per-year values.
* branches: kept, except each site's year-end ``seats`` and ``staff`` (placeholders).
* numbers: kept, except ``code_annual_report_filed`` of self-held numbers (the 码号年报 is filed every year).
* trunks: kept, except a ``contract_end`` before 31 December of YEAR: that contract does not cover the new year,
  so its (renewed) end date is a placeholder. Start dates are kept.
* operations: every figure (count, amount, ratio) becomes a placeholder; the rows and their identities
  (province, site, client, role) are kept, so the table's shape carries over. ``null`` stays ``null``.
* finance: every amount, and the audit's report number, date and opinion (and those of a special report) become
  placeholders; the audit firm and the ``publish`` choices are kept.
* compliance: complaint counts, the 等保 test date and report number, incident and leak counts become placeholders;
  ``harassment_notices`` and ``penalties`` (events of the year) become a placeholder; policies (retention, DNC list,
  AI outbound, credit status, 等保 level and filing) are kept.
* signatures: every date and the seal become placeholders; the signers' names are kept (SIG-01 checks them).
* explanations: the list becomes a placeholder (set ``[]``, or write the new year's explanations).

A list that is replaced keeps its old entries below the placeholder as comment lines, headed by a note, so no
comment (and none of last year's wording) is lost; delete them once the new entries are written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from reportascode.authoring.skeleton import skeleton_files
from reportascode.authoring.yamltext import (
    Edit,
    apply_edits,
    comment_tokens,
    compose,
    first_difference,
    same_data,
    strip_bom,
    value_edits,
)
from reportascode.files import paths
from reportascode.files.atomic import staged_folder, write_bytes_atomic
from reportascode.model.loader import (
    iter_leaves,
    join_pointer,
    load_text,
    parent_pointer,
    read_file,
    resolve_pointer,
    split_pointer,
)
from reportascode.model.schemas import REPORT_FILES
from reportascode.validate.placeholders import PLACEHOLDER, placeholder_pointers


class NewYearRefused(Exception):
    """The new year was not created (exit 2: it exists, no source, or the source cannot be read)."""

    def __init__(self, key: str, **args: Any) -> None:
        super().__init__(key)
        self.key = key
        self.message_args = args


@dataclass(frozen=True)
class Reset:
    """Set the value at ``pointer`` to ``rendered`` (the placeholder by default)."""

    pointer: str
    rendered: str = PLACEHOLDER
    value: Any = PLACEHOLDER


@dataclass
class RolledFile:
    name: str
    text: str
    placeholders: int
    from_skeleton: bool = False


@dataclass
class RolledReport:
    source: Path
    target: Path
    files: list[RolledFile] = field(default_factory=list)

    @property
    def placeholders(self) -> int:
        return sum(f.placeholders for f in self.files)


def _figures(data: Any, pointer: str) -> list[Reset]:
    """Every number under ``pointer`` (counts, amounts, ratios), as placeholders."""
    try:
        base = resolve_pointer(data, pointer)
    except (KeyError, IndexError, ValueError, TypeError):
        return []
    return [Reset(p) for p, v in iter_leaves(base, pointer)
            if isinstance(v, (int, Decimal)) and not isinstance(v, bool)]


def _present(data: Any, *pointers: str) -> list[Reset]:
    found = []
    for pointer in pointers:
        try:
            value = resolve_pointer(data, pointer)
        except (KeyError, IndexError, ValueError, TypeError):
            continue
        if value is not None:
            found.append(Reset(pointer))
    return found


def _items(data: Any, pointer: str = "") -> list[tuple[str, Any]]:
    try:
        items = resolve_pointer(data, pointer)
    except (KeyError, IndexError, ValueError, TypeError):
        return []
    return [(join_pointer(pointer, i), item) for i, item in enumerate(items)] if isinstance(items, list) else []


def _meta(data: Any, year: int) -> list[Reset]:
    resets = [Reset("/report_year", str(year), year)]
    if isinstance(data, dict) and "submission_date" in data:
        resets.append(Reset("/submission_date", "null", None))
    return resets


def _company(data: Any, year: int) -> list[Reset]:
    return _figures(data, "/staff") + _present(data, "/changes")


def _licence(data: Any, year: int) -> list[Reset]:
    return []


def _branches(data: Any, year: int) -> list[Reset]:
    resets: list[Reset] = []
    for pointer, _item in _items(data):
        resets += _present(data, f"{pointer}/seats", f"{pointer}/staff")
    return resets


def _numbers(data: Any, year: int) -> list[Reset]:
    return [Reset(f"{pointer}/code_annual_report_filed") for pointer, item in _items(data)
            if isinstance(item, dict) and item.get("holder") == "self" and "code_annual_report_filed" in item]


def _trunks(data: Any, year: int) -> list[Reset]:
    resets: list[Reset] = []
    for pointer, item in _items(data):
        end = item.get("contract_end") if isinstance(item, dict) else None
        if isinstance(end, str) and len(end) == 10 and end < f"{year}-12-31":
            resets.append(Reset(f"{pointer}/contract_end"))
    return resets


def _operations(data: Any, year: int) -> list[Reset]:
    return _figures(data, "")


def _finance(data: Any, year: int) -> list[Reset]:
    resets = _figures(data, "")
    resets += _present(data, "/audit/report_no", "/audit/report_date", "/audit/opinion",
                       "/audit/special_report/report_no", "/audit/special_report/report_date")
    return resets


def _compliance(data: Any, year: int) -> list[Reset]:
    return (_figures(data, "/complaints")
            + _present(data, "/harassment_notices", "/penalties", "/netsec/last_test_date",
                       "/netsec/test_report_no", "/netsec/incidents", "/netsec/data_leaks"))


def _signatures(data: Any, year: int) -> list[Reset]:
    resets = [Reset(p) for p, _v in iter_leaves(data) if p.rsplit("/", 1)[-1] == "date"]
    return resets + _present(data, "/commitment/seal")


def _explanations(data: Any, year: int) -> list[Reset]:
    return [Reset("")] if data is not None else []


RULES: dict[str, Callable[[Any, int], list[Reset]]] = {
    "meta": _meta, "company": _company, "licence": _licence, "branches": _branches, "numbers": _numbers,
    "trunks": _trunks, "operations": _operations, "finance": _finance, "compliance": _compliance,
    "signatures": _signatures, "explanations": _explanations,
}


def roll_file(name: str, text: str, year: int, source_year: int, path: str = "") -> str:
    """The new year's text of one file, by the rules above. Raises :class:`NewYearRefused` on unreadable input."""
    body, bom = strip_bom(text)
    doc = load_text(body, path or name)
    if not doc.ok:
        problem = next(p for p in doc.problems if p.fatal)
        raise NewYearRefused("newyear.unreadable", path=path or name, line=problem.line, rule=problem.rule)
    if doc.empty:
        return text
    resets = [r for r in RULES[name](doc.data, year) if _current(doc.data, r.pointer) != r.value]
    if not resets:
        return text
    root = compose(body)
    note = f"上年（{source_year} 年度）记录，仅供参考；填写本年度数据后删除："
    edits: list[Edit] = []
    for reset in resets:
        edits += value_edits(body, root, reset.pointer, reset.rendered, old_block="comment", comment_prefix=note)
    new_body = apply_edits(body, edits)
    _verify(name, doc.data, resets, body, new_body)
    return bom + new_body


def _current(data: Any, pointer: str) -> Any:
    try:
        return resolve_pointer(data, pointer)
    except (KeyError, IndexError, ValueError, TypeError):
        return object()


def _verify(name: str, data: Any, resets: list[Reset], old: str, new: str) -> None:
    import copy

    after = load_text(new, name)
    expected = copy.deepcopy(data)
    for reset in resets:
        tokens = split_pointer(reset.pointer)
        if not tokens:
            expected = reset.value
            continue
        parent = resolve_pointer(expected, parent_pointer(reset.pointer))
        if isinstance(parent, list):
            parent[int(tokens[-1])] = reset.value
        else:
            parent[tokens[-1]] = reset.value
    if not after.ok or not same_data(expected, after.data):
        where = first_difference(expected, after.data) if after.ok else "/"
        raise NewYearRefused("newyear.internal", file=name, pointer=where or "/")
    new_comments = "\n".join(comment_tokens(new))
    for comment in comment_tokens(old):
        if comment.lstrip("# ").strip() and comment.lstrip("# ").strip() not in new_comments:
            raise NewYearRefused("newyear.internal", file=name, pointer=comment)


def roll_report(source: Path, target: Path, year: int, company_hint: str = "", licence_hint: str = "",
                depth: int = 2) -> RolledReport:
    """The new report's files in memory. Missing source files come from the empty skeleton."""
    result = RolledReport(source, target)
    source_year = int(source.name)
    company_hint = company_hint or _hint(source / "company.yaml", "/name")
    licence_hint = licence_hint or _hint(source / "meta.yaml", "/licence_no")
    skeleton: dict[str, str] | None = None
    for name in REPORT_FILES:
        path = source / f"{name}.yaml"
        if path.is_file():
            raw, problem = read_file(path)  # bounded: a huge file is refused by its size, unread
            if raw is None:
                rule = problem.rule if problem else "LOAD-READ"
                raise NewYearRefused("newyear.unreadable", path=str(path), line=1, rule=rule)
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise NewYearRefused("newyear.unreadable", path=str(path), line=1, rule="LOAD-ENCODING") from exc
            rolled = roll_file(name, text, year, source_year, str(path))
            from_skeleton = False
        else:
            if skeleton is None:
                skeleton = skeleton_files(year, company_hint or PLACEHOLDER, licence_hint or "B2-00000000",
                                          depth=depth)
            rolled, from_skeleton = skeleton[name], True
        data = load_text(strip_bom(rolled)[0], name).data
        result.files.append(RolledFile(name, rolled, len(placeholder_pointers(data)), from_skeleton))
    return result


def _hint(path: Path, pointer: str) -> str:
    """A name or number from the source year, for the skeleton of a file the source year lacks."""
    if not path.is_file():
        return ""
    try:
        value = resolve_pointer(load_text(paths.read_text(path), str(path)).data, pointer)
    except (KeyError, IndexError, ValueError, TypeError, UnicodeDecodeError):
        return ""
    return value if isinstance(value, str) else ""


def write_report(rolled: RolledReport) -> None:
    """Create the new folder atomically: written in full beside it, then renamed into place."""
    target = rolled.target
    if target.exists():
        raise NewYearRefused("newyear.exists", path=str(target))
    try:
        with staged_folder(target) as staging:
            for rolled_file in rolled.files:
                write_bytes_atomic(staging / f"{rolled_file.name}.yaml", rolled_file.text.encode("utf-8"))
    except FileExistsError as exc:  # the target appeared meanwhile: never overwrite
        raise NewYearRefused("newyear.exists", path=str(target)) from exc
