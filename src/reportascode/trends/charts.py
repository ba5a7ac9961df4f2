"""The trend charts, drawn by matplotlib (the optional ``charts`` extra, imported only here and only when a
chart is drawn, never on the ``validate`` path): SVG for HTML and PDF, PNG for DOCX.

* Chinese labels need a CJK font. It is found as rendering finds one (fontconfig, ``fc-list :lang=zh``, the
  same list :func:`reportascode.render.pdf.cjk_fonts` reads), preferring a sans-serif face; a missing font is a
  clear error, never boxes in place of characters.
* Text stays text in the SVG (``svg.fonttype: none``, ``font-family`` the CJK font): browsers draw it with that
  font, WeasyPrint embeds the font in the PDF, and the words can be searched and copied.
* Output is deterministic: the Agg backend, a fixed ``svg.hashsalt`` per chart (so several charts inline in one
  page never share an element id), no date in the metadata.
* A year without a report is a shaded gap marked 无报告 / no report; a missing figure is no bar and a break in
  the line, never a zero.
"""

from __future__ import annotations

import functools
import io
import re
import shutil
import subprocess
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from html import escape
from typing import TYPE_CHECKING, Any

from reportascode.errors import UsageError
from reportascode.messages import message
from reportascode.render import figures as formatting
from reportascode.render.content import Chart
from reportascode.trends.metrics import EntityTrend, YearMetrics

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

# Sans-serif CJK faces first (charts read better without serifs), then any face fontconfig lists for Chinese.
PREFERRED_FAMILIES = (
    "Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN", "Noto Sans SC", "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", "SimHei", "Droid Sans Fallback",
    "Noto Serif CJK SC", "Source Han Serif SC", "AR PL UMing CN",
)
FIGURE_SIZE = (6.4, 3.3)  # inches; the SVG scales to its container, the PNG is 150 dpi (960 × 495 px)
PNG_DPI = 150
COLORS = {"human": "#4c78a8", "ai": "#f58518", "ratio": "#e45756", "complaints": "#54a24b", "revenue": "#72b7b2",
          "gap": "#eeeeee"}


@dataclass(frozen=True)
class ChartSpec:
    id: str
    title_key: str  # a message key
    draw: Callable[[Axes, Sequence[YearMetrics], str], None]


# -- the font -------------------------------------------------------------------------------------------------
def _fc_list(*fields: str) -> list[str]:
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return []
    try:
        output = subprocess.run([fc_list, ":lang=zh", *fields], capture_output=True, text=True, timeout=30,
                                check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    return [line.strip() for line in output.splitlines() if line.strip()]


def _pick(known: set[str], listed: Sequence[str]) -> str | None:
    for family in PREFERRED_FAMILIES:
        if family in known:
            return family
    for family in listed:
        if family in known and "Mono" not in family:
            return family
    return None


@functools.lru_cache(maxsize=1)
def cjk_family() -> str | None:
    """The CJK font family the charts use, registered with matplotlib; None when there is none."""
    from matplotlib import font_manager

    from reportascode.render.pdf import cjk_fonts

    listed = sorted({name.strip() for line in cjk_fonts() for name in line.split(",") if name.strip()})
    known = {entry.name for entry in font_manager.fontManager.ttflist}
    family = _pick(known, listed)
    if family is None and listed:  # fontconfig knows fonts matplotlib's cache has not seen: register them
        for path in sorted({line.split(":", 1)[0] for line in _fc_list("file")}):
            try:
                font_manager.fontManager.addfont(path)
            except (OSError, RuntimeError, ValueError):
                continue
        family = _pick({entry.name for entry in font_manager.fontManager.ttflist}, listed)
    return family


def unavailable(lang: str) -> UsageError | None:
    """Why charts cannot be drawn here (no matplotlib; no CJK font for Chinese labels), or None."""
    import importlib.util

    if importlib.util.find_spec("matplotlib") is None:
        from reportascode.messages.install import install_command

        return UsageError("trends.no_matplotlib", install=install_command("charts", "matplotlib"))
    if _needs_cjk_font(lang) and cjk_family() is None:
        return UsageError("trends.no_cjk_font")
    return None


def _needs_cjk_font(lang: str) -> bool:
    """Whether the charts' own texts in ``lang`` have CJK characters (data values aside)."""
    texts = [message(spec.title_key, lang) for spec in CHARTS] + [message("trends.human_seats", lang)]
    return any("\u2e80" <= ch <= "\ufaff" for text in texts for ch in text)


# -- drawing --------------------------------------------------------------------------------------------------
def _float(value: int | Decimal | None) -> float:
    return float("nan") if value is None else float(value)


def _axes_frame(ax: Axes, years: Sequence[YearMetrics], lang: str, percent: bool = False) -> None:
    numbers = [y.year for y in years]
    ax.set_xticks(numbers, [str(n) for n in numbers])
    ax.set_xlim(numbers[0] - 0.6, numbers[-1] + 0.6)
    ax.spines["top"].set_visible(False)
    ax.spines["right"].set_visible(False)
    ax.grid(axis="y", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    top = ax.get_ylim()[1]
    ax.set_ylim(0, max(top * 1.18, 1e-9))
    if percent:
        from matplotlib.ticker import PercentFormatter

        ax.yaxis.set_major_formatter(PercentFormatter(xmax=1.0, decimals=0))
    for year in years:
        if year.gap:
            ax.axvspan(year.year - 0.45, year.year + 0.45, color=COLORS["gap"], zorder=0)
            ax.text(year.year, 0.5, message("trends.no_report", lang), ha="center", va="center",
                    color="#888888", fontsize=9, transform=ax.get_xaxis_transform())


def _label_points(ax: Axes, xs: Sequence[int], values: Sequence[int | Decimal | None],
                  text: Callable[[int | Decimal], str], heights: Sequence[float] | None = None) -> None:
    for index, (x, value) in enumerate(zip(xs, values, strict=True)):
        if value is None:
            continue
        y = heights[index] if heights is not None else float(value)
        ax.annotate(text(value), (x, y), textcoords="offset points", xytext=(0, 5), ha="center", fontsize=8.5,
                    color="#333333")


def _draw_seats(ax: Axes, years: Sequence[YearMetrics], lang: str) -> None:
    xs = [y.year for y in years]
    split = [y.seats_human is not None and y.seats_ai is not None for y in years]
    human = [_float(y.seats_human) if ok else float("nan") for y, ok in zip(years, split, strict=True)]
    ai = [_float(y.seats_ai) if ok else float("nan") for y, ok in zip(years, split, strict=True)]
    only_total = [_float(y.seats_total) if not ok else float("nan") for y, ok in zip(years, split, strict=True)]
    ax.bar(xs, human, width=0.6, color=COLORS["human"], label=message("trends.human_seats", lang))
    ax.bar(xs, ai, width=0.6, bottom=human, color=COLORS["ai"], label=message("trends.ai_seats", lang))
    if any(v == v for v in only_total):  # a year with a total but no human/AI split
        ax.bar(xs, only_total, width=0.6, color="#9ecae9",
               label=message("trends.seats_no_human_ai_split", lang))
    tops = [_float(y.seats_total) for y in years]
    _label_points(ax, xs, [y.seats_total for y in years], formatting.count, tops)
    ax.set_ylabel(message("trends.seats", lang))
    _axes_frame(ax, years, lang)
    ax.legend(loc="upper left", frameon=False, fontsize=8.5)


def _line(ax: Axes, years: Sequence[YearMetrics], lang: str, key: str, color: str,
          text: Callable[[int | Decimal], str], percent: bool = False) -> None:
    xs = [y.year for y in years]
    values = [y.value(key) for y in years]
    ax.plot(xs, [_float(v) for v in values], color=color, marker="o", linewidth=2, markersize=5)
    _label_points(ax, xs, values, text)
    _axes_frame(ax, years, lang, percent)


def _draw_ai_ratio(ax: Axes, years: Sequence[YearMetrics], lang: str) -> None:
    _line(ax, years, lang, "ai_ratio", COLORS["ratio"], formatting.percent, percent=True)


def _draw_complaints(ax: Axes, years: Sequence[YearMetrics], lang: str) -> None:
    _line(ax, years, lang, "complaints_per_100k", COLORS["complaints"], lambda v: formatting.number(v, 3))
    ax.set_ylabel(message("pack.axis.complaints", lang))


def _draw_revenue_per_seat(ax: Axes, years: Sequence[YearMetrics], lang: str) -> None:
    _line(ax, years, lang, "revenue_per_seat_wan", COLORS["revenue"], lambda v: formatting.money(v, 2))
    ax.set_ylabel(message("pack.axis.revenue_per_seat", lang))


CHARTS: tuple[ChartSpec, ...] = (
    ChartSpec("seats", "trends.chart.seats", _draw_seats),
    ChartSpec("ai-ratio", "trends.chart.ai_ratio", _draw_ai_ratio),
    ChartSpec("complaints", "trends.chart.complaints", _draw_complaints),
    ChartSpec("revenue-per-seat", "trends.chart.revenue_per_seat", _draw_revenue_per_seat),
)


def _rc(family: str | None, salt: str) -> Any:
    params: dict[str, Any] = {
        "svg.fonttype": "none",
        "svg.hashsalt": salt,
        "axes.unicode_minus": False,
        "font.size": 10,
        "axes.titlesize": 11.5,
    }
    if family is not None:
        params["font.family"] = [family]
    return params


def _figure(spec: ChartSpec, trend: EntityTrend, lang: str) -> Figure:
    from matplotlib.figure import Figure

    figure = Figure(figsize=FIGURE_SIZE)
    figure.subplots_adjust(left=0.11, right=0.98, bottom=0.1, top=0.88)
    ax = figure.subplots()
    spec.draw(ax, trend.years, lang)
    ax.set_title(message(spec.title_key, lang), loc="left")
    return figure


_ID_REFERENCES = re.compile(r'(\bid="|url\(#|xlink:href="#|\bhref="#)([^"()]+)')


def _inline_svg(data: bytes, title: str, prefix: str) -> str:
    """The ``<svg>`` element alone (no XML prolog or doctype), labelled for screen readers, with every element
    id (matplotlib writes ``figure_1``, ``axes_1``… in every chart) and every reference to one prefixed, so that
    several charts inlined into one page never share an id. Text content is XML-escaped by matplotlib, so the
    pattern only ever meets attributes."""
    text = data.decode("utf-8")
    svg = text[text.index("<svg"):].rstrip()
    svg = _ID_REFERENCES.sub(lambda m: f"{m.group(1)}{prefix}-{m.group(2)}", svg)
    return svg.replace("<svg ", f'<svg role="img" aria-label="{escape(title)}" ', 1) + "\n"


def draw_charts(trend: EntityTrend, lang: str, png: bool = True, salt: str = "") -> list[Chart]:
    """The four trend charts of one entity as SVG (and PNG): seats (human/AI stacked), AI seat ratio,
    complaints per 100k calls, revenue per seat. Raises :class:`UsageError` when charts cannot be drawn."""
    problem = unavailable(lang)
    if problem is not None:
        raise problem
    import matplotlib

    matplotlib.use("Agg")
    family = cjk_family()
    charts = []
    for spec in CHARTS:
        title = message(spec.title_key, lang)
        with matplotlib.rc_context(_rc(family, f"rac-{salt}-{spec.id}")):
            figure = _figure(spec, trend, lang)
            svg = io.BytesIO()
            figure.savefig(svg, format="svg", metadata={"Date": None})
            image = None
            if png:
                buffer = io.BytesIO()
                figure.savefig(buffer, format="png", dpi=PNG_DPI)
                image = buffer.getvalue()
        chart_id = f"{salt}-{spec.id}" if salt else spec.id
        charts.append(Chart(id=chart_id, title=title, svg=_inline_svg(svg.getvalue(), title, f"chart-{chart_id}"),
                            png=image))
    return charts
