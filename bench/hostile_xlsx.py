#!/usr/bin/env python3
"""Benchmark: hostile XLSX evidence is refused (REC-12) or read within 5 s and 100 MB.

For each hostile workbook of tests/hostile_xlsx.py (a few KB declaring row 999,999,999; a dimension of
999,999,999 x 16,384; a 400 MB shared-strings bomb zipped to ~1 MB; a 400 MB sheet bomb; 5,000 rows with a cell at
column XFD) and for a 15 MB shared-strings part of 700,000 distinct strings (just under the bound), copies the
sample report 2024 into a temporary workspace, puts the workbook in place of evidence/caller_numbers.csv, runs
``python -m reportascode validate`` in a child process and prints its exit code, wall time, peak RSS (``os.wait4``)
and the REC-12 message. Not part of the test suite (tests/test_trust_xlsx.py asserts the outcomes only).

Usage: python bench/hostile_xlsx.py
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests import hostile_xlsx  # noqa: E402


def near_bound_strings(path: Path) -> Path:
    """A valid workbook whose shared-strings part is 15 MB of distinct short strings (under the 16 MiB bound)."""
    hostile_xlsx.valid(path)
    items = "".join(f"<si><t>s{i:07d}</t></si>" for i in range(680_000))
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/sharedStrings2.xml", "<x/>")  # an extra part is harmless
    # rewrite the shared strings with the big table
    rebuilt = path.with_suffix(".tmp.xlsx")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(rebuilt, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/sharedStrings.xml":
                data = ('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                        + items + "</sst>").encode()
            target.writestr(info.filename, data)
    rebuilt.replace(path)
    return path


def run(name: str, build: object) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        ws = Path(tmp) / "ws"
        shutil.copytree(ROOT / "reports" / "2024", ws / "reports" / "2024")
        evidence = ws / "reports" / "2024" / "evidence"
        (evidence / "caller_numbers.csv").unlink()
        target = evidence / "caller_numbers.xlsx"
        build(target)  # type: ignore[operator]
        size = target.stat().st_size
        out_path, err_path, time_path = Path(tmp) / "out", Path(tmp) / "err", Path(tmp) / "time"
        # /usr/bin/time measures its own child: a child forked from this process would count the memory the
        # generator used here (Linux keeps the high-water mark across exec).
        with out_path.open("wb") as out_file, err_path.open("wb") as err_file:
            code = subprocess.call(["/usr/bin/time", "-o", str(time_path), "-f", "%e %M", sys.executable, "-m",
                                    "reportascode", "validate", "--format", "json", "--lang", "en", "reports/2024"],
                                   cwd=ws, stdout=out_file, stderr=err_file)
        wall, rss_kb = time_path.read_text().split()[-2:]
        elapsed, rss = float(wall), int(rss_kb) / 1024
        out, err = out_path.read_bytes(), err_path.read_bytes()
        findings = json.loads(out)["findings"] if out.strip().startswith(b"{") else []
        rec = [f["message"] for f in findings if f["rule"] == "REC-12"]
        print(f"| {name} | {size:,} B | exit {code} | {elapsed:.2f} s | {rss:.0f} MB | "
              f"{rec[0] if rec else err.decode()[-200:] or 'read'} |")


def main() -> None:
    print("| workbook | size | exit | wall | peak RSS | outcome |")
    print("|---|---|---|---|---|---|")
    cases = [("valid (baseline)", hostile_xlsx.valid), *hostile_xlsx.BUILDERS.items(),
             ("near-bound-shared-strings", near_bound_strings)]
    for name, build in cases:
        run(name, build)


if __name__ == "__main__":
    main()
