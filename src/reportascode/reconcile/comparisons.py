"""The comparisons: one collector per evidence kind. A collector sees the rows of its export one at a time
(``add``), keeps only small aggregates (per trunk and month, per known number, counters), and at the end
(``finish``) returns the discrepancy-table rows and records findings in the sink.

Report data is read defensively: a value of the wrong shape is skipped (the schema already reports it).
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from decimal import Decimal

from reportascode.messages import Bilingual
from reportascode.model.dates import parse_date
from reportascode.model.findings import Severity
from reportascode.model.lazy_regex import lazy_compile
from reportascode.model.workspace import Report
from reportascode.reconcile.evidence import EvidenceFile, ReadStats, month_text, province_name
from reportascode.reconcile.kinds import CHANNEL_12321, CHANNEL_MIIT_APPEAL
from reportascode.reconcile.sink import Sink
from reportascode.reconcile.table import ABSOLUTE, TableRow, row
from reportascode.records import Record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def _integer(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _records(report: Report, name: str) -> list[tuple[int, dict[str, Any]]]:
    data = report.data(name)
    if not isinstance(data, list):
        return []
    return [(i, item) for i, item in enumerate(data) if isinstance(item, dict)]


def _value(report: Report, name: str, *keys: str) -> Any:
    data = report.data(name)
    for key in keys:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


_SEPARATORS = lazy_compile(r"[\s\-()（）]")


def normalise_number(number: str) -> str:
    """Numbers compare without spaces, hyphens and brackets (``400-000-7788`` = ``4000007788``)."""
    return _SEPARATORS.sub("", unicodedata.normalize("NFKC", number))


class Collector:
    """Base of the per-kind comparisons."""

    def __init__(self, report: Report, sink: Sink, evidence: EvidenceFile, stats: ReadStats) -> None:
        self.report = report
        self.sink = sink
        self.evidence = evidence
        self.stats = stats
        self.year = report.year
        self.year_start = dt.date(self.year, 1, 1)
        self.year_end = dt.date(self.year, 12, 31)

    def add(self, line: int, values: list[Any]) -> None:
        raise NotImplementedError

    def finish(self) -> list[TableRow]:
        raise NotImplementedError

    def at_row(self, rule: str, line: int, column: str, variant: str | None = None,
               severity: Severity | None = None, **args: Any) -> None:
        self.sink.at_evidence(rule, self.evidence.file, line, self.stats.column(column), column, variant, severity,
                              **args)

    def exceeded(self, table_row: TableRow) -> bool:
        return self.sink.enabled(table_row.rule) and not table_row.ok


def _rate(row_: TableRow) -> str:
    rate = row_.diff_rate
    return "∞" if rate is None else f"{rate * 100:+.1f}%"


def _percent(value: Decimal) -> str:
    return f"{value * 100:.1f}%".replace(".0%", "%")


# --- trunk bills: REC-01, REC-02, REC-09, REC-10 -----------------------------------------------------------------


class _BilledTrunk(Record):
    """A trunk as the carrier bills it: channels per month, and the rows billing it."""

    FIELDS = ("carrier", "province", "first_line", "months", "lines")

    def __init__(self, carrier: str, province: str, first_line: int, months: dict[int, int] | None = None,
                 lines: dict[int, int] | None = None) -> None:
        self.carrier = carrier
        self.province = province
        self.first_line = first_line
        self.months: dict[int, int] = {} if months is None else months  # month -> channels (largest that month)
        self.lines: dict[int, int] = {} if lines is None else lines  # month -> first row billing it

    @property
    def channels(self) -> int:
        return max(self.months.values(), default=0)


class _ReportTrunk(Record):
    """A trunk as the report declares it."""

    FIELDS = ("index", "id", "carrier", "province", "channels", "start", "end")

    def __init__(self, index: int, id: str, carrier: str | None, province: str | None, channels: int | None,
                 start: dt.date | None, end: dt.date | None) -> None:
        self.index = index
        self.id = id
        self.carrier = carrier
        self.province = province
        self.channels = channels
        self.start = start
        self.end = end


class TrunkBills(Collector):
    """Billed channels per trunk (the largest monthly figure in the year) against trunks.yaml, per carrier and
    province (REC-01) and in total against the seats (REC-02); billed months against contract periods."""

    def __init__(self, report: Report, sink: Sink, evidence: EvidenceFile, stats: ReadStats) -> None:
        super().__init__(report, sink, evidence, stats)
        self.billed: dict[str, _BilledTrunk] = {}
        self.trunks: dict[str, _ReportTrunk] = {}
        for index, trunk in _records(report, "trunks"):
            trunk_id = trunk.get("id")
            if isinstance(trunk_id, str) and trunk_id not in self.trunks:
                carrier, province = trunk.get("carrier"), trunk.get("province")
                self.trunks[trunk_id] = _ReportTrunk(
                    index, trunk_id, carrier if isinstance(carrier, str) else None,
                    province if isinstance(province, str) else None, _integer(trunk.get("channels")),
                    parse_date(trunk.get("contract_start")), parse_date(trunk.get("contract_end")))
        self.first_month = self.year * 12
        self.last_month = self.year * 12 + 11

    def add(self, line: int, values: list[Any]) -> None:
        carrier, province, trunk_id, channels, month = values[0], values[1], values[2], values[3], values[4]
        if not self.first_month <= month <= self.last_month:
            return  # a bill of another year: not part of this report
        known = self.trunks.get(trunk_id)
        if known is not None:
            if known.carrier is not None and carrier != known.carrier:
                self.at_row("REC-09", line, "carrier", "carrier", trunk=trunk_id, billed=carrier,
                            reported=known.carrier)
            if known.province is not None and province != known.province:
                self.at_row("REC-09", line, "province", "province", trunk=trunk_id,
                            billed=f"{province_name(province)}({province})",
                            reported=f"{province_name(known.province)}({known.province})")
        billed = self.billed.get(trunk_id)
        if billed is None:
            billed = _BilledTrunk(carrier, province, line)
            self.billed[trunk_id] = billed
        if channels > billed.months.get(month, -1):
            billed.months[month] = channels
        billed.lines.setdefault(month, line)

    def _contract_months(self, trunk: _ReportTrunk) -> range | None:
        if trunk.start is None or trunk.end is None:
            return None
        first = max(self.first_month, trunk.start.year * 12 + trunk.start.month - 1)
        last = min(self.last_month, trunk.end.year * 12 + trunk.end.month - 1)
        return range(first, last + 1)

    def _active(self, trunk: _ReportTrunk) -> bool:
        months = self._contract_months(trunk)
        return months is None or len(months) > 0

    def finish(self) -> list[TableRow]:
        self._unknown_and_contracts()
        return [*self._groups(), *self._seats()]

    def _unknown_and_contracts(self) -> None:
        for trunk_id, bill in self.billed.items():
            if trunk_id not in self.trunks:
                self.at_row("REC-09", bill.first_line, "trunk_id", "unknown_trunk", trunk=trunk_id,
                            carrier=bill.carrier, channels=bill.channels)
        for trunk in self.trunks.values():
            months = self._contract_months(trunk)
            if months is None:
                continue
            billed = self.billed.get(trunk.id)
            billed_months = sorted(billed.months) if billed else []
            outside = [m for m in billed_months if m not in months]
            if outside and billed is not None:
                self.at_row("REC-09", billed.lines[outside[0]], "month", "outside_contract", trunk=trunk.id,
                            months=_month_ranges(outside), start=_iso(trunk.start), end=_iso(trunk.end))
            unbilled = [m for m in months if billed is None or m not in billed.months]
            if unbilled:
                self.sink.at_report("REC-10", "trunks", f"/{trunk.index}/id", trunk=trunk.id,
                                    months=_month_ranges(unbilled), count=len(unbilled),
                                    evidence=self.evidence.file)

    def _groups(self) -> list[TableRow]:
        reported: dict[tuple[str, str], tuple[int, int]] = {}  # (carrier, province) -> (channels, first index)
        for trunk in self.trunks.values():
            if trunk.carrier is None or trunk.province is None or trunk.channels is None or not self._active(trunk):
                continue
            key = (trunk.carrier, trunk.province)
            total, first = reported.get(key, (0, trunk.index))
            reported[key] = (total + trunk.channels, first)
        billed: dict[tuple[str, str], tuple[int, int]] = {}  # -> (channels, first row)
        for bill in self.billed.values():
            key = (bill.carrier, bill.province)
            total, first = billed.get(key, (0, bill.first_line))
            billed[key] = (total + bill.channels, min(first, bill.first_line))
        tolerance = self.sink.threshold("REC-01", "tolerance")
        rows = []
        for carrier, province in sorted(set(reported) | set(billed)):
            report_channels, index = reported.get((carrier, province), (None, -1))
            billed_channels, line = billed.get((carrier, province), (0, 0))
            pointer = f"/{index}/channels" if index >= 0 else ""
            table_row = row("REC-01", f"trunks.channels[{carrier}/{province}]", "trunk_channels",
                            report_channels, billed_channels, tolerance, file=self.report.file_path("trunks"),
                            pointer=pointer, evidence_file=self.evidence.file, carrier=carrier,
                            province=f"{province_name(province)}({province})")
            rows.append(table_row)
            if not self.exceeded(table_row):
                continue
            args: dict[str, Any] = {"carrier": carrier, "province": f"{province_name(province)}({province})",
                    "reported": report_channels or 0, "billed": billed_channels, "rate": _rate(table_row),
                    "tolerance": _percent(tolerance), "evidence": self.evidence.file}
            if index >= 0:
                self.sink.at_report("REC-01", "trunks", pointer, **args)
            else:
                self.at_row("REC-01", line, "channels", "not_reported", **args)
        return rows

    def _seats(self) -> list[TableRow]:
        seats = _integer(_value(self.report, "operations", "seats", "total"))
        if seats is None:
            return []
        billed = sum(t.channels for t in self.billed.values())
        tolerance = self.sink.threshold("REC-02", "tolerance")
        table_row = row("REC-02", "operations.seats.total", "seats_vs_billed", seats, billed, tolerance,
                        file=self.report.file_path("operations"), pointer="/seats/total",
                        evidence_file=self.evidence.file)
        if self.exceeded(table_row):
            self.sink.at_report("REC-02", "operations", "/seats/total", seats=seats, billed=billed,
                                rate=_rate(table_row), tolerance=_percent(tolerance), evidence=self.evidence.file)
        return [table_row]


def _iso(value: dt.date | None) -> str:
    return value.isoformat() if value else "?"


def _month_ranges(months: list[int]) -> str:
    """``2024-01–2024-03, 2024-07``: consecutive months joined into ranges."""
    parts: list[str] = []
    start = previous = months[0]
    for month in [*months[1:], None]:
        if month is not None and month == previous + 1:
            previous = month
            continue
        parts.append(month_text(start) if start == previous else f"{month_text(start)}–{month_text(previous)}")
        if month is not None:
            start = previous = month
    return ", ".join(parts)


# --- caller numbers: REC-03, REC-04, REC-05 ----------------------------------------------------------------------


class _Number(Record):
    """A caller number as the report declares it."""

    FIELDS = ("index", "number", "outbound_enabled", "commitment")

    def __init__(self, index: int, number: str, outbound_enabled: bool | None, commitment: dt.date | None
                 ) -> None:
        self.index = index
        self.number = number
        self.outbound_enabled = outbound_enabled  # None: not a boolean (the schema says so; no follow-up here)
        self.commitment = commitment


def _boolean(value: Any) -> bool | None:
    return value if isinstance(value, bool) else None


class CallerNumbers(Collector):
    """Every number used as a caller number is in numbers.yaml and enabled for outbound calls (REC-03/04); the
    calls add up to the outbound attempts reported (REC-05). Constant memory: only counters are kept."""

    def __init__(self, report: Report, sink: Sink, evidence: EvidenceFile, stats: ReadStats) -> None:
        super().__init__(report, sink, evidence, stats)
        self.known: dict[str, _Number] = {}
        for index, entry in _records(report, "numbers"):
            number = entry.get("number")
            if isinstance(number, str):
                self.known.setdefault(normalise_number(number), _Number(
                    index, number, _boolean(entry.get("outbound_enabled")),
                    parse_date(entry.get("outbound_commitment_date"))))
        self.calls = 0
        self.unknown_rows = 0
        self.disabled_rows = 0

    def add(self, line: int, values: list[Any]) -> None:
        number, calls, first, last = values[0], values[1], values[2], values[3]
        if last < first:
            self.stats.bad_rows += 1
            self.at_row("REC-11", line, "last_date", "date_order", first=first.isoformat(), last=last.isoformat())
            return
        self.calls += calls
        known = self.known.get(number) or self.known.get(normalise_number(number))
        if known is None:
            self.unknown_rows += 1
            self.at_row("REC-03", line, "number", number=number, calls=calls)
        elif known.outbound_enabled is False:
            self.disabled_rows += 1
            self.at_row("REC-04", line, "number", number=number, calls=calls)
        elif known.commitment is not None and first < known.commitment:
            self.disabled_rows += 1
            self.at_row("REC-04", line, "first_date", "before_commitment", number=number, first=first.isoformat(),
                        commitment=known.commitment.isoformat())

    def finish(self) -> list[TableRow]:
        rows = [
            row("REC-03", "numbers[unknown]", "unknown_numbers", 0, self.unknown_rows, 0, kind=ABSOLUTE,
                file=self.report.file_path("numbers"), evidence_file=self.evidence.file),
            row("REC-04", "numbers[not_outbound]", "not_outbound_numbers", 0, self.disabled_rows, 0, kind=ABSOLUTE,
                file=self.report.file_path("numbers"), evidence_file=self.evidence.file),
        ]
        attempts = _integer(_value(self.report, "operations", "outbound", "attempts"))
        if attempts is not None:
            tolerance = self.sink.threshold("REC-05", "tolerance")
            table_row = row("REC-05", "operations.outbound.attempts", "outbound_attempts", attempts, self.calls,
                            tolerance, file=self.report.file_path("operations"), pointer="/outbound/attempts",
                            evidence_file=self.evidence.file)
            rows.append(table_row)
            if self.exceeded(table_row):
                self.sink.at_report("REC-05", "operations", "/outbound/attempts", reported=attempts, calls=self.calls,
                                    rate=_rate(table_row), tolerance=_percent(tolerance), evidence=self.evidence.file)
        return rows


# --- complaint ledger: REC-06 ------------------------------------------------------------------------------------


def _channel(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().lower().replace(" ", "")


class Complaints(Collector):
    """The ledger's complaints of the report year: received, replied, via 12321 and via the MIIT appeal centre,
    against compliance.yaml (REC-06)."""

    FIELDS = ("received", "replied", "via_12321", "via_miit_appeal")

    def __init__(self, report: Report, sink: Sink, evidence: EvidenceFile, stats: ReadStats) -> None:
        super().__init__(report, sink, evidence, stats)
        self.counts = dict.fromkeys(self.FIELDS, 0)

    def add(self, line: int, values: list[Any]) -> None:
        date, channel, status = values[0], values[1], values[2]
        if date.year != self.year:
            self.at_row("REC-06", line, "date", "out_of_year", Severity.INFO, date=date.isoformat(), year=self.year)
            return
        self.counts["received"] += 1
        if status == "replied":
            self.counts["replied"] += 1
        key = _channel(channel)
        if key in CHANNEL_12321:
            self.counts["via_12321"] += 1
        elif key in CHANNEL_MIIT_APPEAL:
            self.counts["via_miit_appeal"] += 1

    def finish(self) -> list[TableRow]:
        tolerance = self.sink.threshold("REC-06", "tolerance")
        rows = []
        for name in self.FIELDS:
            reported = _integer(_value(self.report, "compliance", "complaints", name))
            if reported is None:
                continue
            table_row = row("REC-06", f"compliance.complaints.{name}", f"complaints_{name}", reported,
                            self.counts[name], tolerance, file=self.report.file_path("compliance"),
                            pointer=f"/complaints/{name}", evidence_file=self.evidence.file)
            rows.append(table_row)
            if self.exceeded(table_row):
                label = Bilingual.of(f"reconcile.field.complaints_{name}")
                self.sink.at_report("REC-06", "compliance", f"/complaints/{name}", field=label, reported=reported,
                                    ledger=self.counts[name], rate=_rate(table_row), tolerance=_percent(tolerance),
                                    evidence=self.evidence.file)
        return rows


# --- recording and consent sample: REC-07, REC-08 ----------------------------------------------------------------


class RecordingSample(Collector):
    """The sample covers the last ``window_days`` of the year without a stretch longer than ``max_gap_days``
    (REC-07, internal practice); every sampled call still within the declared retention has its recording and
    consent record (REC-08)."""

    def __init__(self, report: Report, sink: Sink, evidence: EvidenceFile, stats: ReadStats) -> None:
        super().__init__(report, sink, evidence, stats)
        self.window_days = max(1, int(sink.threshold("REC-07", "window_days")))
        self.max_gap = int(sink.threshold("REC-07", "max_gap_days"))
        self.window_start = self.year_end - dt.timedelta(days=self.window_days - 1)
        self.retention = {
            "recording": _integer(_value(report, "compliance", "recording_retention_days")),
            "consent": _integer(_value(report, "compliance", "consent_retention_days")),
        }
        self.dates: dict[dt.date, int] = {}  # sampled day -> first row (at most window_days entries)
        self.expected = {"recording": 0, "consent": 0}
        self.present = {"recording": 0, "consent": 0}

    def add(self, line: int, values: list[Any]) -> None:
        call_id, date, recording, consent = values[0], values[1], values[2], values[3]
        if not self.window_start <= date <= self.year_end:
            self.at_row("REC-07", line, "date", "outside_window", Severity.INFO, call=call_id, date=date.isoformat(),
                        start=self.window_start.isoformat(), end=self.year_end.isoformat())
            return
        self.dates.setdefault(date, line)
        for what, present in (("recording", recording), ("consent", consent)):
            retention = self.retention[what]
            if retention is not None and (self.year_end - date).days >= retention:
                continue  # older than the declared retention at year end: its absence is expected
            self.expected[what] += 1
            if present:
                self.present[what] += 1
            else:
                self.at_row("REC-08", line, f"{what}_present", what, call=call_id, date=date.isoformat())

    def finish(self) -> list[TableRow]:
        compliance = self.report.file_path("compliance")
        gap, after, gap_start = self._longest_gap()
        rows = [row("REC-07", "evidence.recording_sample.coverage", "sample_gap", None, gap, self.max_gap,
                    kind=ABSOLUTE, file=compliance, evidence_file=self.evidence.file, window=self.window_days)]
        if self.sink.enabled("REC-07") and gap > self.max_gap:
            end = gap_start + dt.timedelta(days=gap - 1)
            variant = "empty" if not self.dates else None
            self.at_row("REC-07", after or self.stats.header_line, "date", variant, start=gap_start.isoformat(),
                        end=end.isoformat(), days=gap, max=self.max_gap, window=self.window_days,
                        window_start=self.window_start.isoformat(), year_end=self.year_end.isoformat())
        for what in ("recording", "consent"):
            rows.append(row("REC-08", f"evidence.recording_sample.{what}", f"sample_{what}", self.expected[what],
                            self.present[what], 0, kind=ABSOLUTE, file=compliance,
                            pointer=f"/{what}_retention_days", evidence_file=self.evidence.file))
        return rows

    def _longest_gap(self) -> tuple[int, int, dt.date]:
        """The longest run of days in the window without a sampled call: (days, row after it, first day)."""
        best, after, start = 0, 0, self.window_start
        previous = self.window_start - dt.timedelta(days=1)
        last_line = 0
        for day in sorted(self.dates):
            days = (day - previous).days - 1
            if days > best:
                best, after, start = days, self.dates[day], previous + dt.timedelta(days=1)
            previous, last_line = day, self.dates[day]
        tail = (self.year_end - previous).days
        if tail > best:
            best, after, start = tail, last_line, previous + dt.timedelta(days=1)
        return best, after, start


COLLECTORS: dict[str, type[Collector]] = {
    "trunk_bills": TrunkBills,
    "caller_numbers": CallerNumbers,
    "complaints": Complaints,
    "recording_sample": RecordingSample,
}
