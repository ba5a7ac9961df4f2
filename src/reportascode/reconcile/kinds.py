"""The evidence file kinds and their column schemas (documented in docs/evidence.md).

Each kind is one file in ``reports/<year>/evidence/``, named ``<kind>.csv`` or ``<kind>.xlsx``. A header row names
the columns, in English or in Chinese (aliases included); column order is free, unknown columns are ignored.
"""

from __future__ import annotations

import unicodedata

from reportascode.records import FrozenRecord

# Cell types; evidence.py converts raw cells by these names.
TEXT, INT, DECIMAL, DATE, MONTH, BOOL, STATUS, PROVINCE, CARRIER = (
    "text", "int", "decimal", "date", "month", "bool", "status", "province", "carrier")


class Column(FrozenRecord):
    """A column of an evidence export: its name, Chinese header, cell type and other accepted headers."""

    FIELDS = ("name", "zh", "type", "required", "aliases")

    name: str
    zh: str
    type: str
    required: bool
    aliases: tuple[str, ...]

    def __init__(self, name: str, zh: str, type: str, required: bool = True, aliases: tuple[str, ...] = ()
                 ) -> None:
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "zh", zh)
        object.__setattr__(self, "type", type)
        object.__setattr__(self, "required", required)
        object.__setattr__(self, "aliases", aliases)

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, self.zh, *self.aliases)


class EvidenceKind(FrozenRecord):
    """A kind of evidence export (a file name) and its columns."""

    FIELDS = ("name", "columns")

    name: str  # its title: the message "evidence.<name>"
    columns: tuple[Column, ...]

    def __init__(self, name: str, columns: tuple[Column, ...]) -> None:
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "columns", columns)

    def title(self, lang: str) -> str:
        from reportascode.messages import message

        return message(f"evidence.{self.name}", lang)

    def index(self, column: str) -> int:
        """The position of a column (by its English name) in the parsed row."""
        return next(i for i, c in enumerate(self.columns) if c.name == column)

    def match_header(self, cells: list[str]) -> dict[int, int]:
        """Column position → index in ``cells`` for every header cell that names a column of this kind."""
        wanted = {normalise_header(name): i for i, column in enumerate(self.columns) for name in column.names}
        found: dict[int, int] = {}
        for cell_index, cell in enumerate(cells):
            position = wanted.get(normalise_header(cell))
            if position is not None and position not in found:
                found[position] = cell_index
        return found


def normalise_header(text: str) -> str:
    """Header cells compare without case, spaces, ``_``/``-``, and with full-width forms folded (NFKC)."""
    folded = unicodedata.normalize("NFKC", text).strip().lower()
    return "".join(ch for ch in folded if ch not in " _-\ufeff\t")


TRUNK_BILLS = EvidenceKind("trunk_bills", (
    Column("carrier", "运营商", CARRIER, aliases=("基础电信运营商",)),
    Column("province", "省份", PROVINCE, aliases=("省份代码", "province_code")),
    Column("trunk_id", "中继编号", TEXT, aliases=("中继", "trunk", "中继id")),
    Column("channels", "并发路数", INT, aliases=("路数", "中继路数")),
    Column("month", "账期", MONTH, aliases=("月份", "计费月份", "billing_month")),
    Column("monthly_fee_yuan", "月租费（元）", DECIMAL, required=False,
           aliases=("月租费", "费用（元）", "monthly_fee", "fee_yuan")),
))

CALLER_NUMBERS = EvidenceKind("caller_numbers", (
    Column("number", "主叫号码", TEXT, aliases=("号码", "caller_number")),
    Column("calls", "呼叫次数", INT, aliases=("外呼次数", "次数")),
    Column("first_date", "首次使用日期", DATE, aliases=("首次使用", "开始日期")),
    Column("last_date", "末次使用日期", DATE, aliases=("最后使用日期", "结束日期")),
))

COMPLAINTS = EvidenceKind("complaints", (
    Column("date", "投诉日期", DATE, aliases=("日期", "受理日期")),
    Column("channel", "投诉渠道", TEXT, aliases=("渠道", "来源")),
    Column("status", "处理状态", STATUS, aliases=("状态",)),
))

RECORDING_SAMPLE = EvidenceKind("recording_sample", (
    Column("call_id", "通话编号", TEXT, aliases=("呼叫编号", "通话id")),
    Column("date", "通话日期", DATE, aliases=("日期",)),
    Column("recording_present", "有录音", BOOL, aliases=("录音", "录音是否存在")),
    Column("consent_present", "有同意凭证", BOOL, aliases=("同意凭证", "用户同意凭证")),
))

KINDS: dict[str, EvidenceKind] = {k.name: k for k in (TRUNK_BILLS, CALLER_NUMBERS, COMPLAINTS, RECORDING_SAMPLE)}

# Complaint channels that compliance.yaml counts separately.
CHANNEL_12321 = frozenset({"12321", "12321举报中心", "12321转办"})
CHANNEL_MIIT_APPEAL = frozenset({"miit_appeal", "工信部申诉", "工信部申诉中心", "申诉中心", "电信用户申诉受理中心"})
