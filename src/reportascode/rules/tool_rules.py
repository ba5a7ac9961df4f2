"""The rules rac raises outside the domain checks, declared in the rule registry.

Their producers live in other layers: the loader (LOAD-*), validation (FILE-*, META-YEAR, SCHEMA-*, FILL-01,
EXPL-01, EXPL-02), the data lock (LOCK-01, LOCK-02) and the workspace's rule files (RULES-*). All are internal
rules (basis I): they guard the data, not a regulation. Titles and docs: ``rule.<ID>.title`` /
``rule.<ID>.doc`` in the catalogues.
"""

from __future__ import annotations

from reportascode.model.findings import Severity
from reportascode.rules.registry import Kind, declare

E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

for _id in ("LOAD-SYNTAX", "LOAD-DUPLICATE-KEY", "LOAD-TAB", "LOAD-DEPTH", "LOAD-ALIAS", "LOAD-SIZE", "LOAD-READ",
            "LOAD-ENCODING", "LOAD-TAG"):
    declare(_id, Kind.LOAD, E)

declare("FILE-MISSING", Kind.FILE, E)
declare("FILE-EMPTY", Kind.FILE, E)
declare("FILE-UNKNOWN", Kind.FILE, W)
declare("META-YEAR", Kind.META, E, reads=("meta",))

# One id per kind of schema constraint (validate/schema_findings.py maps JSON Schema keywords onto them).
for _id in ("SCHEMA-VERSION", "SCHEMA-TYPE", "SCHEMA-REQUIRED", "SCHEMA-UNKNOWN-KEY", "SCHEMA-ENUM", "SCHEMA-FORMAT",
            "SCHEMA-PATTERN", "SCHEMA-RANGE", "SCHEMA-LENGTH", "SCHEMA-DECIMALS", "SCHEMA-OTHER", "SCHEMA-REF"):
    declare(_id, Kind.SCHEMA, E)

FILL = declare("FILL-01", Kind.FILL, E)
EXPLANATION = declare("EXPL-01", Kind.EXPLANATION, W, reads=("explanations",))
STALE_EXPLANATION = declare("EXPL-02", Kind.EXPLANATION, W, reads=("explanations",))  # written for other values
LOCK = declare("LOCK-01", Kind.LOCK, E)
LOCK_NO_HISTORY = declare("LOCK-02", Kind.LOCK, INFO)  # the locked commit is not here: checked by file hash only

RULE_FILE = declare("RULES-01", Kind.RULE_FILE, E)  # a mistake in a rule file (some are warnings)
RULE_SKIPPED = declare("RULES-02", Kind.RULE_FILE, INFO)  # skipped for a report that lacks a field it reads
RULE_EVAL = declare("RULES-03", Kind.RULE_FILE, E)  # cannot be evaluated on a report's values
