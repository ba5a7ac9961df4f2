"""Helpers shared by the check families: tolerant readers of plain data, dates, the report year, coverage.

Every reader returns ``None`` (or an empty container) for data of the wrong shape: the schema reports the shape,
and a check stays quiet rather than guess.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from decimal import Decimal

from reportascode.messages import Bilingual
from reportascode.model.dates import parse_date
from reportascode.model.lazy_regex import lazy_compile
from reportascode.rules.registry import CheckContext

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

NATIONWIDE = "全国"

# A telecom licence number as issued (common.schema.json#/$defs/licence_no): province prefix, 合字, categories
# joined by dots, a dash and eight digits: B2-20203417, 京B2-20202418, A2.B1.B2-20090003, 合字B1.B2-20130004.
LICENCE_NO = lazy_compile(r"^[京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤琼川贵云陕甘青蒙桂藏宁新]?(?:合字)?"
                        r"(?P<categories>[AB][12](?:\.[AB][12])*)-\d{8}$")


def licence_categories(number: str) -> list[str] | None:
    """The categories of a licence number (``["A2", "B1", "B2"]``); ``None`` when it is not one."""
    match = LICENCE_NO.match(number)
    return match.group("categories").split(".") if match else None


def licence_has_b2(number: str) -> bool:
    """Whether a licence number covers the second class of value-added services (B2), where B24 belongs."""
    return "B2" in (licence_categories(number) or [])

# GB/T 2260 two-digit codes: the Chinese names as in common.schema.json's x-names, and English names.
PROVINCES: dict[str, tuple[str, str]] = {
    "11": ("北京", "Beijing"), "12": ("天津", "Tianjin"), "13": ("河北", "Hebei"), "14": ("山西", "Shanxi"),
    "15": ("内蒙古", "Inner Mongolia"), "21": ("辽宁", "Liaoning"), "22": ("吉林", "Jilin"),
    "23": ("黑龙江", "Heilongjiang"), "31": ("上海", "Shanghai"), "32": ("江苏", "Jiangsu"),
    "33": ("浙江", "Zhejiang"), "34": ("安徽", "Anhui"), "35": ("福建", "Fujian"), "36": ("江西", "Jiangxi"),
    "37": ("山东", "Shandong"), "41": ("河南", "Henan"), "42": ("湖北", "Hubei"), "43": ("湖南", "Hunan"),
    "44": ("广东", "Guangdong"), "45": ("广西", "Guangxi"), "46": ("海南", "Hainan"), "50": ("重庆", "Chongqing"),
    "51": ("四川", "Sichuan"), "52": ("贵州", "Guizhou"), "53": ("云南", "Yunnan"), "54": ("西藏", "Tibet"),
    "61": ("陕西", "Shaanxi"), "62": ("甘肃", "Gansu"), "63": ("青海", "Qinghai"), "64": ("宁夏", "Ningxia"),
    "65": ("新疆", "Xinjiang"), "71": ("台湾", "Taiwan"), "81": ("香港", "Hong Kong"), "82": ("澳门", "Macao"),
}


def number(value: Any) -> Decimal | None:
    """An int or Decimal as Decimal (never float, never bool); ``None`` for anything else."""
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        return None
    return Decimal(value)


# An ISO date string (the loader keeps dates as text) as a date; None when absent or malformed.
date = parse_date


def integer(value: Any) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value


def mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def records(value: Any) -> Iterator[tuple[int, dict[str, Any]]]:
    """The mapping items of a list, with their indexes (other items are skipped)."""
    if isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, dict):
                yield index, item


def strings(value: Any) -> list[str]:
    """A list's items as text (numbers written without quotes included); anything else gives []."""
    if not isinstance(value, list):
        return []
    return [str(item) for item in value if isinstance(item, (str, int)) and not isinstance(item, bool)]


def year_start(ctx: CheckContext) -> dt.date:
    return dt.date(ctx.year, 1, 1)


def year_end(ctx: CheckContext) -> dt.date:
    return dt.date(ctx.year, 12, 31)


def add_days(day: dt.date, days: Decimal | int) -> dt.date:
    return day + dt.timedelta(days=int(days))


def active_in_year(ctx: CheckContext, start: Any, end: Any) -> bool:
    """Whether a period [start, end] (end may be absent: open) overlaps the report year."""
    begin, finish = date(start), date(end)
    if begin is not None and begin > year_end(ctx):
        return False
    return not (finish is not None and finish < year_start(ctx))


def active_at_year_end(ctx: CheckContext, start: Any, end: Any) -> bool:
    begin, finish = date(start), date(end)
    if begin is not None and begin > year_end(ctx):
        return False
    return not (finish is not None and finish < year_end(ctx))


def b24_services(ctx: CheckContext) -> list[tuple[int, dict[str, Any]]]:
    """The licence's call-centre services (B24-1, B24-2) with their indexes in ``licence.yaml#/services``."""
    services = mapping(ctx.data("licence")).get("services")
    return [(i, s) for i, s in records(services) if str(s.get("code", "")).startswith("B24")]


def b24_coverage(ctx: CheckContext) -> set[str] | None:
    """The provinces the licence's B24 services cover (``{"全国"}`` when nationwide); ``None`` without B24."""
    services = b24_services(ctx)
    if not services:
        return None
    covered: set[str] = set()
    for _, service in services:
        covered.update(strings(service.get("coverage")))
    return covered


def covers(coverage: set[str], province: str) -> bool:
    return NATIONWIDE in coverage or province in coverage


def province(code: Any) -> Bilingual:
    """A province code with its name, in both languages: ``44（广东）`` / ``44 (Guangdong)``."""
    text = str(code)
    names = PROVINCES.get(text)
    if names is None:
        return Bilingual(text, text)
    return Bilingual(f"{text}（{names[0]}）", f"{text} ({names[1]})")


def province_list(codes: Iterable[str]) -> Bilingual:
    items = sorted(codes, key=lambda c: (c != NATIONWIDE, c))
    zh = "、".join(NATIONWIDE if c == NATIONWIDE else province(c).zh for c in items)
    en = ", ".join("nationwide" if c == NATIONWIDE else province(c).en for c in items)
    return Bilingual(zh or "—", en or "—")


def fmt(value: Decimal | int, places: int | None = None) -> str:
    """A number for a message: fixed decimals when asked, else as written (``0.080`` stays ``0.080``)."""
    number_ = Decimal(value)
    return f"{number_:.{places}f}" if places is not None else f"{number_:f}"


def plain(value: Decimal | int) -> str:
    """A computed number without trailing zeros (a threshold × 100: ``0.500`` → ``0.5``, ``30.00`` → ``30``)."""
    text = f"{Decimal(value):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def pct(value: Decimal, places: int = 1) -> str:
    """A fraction as a signed percentage: ``+125.0%``."""
    return f"{value * 100:+.{places}f}%"
