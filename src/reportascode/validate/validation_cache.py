"""The cache of ``rac validate``: what a run computed, kept by everything it was computed from, so the next run
reads it back instead of parsing, compiling schemas and running checks again. It never changes an answer.

Six kinds of entries (docs/cache.md):

* **file**: one report file's parsed document (data, positions, load problems) and its schema findings, keyed by
  the file's content hash, its path, the parser, the schemas' signature (every schema file's content, the search
  order, the engine) and rac's code (its version and every module's size and modification time).
* **report**: one report's findings before waivers (checks, workspace rules, reconciliation, explanations), keyed
  by every input they read: each file under the report folder and under the previous year's (names, kinds, content
  hashes: data files, evidence exports, corrections, records), the workspace config as loaded, the workspace's
  rule files, the schemas' signature, rac's code, the parser and engine, the report's path, and today's date.
  A frozen report (``.rac-lock.yaml``) has no report entry: LOCK-01 reads git, which the key does not cover.
  Waivers (which depend on today's date) are applied after the cache, on every run.
* **reconciliation**: a report's REC-* findings, keyed by the evidence exports, the config, the schemas and rac's
  code, and holding the file entry key of each report file the run read (recorded as it read them): read back
  only while each of those files is unchanged, so an edit to a file it does not read does not re-run it.
* **checks**: a report's domain check findings, check by check, keyed by the config, the schemas, rac's code and
  whether the previous year is there, each holding the file entry keys of the files it read this year and the
  year before (recorded as it read them): read back while they are unchanged, so an edit re-runs, and imports,
  only the checks that read the file edited.
* **rules**: a report's workspace rule findings and the rule files' findings, keyed by the rule files, the config,
  the schemas and rac's code, holding every field the rules read: read back while each field's value, type and
  position are the same, so editing another field of a file they read neither evaluates nor imports them.
* **explained**: a report's findings after severity overrides and explanations, keyed by the findings before them
  (their hash), the config, the schemas and rac's code, holding the files read (explanations.yaml): an edit that
  changes no finding does not re-apply (nor import) the explanations.

A folder that can't be fingerprinted exactly (a link to a folder, a pipe, an unreadable file, too much to hash)
is not cached. A result is stored only if the report's inputs read the same after it was computed as before,
so a file edited during the run never ends up under a key it does not match. Anything not exactly encodable
(an argument of a type this module does not know) is not stored.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from pathlib import Path

from reportascode import __version__
from reportascode.files.cachestore import CacheStore, cache_root, digest
from reportascode.messages import Bilingual
from reportascode.model.config import Config
from reportascode.model.findings import Finding, Severity
from reportascode.model.loader import Document, LoadProblem, load_bytes, split_pointer
from reportascode.model.positions import PositionTree
from reportascode.model.schemas import SchemaStore
from reportascode.model.workspace import Report

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, TypeVar

    from reportascode.rules.registry import Rule

    _Found = TypeVar("_Found", bound="list[Finding] | None")  # what a part of the findings computes

FILE, REPORT, RECONCILIATION, EXPLAINED = "file", "report", "reconciliation", "explained"
RULES, CHECKS = "rules", "checks"
# kind -> (most entries, most bytes): the least recently used go first beyond these
LIMITS = {FILE: (8192, 256 * 1024 * 1024), REPORT: (2048, 256 * 1024 * 1024),
          RECONCILIATION: (2048, 64 * 1024 * 1024), EXPLAINED: (2048, 64 * 1024 * 1024),
          RULES: (2048, 64 * 1024 * 1024), CHECKS: (2048, 64 * 1024 * 1024)}
PAYLOAD = 4  # the layout of this module's payloads: part of every key
MAX_TREE_FILES = 10_000  # a report folder with more files than this is not cached
MAX_TREE_BYTES = 512 * 1024 * 1024  # nor one whose files add up to more than this
LOCK_MANIFEST = ".rac-lock.yaml"
# a file larger than this has no file entry (its report entry still serves an unchanged report): its encoded
# document would double a cold run's memory (10,000 numbers, 3.4 MB: 57 → 126 MB peak), for ~1 s of parsing
MAX_FILE_ENTRY_SOURCE = 1024 * 1024


class NotCacheable(Exception):
    """A value this module can't write so that it reads back identical: the result is not stored."""


def cache_disabled_by_environment() -> bool:
    return bool(os.environ.get("RAC_NO_CACHE"))


class ValidationCache:
    """One run's view of the cache: lookups and the entries to write when the run ends (:meth:`flush`)."""

    def __init__(self, store: CacheStore, root: Path, schemas: SchemaStore) -> None:
        self.store = store
        self.root = root
        self.schemas = schemas
        self._loaded: dict[int, tuple[Document, str, dict[str, Any]]] = {}  # id(doc) -> doc, key, entry
        self._pending: dict[str, dict[str, Any]] = {}  # file entries to write, by key
        self._signature: str | None = None
        self._report_keys: dict[Path, str | None] = {}  # the report key each report of the run was validated under
        self._pending_parts: dict[Path, list[tuple[str, str, Any]]] = {}  # parts of a report, stored with it
        self._rule_files: dict[Path, str | None] = {}  # a workspace's rules/ fingerprint, as its report keys hold
        self._hashed = Hashed()  # the files hashed in this run
        self._today = dt.date.today()  # the date the run validates on (report_key is told it)

    @classmethod
    def open(cls, root: Path, schemas: SchemaStore) -> ValidationCache | None:
        """The cache of the workspace at ``root``, or ``None`` when it is turned off or can't be placed safely."""
        if cache_disabled_by_environment():
            return None
        folder = cache_root(root, "validate")
        return cls(CacheStore(folder, LIMITS), root, schemas) if folder is not None else None

    # --- what every key names -------------------------------------------------------------------------------

    def signature(self) -> str:
        """rac's code and the schemas: every entry depends on both."""
        if self._signature is None:
            parts = [f"payload {PAYLOAD}", _code_identity(), _libraries_identity(), f"fast={self.schemas.fast}"]
            for directory in self.schemas.search:
                parts.append(f"dir {os.path.realpath(directory)}")
                parts.extend(_schema_files(directory))
            self._signature = digest("\n".join(parts).encode("utf-8", "surrogatepass"))
        return self._signature

    # --- files ----------------------------------------------------------------------------------------------

    def load(self, raw: bytes, path: str, parser: str) -> Document:
        """The document of a file's bytes: from the cache when an entry matches, else parsed (and kept)."""
        if len(raw) > MAX_FILE_ENTRY_SOURCE:
            return load_bytes(raw, path, parser)
        key = "\0".join((self.signature(), _parser_identity(parser), path, digest(raw)))
        entry = self.store.get(FILE, key)
        doc = None
        if isinstance(entry, dict):
            try:
                doc = decode_document(entry["doc"])
                schema = entry.get("schema")
                if not isinstance(schema, dict):
                    raise ValueError("not a cached entry")
            except (KeyError, TypeError, ValueError, RecursionError, ArithmeticError):
                doc = None
        if doc is None or not isinstance(entry, dict):
            doc = load_bytes(raw, path, parser)
            try:
                entry = {"doc": encode_document(doc), "schema": {}}
            except (NotCacheable, RecursionError):
                return doc
            self._pending[key] = entry
        self._loaded[id(doc)] = (doc, key, entry)
        return doc

    def schema_findings(self, doc: Document, name: str, version: str, report_id: str) -> list[Finding]:
        """:func:`iter_schema_findings` of ``doc``, from its file entry when the entry holds them."""
        from reportascode.validate.schema_findings import iter_schema_findings

        known = self._loaded.get(id(doc))
        if known is None or known[0] is not doc:  # not loaded through the cache (an editor's text)
            return list(iter_schema_findings(doc, name, version, self.schemas, report_id))
        _, key, entry = known
        slot = f"{name}\0{version}\0{report_id}"
        cached = entry["schema"].get(slot)
        if cached is not None:
            try:
                return decode_findings(cached)
            except (KeyError, TypeError, ValueError, RecursionError, ArithmeticError):
                pass
        found = list(iter_schema_findings(doc, name, version, self.schemas, report_id))
        try:
            entry["schema"] = {**entry["schema"], slot: encode_findings(found)}
        except (NotCacheable, RecursionError):
            return found
        self._pending[key] = entry
        return found

    # --- reports --------------------------------------------------------------------------------------------

    def report_key(self, report: Report, config: Config, run_checks: bool, today: dt.date) -> str | None:
        """Everything a report's findings are computed from, or ``None`` when that can't be said exactly."""
        self._today = today
        if os.path.lexists(report.folder / LOCK_MANIFEST) or report.workspace.overlay:
            return None
        folder = tree_fingerprint(report.folder, self._hashed)
        previous = tree_fingerprint(report.folder.parent / str(report.year - 1), self._hashed)
        rules = tree_fingerprint(report.workspace.root / "rules", self._hashed)
        self._rule_files.setdefault(report.workspace.root, rules)
        if folder is None or previous is None or rules is None:
            return None
        return "\0".join((self.signature(), _parser_identity(report.parser), f"checks={run_checks}",
                          today.isoformat(), str(report.workspace.root), report.id, repr(config),
                          repr(sorted(report.workspace.extra_report_files)),
                          folder, previous, rules))

    def begin_report(self, report: Report, key: str | None) -> None:
        """``report`` is being validated under ``key`` (``None``: its inputs can't be keyed; no part is cached)."""
        self._report_keys[report.folder] = key
        self._pending_parts.pop(report.folder, None)

    def reconciliation(self, report: Report, config: Config, compute: Callable[[], list[Finding]]
                       ) -> list[Finding]:
        """The reconciliation's findings: read back when the evidence exports, the config and every report file
        the stored run read are unchanged (so editing a file it does not read keeps it cached), else computed
        with the files it reads recorded."""
        return self._part(RECONCILIATION, self._part_key(report, config, "evidence"), report, compute)

    def explained(self, report: Report, config: Config, found: list[Finding],
                  compute: Callable[[], list[Finding]]) -> list[Finding]:
        """Severity overrides and explanations applied to a report's findings: read back when the findings, the
        config and the files the stored run read (explanations.yaml) are the same (an edit that changes no
        finding), else computed."""
        key = self._part_key(report, config, None)
        if key is not None:
            try:
                text = json.dumps(encode_findings(found), ensure_ascii=False, separators=(",", ":"))
            except (NotCacheable, RecursionError):
                return compute()
            key = f"{key}\0{digest(text.encode('utf-8', 'surrogatepass'))}"
        return self._part(EXPLAINED, key, report, compute)

    def workspace_rules(self, report: Report, config: Config,
                        compute: Callable[[], tuple[list[Finding], list[Finding], list[tuple[str, str]]]]
                        ) -> tuple[list[Finding], list[Finding]]:
        """The workspace rules' findings on ``report`` and their rule files' findings: read back when the rule
        files are the same and every field the rules read is (its value, where it stands, whether its file is
        there and loads), so an edit elsewhere in a file they read neither evaluates nor imports them; else
        computed (``compute`` also names the fields read)."""
        key = self._part_key(report, config, None)
        rules = self._rule_files.get(report.workspace.root)
        if key is not None and rules is not None:
            key = f"{key}\0{rules}"
            entry = self.store.get(RULES, key)
            if isinstance(entry, dict):
                try:
                    reads = [(_text(file), _text(pointer)) for file, pointer in entry["reads"]]
                    if entry["inputs"] == _field_inputs(report, reads):
                        return decode_findings(entry["findings"]), decode_findings(entry["rule_files"])
                except (KeyError, TypeError, ValueError, RecursionError, ArithmeticError, NotCacheable):
                    pass
        found, rule_files, reads = compute()
        if key is None or rules is None:
            return found, rule_files
        try:
            payload = {"reads": [list(read) for read in reads], "inputs": _field_inputs(report, reads),
                       "findings": encode_findings(found), "rule_files": encode_findings(rule_files)}
        except (NotCacheable, RecursionError):
            return found, rule_files
        self._pending_parts.setdefault(report.folder, []).append((RULES, key, payload))
        return found, rule_files

    def domain_checks(self, report: Report, config: Config, run: Callable[[Rule], list[Finding] | None],
                      every_check: Callable[[], list[tuple[Rule, str]]],
                      check_in: Callable[[str, str], Rule | None]) -> list[Finding]:
        """The domain checks' findings, in the registry's order: each check's read back while every report file
        it read (this year's and the previous year's, by their file entries) is unchanged, else run with its
        reads recorded. ``run(check)``: its findings, ``None`` when it met data the schema refused (then not
        kept); ``every_check()``: each check with its module; ``check_in(id, module)``: one check, importing
        only its module, so an edit imports only the families whose checks read the file edited."""
        key = self._part_key(report, config, None)
        if key is not None:
            # today's date too: no check reads it now, but one that did (a deadline) would not be served stale
            key = f"{key}\0previous={report.previous is not None}\0{self._today.isoformat()}"
        stored = self._stored_checks(report, key) if key is not None else None
        planned: list[tuple[str, str, Rule | None, dict[str, str] | None, list[Finding] | None]] = []
        if stored is not None:
            for check_id, module, reads, findings in stored:
                check = check_in(check_id, module) if findings is None else None
                if findings is None and check is None:  # the cache names what this code does not declare
                    planned = []
                    break
                planned.append((check_id, module, check, reads, findings))
        if not planned:
            planned = [(check.id, module, check, None, None) for check, module in every_check()]
        found: list[Finding] = []
        kept: list[Any] | None = []
        for check_id, module, check, reads, findings in planned:
            if findings is None:
                assert check is not None
                findings, reads = self._recorded(report, lambda check=check: run(check))  # type: ignore[misc]
            if findings is None or reads is None:
                kept = None  # not kept: it met refused data, or read a file not loaded through the cache
            elif kept is not None:
                kept.append([check_id, module, reads, encode_findings(findings)])
            found.extend(findings or ())
        if key is not None and kept is not None:
            self._pending_parts.setdefault(report.folder, []).append((CHECKS, key, {"checks": kept}))
        return found

    def _stored_checks(self, report: Report, key: str
                       ) -> list[tuple[str, str, dict[str, str] | None, list[Finding] | None]] | None:
        """Each stored check with its reads and findings when the files it read are unchanged (else ``None`` for
        both), in the stored order; ``None`` when there is no usable entry."""
        entry = self.store.get(CHECKS, key)
        if not isinstance(entry, dict):
            return None
        stored: list[tuple[str, str, dict[str, str] | None, list[Finding] | None]] = []
        try:
            for check_id, module, reads, findings in entry["checks"]:
                if not isinstance(check_id, str) or not isinstance(module, str) or not isinstance(reads, dict):
                    return None
                holds = all(isinstance(name, str) and isinstance(value, str)
                            and self._read_key_any(report, name) == value for name, value in reads.items())
                stored.append((check_id, module, reads, decode_findings(findings)) if holds
                              else (check_id, module, None, None))
        except (KeyError, TypeError, ValueError, RecursionError, ArithmeticError):
            return None
        return stored

    def _recorded(self, report: Report, compute: Callable[[], _Found]) -> tuple[_Found, dict[str, str] | None]:
        """``compute()`` with the report files it read recorded (``-name``: the previous year's), each by its file
        entry key; the reads are ``None`` when one was not loaded through the cache."""
        previous = report.previous
        outer = report.reads, previous.reads if previous is not None else None
        report.reads = set()
        if previous is not None:
            previous.reads = set()
        try:
            found = compute()
        finally:
            names = sorted(report.reads)
            earlier = sorted(previous.reads or ()) if previous is not None else []
            report.reads = outer[0]
            if previous is not None:
                previous.reads = outer[1]
        reads = {name: self._read_key(report, name) for name in names}
        reads.update({f"-{name}": self._read_key(previous, name) for name in earlier if previous is not None})
        if any(value is None for value in reads.values()):
            return found, None
        return found, {name: value for name, value in reads.items() if value is not None}

    def _read_key_any(self, report: Report, name: str) -> str | None:
        """:meth:`_read_key` of this year's file ``name`` or, for ``-name``, the previous year's."""
        if name.startswith("-"):
            previous = report.previous
            return self._read_key(previous, name[1:]) if previous is not None else None
        return self._read_key(report, name)

    def _part(self, kind: str, key: str | None, report: Report, compute: Callable[[], list[Finding]]
              ) -> list[Finding]:
        """A part of a report's findings kept with the report files it read: read back when each is unchanged,
        else computed with its reads recorded (and kept with the report, if the report's inputs hold)."""
        if key is None:
            return compute()
        entry = self.store.get(kind, key)
        if isinstance(entry, dict):
            try:
                reads = entry["reads"]
                if isinstance(reads, dict) and all(isinstance(name, str) and self._read_key(report, name) == value
                                                   for name, value in reads.items()):
                    return decode_findings(entry["findings"])
            except (KeyError, TypeError, ValueError, RecursionError, ArithmeticError):
                pass
        found, reads = self._recorded(report, compute)
        if reads is None or any(name.startswith("-") for name in reads):
            return found  # a read not through the cache, or of the year before (not keyed by it here): not kept
        try:
            payload = {"reads": reads, "findings": encode_findings(found)}
        except (NotCacheable, RecursionError):
            return found
        self._pending_parts.setdefault(report.folder, []).append((kind, key, payload))
        return found

    def _part_key(self, report: Report, config: Config, subfolder: str | None) -> str | None:
        if self._report_keys.get(report.folder) is None:
            return None
        files = tree_fingerprint(report.folder / subfolder, self._hashed) if subfolder is not None else "-"
        if files is None:
            return None
        return "\0".join((self.signature(), _parser_identity(report.parser), str(report.workspace.root), report.id,
                          repr(config), files))

    def _read_key(self, report: Report, name: str) -> str | None:
        """What a file read by name was, for a part's key: its file entry's key (content, path, parser, schemas,
        code), ``none`` when there is no such file; ``None`` when it was not loaded through the cache."""
        doc = report.document(name)
        if doc is None:
            return "none"
        known = self._loaded.get(id(doc))
        return digest(known[1].encode("utf-8", "surrogatepass")) if known is not None and known[0] is doc else None

    def report_result(self, key: str) -> tuple[list[Finding], int, list[Finding]] | None:
        """A report's findings, its file count and the rule files' findings, when an entry matches ``key``."""
        entry = self.store.get(REPORT, key)
        if not isinstance(entry, dict):
            return None
        try:
            files = entry["files"]
            if not isinstance(files, int) or isinstance(files, bool):
                return None
            return decode_findings(entry["findings"]), files, decode_findings(entry["rule_files"])
        except (KeyError, TypeError, ValueError, RecursionError, ArithmeticError):
            return None

    def store_report(self, key: str, report: Report, config: Config, run_checks: bool, today: dt.date,
                     found: list[Finding], files: int, rule_files: list[Finding]) -> None:
        """Keep a report's result and its parts, if its inputs still read as they did when ``key`` was made."""
        parts = self._pending_parts.pop(report.folder, [])
        if self.report_key(report, config, run_checks, today) != key:
            return
        for kind, part_key, payload in parts:
            self.store.put(kind, part_key, payload)
        try:
            payload = {"files": files, "findings": encode_findings(found), "rule_files": encode_findings(rule_files)}
        except (NotCacheable, RecursionError):
            return
        self.store.put(REPORT, key, payload)

    def flush(self) -> None:
        """Write the file entries made or completed in this run, then keep the cache within its bounds."""
        for key, entry in self._pending.items():
            self.store.put(FILE, key, entry)
        self._pending.clear()
        self.store.prune()


# --- fingerprints ---------------------------------------------------------------------------------------------


def _field_inputs(report: Report, reads: Iterable[tuple[str, str]]) -> str:
    """Everything a workspace rule can see of the fields it reads: for each (file, pointer up to any ``*``),
    whether the file is there and loads, the value there (walked as the rules walk it: a ``*`` beyond it
    expands what is there) and where it and its container stand. Raises :class:`NotCacheable` for a value
    :func:`encode` can't hold."""
    parts: list[Any] = []
    for file, pointer in reads:
        doc = report.document(file)
        if doc is None:
            parts.append([file, pointer, "none"])
            continue
        data = doc.data if doc.ok else None
        parts.append([file, pointer, doc.ok, encode(_at(data, pointer)), list(doc.value_position(pointer)),
                      list(doc.container_position(pointer))])
    return digest(json.dumps(parts, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass"))


_ABSENT = ("absent",)  # encodes as a tuple: no document value reads as one


def _at(data: Any, pointer: str) -> Any:
    """The value at ``pointer`` stepped as rules/workspace_rules.py's ``_collect`` steps (a mapping's member, a
    list's item by its digits), or :data:`_ABSENT`; null anywhere on the way is absent too, as it is there."""
    if data is None:
        return _ABSENT
    for token in split_pointer(pointer):
        if isinstance(data, dict):
            data = data.get(token, _ABSENT)
        elif isinstance(data, list) and token.isdigit() and int(token) < len(data):
            data = data[int(token)]
        else:
            return _ABSENT
        if data is _ABSENT or data is None:
            return _ABSENT
    return data


# a file whose modification or change time is this close to the run's start (or later) is read again rather than
# taken as hashed earlier in the run: a change within one tick of the file system's clock can keep both times
RACY_NS = 3_000_000_000


class Hashed:
    """The files one run has hashed (path -> (what ``stat`` said, content hash)), so that a folder walked again in
    the run (to check that the inputs did not change while results were computed, or the evidence exports
    inside the report folder) reads only files that changed or may have: a file is taken as hashed when ``stat``
    says exactly what it said (device, inode, size, mode, modification and change times to the nanosecond) and
    both times are older than the run's start by :data:`RACY_NS` (any write since would have moved its change
    time past them, as git's index trusts a file)."""

    def __init__(self) -> None:
        import time

        self.trusted_before = time.time_ns() - RACY_NS
        self.files: dict[str, tuple[tuple[int, ...], str]] = {}

    def known(self, path: str, info: os.stat_result) -> str | None:
        found = self.files.get(path)
        if found is None or found[0] != _stat_key(info):
            return None
        return found[1] if max(info.st_mtime_ns, info.st_ctime_ns) < self.trusted_before else None


def _stat_key(info: os.stat_result) -> tuple[int, ...]:
    return (info.st_dev, info.st_ino, info.st_size, info.st_mode, info.st_mtime_ns, info.st_ctime_ns)


def tree_fingerprint(folder: Path, hashed: Hashed | None = None) -> str | None:
    """Every name under ``folder`` with its kind and content hash (``absent`` when there is no such folder);
    ``None`` when it can't be said exactly: a link to a folder, something that is neither file nor folder, an
    unreadable file, or more than :data:`MAX_TREE_FILES` files / :data:`MAX_TREE_BYTES` bytes. ``hashed``: the
    files this run hashed already (taken from it when unchanged), and where the files hashed now are kept."""
    if not os.path.lexists(folder):
        return "absent"
    if folder.is_symlink() or not folder.is_dir():
        return None
    lines: list[str] = []
    budget = [MAX_TREE_FILES, MAX_TREE_BYTES]
    try:
        if not _walk(str(folder), "", lines, budget, hashed):
            return None
    except (OSError, RecursionError):
        return None
    return digest("\n".join(lines).encode("utf-8", "surrogateescape"))


def _walk(folder: str, prefix: str, lines: list[str], budget: list[int], hashed: Hashed | None) -> bool:
    import stat

    with os.scandir(folder) as listing:
        entries = sorted(listing, key=lambda e: e.name)
    for entry in entries:
        name = prefix + entry.name
        info = entry.stat(follow_symlinks=False)
        if stat.S_ISLNK(info.st_mode):
            target = os.readlink(entry.path)
            try:
                info = os.stat(entry.path)
            except OSError:  # a broken link: the loader says so, the same way every time
                lines.append(f"L {name} -> {target} broken")
                continue
            if not stat.S_ISREG(info.st_mode):
                return False
            lines.append(f"L {name} -> {target}")
        if stat.S_ISDIR(info.st_mode):
            lines.append(f"D {name}")
            if not _walk(entry.path, name + "/", lines, budget, hashed):
                return False
        elif stat.S_ISREG(info.st_mode):
            budget[0] -= 1
            budget[1] -= info.st_size
            if budget[0] < 0 or budget[1] < 0:
                return False
            known = hashed.known(entry.path, info) if hashed is not None else None
            if known is None:
                with open(entry.path, "rb") as stream:
                    data = stream.read(MAX_TREE_BYTES + 1)
                known = f"{len(data)} {oct(info.st_mode & 0o777)} {digest(data)}"
                if hashed is not None:
                    hashed.files[entry.path] = (_stat_key(info), known)
            lines.append(f"F {name} {known}")
        else:
            return False
    return True


def _schema_files(directory: Path) -> list[str]:
    found = []
    try:
        for version in sorted(p for p in directory.iterdir() if p.is_dir()):
            found.append(f"version {version.name}")  # a version folder counts even empty (SCHEMA-VERSION lists them)
            for name in sorted(n for n in os.listdir(version) if n.endswith(".schema.json")):  # glob's names
                found.append(f"{version.name}/{name} {digest((version / name).read_bytes())}")
    except OSError:
        found.append("unreadable")  # the store reads the same folder and says so; the key stays exact
    return found


def _code_identity() -> str:
    """rac's version, the interpreter, and every module's size and modification time: editing rac's code (a
    source checkout) or reinstalling it (the same version number from another commit) never serves an answer of
    the old code."""
    package = Path(__file__).resolve().parent.parent
    parts = [__version__, sys.version]
    pending = [str(package)]
    while pending:
        folder = pending.pop()
        with os.scandir(folder) as listing:
            for entry in sorted(listing, key=lambda e: e.name):
                if entry.is_dir(follow_symlinks=False) and entry.name != "__pycache__":
                    pending.append(entry.path)
                elif entry.name.endswith(".py"):
                    info = entry.stat()
                    parts.append(f"{entry.path} {info.st_size} {info.st_mtime_ns}")
    return digest("\n".join(parts).encode("utf-8", "surrogatepass"))


LIBRARIES = ("yaml", "ruamel", "jsonschema", "jsonschema_rs", "referencing")


def _libraries_identity() -> str:
    """Where the parsing and schema libraries are installed, with their files' or folders' size and time: an
    upgrade of one (whose error words the schema findings carry) starts afresh. Found without importing them."""
    from importlib.machinery import PathFinder

    parts = []
    for name in LIBRARIES:
        spec = PathFinder.find_spec(name)
        places = ([spec.origin] if spec is not None and spec.origin else
                  list(spec.submodule_search_locations or []) if spec is not None else [])
        for place in places:
            try:
                info = os.stat(place)
                parts.append(f"{name} {place} {info.st_size} {info.st_mtime_ns}")
            except OSError:
                parts.append(f"{name} {place} missing")
        if not places:
            parts.append(f"{name} none")
    return "\n".join(parts)


_PARSERS: dict[str, str] = {}


def _parser_identity(parser: str) -> str:
    """The parser as named, and for ``auto`` whether libyaml is there (without importing PyYAML); once a run."""
    if parser not in _PARSERS:
        _PARSERS[parser] = _find_parser(parser)
    return _PARSERS[parser]


def _find_parser(parser: str) -> str:
    if parser != "auto":
        return parser
    from importlib.machinery import PathFinder  # not importlib.util: it pulls contextlib and more

    spec = PathFinder.find_spec("yaml")
    location = spec.origin if spec is not None else None
    if location is None:
        return "auto:ruamel"
    folder = Path(location).parent
    try:
        names = os.listdir(folder)
    except OSError:
        names = []
    compiled = sorted(n for n in names if n.startswith("_yaml") and os.path.splitext(n)[1] in (".so", ".pyd"))
    return f"auto:{','.join(compiled) or 'ruamel'}"


# --- values as JSON that reads back identical -----------------------------------------------------------------


def encode(value: Any) -> Any:
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return {"i": str(value)}
    if isinstance(value, Decimal):
        return {"d": str(value)}
    if isinstance(value, float):
        return {"f": repr(value)}
    if isinstance(value, list):
        return {"l": [encode(v) for v in value]}
    if isinstance(value, tuple):
        return {"t": [encode(v) for v in value]}
    if isinstance(value, dict):
        if all(type(k) is str for k in value):  # the usual case: a JSON object, in order
            return {"o": {k: encode(v) for k, v in value.items()}}
        return {"m": [[encode(k), encode(v)] for k, v in value.items()]}
    if isinstance(value, Bilingual):
        if value.worded is not None:  # kept as the message it is: neither language worded just to be stored
            key, arguments = value.worded
            try:
                return {"bw": [key, encode(arguments or {})]}
            except NotCacheable:
                pass
        return {"b": [value.zh, value.en]}
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return {"date": value.isoformat()}
    raise NotCacheable(type(value).__name__)


def decode(value: Any) -> Any:
    if value is None or isinstance(value, (bool, str)):
        return value
    if not isinstance(value, dict) or len(value) != 1:
        raise ValueError("not a cached value")
    (tag, inner), = value.items()
    if tag == "i" and isinstance(inner, str):
        return int(inner)
    if tag == "d" and isinstance(inner, str):
        return Decimal(inner)
    if tag == "f" and isinstance(inner, str):
        return float(inner)
    if tag == "l" and isinstance(inner, list):
        return [decode(v) for v in inner]
    if tag == "t" and isinstance(inner, list):
        return tuple(decode(v) for v in inner)
    if tag == "o" and isinstance(inner, dict):
        return {k: decode(v) for k, v in inner.items()}
    if tag == "m" and isinstance(inner, list):
        return {decode(k): decode(v) for k, v in inner}
    if tag == "b" and isinstance(inner, list) and len(inner) == 2 and all(isinstance(t, str) for t in inner):
        return Bilingual(inner[0], inner[1])
    if tag == "bw" and isinstance(inner, list) and len(inner) == 2 and isinstance(inner[0], str):
        arguments = decode(inner[1])
        if isinstance(arguments, dict):
            return Bilingual.of(inner[0], arguments)
    if tag == "date" and isinstance(inner, str):
        return dt.date.fromisoformat(inner)
    raise ValueError("not a cached value")


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError("not a cached text")
    return value


def _number(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError("not a cached number")
    return value


def _positions(index: Mapping[str, tuple[int, int]]) -> dict[str, Any]:
    """Positions as three flat lists (pointers, lines, columns): cheaper to write and read than a list each."""
    return {"p": list(index), "l": [line for line, _ in index.values()], "c": [column for _, column in index.values()]}


def _read_positions(rows: Any) -> dict[str, tuple[int, int]]:
    pointers, lines, columns = rows["p"], rows["l"], rows["c"]
    if not (isinstance(pointers, list) and isinstance(lines, list) and isinstance(columns, list)
            and len(pointers) == len(lines) == len(columns)):
        raise ValueError("not cached positions")
    for value in (*lines, *columns):
        _number(value)
    return {_text(pointer): (line, column) for pointer, line, column in zip(pointers, lines, columns, strict=True)}


def encode_document(doc: Document) -> dict[str, Any]:
    # the loader's compact position tree as it is (a few arrays), not a row per pointer
    tree = doc.positions
    positions: dict[str, Any] = {"tree": tree.to_state()} if tree is not None else {
        "keys": _positions(doc.key_positions), "values": _positions(doc.value_positions)}
    return {"path": doc.path, "data": encode(doc.data), **positions, "empty": doc.empty,
            "problems": [[p.rule, p.line, p.column, p.pointer, p.message_key, encode(p.args), p.fatal]
                         for p in doc.problems]}


def decode_document(data: Any) -> Document:
    problems = []
    for rule, line, column, pointer, key, args, fatal in data["problems"]:
        decoded = decode(args)
        if not isinstance(decoded, tuple) or not isinstance(fatal, bool):
            raise ValueError("not a cached problem")
        problems.append(LoadProblem(_text(rule), _number(line), _number(column), _text(pointer), _text(key),
                                    decoded, fatal))
    empty = data["empty"]
    if not isinstance(empty, bool):
        raise ValueError("not a cached document")
    doc = Document(path=_text(data["path"]), data=decode(data["data"]), problems=problems, empty=empty)
    if "tree" in data:
        doc.use_tree(PositionTree.from_state(data["tree"]))
    else:
        doc.key_positions, doc.value_positions = _read_positions(data["keys"]), _read_positions(data["values"])
    return doc


def encode_findings(findings: Iterable[Finding]) -> list[Any]:
    return [[f.rule, f.severity.value, f.file, f.line, f.column, f.pointer, f.message_key, encode(f.args),
             f.report, f.waived_by, encode(f.explanation)] for f in findings]


def decode_findings(rows: Any) -> list[Finding]:
    if not isinstance(rows, list):
        raise ValueError("not cached findings")
    found = []
    for rule, severity, file, line, column, pointer, key, args, report, waived_by, explanation in rows:
        decoded_args, decoded_explanation = decode(args), decode(explanation)
        if not isinstance(decoded_args, tuple) or not (decoded_explanation is None
                                                        or isinstance(decoded_explanation, Bilingual)):
            raise ValueError("not a cached finding")
        found.append(Finding(_text(rule), Severity(severity), _text(file), _number(line), _number(column),
                             _text(pointer), _text(key), decoded_args, _text(report),
                             None if waived_by is None else _text(waived_by), decoded_explanation))
    return found
