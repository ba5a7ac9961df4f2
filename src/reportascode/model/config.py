"""The workspace configuration ``.reportascode.yaml``: language, thresholds, severity overrides, waivers."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Collection
from decimal import Decimal
from pathlib import Path

from reportascode.errors import UsageError
from reportascode.model.loader import load_bytes, load_file
from reportascode.model.schemas import packaged_schema_dir
from reportascode.records import FrozenRecord, Record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

CONFIG_FILE = ".reportascode.yaml"
ThresholdNames = Callable[[str], Collection[str] | None]


class Waiver(FrozenRecord):
    """A waiver from the config: a rule's findings accepted until ``expires``, with the reason and approver."""

    FIELDS = ("rule", "reason", "expires", "report", "file", "pointer", "approved_by")

    rule: str
    reason: str
    expires: dt.date
    report: str | None
    file: str | None
    pointer: str | None
    approved_by: str | None

    def __init__(self, rule: str, reason: str, expires: dt.date, report: str | None = None, file: str | None = None,
                 pointer: str | None = None, approved_by: str | None = None) -> None:
        set_field = object.__setattr__
        set_field(self, "rule", rule)
        set_field(self, "reason", reason)
        set_field(self, "expires", expires)
        set_field(self, "report", report)
        set_field(self, "file", file)
        set_field(self, "pointer", pointer)
        set_field(self, "approved_by", approved_by)

    def label(self) -> str:
        return f"{self.rule} until {self.expires.isoformat()}: {self.reason}"


class Config(Record):
    """The workspace configuration ``.reportascode.yaml``, read and checked. Its ``repr`` shows every field: rac
    validate's cache keys results by it."""

    FIELDS = ("lang", "thresholds", "severity", "waivers", "raw")

    def __init__(self, lang: str | None = None, thresholds: dict[str, dict[str, Decimal]] | None = None,
                 severity: dict[str, str] | None = None, waivers: list[Waiver] | None = None,
                 raw: dict[str, Any] | None = None) -> None:
        self.lang = lang
        self.thresholds: dict[str, dict[str, Decimal]] = {} if thresholds is None else thresholds
        self.severity: dict[str, str] = {} if severity is None else severity
        self.waivers: list[Waiver] = [] if waivers is None else waivers
        self.raw: dict[str, Any] = {} if raw is None else raw

    def threshold(self, rule: str, name: str, default: Decimal | int | str) -> Decimal:
        value = self.thresholds.get(rule, {}).get(name)
        return Decimal(str(default)) if value is None else value


def load_config(root: Path, unsaved: str | None = None, threshold_names: ThresholdNames | None = None) -> Config:
    """Read and validate the workspace config; a broken config is a usage error (exit 2) with its position.
    ``unsaved`` is an editor's text of the config, read instead of the file (rac lsp).

    ``threshold_names(rule_id)`` gives the threshold names of a built-in rule (``None`` for an id it does not
    know); with it, a misspelt threshold name is refused too. The rule registry provides it
    (``rules.registry.threshold_names``): this layer does not know the rules."""
    path = root / CONFIG_FILE
    if unsaved is None and not path.is_file():
        return Config()
    if unsaved is not None:
        doc = load_bytes(unsaved.encode("utf-8", "surrogatepass"), CONFIG_FILE)
    else:
        doc = load_file(path, CONFIG_FILE)  # bounded: a huge file is refused by its size, unread
    for problem in doc.problems:
        from reportascode.messages import Bilingual

        raise UsageError("config.invalid", file=CONFIG_FILE, line=problem.line, column=problem.column,
                         detail=Bilingual.of(problem.message_key, dict(problem.args)))
    data = doc.data or {}
    _validate(data, doc)
    thresholds = {rule: {name: _threshold_value(rule, name, value, doc) for name, value in values.items()}
                  for rule, values in (data.get("thresholds") or {}).items()}
    if threshold_names is not None:
        _check_threshold_names(thresholds, doc, threshold_names)
    waivers = [
        Waiver(rule=w["rule"], reason=w["reason"], expires=dt.date.fromisoformat(w["expires"]),
               report=w.get("report"), file=w.get("file"), pointer=w.get("pointer"),
               approved_by=w.get("approved_by"))
        for w in data.get("waivers") or []
    ]
    return Config(lang=data.get("lang"), thresholds=thresholds, severity=dict(data.get("severity") or {}),
                  waivers=waivers, raw=data)


# Thresholds that are ratios (a change, a tolerance), as opposed to amounts, days or levels. One convention for
# them: a fraction (0.30), or a percentage written with its sign ("30%"); a bare number above 1 is refused,
# since "change: 30" would silently mean 3000%.
RATIO_THRESHOLDS = frozenset({"change", "tolerance"})


def _threshold_value(rule: str, name: str, value: Any, doc: Any) -> Decimal:
    line, column = doc.value_position(f"/thresholds/{rule}/{name}")
    text = str(value).strip()
    if text.endswith("%"):
        if name not in RATIO_THRESHOLDS:
            raise UsageError("config.invalid", file=CONFIG_FILE, line=line, column=column,
                             detail=f"{rule} {name} is not a ratio: write a plain number, without %")
        return Decimal(text[:-1].strip()) / 100
    number = Decimal(text)
    if name in RATIO_THRESHOLDS and not 0 <= number <= 1:
        raise UsageError("config.invalid", file=CONFIG_FILE, line=line, column=column,
                         detail=f"{rule} {name}: {text} is a fraction (0.30 means 30%); write "
                                f"{_plain(number / 100)} or \"{text}%\"")
    return number


def _plain(number: Decimal) -> str:
    return format(number.normalize(), "f")


def _check_threshold_names(thresholds: dict[str, dict[str, Decimal]], doc: Any,
                           threshold_names: ThresholdNames) -> None:
    """A misspelt threshold of a built-in rule would be ignored silently: refuse it, naming the known ones.
    Ids that are not built-in rules (a workspace rule's, say) are left to whoever reads them."""
    for rule_id, values in thresholds.items():
        known = threshold_names(rule_id)
        if known is None:
            continue
        for name in values:
            if name not in known:
                line, column = doc.key_position(f"/thresholds/{rule_id}/{name}")
                listed = ", ".join(sorted(known)) or "none"
                raise UsageError("config.invalid", file=CONFIG_FILE, line=line, column=column,
                                 detail=f"{rule_id} has no threshold '{name}' (its thresholds: {listed})")


def _validate(data: Any, doc: Any) -> None:
    schema = json.loads((packaged_schema_dir() / "config.schema.json").read_text(encoding="utf-8"))
    if _fast_path_valid(schema, data):  # a valid config never imports Python jsonschema (~100 ms of a run)
        return
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    for error in sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path)):
        pointer = "".join(f"/{t}" for t in error.absolute_path)
        line, column = doc.value_position(pointer)
        raise UsageError("config.invalid", file=CONFIG_FILE, line=line, column=column, detail=_detail(error))


def _fast_path_valid(schema: dict[str, Any], data: Any) -> bool:
    """True when jsonschema-rs says the config is valid; every error is worded by Python jsonschema, so the
    messages are the same whichever engine ran (as for the report files: validate/schema_findings.py)."""
    from reportascode.model.fast_schema_engine import import_jsonschema_rs
    from reportascode.model.values import plain_json

    jsonschema_rs = import_jsonschema_rs()
    if jsonschema_rs is None:
        return False
    try:
        valid = bool(jsonschema_rs.Draft202012Validator(schema, validate_formats=True).is_valid(plain_json(data)))
    except Exception:  # what the fast engine cannot take is left to the reference validator
        return False
    return valid and all(_python_date(w.get("expires")) for w in data.get("waivers") or [] if isinstance(w, dict))


def _python_date(value: Any) -> bool:
    """Whether Python reads the date as the reference validator's format check does (jsonschema-rs accepts
    year 0000, which Python's dates cannot hold)."""
    try:
        dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        return False
    return True


def _detail(error: Any) -> Any:
    """A schema error of the config in both languages (jsonschema's own text is English only)."""
    from reportascode.messages import Bilingual, either

    keyword, actual = error.validator, error.instance
    if keyword == "type":
        expected = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        return Bilingual.of("config.detail.type", {"expected": either([f"type.{name}" for name in expected])})
    if keyword == "enum":
        allowed = ", ".join(map(str, error.validator_value))
        return Bilingual.of("config.detail.enum", {"actual": actual, "allowed": allowed})
    if keyword == "required":
        missing = [name for name in error.validator_value if isinstance(actual, dict) and name not in actual]
        return Bilingual.of("config.detail.required", {"field": missing[0] if missing else ""})
    if keyword == "additionalProperties":
        known = error.schema.get("properties") or {}
        unknown = [str(k) for k in actual if k not in known] if isinstance(actual, dict) else [str(actual)]
        return Bilingual.of("config.detail.unknown_key", {"field": ", ".join(unknown)})
    if keyword == "propertyNames":
        return Bilingual.of("config.detail.unknown_key", {"field": actual})
    if keyword == "pattern":
        return Bilingual.of("config.detail.pattern", {"actual": actual, "pattern": error.validator_value})
    if keyword == "format":
        return Bilingual.of("config.detail.format", {"actual": actual, "format": error.validator_value})
    if keyword == "minLength":
        return Bilingual.of("config.detail.empty")
    return Bilingual.of("config.detail.other", {"keyword": keyword})
