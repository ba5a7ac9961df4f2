#!/usr/bin/env python3
"""Generate the sample workspace's evidence exports (reports/<year>/evidence/*.csv) from its reports.

Deterministic (one seeded random generator per year) and consistent with the report figures, so that
``rac reconcile`` on the sample is clean:

* trunk_bills.csv: one line per trunk and billed month of the contract in the year; a trunk whose capacity grew
  since the year before is billed at the old capacity until March and at the new one from April;
* caller_numbers.csv: one line per quarter for each outbound-enabled number in use (only 96801 in the sample),
  the calls adding up to ``operations.outbound.attempts``;
* complaints.csv: one line per complaint, matching ``compliance.complaints`` (received, replied, 12321, MIIT);
* recording_sample.csv: 100 calls spread over the last 90 days of the year, each with recording and consent.

The 2023 exports use Chinese headers and a UTF-8 BOM (as Excel's "CSV UTF-8" saves them); the others English.

Usage: python tools/make_sample_evidence.py [REPORTS_DIR]   (default: the repository's reports/)
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

from reportascode.model.loader import load_bytes
from reportascode.reconcile.kinds import KINDS

ROOT = Path(__file__).resolve().parent.parent
PRICE_PER_CHANNEL = {  # yuan per channel and month (invented)
    ("中国电信", "SIP"): Decimal("95"), ("中国移动", "SIP"): Decimal("90"), ("中国联通", "SIP"): Decimal("88"),
    ("中国广电", "SIP"): Decimal("85"),
}
E1_PRICE_PER_CHANNEL = Decimal("60")
EXPANSION_MONTH = 4
OTHER_CHANNELS = ("客服热线", "在线客服", "电子邮件", "微信公众号")
SAMPLE_SIZE = 100
WINDOW_DAYS = 90
CHINESE_HEADER_YEARS = {2023}


def load(folder: Path, name: str) -> Any:
    path = folder / f"{name}.yaml"
    if not path.is_file():
        return None
    doc = load_bytes(path.read_bytes(), str(path))
    if not doc.ok:
        raise SystemExit(f"{path}: cannot be loaded")
    return doc.data


def months_in_contract(year: int, start: str, end: str) -> list[int]:
    first = max(dt.date(year, 1, 1), dt.date.fromisoformat(start))
    last = min(dt.date(year, 12, 31), dt.date.fromisoformat(end))
    return [m for m in range(1, 13) if first <= dt.date(year, m, 28) and dt.date(year, m, 1) <= last]


def trunk_bills(year: int, trunks: list[dict[str, Any]], previous: list[dict[str, Any]]) -> list[list[Any]]:
    before = {t["id"]: t["channels"] for t in previous}
    rows = []
    for trunk in trunks:
        for month in months_in_contract(year, trunk["contract_start"], trunk["contract_end"]):
            channels = trunk["channels"]
            old = before.get(trunk["id"])
            if old is not None and old < channels and month < EXPANSION_MONTH:
                channels = old
            sip = trunk["kind"] == "SIP"
            price = PRICE_PER_CHANNEL[(trunk["carrier"], "SIP")] if sip else E1_PRICE_PER_CHANNEL
            rows.append([trunk["carrier"], trunk["province"], trunk["id"], channels, f"{year}-{month:02d}",
                         f"{price * channels:.2f}"])
    return rows


def caller_numbers(year: int, rng: random.Random, numbers: list[dict[str, Any]], attempts: int) -> list[list[Any]]:
    used = [n for n in numbers if n.get("outbound_enabled") is True and n.get("status") == "启用"]
    rows = []
    for position, number in enumerate(used):
        share = attempts // len(used) + (1 if position < attempts % len(used) else 0)
        weights = [rng.randint(230, 270) for _ in range(4)]
        calls = [share * w // sum(weights) for w in weights]
        calls[-1] += share - sum(calls)
        for quarter in range(4):
            first = dt.date(year, 3 * quarter + 1, 1) + dt.timedelta(days=rng.randint(0, 2))
            end_month = 3 * quarter + 3
            last = (dt.date(year + 1, 1, 1) if end_month == 12 else dt.date(year, end_month + 1, 1)) - dt.timedelta(
                days=1 + rng.randint(0, 2))
            rows.append([number["number"], calls[quarter], first.isoformat(), last.isoformat()])
    return rows


def complaints(year: int, rng: random.Random, figures: dict[str, int]) -> list[list[Any]]:
    received, replied = figures["received"], figures["replied"]
    channels = ["12321"] * figures["via_12321"] + ["工信部申诉"] * figures["via_miit_appeal"]
    channels += [rng.choice(OTHER_CHANNELS) for _ in range(received - len(channels))]
    rng.shuffle(channels)
    open_rows = set(rng.sample(range(received), received - replied))
    days = 366 if year % 4 == 0 else 365
    dates = sorted(dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(days)) for _ in range(received))
    return [[d.isoformat(), channel, "open" if i in open_rows else "replied"]
            for i, (d, channel) in enumerate(zip(dates, channels, strict=True))]


def recording_sample(year: int, rng: random.Random) -> list[list[Any]]:
    start = dt.date(year, 12, 31) - dt.timedelta(days=WINDOW_DAYS - 1)
    rows = []
    for i in range(SAMPLE_SIZE):
        day = start + dt.timedelta(days=i * WINDOW_DAYS // SAMPLE_SIZE)
        rows.append([f"C{day:%Y%m%d}-{rng.randrange(16**6):06x}", day.isoformat(), "yes", "yes"])
    return rows


def write(path: Path, kind: str, rows: list[list[Any]], chinese: bool) -> None:
    columns = KINDS[kind].columns
    header = [c.zh if chinese else c.name for c in columns]
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8-sig" if chinese else "utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def main(argv: list[str]) -> int:
    reports = Path(argv[0]) if argv else ROOT / "reports"
    years = sorted(p for p in reports.iterdir() if p.is_dir() and p.name.isdigit() and (p / "meta.yaml").is_file())
    for folder in years:
        year = int(folder.name)
        rng = random.Random(f"reportascode-sample-evidence-{year}")
        chinese = year in CHINESE_HEADER_YEARS
        previous = load(folder.parent / str(year - 1), "trunks") or []
        out = folder / "evidence"
        write(out / "trunk_bills.csv", "trunk_bills", trunk_bills(year, load(folder, "trunks"), previous), chinese)
        operations = load(folder, "operations")
        write(out / "caller_numbers.csv", "caller_numbers",
              caller_numbers(year, rng, load(folder, "numbers"), operations["outbound"]["attempts"]), chinese)
        write(out / "complaints.csv", "complaints", complaints(year, rng, load(folder, "compliance")["complaints"]),
              chinese)
        write(out / "recording_sample.csv", "recording_sample", recording_sample(year, rng), chinese)
        print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
