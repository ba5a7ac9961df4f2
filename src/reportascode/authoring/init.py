"""``rac init [DIR]``: a new workspace for one company's annual reports.

It creates, and never overwrites (an existing file is skipped and reported):

* a git repository (``git init``, local only) when DIR is not inside one;
* ``.reportascode.yaml``: language, company, and commented examples of thresholds, severity overrides, owners and
  internal plan dates;
* ``.pre-commit-config.yaml``: the ``rac-fmt`` and ``rac-validate`` hooks. By default as ``repo: local`` hooks
  with ``language: system`` that run the installed ``rac``: they work offline and in CI without fetching anything,
  and use exactly the installed version. With ``--hooks-repo URL`` the hooks come from that repository instead,
  pinned to ``rev: v<installed version>``; the other form is always written as a comment;
* ``.gitattributes`` and the repository's git config for the ``rac`` diff driver (``rac textconv``); an existing
  ``.gitattributes`` is left as it is and the line to add is printed;
* ``schemas/``: the packaged schemas, so that the modeline of every report file
  (``# yaml-language-server: $schema=../../schemas/1.0/<name>.schema.json``) points at a file that exists;
* ``.vscode/settings.json`` with the ``yaml.schemas`` mappings (an existing one is left alone:
  ``rac schema --vscode`` merges into it);
* ``reports/<year>/``: the eleven files with Chinese comments and ``待填`` placeholders;
* ``README.md`` for the compliance team (Chinese, then English).
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from reportascode.authoring.skeleton import skeleton_files
from reportascode.authoring.yamltext import render_string
from reportascode.files import paths
from reportascode.files.atomic import create_text_exclusive
from reportascode.rules.checks.helpers import LICENCE_NO

LICENCE = LICENCE_NO  # the number as issued: 京B2-20202418, A2.B1.B2-20090003, 合字B1.B2-20130004
DEFAULT_HOOKS_REPO = "https://example.org/your-mirror/reportascode"


@dataclass(frozen=True)
class Action:
    """One thing init did or did not do. ``status``: created, skipped, configured, failed."""

    status: str
    path: str
    detail: str = ""


@dataclass
class InitResult:
    root: Path
    actions: list[Action] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return any(a.status == "failed" for a in self.actions)


def init_workspace(root: Path, company: str, licence: str, year: int, version: str,
                   hooks_repo: str | None = None) -> InitResult:
    root.mkdir(parents=True, exist_ok=True)
    root = root.resolve()
    result = InitResult(root)
    result.actions.append(_git_init(root))
    files: dict[str, str] = {
        ".reportascode.yaml": config_text(company),
        ".pre-commit-config.yaml": precommit_text(version, hooks_repo),
        ".gitignore": "# rac build 的输出目录 / output of rac build\nbuild/\n"
                      "# rac 的写锁与中断写入的临时文件 / rac's write lock, temporary files of interrupted writes\n"
                      ".rac.lock\n.*.tmp\n",
        "README.md": readme_text(company, licence, year),
    }
    for name, text in skeleton_files(year, company, licence).items():
        files[f"reports/{year}/{name}.yaml"] = text
    for relative, text in files.items():
        created = create_text_exclusive(root / relative, text)
        result.actions.append(Action("created" if created else "skipped", relative))
    result.actions.extend(_export_schemas(root))
    result.actions.append(_vscode(root))
    result.actions.extend(_diff_driver(root))
    return result


def _git_init(root: Path) -> Action:
    try:
        inside = subprocess.run(["git", "rev-parse", "--is-inside-work-tree"], cwd=root, capture_output=True,
                                text=True, check=False)
        if inside.returncode == 0 and inside.stdout.strip() == "true":
            return Action("skipped", ".git", "inside")
        done = subprocess.run(["git", "init", "-q"], cwd=root, capture_output=True, text=True, check=False)
    except FileNotFoundError:
        return Action("failed", ".git", "git not found")
    if done.returncode != 0:
        return Action("failed", ".git", done.stderr.strip())
    return Action("created", ".git")


def _export_schemas(root: Path) -> list[Action]:
    from reportascode.authoring.editor import export_schemas

    exported = export_schemas(root / "schemas", overwrite=False)
    actions = [Action("created", _rel(root, p)) for p in exported.written]
    actions += [Action("skipped", _rel(root, p)) for p in exported.skipped + exported.unchanged]
    return actions


def _vscode(root: Path) -> Action:
    from reportascode.authoring.editor import merge_vscode_settings, schema_mappings

    path = root / ".vscode" / "settings.json"
    if path.exists():  # never touched by init; `rac schema --vscode` merges into it on request
        return Action("skipped", ".vscode/settings.json", "(run: rac schema --vscode)")
    merge_vscode_settings(path, schema_mappings())
    return Action("created", ".vscode/settings.json")


def _diff_driver(root: Path) -> list[Action]:
    """``.gitattributes`` (committed) and ``diff.rac.textconv`` (this clone's git config). An existing
    ``.gitattributes`` is not changed: the line to add is reported instead."""
    from reportascode.diff.gitsetup import ATTRIBUTES_LINE, DEFAULT_COMMAND, configure_textconv

    attributes = root / ".gitattributes"
    try:
        if attributes.exists():
            subprocess.run(["git", "config", "--local", "diff.rac.textconv", DEFAULT_COMMAND], cwd=root,
                           check=True, capture_output=True)
            present = ATTRIBUTES_LINE in (line.strip() for line in paths.read_text(attributes).splitlines())
            first = Action("skipped", ".gitattributes", "" if present else f"(add: {ATTRIBUTES_LINE})")
        else:
            configure_textconv(root)
            first = Action("created", ".gitattributes")
    except (subprocess.CalledProcessError, FileNotFoundError, OSError, UnicodeDecodeError) as exc:
        return [Action("failed", ".git/config", str(exc).strip() or type(exc).__name__)]
    return [first, Action("configured", ".git/config", f"diff.rac.textconv = {DEFAULT_COMMAND}")]


def _rel(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


def config_text(company: str) -> str:
    return f"""\
# yaml-language-server: $schema=schemas/config.schema.json
# reportascode 工作区配置。除 lang 外均为可选项；取消注释即可启用。
# Workspace configuration. Everything but lang is optional; uncomment to use.
lang: zh                          # 消息语言：zh / en
company: {render_string(company)}
# 阈值与容差（按检查项编号；以下为默认值）：
# thresholds:
#   SEAT-02: {{tolerance: 0.005}}                          # AI 坐席占比容差 0.5 个百分点
#   TRK-01: {{tolerance: 0.05}}                            # 中继路数与坐席数偏差 5%（内部规则）
#   FIN-03: {{min_per_seat_wan: 5, max_per_seat_wan: 40}}  # 单席年收入合理区间，万元（内部规则）
#   YOY-01: {{change: 0.30}}                               # 同比变动超过 ±30% 须在 explanations.yaml 说明
# 严重级别覆盖（error / warning / info / off）。例如起草阶段把“待填”降为警告，提交前删除：
# severity:
#   FILL-01: warning
# 豁免（须写明理由与到期日）：
# waivers:
#   - rule: TRK-01
#     report: reports/2024
#     reason: 扩容中的中继已签约未开通
#     expires: 2025-03-31
# 内部计划各职能负责人（rac timeline 使用）：
# owners:
#   legal: 法务部
#   finance: 财务部
#   operations: 运营部
#   it: 信息技术部
#   hr: 人力资源部
# 内部计划日期（MM-DD，内部做法，非监管规定）：
# timeline:
#   lock: "01-15"                 # 内部数据锁定
#   prefill: "02-15"              # 系统预填
"""


def precommit_text(version: str, hooks_repo: str | None) -> str:
    local = """\
  - repo: local                   # 使用 PATH 中的 rac（激活其虚拟环境，或 pipx 安装），离线可用
    hooks:
      - id: rac-fmt
        name: rac fmt (年报格式整理)
        entry: rac fmt
        language: system
        files: ^reports/
        types_or: [yaml]
        require_serial: true
      - id: rac-validate
        name: rac validate (年报数据校验)
        entry: rac validate
        language: system
        files: ^(reports/.*\\.(ya?ml|csv|xlsx)|rules/.*\\.ya?ml|schemas/.*\\.json|\\.reportascode\\.yaml)$
        require_serial: true
"""
    remote = f"""\
  - repo: {hooks_repo or DEFAULT_HOOKS_REPO}   # 贵司获取 reportascode 的地址
    rev: v{version}
    hooks:
      - id: rac-fmt
      - id: rac-validate
"""
    header = f"""\
# pre-commit：每次提交时整理（rac fmt）并校验（rac validate）reports/ 下的年报文件。
# pre-commit hooks: format and validate the report files under reports/ on every commit.
# 生成自 / generated by reportascode {version}.
"""

    def commented(block: str) -> str:
        return "".join(f"#{line}\n" for line in block.rstrip("\n").split("\n"))

    if hooks_repo:
        return (header + "# 离线环境可改用本机安装的 rac / offline alternative using the installed rac:\n"
                + commented(local) + "repos:\n" + remote)
    return (header + "# 若要从钩子仓库获取（固定版本），改用 / to fetch the hooks from a repository, pinned:\n"
            + commented(remote) + "repos:\n" + local)


def readme_text(company: str, licence: str, year: int) -> str:
    return f"""\
# {company} 年报数据（{licence}）

本仓库以 YAML 文件保存增值电信业务经营许可证（呼叫中心业务 B24）的年报数据，由 reportascode（命令 `rac`）校验。

## 日常操作

- 每年一个目录：`reports/<年度>/`，共 11 个文件（meta、company、licence、operations、finance、branches、numbers、
  trunks、compliance、signatures、explanations）。每个文件首行的 `yaml-language-server` 注释让编辑器（VS Code 的
  YAML 插件）显示每个字段的中文名称和说明，并即时提示格式错误。
- “待填”是占位符：`rac validate` 会逐项列出（FILL-01），全部填完才算有效。
- 校验：`rac validate`（错误精确到文件、行、列）。整理格式：`rac fmt`（不改数据、不丢注释）。
- 修改单个数值：`rac set reports/{year}/operations.yaml /seats/total 610`（先按数据模型检查，再只改这一处）。
- 新年度：`rac new-year {year + 1}`（复制企业、许可证、号码、中继、分支机构等存量信息，业务与财务数据重置为“待填”）。
- 时间表：`rac timeline reports/{year}`（官方日历与内部计划，及各步骤状态；`--format ics` 可导入日历）。
- 提交钩子（每次提交自动整理并校验）：先安装 pre-commit（`pip install pre-commit`，或安装 rac 时加 `[hooks]`），
  再在本仓库运行一次 `pre-commit install`。钩子调用本机的 `rac`：请在激活了安装 rac 的虚拟环境后提交，或用
  `pipx install reportascode` 安装使 `rac` 始终在 PATH 中；否则提交时会提示 ``Executable `rac` not found``。
- 编辑器即时校验：`pip install 'reportascode[lsp]'` 后在编辑器中配置语言服务器 `rac lsp`（VS Code、Neovim、Helix、Emacs
  的配置方法见 reportascode 文档 docs/editors.md），输入时即显示与 `rac validate` 相同的检查结果，并可一键修正。

官方时间：次年 1 月开放填报，3 月 31 日前提交年报（码号年报同日截止），4 月为限期补报，5 月 1 日系统关闭。
1 月 15 日内部数据锁定、2 月 15 日系统预填等为内部做法，可在 `.reportascode.yaml` 中调整，并非监管规定。

## In English

This repository keeps the annual report (年报) of a value-added telecom licence for call-centre business (B24) as
YAML files, validated by reportascode (`rac`). One folder per year under `reports/`; `待填` marks a value still to
fill (reported as FILL-01). Daily commands: `rac validate`, `rac fmt`, `rac set FILE POINTER VALUE`,
`rac new-year YEAR`, `rac timeline REPORT`. To check every commit, install pre-commit (`pip install pre-commit`, or
rac's `[hooks]` extra) and run `pre-commit install` once. The hooks run the `rac` on PATH: commit with the
virtual environment that holds rac activated, or install rac with pipx so `rac` is always on PATH (otherwise the
commit stops with ``Executable `rac` not found``). Editors with the
YAML language server show each field's Chinese title and English description on hover. For every finding of
`rac validate` live while you type, install `reportascode[lsp]` and point your editor's LSP client at `rac lsp`
(VS Code, Neovim, Helix and Emacs set-ups: docs/editors.md of reportascode).
"""
