"""Imports made cheaper for ``rac validate`` change nothing else: PyYAML with its regular expressions compiled on
first use (model/pyyaml_import.py) parses as PyYAML does; jsonschema-rs imported without email.utils
(model/fast_schema_engine.py) describes its build as it does, and email.utils is the real one afterwards;
``inspect`` run on first use (cli/deferred_imports.py) is the real one; a valid config is cleared by jsonschema-rs
and a bad one still worded by Python jsonschema."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import run_rac

YAML_TEXT = """\
a: 2024-03-18
b: 2001-12-14t21:59:43.10-05:00
c: [0o17, 0x1f, 1_000, 0755, 1.5e3, .inf, -.NaN, ~, null, yes, No, on]
d: !!binary aGVsbG8=
e: "\\x41\\u4e2d"
g: 中文
"""

PROBE_YAML = f"""
import json, sys
if sys.argv[1] == "lazy":
    from reportascode.model.pyyaml_import import import_pyyaml
    yaml = import_pyyaml()
else:
    import yaml
text = {YAML_TEXT!r}
out = {{
    "python": repr(yaml.safe_load(text)),
    "c": repr(yaml.load(text, Loader=yaml.CSafeLoader)),
    "nodes": repr(yaml.compose(text, Loader=yaml.CSafeLoader)),
    "dump": yaml.safe_dump(yaml.safe_load(text), allow_unicode=True),
    "error": "",
    "lazy": type(yaml.reader.Reader.NON_PRINTABLE).__name__,
}}
try:
    yaml.safe_load("a: \\x07")
except yaml.YAMLError as exc:
    out["error"] = str(exc)
print(json.dumps(out))
"""

PROBE_RS = """
import json, sys
if sys.argv[1] == "lazy":
    from reportascode.model.fast_schema_engine import import_jsonschema_rs
    rs = import_jsonschema_rs()
    before = sorted(m for m in ("email.utils", "email._parseaddr", "socket") if m in sys.modules)
else:
    import jsonschema_rs as rs
    before = []
build = rs.jsonschema_rs.__build__
validator = rs.Draft202012Validator({"type": "object", "properties": {"a": {"format": "email"}}},
                                    validate_formats=True)
import email.utils
print(json.dumps({"time": repr(build["info-time"]), "valid": [validator.is_valid({"a": "x@y.cn"}),
                  validator.is_valid({"a": "nope"})], "before": before,
                  "real": hasattr(email.utils, "formataddr")}))
"""


def _probe(code: str, mode: str) -> dict[str, object]:
    run = subprocess.run([sys.executable, "-c", code, mode], capture_output=True, text=True, check=True)
    result: dict[str, object] = json.loads(run.stdout)
    return result


def test_pyyaml_with_lazy_patterns_parses_as_pyyaml() -> None:
    lazy, plain = _probe(PROBE_YAML, "lazy"), _probe(PROBE_YAML, "plain")
    assert lazy.pop("lazy") == "LazyPattern" and plain.pop("lazy") == "Pattern"
    assert lazy == plain
    assert "special characters are not allowed" in str(lazy["error"])


def test_jsonschema_rs_without_email_utils_is_the_same() -> None:
    lazy, plain = _probe(PROBE_RS, "lazy"), _probe(PROBE_RS, "plain")
    assert lazy.pop("before") == []
    plain.pop("before")
    assert lazy == plain and lazy["real"] is True and lazy["valid"] == [True, False]


def test_the_build_date_stand_in_reads_what_email_utils_reads() -> None:
    from email.utils import parsedate_to_datetime

    from reportascode.model.fast_schema_engine import _parsedate_to_datetime

    for text in ("Thu, 12 Nov 2026 07:50:16 +0000", "Mon, 01 Jan 2024 23:59:59 -0530",
                 "Tue, 5 Mar 2024 01:02:03 +0800", "Tue, 5 Mar 2024 01:02:03 -0000", "5 Mar 2024 01:02 GMT"):
        assert repr(_parsedate_to_datetime(text)) == repr(parsedate_to_datetime(text))


def test_a_deferred_module_is_the_real_one_on_first_use() -> None:
    code = ("import sys\n"
            "import reportascode.cli\n"
            "import inspect, dataclasses\n"
            "before = type(sys.modules['inspect']).__name__\n"
            "@dataclasses.dataclass\n"
            "class Point:\n"
            "    x: int\n"
            "print(before, Point.__doc__, inspect.signature(len), type(inspect).__name__,"
            " sys.modules['inspect'] is inspect, inspect.isfunction(print))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["_DeferredModule", "Point(x:", "int)", "(obj,", "/)", "module", "True", "False"]


def test_a_valid_config_is_checked_without_python_jsonschema(workspace: Path) -> None:
    """jsonschema-rs clears a valid .reportascode.yaml; Python jsonschema (~100 ms to import) words errors only."""
    (workspace / ".reportascode.yaml").write_text(
        "lang: en\nthresholds:\n  YOY-01:\n    change: 30%\nseverity:\n  SEAT-01: warning\nwaivers:\n"
        "  - rule: SEAT-01\n    reason: pilot\n    expires: 2030-01-01\n", encoding="utf-8")
    code = ("import sys\n"
            "from reportascode.cli import main\n"
            "try:\n"
            "    main(['validate'])\n"
            "except SystemExit as exit_:\n"
            "    print(exit_.code, 'jsonschema' in sys.modules)\n")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=workspace, check=True)
    assert run.stdout.strip().splitlines()[-1] == "0 False", run.stdout + run.stderr


@pytest.mark.parametrize("expires", ["0000-01-01", "2024-02-30", "2024-13-01"])
def test_a_date_python_cannot_hold_is_still_a_config_error(workspace: Path, expires: str) -> None:
    (workspace / ".reportascode.yaml").write_text(
        f"waivers:\n  - rule: SEAT-01\n    reason: pilot\n    expires: {expires}\n", encoding="utf-8")
    run = run_rac("validate", "--lang", "en", cwd=workspace)
    assert run.code == 2 and ".reportascode.yaml" in run.err and "line 4" in run.err, run.err


def test_days_in_month_is_calendars() -> None:
    import calendar

    from reportascode.rules.checks.security import days_in_month

    for year in (*range(1, 2500, 7), 1900, 2000, 2024, 2100, 9999):
        for month in range(1, 13):
            assert days_in_month(year, month) == calendar.monthrange(year, month)[1], (year, month)


def test_digests_without_openssl_are_hashlibs() -> None:
    import hashlib

    from reportascode.files.digests import blake2b_hex, sha256_hex

    for data in (b"", b"abc", "年报 é".encode() * 9999):
        assert sha256_hex(data) == hashlib.sha256(data).hexdigest()
        assert blake2b_hex(data) == hashlib.blake2b(data, digest_size=32).hexdigest()
        assert blake2b_hex(data, 20) == hashlib.blake2b(data, digest_size=20).hexdigest()


HEAVY_FOR_VALIDATE = ("typing", "hashlib", "dataclasses", "ast", "email.utils", "socket", "click", "ipaddress")
PROBE_VALIDATE = f"""
import atexit, runpy, sys
atexit.register(lambda: print("IMPORTED", sorted(m for m in {HEAVY_FOR_VALIDATE!r} if m in sys.modules)))
sys.argv = ["rac", "validate", "reports/2024"]
runpy.run_module("reportascode", run_name="__main__")
"""


def test_validate_imports_none_of_the_heavy_modules(workspace: Path) -> None:
    """typing (~3 ms), hashlib (OpenSSL, ~2 ms), dataclasses, ast, email.utils, click and ipaddress (by
    urllib.parse, deferred) are not imported by
    ``rac validate`` of a workspace without rule files: run cold (everything computed), warm and with a file
    edited, as the benchmark's P1 runs it."""
    subprocess.run(["git", "init", "-q", str(workspace)], check=True)
    company = workspace / "reports" / "2024" / "company.yaml"
    for step in ("cold", "warm", "edited"):
        if step == "edited":
            company.write_text(company.read_text(encoding="utf-8").replace("@", "+1@", 1), encoding="utf-8")
        run = subprocess.run([sys.executable, "-c", PROBE_VALIDATE], capture_output=True, text=True, cwd=workspace)
        assert run.returncode == 0, run.stdout + run.stderr
        assert run.stdout.strip().splitlines()[-1] == "IMPORTED []", (step, run.stdout[-300:], run.stderr)


def test_jsonschema_rs_holds_the_real_typing_after_the_stand_in() -> None:
    code = ("import sys\n"
            "from reportascode.model.fast_schema_engine import import_jsonschema_rs\n"
            "rs = import_jsonschema_rs()\n"
            "print('typing' in sys.modules, 'email.utils' in sys.modules,"
            " rs.Draft202012Validator({'type': 'string'}).is_valid('x'))\n"
            "import typing\n"
            "print(hasattr(typing, 'Any'), [n for n, m in sys.modules.items() if m is not None and"
            " getattr(m, '__name__', '') == 'typing' and not hasattr(m, 'Any')])\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split("\n")
    assert out[:2] == ["False False True", "True []"], out


def test_deferred_urllib_parse_is_the_real_one_on_first_use() -> None:
    code = ("import sys\n"
            "import reportascode.cli\n"
            "import pathlib\n"
            "waiting = type(sys.modules['urllib.parse']).__name__, 'ipaddress' in sys.modules\n"
            "uri = pathlib.Path('/tmp/a b/年报').as_uri()\n"
            "import urllib, urllib.parse\n"
            "from urllib.parse import urlencode, urlsplit\n"
            "print(waiting, uri, type(urllib.parse).__name__, urllib.parse is sys.modules['urllib.parse'],"
            " urllib.parse.quote_from_bytes.__module__, urlencode({'a': 'b c'}), urlsplit('http://h/p').netloc)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == ("('_DeferredModule', False) file:///tmp/a%20b/%E5%B9%B4%E6%8A%A5"
                   " module True urllib.parse a=b+c h"), out


def test_a_deferred_module_first_used_by_many_threads_is_whole_for_each() -> None:
    code = ("import reportascode.cli, threading, urllib.parse, inspect\n"
            "barrier, errors = threading.Barrier(8), []\n"
            "def use():\n"
            "    barrier.wait()\n"
            "    try:\n"
            "        urllib.parse.quote('a b'); inspect.isfunction(use)\n"
            "    except Exception as exc:\n"
            "        errors.append(repr(exc))\n"
            "threads = [threading.Thread(target=use) for _ in range(8)]\n"
            "[t.start() for t in threads]; [t.join() for t in threads]\n"
            "print(errors or 'ok')\n")
    for _ in range(5):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
        assert out.strip() == "ok", out
