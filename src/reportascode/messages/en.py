"""English message catalogue. Keys match zh.py one for one."""

MESSAGES: dict[str, str] = {
    # loading (YAML parsing)
    "load.syntax": "YAML syntax error: {detail}",
    "load.fullwidth_colon": "full-width colon after a key: a key and its value are separated by an ASCII colon "
    "and a space; write {fix}",
    "load.fullwidth_space": "full-width space after the colon: a key and its value are separated by an ASCII colon "
    "and an ASCII space; write {fix}",
    "load.fullwidth_indent": "full-width spaces at the start of the line: indent with ASCII spaces only; write {fix} "
    "indented with spaces",
    "load.duplicate_key": "duplicate key '{key}' (first at line {first_line}); keys in a mapping must be unique",
    "load.tab_indent": "tab character in indentation; YAML indents with spaces only",
    "load.tab_after_key": "tab character after the colon; use a space (parsers disagree about tabs here)",
    "load.depth": "nesting deeper than {limit} levels; refused",
    "load.too_many_nodes": "more than {limit} values (aliases expanded: a 'billion laughs' bomb?); rac is designed "
    "for report files of up to 10,000 numbers (about 250,000 values); refused",
    "load.alias_cycle": "an alias refers to itself (a cycle); it cannot become data",
    "load.too_large": "file too large ({size} bytes, limit {limit}); rac is designed for report files of up to "
    "10,000 numbers (about 3.6 MB); refused",
    "load.gbk": "not UTF-8 (undecodable from byte {byte}); it looks like GBK/GB18030: save the file as UTF-8",
    "load.not_utf8": "not UTF-8 (undecodable from byte {byte}); save the file as UTF-8",
    "load.utf16": "the file is UTF-16; save it as UTF-8 (with or without a BOM)",
    "load.tag": "unsupported YAML tag '{tag}'",
    "load.unreadable": "cannot read the file: {detail}",
    "load.complex_key": "mapping keys must be plain strings",
    # files
    "file.missing": "the report has no {name}",
    "file.empty": "the file is empty (no data)",
    "file.unknown": "unknown YAML file {name} in the report folder; a typo? Known files: {expected}",
    "file.unreadable": "cannot read the file: {detail}",
    "meta.year_mismatch": "report year {value} does not match the folder name {folder}",
    "schema.version_unknown": "unknown schema_version '{value}'; available: {known}",
    # schema
    "schema.type": "{label}: expected {expected}, got {actual_type} '{actual}'{hint}",
    "schema.hint_quote": " (quote codes and numbers that are identifiers, to make them strings)",
    "schema.required": "{label}: required field '{field}' ({field_label}) is missing",
    "schema.unknown_key": "unknown field '{field}'; a typo? {suggestion}",
    "schema.suggestion": "Did you mean '{candidate}'?",
    "schema.enum": "{label}: '{actual}' is not one of {allowed}",
    "schema.const": "{label}: expected '{expected}', got '{actual}'",
    "schema.format_date": "{label}: '{actual}' is not a valid date (YYYY-MM-DD)",
    "schema.format": "{label}: '{actual}' is not a valid {format}",
    "schema.pattern": "{label}: '{actual}' is not in the expected form{pattern_hint}",
    "schema.minimum": "{label}: {actual} is below the minimum {limit}",
    "schema.maximum": "{label}: {actual} is above the maximum {limit}",
    "schema.min_length": "{label}: too short or empty",
    "schema.max_length": "{label}: too long",
    "schema.min_items": "{label}: needs at least {limit:item|items}",
    "schema.max_items": "{label}: at most {limit:item|items}",
    "schema.unique": "{label}: the list has duplicate items",
    "schema.decimals": "{label}: {actual} has more than {limit} decimal places",
    "schema.other": "{label}: does not fit the data model ({detail})",
    "typo.fullwidth": "{label}: '{actual}' has full-width characters; write it with ASCII characters: {fix}",
    "typo.boolean": "{label}: expected true or false; write '{actual}' as {fix}",
    "typo.number": "{label}: expected a number without units or thousands separators; write '{actual}' as {fix}",
    "typo.number_unit": "{label}: expected a number without '%'; write '{actual}' as {fix}",
    "typo.amount": "{label}: amounts are in units of 10,000 CNY, written as a bare number (no unit words or "
    "thousands separators); write '{actual}' as {fix}",
    "typo.percent_for_ratio": "{label}: a ratio is a fraction between 0 and 1, not a percentage; write '{actual}' "
    "as {fix}",
    "typo.date": "{label}: dates are YYYY-MM-DD; write '{actual}' as {fix}",
    "typo.province": "{label}: expected the province code {fix} ({name}), not the province name '{actual}'",
    "schema.ref_refused": "schema reference '{ref}' points outside the workspace and the package; refused (no network)",
    "type.string": "text",
    "type.integer": "an integer",
    "type.number": "a number",
    "type.boolean": "a boolean (true/false)",
    "type.object": "a mapping (key: value)",
    "type.array": "a list",
    "type.null": "null",
    "pattern.uscc": " (a USCC has 18 characters, without I, O, Z, S, V)",
    "pattern.licence_no": " (enter the number as issued: optional province prefix, optional foreign-investment "
    "marker, categories joined by dots, a dash and eight digits, e.g. B2-20203417, A2.B1.B2-20090003)",
    "pattern.postcode": " (a postcode has 6 digits)",
    "pattern.date": " (dates are YYYY-MM-DD)",
    # summary and command line
    "summary.line": "{reports:report|reports}, {files:file|files}: {errors:error|errors}, "
    "{warnings:warning|warnings}, {infos} info, {explained} explained, {waived} waived",
    "summary.clean": "{reports:report|reports}, {files:file|files}: no problems found",
    "severity.error": "error",
    "severity.warning": "warning",
    "severity.info": "info",
    "cli.no_workspace": "no workspace found: neither {path} nor a parent holds .reportascode.yaml or reports/",
    "cli.no_reports": "no reports found in the workspace {root} (reports/<year>/meta.yaml)",
    "cli.os_error": "cannot read or write {path}: {detail} (files already there are as they were; nothing partial "
    "is left)",
    "cli.year_out_of_range": "{path}: a report's year folder must be within {first}–{last}; this folder is not read "
    "as a report",
    "selector.no_such": "cannot find '{selector}': not an existing path, a year (2024), an entity and year "
    "(acme/2024) or a git revision REV:PATH (see docs/selectors.md)",
    "selector.no_year": "'{selector}': no report for year {year} in {path}",
    "selector.ambiguous_year": "'{selector}': year {year} exists for several entities ({candidates}); name one, e.g. "
    "{example}",
    "selector.no_report": "'{selector}': there is no report {path}",
    "selector.not_a_report": "'{selector}' is not a report: {path} is not inside a report folder (reports/<year>/ or "
    "reports/<entity>/<year>/)",
    "selector.outside_workspace": "'{selector}' leads out of the workspace {root}; links out of it are not followed",
    "selector.one_report": "'{selector}' selects {count} reports ({reports}); rac {command} works on one: name it by "
    "folder, year or entity/year",
    "selector.not_a_file": "'{selector}' is not a file inside a report; rac {command} works on one report file, e.g. "
    "reports/2024/operations.yaml",
    "selector.no_revisions": "'{selector}' names a git revision; rac {command} reads the working tree only (REV:PATH "
    "is for rac diff, rac log and rac blame)",
    "selector.bad_rev": "'{selector}': invalid git revision '{rev}' (it must not be empty or start with '-')",
    "selector.rev_needs_path": "'{selector}' names a revision but no path; write REV:PATH, e.g. main:reports/2024",
    "selector.no_revision": "'{selector}': no such git revision: {rev}",
    "selector.no_path_in_rev": "'{selector}': revision {rev} has no {path}",
    "cli.path_missing": "no such path: {path}",
    "cli.internal_error": "internal error (a bug in rac, not a problem in the report): {detail}; "
    "run with --traceback for details",
    "config.invalid": "workspace config {file} line {line} column {column}: {detail}",
    # diff
    "config.detail.type": "expected {expected}",
    "config.detail.enum": "'{actual}' is not one of {allowed}",
    "config.detail.required": "the required field '{field}' is missing",
    "config.detail.unknown_key": "unknown field '{field}'",
    "config.detail.pattern": "'{actual}' is not in the expected form ({pattern})",
    "config.detail.format": "'{actual}' is not a valid {format}",
    "config.detail.empty": "must not be empty",
    "config.detail.other": "does not fit the configuration schema (rule '{keyword}')",
    "diff.section.stock": "Stock data (company, licence, numbers, trunks, branches)",
    "diff.section.flow": "Flow data (operations, finance, compliance, signatures, explanations, metadata)",
    "diff.section_short.stock": "stock",
    "diff.section_short.flow": "flow",
    "diff.yoy_note": "Year on year {year_a} → {year_b}: '!' marks numbers that moved by more than ±{threshold}%",
    "diff.yoy_note_md": "Year on year {year_a} → {year_b}: ⚠️ marks numbers that moved by more than ±{threshold}%.",
    "diff.yoy_mark": "beyond ±{threshold}% YoY",
    "diff.kind.added": "added",
    "diff.kind.removed": "removed",
    "diff.kind.changed": "changed",
    "diff.no_changes": "no data differences",
    "diff.summary": "{files:file|files} differ: {added} added, {removed} removed, {changed} changed",
    "diff.summary_marked": "; {marked} beyond ±{threshold}% year on year",
    "diff.summary_problems": "; {problems:file version|file versions} could not be read",
    "diff.unreadable": "{file} ({side}: {source}) cannot be read, so it was not compared: "
    "line {line} column {column}: {detail}",
    "diff.md.title": "Data changes",
    "diff.md.section": "Section",
    "diff.md.file": "File",
    "diff.md.added": "Added",
    "diff.md.removed": "Removed",
    "diff.md.changed": "Changed",
    "diff.md.total": "Total",
    "diff.md.counts": "{added} added, {removed} removed, {changed} changed",
    "diff.md.kind": "Change",
    "diff.md.field": "Field",
    "diff.md.pointer": "Pointer",
    "diff.md.old": "Old",
    "diff.md.new": "New",
    "diff.md.change": "Delta",
    "diff.not_a_report": "{path} holds no YAML files: not a report folder",
    "diff.not_yaml": "{path} is not a YAML file",
    "diff.mixed": "cannot compare a report folder with a single file: {a} and {b}",
    "diff.not_git": "{path} is not inside a git repository, so revisions (REV:PATH) cannot be read",
    "diff.outside_repo": "{path} is outside the git repository {root}",
    "diff.git_missing": "git is not installed (or not on PATH); it is needed to read revisions",
    "diff.git_failed": "reading from git failed: {detail}",
    "diff.threshold": "--threshold must be a non-negative number of percent, not '{value}'",
    # render and build
    "render.template_undefined": "template {template}, line {line}: {detail}",
    "render.template_syntax": "template {template}, line {line}: syntax error: {detail}",
    "render.template_security": "template {template}, line {line}: refused by the sandbox: {detail}",
    "render.template_name_refused": "template {template}, line {line}: template name '{name}' refused; templates "
    "are plain relative names inside templates/ (no '..', no absolute paths)",
    "render.template_missing": "template {template}, line {line}: template '{name}' not found in the "
    "workspace's templates/ or the packaged templates",
    "render.template_budget": "template {template}, line {line}: rendering went over its budget ({limit}) and "
    "was stopped (nested loops?)",
    "render.template_recursion": "template {template}, line {line}: a macro or include recurses without end",
    "render.template_error": "template {template}, line {line}: {detail}",
    "render.layout_invalid": "form layout {file} line {line} column {column}: {detail}",
    "render.no_weasyprint": "PDF needs WeasyPrint, which is not installed: {install}",
    "render.weasyprint_broken": "WeasyPrint cannot start ({detail}); install its system libraries (Pango)",
    "render.no_cjk_font": "no Chinese (CJK) font is installed (fc-list :lang=zh finds none), so the PDF would "
    "print boxes instead of Chinese; install one (Debian/Ubuntu: apt-get install fonts-noto-cjk) and retry",
    "render.out_not_build": "refusing to replace {path}: it exists and holds files rac does not write; choose "
    "another --out",
    "render.refused": "{report}: not rendered: {errors:error|errors}; fix them, or render a marked draft with --draft",
    "render.draft": "{report}: rendered as a DRAFT (every page is marked)",
    "render.wrote": "wrote {path}",
    "render.pdf_skipped": "PDF skipped: {reason}",
    "build.report_ok": "{report}: rendered ({files:file|files})",
    "build.report_draft": "{report}: {errors:error|errors}; rendered as a DRAFT ({files:file|files})",
    "build.report_refused": "{report}: {errors:error|errors}; not rendered",
    "build.index": "wrote {path}",
    "build.trends_skipped": "multi-year trends document skipped: {reason}",
    "build.trends_refused": "the reports of {company} have {errors:error|errors}; fix them, or build marked drafts "
    "with rac build --draft",
    # a report's status: the same in build/index.html, summary.md and the gap analysis; "ready to file" only when
    # nothing stands unexplained
    "status.ready": "no errors: ready to file",
    "status.unexplained": "no errors, but {warnings:warning|warnings} unexplained: explain them in "
    "explanations.yaml or correct the data before filing",
    "status.draft": "{errors:error|errors}: draft only, not ready to file",
    "status.errors": "{errors:error|errors}: not ready to file",
    "status.refused": "{errors:error|errors}: not rendered",
    "trends.no_entity": "no reports for entity '{entity}' (the folder reports/<entity>/<year>/); entities: {entities}",
    "trends.no_matplotlib": "charts need matplotlib, which is not installed: {install}",
    "trends.no_cjk_font": "no Chinese (CJK) font is installed (fc-list :lang=zh finds none), so the charts' Chinese "
    "labels would be boxes; install one (Debian/Ubuntu: apt-get install fonts-noto-cjk) and try again",
    "trends.charts_skipped": "charts left out: {reason}",
    "trends.refused": "multi-year document not rendered: {errors:error|errors} in the reports; fix them, or render a "
    "marked draft with --draft",
    "trends.draft": "multi-year document rendered as a DRAFT: {errors:error|errors} in the reports",
    # audit trail (git history, data lock, submission record, verification)
    "git.not_a_repository": "{path} is not inside a git repository; the audit trail needs git history",
    "git.no_commits": "the repository {root} has no commits yet; commit the report data first",
    "git.shallow": "{root} is a shallow clone: history before {since} is missing; run git fetch --unshallow",
    "git.bad_object_id": "the commit '{value}' in {source} is not a full git object id (40 or 64 hex digits); "
    "refused",
    "git.bad_tag": "'{tag}' cannot be a git tag name (a folder name with a space, '..' or a control character?); "
    "rename the folder",
    "git.bad_revision": "invalid git revision '{rev}'",
    "git.failed": "{command} failed: {detail}",
    "cli.aborted": "Aborted.",
    "freeze.done": "{tag} {commit} {files:file|files}{completed}",
    "freeze.completed": " (completed an interrupted freeze)",
    "submit.done": "{tag} {date} {documents:document|documents}",
    "lock.dirty": "report {report} has uncommitted changes; commit them before locking or submitting",
    "lock.has_errors": "report {report} still has {errors:error|errors}; it cannot be locked",
    "lock.already": "report {report} already has the tag {tag}; not overwriting it",
    "lock.not_frozen": "report {report} is not locked (rac freeze)",
    "lock.cannot_sign": "git can't sign ({detail}); nothing was changed. Set up signing first (gpg and git config "
    "user.signingkey), or freeze without --sign",
    "submit.before_lock": "submission date {date} is before the locked data was committed ({commit}, {locked}): "
    "a report can't be submitted before its data is final",
    "submit.before_signature": "submission date {date} is before the signing date {signed} of {pointer}: sign "
    "first, then submit",
    "submit.date_differs": "submission date {date} differs from meta.yaml's submission_date {written}; use one "
    "date (the date rac submit records is the submission date; meta.yaml may stay null)",
    "submit.late": "note: submission date {date} is after the {deadline} deadline (April is the late-filing month; "
    "SIG-03 will warn)",
    "submit.closed": "note: submission date {date} is after {closes}: the system closed on 1 May (SIG-03 will "
    "report an error)",
    "lock.changed_without_correction": "{field} changed after the lock (commit {commit}, {date}): {old} → {new}, "
    "with no correction record (corrections.yaml: reason, date, approver, fields)",
    "rule.LOCK-01.title": "Data changed after the lock needs a correction record",
    "lock.file_changed": "{file} changed after the lock (commit {commit}, {date}; its hash differs from the "
    "manifest) and no correction record names it (corrections.yaml: reason, date, approver, fields)",
    "lock.no_history": "the locked commit {commit} is not in the local history (a shallow clone or a copy "
    "without git): files were checked by hash, {files} could not be checked field by field; for field "
    "detail fetch the full history (git fetch --unshallow; fetch-depth: 0 for actions/checkout in GitHub "
    "Actions, GIT_DEPTH: 0 in GitLab CI)",
    "rule.LOCK-02.title": "The locked commit is not in the local history: files checked by hash only (note)",
    "rule.LOCK-02.doc": "The lock manifest (.rac-lock.yaml) records each file's hash. In a shallow clone "
    "without the locked commit rac still finds changes by hash: a changed file that no correction record "
    "names is LOCK-01; a changed file with correction records can't be checked field by field, and "
    "LOCK-02 says once, at meta.yaml, how to fetch the full history (fetch-depth: 0).",
    "verify.not_frozen": "report {report} is not locked; there is no manifest to verify",
    "verify.tag_missing": "tag {tag} does not exist",
    "verify.tag_not_ancestor": "tag {tag} points at {commit}, which is not in the current history (rewritten?)",
    "verify.tag_moved": "tag {tag} points at {commit}, whose manifest differs from the current one (moved tag?)",
    "verify.intact": "report {report} matches its lock manifest (commit {commit}, {date})",
    "verify.changed": "report {report} has {count:field change|field changes} since the lock, "
    "{uncorrected} without a correction record",
    "log.no_changes": "no data changes in the selected range",
    "blame.no_pointer": "the file has no field {pointer}; nearest: {nearest}",
    "log.reformat_only": "reformatting only, data unchanged",
    "blame.uncommitted": "uncommitted",
    # workspace rules
    "rules.failed": "{text} (workspace rule, {source})",
    "rules.failed_missing": "{field} is missing, so workspace rule {rule} ({source}) fails: {text}",
    "rules.skipped": "workspace rule {rule} ({source}) skipped for this report: {field} is missing",
    "rules.eval_error": "workspace rule {rule} ({source}) cannot be evaluated on this report: {reason}",
    "rules.eval.needs_number": "{operation} needs a number, got {kind} '{value}'",
    "rules.eval.needs_boolean": "{operation} needs true or false, got {kind} '{value}'",
    "rules.eval.needs_list": "{operation} needs a list, got {kind}",
    "rules.eval.needs_container": "'in' needs a list or text on its right, got {kind}",
    "rules.eval.compare_types": "cannot compare {left} with {right} using '{op}'",
    "rules.eval.division_by_zero": "division by zero",
    "rules.eval.arithmetic": "arithmetic error ({detail})",
    "rules.eval.empty": "{operation} of an empty list",
    "rules.eval.places": "round() takes 0 to {limit} decimal places, got {value}",
    "rules.eval.not_boolean": "the assertion must be true or false, got {kind} '{value}'",
    "rules.schema.required": "required key '{field}' is missing",
    "rules.schema.enum": "{field}: '{actual}' is not one of {allowed}",
    "rules.schema.type": "{field}: expected {expected}, got {actual}",
    "rules.schema.other": "{field}: does not fit the rule format ({detail})",
    "rules.id_pattern": "rule id '{actual}' is not valid: use letters and digits joined by '-', '.' or '_' "
    "(e.g. ACME-01, acme.insured-staff)",
    "rules.id_builtin": "rule id '{id}' is the id of a built-in check; give workspace rules their own prefix, "
    "e.g. ACME-01",
    "rules.id_reserved_family": "rule id '{id}' starts with {family}, a family of built-in checks; give workspace "
    "rules their own prefix, e.g. ACME-01",
    "rules.id_duplicate": "rule id '{id}' is already defined at {first}",
    "rules.read_name": "'{actual}' cannot name a field: start with a letter, then letters, digits or '_'",
    "rules.read_name_reserved": "'{name}' is a reserved word or a function name; choose another name",
    "rules.reference_pattern": "field reference '{actual}' is not valid: write <file>#<JSON pointer>, "
    "e.g. company#/staff/total",
    "rules.unknown_file": "'{file}' is not a report file; known files: {known}. {suggestion}",
    "rules.pointer": "'{reference}': after '#' comes a JSON pointer that starts with '/', e.g. company#/staff/total",
    "rules.unknown_field": "{reference} is not a field of the data model; a typo? {suggestion}",
    "rules.at_unknown": "at: '{name}' is not one of the names in reads ({known})",
    "rules.placeholder_unknown": "the message uses {{{name}}}, which is not a name in reads ({known})",
    "rules.expr.too_long": "the assertion is {length} characters long; the limit is {limit}",
    "rules.expr.empty": "the assertion is empty",
    "rules.expr.syntax": "the assertion is not a valid expression: {detail}",
    "rules.expr.refused": "{construct} is not allowed in an assertion (allowed: numbers, text, names from reads, "
    "comparisons, and/or/not, + - * / // %, x if c else y, and the functions {functions})",
    "rules.expr.unknown_name": "'{name}' is not a name from reads (known: {known})",
    "rules.expr.unknown_function": "'{name}' is not an allowed function (allowed: {functions})",
    "rules.expr.function_value": "'{name}' is a function: call it, e.g. {name}(x)",
    "rules.expr.arity": "{name}() takes {expected:argument|arguments}, got {count}",
    "rules.expr.present": "present() takes one name from reads, e.g. present(insured)",
    "rules.expr.number": "the number {text} is out of range",
    "rules.expr.too_deep": "the assertion is nested more than {limit} levels deep",
    "rules.expr.too_big": "the assertion has more than {limit} parts",
    "rules.construct.attribute": "attribute access ('.{name}')",
    "rules.construct.subscript": "indexing or slicing ([...])",
    "rules.construct.lambda": "lambda",
    "rules.construct.comprehension": "a comprehension or generator",
    "rules.construct.walrus": "assignment (:=)",
    "rules.construct.fstring": "an f-string",
    "rules.construct.dict": "a dict or set literal",
    "rules.construct.starred": "unpacking (*)",
    "rules.construct.power": "the power operator (**)",
    "rules.construct.bitwise": "a bitwise operator",
    "rules.construct.is": "'is' (use == or present())",
    "rules.construct.none": "None (use present(name))",
    "rules.construct.complex": "a complex number",
    "rules.construct.bytes": "a bytes literal",
    "rules.construct.keyword_argument": "a keyword argument",
    "rules.construct.call": "calling something other than a function name",
    "rules.construct.other": "this construct ({node})",
    # authoring (rac init / new-year / fmt / set / timeline / schema) and placeholders
    "fill.placeholder": "{label}: not filled in yet (placeholder “{value}”; {index} of {count} in this report)",
    "rule.FILL-01.title": "Value still to fill (placeholder 待填/TODO)",
    "rule.FILL-01.doc": "rac init and rac new-year write the placeholder 待填 (TODO also works) where a value must be "
    "entered for the year. Each placeholder is reported once, at its line and column, with the report's total; the "
    "schema errors of the same value are not repeated. A report is valid only when every one is filled. While "
    "drafting, severity: {{FILL-01: warning}} in .reportascode.yaml lets commits through; remove it before submitting.",
    "fmt.unreadable": "cannot format: load error {rule} at line {line} column {column}; see rac validate",
    "fmt.would_break": "the formatted text would not load (line {line} column {column}); refused, file unchanged",
    "fmt.would_change_data": "formatting would change the data at {pointer}; refused, file unchanged",
    "fmt.would_lose_comment": "formatting would lose the comment “{comment}”; refused, file unchanged",
    "fmt.refused": "{path}: {reason}",
    "fmt.would_reformat": "would reformat {path}",
    "fmt.reformatted": "reformatted {path}",
    "fmt.summary": "{changed:file|files} reformatted, {unchanged} unchanged, {refused} refused",
    "fmt.summary_check": "{changed:file|files} would be reformatted, {unchanged} unchanged, {refused} refused",
    "set.unreadable": "the file has a load error (line {line} column {column}, {rule}); not changed, see rac validate",
    "set.multiline_value": "VALUE must be a single line",
    "set.no_such_pointer": "{pointer} is not in the file, and its parent is not a mapping a key can be added to",
    "set.bad_value": "VALUE “{value}” cannot be read as YAML ({rule})",
    "set.schema_rejects": "the new value at {pointer} does not fit the data model; not changed:",
    "set.layout": "the value at {pointer} is written in a way that cannot be edited in place; edit it by hand",
    "set.would_change_other": "the edit would change other data at {pointer}; refused, file unchanged (a bug)",
    "set.would_lose_comment": "the edit would lose the comment “{comment}”; refused, file unchanged",
    "set.not_report_file": "{path} is not a report file; expected one of {expected} in a report folder",
    "set.bad_pointer": "“{pointer}” is not a JSON pointer: start with /, e.g. /seats/total (\"\" for the whole file)",
    "set.not_utf8": "{path} is not UTF-8; save it as UTF-8 first",
    "set.done": "{path}:{line}:{column}: {pointer} = {value}",
    "set.added": "{path}:{line}:{column}: {pointer} = {value} (added)",
    # rac workbook (fill-in workbook export and import)
    "workbook.sheet.meta": "Filing",
    "workbook.sheet.company": "Company",
    "workbook.sheet.licence": "Licence",
    "workbook.sheet.operations": "Operations",
    "workbook.sheet.finance": "Finance",
    "workbook.sheet.branches": "Branches",
    "workbook.sheet.numbers": "Numbers",
    "workbook.sheet.trunks": "Trunks",
    "workbook.sheet.compliance": "Compliance",
    "workbook.sheet.signatures": "Signatures",
    "workbook.sheet.explanations": "Explanations",
    "workbook.title": "{company} {year} annual report fill-in workbook",
    "workbook.sheet_title": "{title} · {company} · {year}",
    "workbook.note.fields": "Fill in the yellow cells only (units in the Unit column; hover a cell for what it takes); "
    "TODO means not filled in yet. Do not change labels or hidden sheets.",
    "workbook.note.table": "One record per row, identified by {keys}; add records in the empty yellow rows below, "
    "delete a whole row to remove one. Do not change the header.",
    "workbook.separator": ", ",
    "workbook.with_unit": "{label} ({unit})",
    "workbook.head.item": "Item",
    "workbook.head.unit": "Unit",
    "workbook.head.value": "Value",
    "workbook.placeholder": "TODO",
    "workbook.yes": "yes",
    "workbook.no": "no",
    "workbook.rule.integer": "whole number",
    "workbook.rule.number": "number",
    "workbook.rule.date": "date (e.g. 2025-03-31)",
    "workbook.rule.boolean": "choose yes or no from the list",
    "workbook.rule.enum": "choose from the list",
    "workbook.rule.string": "text",
    "workbook.rule.list": "several items, one per line (codes may also be separated by commas)",
    "workbook.rule.places": ", at most {places} decimal places",
    "workbook.rule.minimum": ", at least {minimum}",
    "workbook.rule.maximum": ", at most {maximum}",
    "workbook.rule.nullable": "; leave empty when not applicable",
    "workbook.validation.title": "Invalid entry",
    "workbook.validation.integer": "Enter a whole number (no unit, no text)",
    "workbook.validation.number": "Enter a number (no unit, no text)",
    "workbook.validation.date": "Enter a date, e.g. 2025-03-31",
    "workbook.validation.enum": "Choose a value from the list",
    "workbook.validation.boolean": "Choose yes or no",
    "workbook.exported": "wrote {path} ({report}): {sheets} sheets, {fields} fields, {records} records",
    "workbook.export.unknown_file": "unknown report file “{name}”; choose from: {expected}",
    "workbook.export.out_is_folder": "{path} is a folder; give --out an .xlsx file path",
    "workbook.export.value_too_long": "a value is longer than {limit} characters and cannot go into a workbook; "
    "use rac set or edit the YAML",
    "workbook.read.no_openpyxl": "reading a workbook needs openpyxl; install reportascode's dependencies",
    "workbook.read.broken": "{path} is not a readable XLSX workbook: {detail}",
    "workbook.read.not_ours": "{path} was not exported by rac workbook export (it has no hidden anchors); export "
    "one with rac workbook export and fill that in",
    "workbook.read.anchors_damaged": "the hidden anchors of {path} were changed or damaged; export the workbook "
    "again and fill that in",
    "workbook.read.too_many_cells": "the workbook has more than {limit} cells; refused",
    "workbook.import.no_report": "the workbook's report {report} is not in this workspace; import it in the "
    "repository that holds it",
    "workbook.import.other_company": "{path} was exported for {theirs}, but {report} is the report of {ours}; "
    "nothing written",
    "workbook.import.other_year": "{path} is a workbook for {theirs}, but {report} is the report for {ours}; "
    "nothing written",
    "workbook.import.file_broken": "{path} has a load error at line {line} column {column} ({rule}); fix it first "
    "(see rac validate)",
    "workbook.import.sheet_missing": "{path} lacks the sheets {sheets} (deleted or renamed); restore their names "
    "or export again; nothing written",
    "workbook.import.refused": "not imported: {problems} cells could not be read, {conflicts} conflicts; nothing "
    "written",
    "workbook.import.repository_moved": "note: {count} fields changed in the repository since the export and are "
    "untouched in the workbook; the repository's values are kept",
    "workbook.import.nothing": "the workbook does not differ from {report}; nothing written",
    "workbook.import.dry_run": "dry run (--dry-run): {files} files would change; nothing written",
    "workbook.import.written": "imported: {files} files changed ({report}); validation follows",
    "workbook.cell.too_long": "the text is longer than {limit} characters",
    "workbook.cell.not_integer": "“{value}” is not a whole number (a number cell takes digits only, no unit or "
    "words)",
    "workbook.cell.not_number": "“{value}” is not a number (a number cell takes digits only, no unit or words)",
    "workbook.cell.places": "“{value}” has more than {places} decimal places",
    "workbook.cell.below": "“{value}” is below the minimum {minimum}",
    "workbook.cell.above": "“{value}” is above the maximum {maximum}",
    "workbook.cell.not_date": "“{value}” is not a date (e.g. 2025-03-31)",
    "workbook.cell.not_boolean": "“{value}” is not yes or no",
    "workbook.cell.not_choice": "“{value}” is not one of the choices ({choices})",
    "workbook.cell.formula": "the cell holds the formula {formula}; rac computes no formulas. Type the value, or "
    "pass --accept-formulas to take the result the spreadsheet program saved",
    "workbook.cell.formula_no_value": "the formula {formula} has no saved result; open and save the workbook in "
    "Excel, WPS or LibreOffice, then import it",
    "workbook.table.header_changed": "the header row was changed (it should read: {headers}); restore it or export "
    "again",
    "workbook.table.no_key": "the record lacks its identifying {field}",
    "workbook.table.duplicate_key": "record “{key}” appears twice (first at {first})",
    "workbook.apply.layout": "the YAML at {pointer} is written in a way that cannot be edited in place; edit it by "
    "hand",
    "workbook.apply.would_lose_comment": "changing {pointer} would lose the comment “{detail}”; refused",
    "workbook.apply.would_change_other": "the change would alter other data at {pointer}; refused (a bug in rac)",
    "workbook.conflict": "{where}: conflict at {file}#{pointer}: {base} at export, {ours} in the repository now, "
    "{theirs} in the workbook",
    "workbook.value.absent": "(absent)",
    "workbook.refused.unreadable": "cannot read {path}: {detail}",
    "workbook.refused.not_file": "{path} is not a regular file",
    "workbook.refused.file_size": "{path} is too large ({size} bytes, limit {limit}); refused",
    "workbook.refused.not_xlsx": "{path} is not an XLSX file (not a valid zip: {detail})",
    "workbook.refused.not_office": "{path} is not an Office file (no [Content_Types].xml)",
    "workbook.refused.members": "{path} has {found} parts (limit {limit}); refused",
    "workbook.refused.outside": "{path} holds external links, data connections, macros or embedded objects ({part}); "
    "save it as an .xlsx without them",
    "workbook.refused.encrypted": "{path} is encrypted; remove the password and save it again",
    "workbook.refused.total_size": "{path} inflates to more than {limit} bytes (a zip bomb?); refused",
    "workbook.refused.ratio": "the part {part} of {path} inflates {ratio}:1, more than {limit}:1 (a zip bomb?); "
    "refused",
    "workbook.refused.part_size": "the part {part} of {path} inflates to more than {limit} bytes; refused",
    "workbook.refused.sheet_size": "the sheet {part} of {path} inflates to more than {limit} bytes; refused",
    "workbook.refused.shared_strings": "the shared strings of {path} are more than {limit}; refused",
    "newyear.exists": "report {path} already exists; not overwriting it",
    "newyear.unreadable": "{path} has a load error at line {line} ({rule}); fix it before rolling forward",
    "newyear.internal": "checking {file} failed at {pointer}; nothing was created (a bug)",
    "newyear.missing_file": "the previous year has no {name}; the empty template is used",
    "newyear.done": "created {path} from {source}: {count:value|values} to fill, listed by rac validate (FILL-01)",
    "init.created": "created {path}",
    "init.skipped": "exists, skipped: {path} {detail}",
    "init.configured": "configured {path} {detail}",
    "init.failed": "not done: {path} ({detail})",
    "init.done": "workspace ready: {path}. Fill in the 待填 values in reports/{year}/, then run rac validate; "
    "run pre-commit install to format and validate on every commit",
    "init.bad_licence": "licence number “{value}” is not valid (enter it as issued, e.g. B2-20203417 or "
    "A2.B1.B2-20090003)",
    "init.no_precommit": "pre-commit is not installed, so the commit hooks can't run yet; install it with {install}, "
    "then run pre-commit install in the workspace",
    "init.bad_company": "the company name must not be empty",
    "init.not_a_directory": "{path} is not a directory",
    "schema.nothing_to_do": "give --export DIR or --vscode",
    "schema.exported": "exported the schemas to {path}: {count:file|files} written, {unchanged} already current",
    "schema.exported_for_editor": "the workspace has no schemas/; exported the packaged schemas to {path}",
    "schema.stale": "schema differs from this version: {path} (run rac schema --export to update)",
    "schema.vscode_written": "updated {path}: {count:yaml.schemas mapping|yaml.schemas mappings}",
    "schema.vscode_unchanged": "{path} already has every mapping; not changed",
    "schema.vscode_not_json": "{path} has comments or is not plain JSON ({detail}); not touched. Add this by hand:",
    "timeline.header": "Annual-report timeline {report} (report year {year}, filed in {filing_year}; today {today})",
    "timeline.state.valid": "valid (0 errors)",
    "timeline.state.invalid": "not valid ({errors:error|errors})",
    "timeline.state.placeholders": "{count:value|values} to fill",
    "timeline.state.frozen": "locked",
    "timeline.state.not_frozen": "not locked",
    "timeline.state.signed": "signed",
    "timeline.state.not_signed": "not signed",
    "timeline.state.submitted": "submitted ({date})",
    "timeline.state.not_submitted": "not submitted",
    "timeline.list_sep": "; ",
    "timeline.kind.official": "official",
    "timeline.kind.internal": "internal",
    "timeline.status.done": "done",
    "timeline.status.done_late": "done (late)",
    "timeline.status.overdue": "OVERDUE",
    "timeline.status.due": "due",
    "timeline.status.pending": "pending",
    "timeline.status.not_needed": "not needed",
    "timeline.status.not_applicable": "n/a",
    "timeline.status.info": "info",
    "timeline.status.manual": "manual",
    "timeline.owner.finance": "finance",
    "timeline.owner.operations": "operations",
    "timeline.owner.legal": "legal",
    "timeline.owner.it": "IT",
    "timeline.owner.hr": "HR",
    "timeline.footer_internal": "Internal steps are internal practice (a suggested plan), not regulation; move their "
    "dates and owners in .reportascode.yaml (timeline, owners).",
    "timeline.footer_overdue": "{count:step|steps} overdue (marked !).",
    "timeline.footer_ok": "Nothing overdue.",
    "timeline.ics_name": "Annual report {report} ({year})",
    "timeline.ics_status": "Status: {status}",
    "timeline.ics_owners": "Owners: {owners}",
    "timeline.bad_date": "date “{value}” in the workspace config's timeline is not valid; use MM-DD",
    # reconciliation (rac reconcile; report figures against evidence exports in reports/<year>/evidence/)
    "rule.REC-01.title": "Trunk channels per carrier and province differ from the carrier bills",
    "rule.REC-01.doc": "For each carrier and province, the channels of the trunks in trunks.yaml (contracts "
    "active in the year) are compared with trunk_bills: per trunk, the largest monthly channel count billed in the "
    "year, summed. A difference beyond the tolerance (default 5 %, thresholds REC-01.tolerance) is an error. The "
    "5 % figure is an internal, configurable tolerance taken from agency descriptions of a monitoring comparison; "
    "it is not a regulatory threshold.",
    "rule.REC-02.title": "Seats deviate from the channels billed by carriers",
    "rule.REC-02.doc": "operations.seats.total is compared with all channels billed in trunk_bills (per trunk, the "
    "largest monthly figure of the year). The example an agency gives (500 seats reported, 2,000 trunk channels "
    "billed) is the kind of gap this flags. Tolerance REC-02.tolerance, default 5 %: an internal house rule, not "
    "regulation.",
    "rule.REC-03.title": "A caller number used for outbound calls is not in numbers.yaml",
    "rule.REC-03.doc": "Every number in caller_numbers must be one of the access numbers declared in numbers.yaml. "
    "Calling out with a changed or hidden caller number is forbidden by Xinguan [2020] No. 81. The finding is at the "
    "row of the export.",
    "rule.REC-04.title": "A caller number is not enabled for outbound calls",
    "rule.REC-04.doc": "A number used as a caller number must be outbound_enabled in numbers.yaml, with its outbound "
    "commitment letter signed before the first use (Xinguan [2020] No. 81: outbound calls only on numbers filed for "
    "them). The finding is at the row of the export.",
    "rule.REC-05.title": "Outbound attempts differ from the calls in the caller-number export",
    "rule.REC-05.doc": "operations.outbound.attempts is compared with the sum of calls in caller_numbers. "
    "Tolerance REC-05.tolerance, default 5 % (internal, configurable).",
    "rule.REC-06.title": "Complaint counts differ from the complaint ledger",
    "rule.REC-06.doc": "compliance.complaints received, replied, via_12321 and via_miit_appeal are compared with the "
    "ledger's complaints dated in the report year (all rows; status replied; channel 12321; channel 工信部申诉). "
    "Tolerance REC-06.tolerance, default 5 % (internal, configurable). Ledger rows of another year are not "
    "counted and are listed as info.",
    "rule.REC-07.title": "The recording/consent sample does not cover the last 90 days of the year",
    "rule.REC-07.doc": "Internal practice suggested by an agency checklist: sample calls over the last "
    "REC-07.window_days (default 90) days of the report year, with no stretch longer than REC-07.max_gap_days "
    "(default 15) without a sampled call. Sample rows outside the window are not counted and are listed as info.",
    "rule.REC-08.title": "A sampled call has no recording or no consent record",
    "rule.REC-08.doc": "Every sampled call within the retention declared in compliance.yaml "
    "(recording_retention_days, consent_retention_days, counted back from 31 December) must have its recording "
    "and its consent record; Xinguan [2020] No. 81 requires recordings to be kept at least 30 days. The finding is at "
    "the row and column of the sample.",
    "rule.REC-09.title": "A trunk bill does not match trunks.yaml",
    "rule.REC-09.doc": "A billed trunk must be declared in trunks.yaml, with the same carrier and province, and "
    "billed only within its contract period (contract_start … contract_end). A trunk billed but not reported is "
    "capacity the report does not show.",
    "rule.REC-10.title": "Contract months without a trunk bill",
    "rule.REC-10.doc": "Each month of the report year within a trunk's contract period should have a bill line in "
    "trunk_bills. Missing months suggest that the contract dates or the export are wrong.",
    "rule.REC-11.title": "A malformed row in an evidence file",
    "rule.REC-11.doc": "A row with the wrong number of columns, an empty required cell, a bad date or month, a "
    "non-number, or an unknown status is skipped and reported at its row and column. Per file and rule the first "
    "20 findings are listed and the rest counted in one summary finding.",
    "rule.REC-12.title": "An evidence file cannot be read",
    "rule.REC-12.doc": "The file has no header row with the required columns (English or Chinese names, see "
    "docs/evidence.md), an encoding other than UTF-8, GBK/GB18030 or UTF-16, or a broken workbook; or a kind is "
    "present both as CSV and XLSX (the CSV is used).",
    "check.REC-01": "trunks of {carrier} in {province}: {reported:channel|channels} reported, {billed} billed "
    "({rate}; internal tolerance ±{tolerance}); correct trunks.yaml or explain the difference (bills: {evidence})",
    "check.REC-01.not_reported": "{carrier} bills {billed:channel|channels} in {province}, but trunks.yaml has no "
    "trunk of {carrier} there (internal tolerance ±{tolerance})",
    "check.REC-02": "{seats:seat|seats} reported, {billed:trunk channel|trunk channels} billed by carriers ({rate}; "
    "internal "
    "tolerance ±{tolerance}, not a regulatory threshold); check the seats and the trunks (bills: {evidence})",
    "check.REC-03": "caller number {number} ({calls:call|calls}) is not in numbers.yaml: calling out with a changed "
    "or hidden caller number is forbidden (Xinguan [2020] No. 81)",
    "check.REC-04": "caller number {number} ({calls:call|calls}) is not enabled for outbound calls in numbers.yaml "
    "(outbound_enabled: false); outbound calls need a filed commitment (Xinguan [2020] No. 81)",
    "check.REC-04.before_commitment": "caller number {number} used from {first}, before its outbound commitment "
    "letter of {commitment}",
    "check.REC-05": "{reported:outbound attempt|outbound attempts} reported, {calls:call|calls} in the "
    "caller-number export "
    "({rate}; internal tolerance ±{tolerance}) ({evidence})",
    "check.REC-06": "{field}: {reported} reported, {ledger} in the complaint ledger ({rate}; internal tolerance "
    "±{tolerance}) ({evidence})",
    "check.REC-06.out_of_year": "complaint dated {date} is outside the report year {year}; not counted",
    "check.REC-07": "no sampled call from {start} to {end} ({days} days); internal practice: a sample over the "
    "last {window} days ({window_start} – {year_end}) with gaps of at most {max} days",
    "check.REC-07.empty": "no sampled call in the last {window} days of the year ({window_start} – {year_end}); "
    "internal practice: sample recordings and consent records over that window",
    "check.REC-07.outside_window": "sampled call {call} of {date} is outside the window {start} – {end}; not "
    "counted",
    "check.REC-08": "sampled call {call} of {date} lacks a record",
    "check.REC-08.recording": "sampled call {call} of {date} has no recording, although compliance.yaml declares "
    "recordings kept long enough to cover it (Xinguan [2020] No. 81: at least 30 days)",
    "check.REC-08.consent": "sampled call {call} of {date} has no consent record, although compliance.yaml "
    "declares consent records kept long enough to cover it",
    "check.REC-09": "trunk bill does not match trunks.yaml",
    "check.REC-09.carrier": "trunk {trunk} is billed by {billed}, but trunks.yaml says {reported}",
    "check.REC-09.province": "trunk {trunk} is billed in {billed}, but trunks.yaml says {reported}",
    "check.REC-09.unknown_trunk": "trunk {trunk} ({carrier}, {channels:channel|channels}) is billed but not in "
    "trunks.yaml",
    "check.REC-09.outside_contract": "trunk {trunk} is billed for {months}, outside its contract period {start} – "
    "{end}",
    "check.REC-10": "trunk {trunk}: no bill for {count:contract month|contract months} of the year: {months} "
    "({evidence})",
    "check.REC-11": "malformed row",
    "check.REC-11.columns": "the row has {found:column|columns}, the header {expected}",
    "check.REC-11.empty": "'{header}' is empty",
    "check.REC-11.integer": "'{header}' must be a whole number, not '{value}'",
    "check.REC-11.negative": "'{header}' must not be negative: '{value}'",
    "check.REC-11.number": "'{header}' must be a number, not '{value}'",
    "check.REC-11.date": "'{header}' must be a date (YYYY-MM-DD), not '{value}'",
    "check.REC-11.month": "'{header}' must be a month (YYYY-MM), not '{value}'",
    "check.REC-11.bool": "'{header}' must be yes or no (是/否), not '{value}'",
    "check.REC-11.status": "'{header}' must be replied (已回复) or open (未回复), not '{value}'",
    "check.REC-11.province": "'{header}' must be a province code (e.g. 33) or name (e.g. 浙江), not '{value}'",
    "check.REC-11.date_order": "last use {last} is before first use {first}",
    "check.REC-12": "the evidence file cannot be read",
    "check.REC-12.empty_file": "the file is empty: no header row",
    "check.REC-12.missing_columns": "no header row with every required column ({missing}); found: {found} "
    "(see docs/evidence.md)",
    "check.REC-12.encoding": "cannot decode the file ({detail}); save it as UTF-8 CSV",
    "check.REC-12.encoding_at": "the file stops decoding as {encoding} here ({detail}); save it as UTF-8 CSV",
    "check.REC-12.unreadable": "cannot read the file: {detail}",
    "check.REC-12.no_openpyxl": "reading .xlsx needs openpyxl (a dependency of reportascode: reinstall it), or save "
    "as CSV",
    "check.REC-12.both_formats": "both {used} and {ignored} exist; {used} is used, {ignored} ignored",
    "check.REC-12.bound_rows": "the sheet has data in row {found}, beyond the reading limit of {limit} rows; the file "
    "is not read (refused so it cannot exhaust time or memory)",
    "check.REC-12.bound_columns": "the sheet has data in column {found}, beyond the reading limit of {limit} columns; "
    "the file is not read",
    "check.REC-12.bound_cells": "the sheet has more than {limit} cells, the reading limit; the file is not read",
    "check.REC-12.bound_sheet_size": "the sheet is larger than {limit} bytes uncompressed; the file is not read",
    "check.REC-12.bound_part_size": "{part} in the workbook is larger than {limit} bytes uncompressed; the file is "
    "not read",
    "check.REC-12.bound_ratio": "{part} in the workbook expands {ratio}:1, beyond the limit of {limit}:1 (a zip "
    "bomb?); the file is not read",
    "check.REC-12.bound_shared_strings": "the workbook has more than {limit} shared strings, the reading limit; the "
    "file is not read (save it as CSV)",
    "check.REC-12.bound_members": "the workbook has {found} parts, more than the limit of {limit}; the file is not "
    "read",
    "check.REC-12.not_file": "not a regular file; the file is not read",
    "check.REC-12.not_office": "not an Office file (no [Content_Types].xml); the file is not read",
    "check.REC-12.encrypted": "the file is encrypted; remove the password and save it again",
    "check.REC-12.xls": "{name}: the old .xls format is not read; save it as .xlsx or .csv",
    "reconcile.more": "{count:more finding|more findings} of {rule} in this file not listed (the first {listed} "
    "are); the "
    "first unlisted is at row {first}",
    "reconcile.field.trunk_channels": "trunk channels, {carrier} {province}",
    "reconcile.field.seats_vs_billed": "seats vs channels billed",
    "reconcile.field.unknown_numbers": "caller-number rows not in numbers.yaml",
    "reconcile.field.not_outbound_numbers": "caller-number rows not enabled for outbound",
    "reconcile.field.outbound_attempts": "outbound attempts vs calls by caller number",
    "reconcile.field.complaints_received": "complaints received",
    "reconcile.field.complaints_replied": "complaints replied",
    "reconcile.field.complaints_via_12321": "complaints via 12321",
    "reconcile.field.complaints_via_miit_appeal": "complaints via the MIIT appeal centre",
    "reconcile.field.sample_gap": "recording sample: longest gap in the last {window} days (days)",
    "reconcile.field.sample_recording": "sampled calls with a recording",
    "reconcile.field.sample_consent": "sampled calls with a consent record",
    "reconcile.heading": "{report}: report figures against evidence exports",
    "reconcile.column.field": "field",
    "reconcile.column.report": "report",
    "reconcile.column.evidence": "evidence",
    "reconcile.column.diff_rate": "diff. rate",
    "reconcile.column.tolerance": "tolerance",
    "reconcile.column.verdict": "verdict",
    "reconcile.verdict.ok": "ok",
    "reconcile.verdict.exceeds": "exceeds",
    "reconcile.note": "Tolerances are internal and configurable (.reportascode.yaml thresholds), not regulatory "
    "thresholds.",
    "reconcile.no_evidence": "{report}: no evidence/ folder; nothing to reconcile",
    "reconcile.missing": "no export for: {kinds}",
    "reconcile.file": "{file}: {rows:row|rows} used, {bad} skipped",
    "reconcile.file_incomplete": "{file}: not read completely; its comparisons are skipped",
    "reconcile.findings": "findings",
    "reconcile.summary": "{reports:report|reports}: {rows:figure|figures} compared, {exceeding} beyond tolerance; "
    "{errors:error|errors}, {warnings:warning|warnings}, {infos} info, {waived} waived",
    # ---- domain checks (issue 3): per check "check.<ID>.title", "check.<ID>" (the finding), "check.<ID>.doc",
    # ---- and variants "check.<ID>.<variant>"; built-in rule titles "rule.<ID>.title"; rac rules / rac explain.
    # Basis wording: [V] cites the regulation; [A] "agency sources say", treated as internal practice; [I] a
    # configurable house rule. Never present an [A] or [I] item as regulation.
    "check.ID-01.title": "USCC format and check character (GB 32100)",
    "check.ID-01": "unified social credit code {value} fails the GB 32100 check character (expected last character "
    "'{expected}'); check for a typo",
    "check.ID-01.doc": "Checks the check character (the 18th) of the company's unified social credit code "
    "(company.yaml uscc) and of every branch (branches.yaml), computed by GB 32100-2015 (weights 1, 3, 9, … mod 31). "
    "The length and the character set are checked by the schema. A wrong code is the commonest typo in the "
    "company information form, which is published. Basis: national standard GB 32100-2015; the code is a "
    "mandatory public field "
    "of the report. No thresholds.",
    "check.ID-02.title": "Licence holder and licence number consistent across files",
    "check.ID-02": "licence holder '{holder}' (licence.yaml) differs from the company name '{company}' "
    "(company.yaml); the report is filed per licence, for its holder",
    "check.ID-02.number": "licence number {value} (meta.yaml) differs from licence.yaml's {licence}",
    "check.ID-02.no_b2": "licence number {value} has no B2 category: call-centre business (B24) is a second-class "
    "value-added service (B2); enter the number of a licence that includes B2 (e.g. B2-20203417, A2.B1.B2-20090003)",
    "check.ID-02.doc": "Checks that licence.yaml holder_name equals company.yaml name, and that the optional "
    "licence.yaml licence_no equals meta.yaml licence_no exactly, and that the number includes a B2 category "
    "(call-centre business, B24, is a second-class value-added service). Numbers are entered as issued: an "
    "optional province prefix, an optional foreign-investment marker, one or more categories joined by dots, a "
    "dash and eight digits, e.g. B2-20203417 or A2.B1.B2-20090003. Holders of several licences file one set "
    "of forms per licence, so the holder, the company and the number must agree. After a change of company name, "
    "the licence must be changed too (see LIC-05). Basis: Order 42 Art. 35 (truthful report) and the TSM forms, "
    "which carry the company name and licence number. No thresholds.",
    "check.LIC-01.title": "Licence valid during the report year",
    "check.LIC-01": "the licence expired on {expires}, before report year {year} began: no report is due under it",
    "check.LIC-01.not_yet": "the licence was issued on {issued}, after report year {year}: its first report is for "
    "the year it was issued",
    "check.LIC-01.order": "expiry date {expires} is before issue date {issued}",
    "check.LIC-01.doc": "Checks that the licence period (licence.yaml issue_date … expiry_date) overlaps the report "
    "year (meta.yaml report_year). Every holder whose licence was issued by 31 December of the report year and is "
    "still valid must file, whether or not it operates; a report for a year in which the licence did not exist means "
    "the wrong year or the wrong licence. Basis: the provincial bureaus' annual-report notices (e.g. Chongqing "
    "2025-01-08; Guangdong 2018). No thresholds.",
    "check.LIC-02.title": "Licence expiring soon: renewal",
    "check.LIC-02": "the licence expires on {expires}, {days} days after submission ({submitted}); "
    "renewal applied on {applied}, {ahead} days ahead: explain it in explanations.yaml",
    "check.LIC-02.not_applied": "the licence expires on {expires}, {days} days after submission ({submitted}), "
    "and no renewal is recorded (renewal_applied_date); agency sources cite Art. 27 as requiring the "
    "application at least {lead} days ahead, i.e. by {due}",
    "check.LIC-02.late": "the licence expires on {expires}; renewal was applied on {applied}, only {ahead} days ahead,"
    " later than {due} ({lead} days ahead, as agency sources cite Art. 27)",
    "check.LIC-02.expired": "the licence expired on {expires}, before submission ({submitted}); renewal: "
    "{applied}",
    "check.LIC-02.doc": "Warns when licence.yaml expiry_date falls within window_days (default 180) of the submission "
    "date (meta.yaml submission_date, or 31 March of the next year when not yet submitted), so that the renewal is on "
    "the agenda. The message says whether renewal_applied_date is missing, later than renewal_lead_days (default 90) "
    "before expiry, or in time; in time, an explanation clears the warning. Basis: agency pages quote Order 42 Art. "
    "27 (renewal at least 90 days before expiry, with proof of operation); the text was not verified against an "
    "official source, so treat it as internal practice. The 180-day window is a house rule. Thresholds: window_days, "
    "renewal_lead_days.",
    "check.LIC-03.title": "Call-centre data needs an open B24 service",
    "check.LIC-03": "operations.yaml reports call-centre business, but the licence holds no B24 service (it holds "
    "{held})",
    "check.LIC-03.not_open": "service {code} is marked 未开通 (not open), yet operations.yaml reports seats or calls",
    "check.LIC-03.doc": "Checks that seats or traffic in operations.yaml come with a B24 (B24-1/B24-2) service on the "
    "licence marked 开通. The TSM system generates a business development form only for services marked 开通; "
    "call-centre "
    "figures without one are either filed under the wrong licence or show business beyond the licence. Basis: the TSM "
    "user manual (2018) and the B24 definition of the 2015 telecom service catalogue. No thresholds.",
    "check.LIC-04.title": "Registered capital at the Art. 6 minimum",
    "check.LIC-04": "registered capital {capital} CNY 10k is below the minimum {minimum} CNY 10k for a nationwide or "
    "cross-province licence (coverage: {coverage}; licence.yaml)",
    "check.LIC-04.single": "registered capital {capital} CNY 10k is below the minimum {minimum} CNY 10k for a "
    "single-province licence (coverage: {coverage}; licence.yaml)",
    "check.LIC-04.doc": "Checks company.yaml registered_capital_wan against the minimum for the licence's coverage "
    "(licence.yaml services[].coverage): 100 CNY 10k for one province, 1000 CNY 10k for nationwide or several "
    "provinces. "
    "Basis: Order 42 Art. 6 (conditions for value-added licences). Thresholds: single_province_min_wan (100), "
    "cross_province_min_wan (1000).",
    "check.LIC-05.title": "Licence change filed within 30 days of a company change",
    "check.LIC-05": "{item} change registered on {base}: licence change filed on {filed}, {late} days after the "
    "deadline {due} ({days} days)",
    "check.LIC-05.decision": "{item} change decided on {base}: licence change filed on {filed}, {late} days after the "
    "deadline {due} ({days} days from the decision)",
    "check.LIC-05.not_filed": "{item} change ({base}): no licence change filed, and the deadline {due} has passed",
    "check.LIC-05.undeclared": "{item} changed from {before} ({previous_year} report) to {now}, but changes lists no "
    "such change: record it with its dates",
    "check.LIC-05.item.name": "company name",
    "check.LIC-05.item.legal_rep": "legal representative",
    "check.LIC-05.item.reg_capital": "registered capital",
    "check.LIC-05.item.address": "registered address",
    "check.LIC-05.item.shareholder": "shareholder",
    "check.LIC-05.item.coverage": "coverage",
    "check.LIC-05.doc": "For each company.yaml changes[] entry, checks that licence_change_filed is within days "
    "(default 30) of the business registration registration (name, legal representative, registered capital) or "
    "of the decision "
    "(shareholders, coverage); address changes are not checked. Across years, a name, legal representative or "
    "registered capital that differs from last year's company.yaml needs a changes[] entry. Basis: agency pages "
    "summarise Order 42 Art. 28 and 29 this way; not verified against the official text, so this is internal "
    "practice. Threshold: days.",
    "check.GEO-01.title": "Provinces served within licence coverage",
    "check.GEO-01": "province {province} is served (operations.yaml by_province) but lies outside the licence's B24 "
    "coverage {coverage} (licence.yaml): business beyond the licence's coverage (operating beyond the licensed scope)",
    "check.GEO-01.branch": "branch or site {branch} runs call-centre business (operates_b24) in province {province}, "
    "outside the licence's B24 coverage {coverage} (licence.yaml)",
    "check.GEO-01.doc": "Checks every operations.yaml by_province[].province, and the province of every branch or "
    "site in branches.yaml with operates_b24: true that was open during the year, against the coverage of the "
    "licence's B24 services (licence.yaml; 全国 covers all). A licence covers a list of provinces; operating outside "
    "it is operating beyond the licensed scope. Basis: Order 42 Art. 6 and the licence's coverage (nationwide or "
    "local network). No thresholds.",
    "check.GEO-02.title": "A branch or site for every province with seats",
    "check.GEO-02": "province {province} has {seats} seats (operations.yaml by_province) but no branch or operating "
    "site open in the year in branches.yaml",
    "check.GEO-02.unknown_site": "site_id {site_id} matches no id in branches.yaml",
    "check.GEO-02.other_province": "site_id {site_id} is a branch in province {site_province}, not {province} "
    "(branches.yaml)",
    "check.GEO-02.doc": "Checks that each by_province row with seats has a branch or 运营场地 (operating site) in "
    "branches.yaml in the same province, open during the year, and that its site_id names such a branch. Seats with "
    "no site on record are what a desk review asks about first. Basis: internal practice (a house rule); the "
    "regulation requires per-province branches only for basic telecom (Order 42 Art. 18). No thresholds.",
    "check.GEO-03.title": "Per-province breakdown adds up to the totals",
    "check.GEO-03": "the by_province {column} add up to {sum}, but {field} is {total}",
    "check.GEO-03.revenue": "the by_province {column} add up to {sum} CNY 10k, but finance.yaml "
    "call_center_revenue_wan "
    "is {total}",
    "check.GEO-03.doc": "When operations.yaml by_province is filled, checks that its seats, ai_seats, "
    "inbound_answered and outbound_connected add up exactly to seats.total, seats.ai, inbound.answered and "
    "outbound.connected, and its revenue_wan to finance.yaml call_center_revenue_wan (within money_tolerance_wan, "
    "default 0.01 CNY 10k). Basis: internal practice; the per-province breakdown by seat location is a design choice, "
    "not a form of the regulator. Threshold: money_tolerance_wan.",
    "check.SEAT-01.title": "Seats: total = human + AI",
    "check.SEAT-01": "total seats {total} ≠ human {human} + AI {ai} = {sum}",
    "check.SEAT-01.doc": "Checks operations.yaml seats.total = seats.human + seats.ai. A report whose own figures "
    "disagree fails the first desk review. Basis: Order 42 Art. 35 (the operator answers for truthful data); the seat "
    "fields follow the call-centre business development form as agency sources describe it. No thresholds.",
    "check.SEAT-02.title": "Reported AI seat ratio matches the counts",
    "check.SEAT-02": "reported AI seat ratio {reported} differs from AI {ai} / total {total} = {actual} by more than "
    "{tolerance} percentage points",
    "check.SEAT-02.doc": "Checks operations.yaml seats.ai_ratio_reported against seats.ai / seats.total, within "
    "tolerance (default 0.005, i.e. 0.5 percentage points, enough for rounding to three decimals). The ratio is "
    "derived, and both its numerator and denominator are stored, so the three must agree. Basis: the AI seat ratio is "
    "a metric that only agency and vendor sources list; this is internal consistency, not a regulatory formula. "
    "Threshold: tolerance.",
    "check.SEAT-03.title": "Call-centre staff at least the human seats",
    "check.SEAT-03": "call-centre staff {staff} are fewer than the {human} human seats (operations.yaml)",
    "check.SEAT-03.doc": "Warns when company.yaml staff.call_center is below operations.yaml seats.human: every human "
    "seat needs at least one person. Basis: an internal plausibility rule (house rule), not regulation. No thresholds.",
    "check.TRK-01.title": "Trunk channels in line with seats",
    "check.TRK-01": "trunk channels at year end ({channels}, trunks.yaml) deviate {deviation}% from the {seats} seats,"
    " more than ±{tolerance}%",
    "check.TRK-01.doc": "Compares the channels of the trunks whose contract runs at 31 December (trunks.yaml) with "
    "operations.yaml seats.total; warns beyond tolerance (default 0.05, i.e. 5%). A large gap (500 seats on 2,000 "
    "lines) is the kind of inconsistency a comparison with carrier data would show. Basis: an internal rule (house "
    "rule) from the project brief; agency pages describe such comparisons, no regulation sets a ratio. Threshold: "
    "tolerance.",
    "check.TRK-02.title": "Trunks: contract in the year, basic carrier, no subletting",
    "check.TRK-02": "trunk {trunk}: the contract ended on {end}, before report year {year}",
    "check.TRK-02.not_started": "trunk {trunk}: the contract starts on {start}, after report year {year}",
    "check.TRK-02.order": "trunk {trunk}: contract end {end} is before its start {start}",
    "check.TRK-02.sublet": "trunk {trunk} is marked sublet: reselling or subletting (subletting or reselling) "
    "telecom resources is "
    "forbidden",
    "check.TRK-02.carrier": "trunk {trunk} comes from {carrier}, not from a basic telecom carrier ({carriers})",
    "check.TRK-02.doc": "For each trunk in trunks.yaml, checks that the contract period overlaps the report year (a "
    "trunk that ran in no part of the year does not belong in it), that sublet is false, and that the carrier is a "
    "basic telecom carrier. Basis: MIIT Xinguan [2020] No. 81 (lawful voice trunks only; no subletting or "
    "reselling of telecom "
    "resources). No thresholds.",
    "check.TRK-03.title": "Numbers and trunks refer to each other",
    "check.TRK-03": "number {number} lists trunk {trunk}, but that trunk's numbers (trunks.yaml) do not include it",
    "check.TRK-03.unknown_trunk": "number {number} lists trunk {trunk}, which is not in trunks.yaml",
    "check.TRK-03.unknown_number": "trunk {trunk} carries number {number}, which is not in numbers.yaml",
    "check.TRK-03.trunk_side": "trunk {trunk} carries number {number}, but that number's trunk_ids (numbers.yaml) do "
    "not include the trunk",
    "check.TRK-03.doc": "Checks that every numbers.yaml trunk_ids entry is a trunks.yaml id whose numbers include the "
    "number, and the other way round (numbers compared without spaces or dashes). The number–trunk ledger is what "
    "carriers audit. Basis: internal data integrity (house rule). No thresholds.",
    "check.TRK-04.title": "Peak concurrency within trunk capacity",
    "check.TRK-04": "peak concurrent calls {peak} exceed the {channels} channels of the trunks in service during the "
    "year (trunks.yaml)",
    "check.TRK-04.doc": "Warns when operations.yaml peak_concurrent_calls exceeds the channels of all trunks whose "
    "contract overlaps the year: more simultaneous calls than lines means a trunk is missing from the report. Basis: "
    "internal plausibility rule (house rule). No thresholds.",
    "check.NUM-01.title": "Self-held numbers valid with the licence",
    "check.NUM-01": "number {number} is valid until {valid_until}, beyond the licence's expiry {expires} "
    "(licence.yaml)",
    "check.NUM-01.before_licence": "number {number} was allocated on {allocated}, before the licence was issued on "
    "{issued} (licence.yaml)",
    "check.NUM-01.no_validity": "self-held number {number} has no validity date (valid_until); copy it from the "
    "number certificate",
    "check.NUM-01.lapsed": "number {number} is in use (启用) but its validity ended on {valid_until}, before the end "
    "of {year}",
    "check.NUM-01.doc": "For self-held numbers (holder self, or kind 95/96) not returned, checks that allocated is "
    "not before the licence's issue_date, that valid_until is set and not after the licence's expiry_date, and that a "
    "number in use is valid through the year. Basis: number resources come with a certificate and a validity period "
    "tied to the licence (number resources notices of the provincial bureaus). No thresholds.",
    "check.NUM-02.title": "95/96 numbers within coverage",
    "check.NUM-02": "95 number {number} is a nationwide number, but the licence's B24 coverage is {coverage}, not "
    "nationwide (licence.yaml)",
    "check.NUM-02.length": "number {number} is not a {kind} short number (5 or 6 digits starting with {kind})",
    "check.NUM-02.96_nationwide": "96 number {number} is a provincial number; its scope cannot be 全国",
    "check.NUM-02.96_province": "96 number {number} is used in province {province}, outside the licence's B24 "
    "coverage {coverage} (licence.yaml)",
    "check.NUM-02.doc": "For 95 and 96 numbers (self-held short numbers; carrier 400/1010 numbers are not checked), "
    "checks the form (5 or 6 digits), that a 95 number comes with nationwide B24 coverage, and that each province in "
    "a 96 number's scope is covered by the licence. Basis: MIIT's opinion on short-number lengths (95 nationwide, 96 "
    "provincial, 5–6 digits). No thresholds.",
    "check.NUM-03.title": "Outbound numbers: commitment letter and purpose",
    "check.NUM-03": "number {number} is enabled for outbound calls but has no outbound commitment letter date",
    "check.NUM-03.no_purpose": "number {number} is enabled for outbound calls but lists no purpose (callback or info)",
    "check.NUM-03.purpose": "number {number}: outbound purpose '{purpose}' is not allowed; only callback "
    "and info",
    "check.NUM-03.undeclared_purpose": "{calls} outbound calls for '{purpose}', but no outbound-enabled number lists "
    "that purpose (numbers.yaml)",
    "check.NUM-03.no_outbound_number": "{attempts} outbound calls reported, but no number is enabled for outbound "
    "(numbers.yaml); access numbers are inbound-only by default",
    "check.NUM-03.doc": "Checks that every number with outbound_enabled has an outbound_commitment_date and a purpose "
    "from callback/info; that outbound calls in operations.yaml go through at least one outbound-enabled number; and "
    "that each purpose used (by_purpose) is declared on an outbound-enabled number. Basis: MIIT Xinguan [2020] No. 81: "
    "access numbers are inbound-only by default, outbound needs a commitment letter, and only callbacks or "
    "information calls the user agreed to are allowed. No thresholds.",
    "check.NUM-04.title": "number-resource annual report filed by 31 March",
    "check.NUM-04": "self-held number {number} has no number-resource annual report date; it is due by "
    "{deadline}",
    "check.NUM-04.late": "number {number}: number-resource annual report filed on {filed}, after the deadline "
    "{deadline}",
    "check.NUM-04.wrong_year": "number {number}: number-resource annual report date {filed} is before {opens}, so "
    "it cannot be the report "
    "for {year} (due {opens} … {deadline}); last year's date carried over?",
    "check.NUM-04.doc": "For self-held numbers not returned, checks that code_annual_report_filed lies between 1 "
    "January and 31 March of the year after the report year. The number-resource annual report is a separate filing "
    "with the same deadline, in the number-resource approval system, and its truthfulness is an inspection item. "
    "Basis: "
    "the provincial bureaus' number-resource annual report notices. No thresholds.",
    "check.NUM-05.title": "Self-held number not in use",
    "check.NUM-05": "self-held number {number} is marked 未启用 (not in use)",
    "check.NUM-05.doc": "Warns for a self-held number with status 未启用: a number left unused may be withdrawn, and "
    "it still needs its number-resource annual report. Basis: internal practice (house rule); the withdrawal risk "
    "is not quoted from a "
    "regulation here. No thresholds.",
    "check.OUT-01.title": "No marketing outbound calls on call-centre numbers",
    "check.OUT-01": "{calls} marketing outbound calls reported: B24 call-centre numbers must not make commercial "
    "marketing calls",
    "check.OUT-01.conversion": "a marketing conversion rate ({value}) is reported, which implies marketing outbound "
    "calls",
    "check.OUT-01.doc": "Checks that operations.yaml outbound.by_purpose.marketing is 0 and that no "
    "internal_kpis.marketing_conversion is reported. Basis: MIIT Xinguan [2020] No. 81 (Notice on strengthening "
    "the management of call-centre business): "
    "B24 business must not make commercial marketing outbound calls. No thresholds.",
    "check.OUT-02.title": "Outbound purposes add up",
    "check.OUT-02": "outbound attempts {attempts} ≠ callback {callback} + info {info} + marketing {marketing} = {sum}",
    "check.OUT-02.connected": "outbound connected {connected} exceeds attempts {attempts}",
    "check.OUT-02.doc": "Checks operations.yaml outbound.attempts = the sum of by_purpose (callback, info, marketing),"
    " and connected ≤ attempts. Basis: internal consistency (house rule). No thresholds.",
    "check.OUT-03.title": "Recordings and consent proofs kept ≥30 days",
    "check.OUT-03": "recordings are kept {days} days, less than the required {minimum}",
    "check.OUT-03.consent": "users' consent proofs are kept {days} days, less than the required {minimum}",
    "check.OUT-03.doc": "Checks compliance.yaml recording_retention_days and consent_retention_days are at least "
    "min_days (default 30). Basis: MIIT Xinguan [2020] No. 81: callbacks keep at least 30 days of recordings, numbers, "
    "times and the user's consent proof. Threshold: min_days (raising it is a house rule; lowering it below 30 leaves "
    "the regulation).",
    "check.OUT-04.title": "Average talk time matches the totals",
    "check.OUT-04": "average talk time {average} s differs from talk minutes {minutes} × 60 / {calls} handled calls = "
    "{expected} s by more than {tolerance}%",
    "check.OUT-04.doc": "Checks operations.yaml avg_talk_seconds against talk_minutes_total × 60 / (inbound.answered "
    "+ outbound.connected), within a relative tolerance (default 0.02, i.e. 2%). Basis: the average talk time is a "
    "metric only agency sources list; this is internal consistency, not a regulatory formula. Threshold: tolerance.",
    "check.FIN-01.title": "Revenues nest: call-centre ≤ telecom ≤ operating",
    "check.FIN-01": "telecom revenue {telecom} CNY 10k exceeds operating revenue {operating} CNY 10k",
    "check.FIN-01.call_center": "call-centre revenue {call_center} CNY 10k exceeds telecom revenue {telecom} CNY 10k",
    "check.FIN-01.doc": "Checks finance.yaml telecom_revenue_wan ≤ operating_revenue_wan and call_center_revenue_wan "
    "≤ telecom_revenue_wan. Telecom revenue is part of operating revenue, and call-centre revenue part of telecom "
    "revenue. Basis: the economic results form (operating revenue, telecom revenue) of the TSM forms. No thresholds.",
    "check.FIN-02.title": "Revenue ties to the audit reports",
    "check.FIN-02": "operating revenue {reported} CNY 10k differs from the audited {audited} CNY 10k (audit report "
    "{report_no})",
    "check.FIN-02.special": "call-centre revenue {reported} CNY 10k differs from the special audit's {audited} CNY 10k "
    "(report {report_no})",
    "check.FIN-02.doc": "Checks finance.yaml operating_revenue_wan against audit.audited_operating_revenue_wan and, "
    "when there is a special report, call_center_revenue_wan against audit.special_report.audited_call_center_revenue_"
    "wan, within tolerance_wan (default 0.01 CNY 10k). The finding is on the reported figure, which should be copied "
    "from the audit. Basis: internal practice: filed figures should tie to the audited statements; agency sources say "
    "some provincial bureaus ask for a special audit of call-centre revenue (not a national requirement). Threshold: "
    "tolerance_wan.",
    "check.FIN-03.title": "Revenue per seat in a plausible band",
    "check.FIN-03": "call-centre revenue {revenue} CNY 10k over {seats} seats (operations.yaml) is {per_seat} CNY "
    "10k per "
    "seat, outside {low}–{high} CNY 10k: check the unit and the seat count",
    "check.FIN-03.doc": "Warns when finance.yaml call_center_revenue_wan / operations.yaml seats.total lies outside "
    "[min_per_seat_wan, max_per_seat_wan] (default 5–40 CNY 10k per seat and year). A figure outside the band is "
    "usually "
    "a unit error or a seat count that does not match. Basis: internal plausibility rule (house rule). Thresholds: "
    "min_per_seat_wan, max_per_seat_wan.",
    "check.FIN-04.title": "Amount above CNY 1bn: check the unit",
    "check.FIN-04": "{amount} CNY 10k is {yi} CNY 100m, above {limit} CNY 10k: amounts are in CNY 10k (10,000 "
    "yuan); was it "
    "entered in yuan?",
    "check.FIN-04.doc": "Warns for any amount in CNY 10k (a key ending in _wan in finance.yaml, company.yaml, "
    "operations.yaml or compliance.yaml) above limit_wan (default 100000 × CNY 10k = CNY 1bn). The TSM system "
    "highlights "
    "such amounts in red without blocking; most are amounts typed in yuan. Basis: the TSM filing system's documented "
    "behaviour. Threshold: limit_wan.",
    "check.FIN-05.title": "Open service with no business at all",
    "check.FIN-05": "service {code} is marked 开通 (open) but reports no call-centre revenue (finance.yaml) and no "
    "calls (operations.yaml): prepare a statement of no business activity (zero-business statement) and explain it",
    "check.FIN-05.doc": "Warns when a B24 service is marked 开通 while finance.yaml call_center_revenue_wan is 0 and "
    "operations.yaml has no inbound or outbound calls. An explanation (the statement) clears it. Basis: agency "
    "practice (zero-business statement); the related rule is that a business never opened is not renewed (Order "
    "42 Art. 27, as "
    "agency sources quote it). No thresholds.",
    "check.QOS-01.title": "Complaint figures consistent",
    "check.QOS-01": "reply rate {rate} differs from replied {replied} / received {received} = {actual} by more than "
    "{tolerance}",
    "check.QOS-01.replied": "complaints replied {replied} exceed complaints received {received}",
    "check.QOS-01.channels": "complaints via 12321 ({via_12321}) plus via the MIIT appeal centre ({via_miit_appeal}) "
    "exceed complaints received {received}",
    "check.QOS-01.doc": "Checks compliance.yaml complaints: replied ≤ received, reply_rate_reported = replied / "
    "received within tolerance (default 0.0005), and the complaints forwarded by 12321 and the appeal centre are part "
    "of those received. complaints received and complaint reply rate are published fields of the service quality "
    "form. Basis: Order 42 "
    "Art. 35(3) (service quality) and the published TSM fields. Threshold: tolerance.",
    "check.QOS-02.title": "Notices and penalties have a rectification report after them",
    "check.QOS-02": "{kind} {ref} of {date} has no rectification report",
    "check.QOS-02.before": "{kind} {ref}: the rectification report is dated {report_date}, before the {kind} itself "
    "({date})",
    "check.QOS-02.kind.harassment_notices": "harassment-call notice",
    "check.QOS-02.kind.penalties": "administrative penalty",
    "check.QOS-02.doc": "For each compliance.yaml harassment_notices[] and penalties[] entry, checks that a "
    "rectification_report is recorded and dated on or after the notice or penalty. Basis: internal practice: a "
    "rectification report after a notice or penalty is what agency sources and the 2020 draft rules on calls "
    "describe; the 2018 "
    "bad list notice lists penalties after inspections as grounds for listing. No thresholds.",
    "check.QOS-03.title": "Penalty in the year reflected in the bad list status",
    "check.QOS-03": "penalty {decision} of {date} is in the report year, but credit_status.bad_list is false",
    "check.QOS-03.doc": "Warns when compliance.yaml penalties has a decision dated in the report year while "
    "credit_status.bad_list is false (and dishonest_list is not true). Basis: Order 42 Art. 42: an administrative "
    "penalty puts the operator on the list of telecom operators with bad records (the bad list) within 30 days of "
    "the decision, except when the licence is "
    "revoked or the case goes onto the list of dishonest entities. It is a warning: the listing may already have "
    "ended; explain it. No "
    "thresholds.",
    "check.SHR-01.title": "Shareholdings add up to 100%; foreign holding and enterprise nature",
    "check.SHR-01": "the {count:shareholding|shareholdings} add up to {total}%, not 100%",
    "check.SHR-01.foreign": "shareholders from abroad ({holders}), but enterprise_nature is 内资 (domestic)",
    "check.SHR-01.doc": "Checks that company.yaml shareholders[].pct add up to 100 (within tolerance, default 0.01) "
    "and that a company with a foreign shareholder is not marked 内资. enterprise nature is a published field of the "
    "company information form. Basis: Order 42 Art. 35 (truthful report) and the published TSM fields. Threshold: "
    "tolerance.",
    "check.SEC-01.title": "MLPS test of a level-3 system within 12 months",
    "check.SEC-01": "MLPS level {level}: the last test was on {tested}, more than {months} months before the year end "
    "{year_end} (before {cutoff})",
    "check.SEC-01.doc": "Warns when compliance.yaml netsec.dengbao_level is at least min_level (default 3) and "
    "netsec.last_test_date is older than max_age_months (default 12) at 31 December of the report year. Basis: the "
    "report covers network and information security measures (Order 42 Art. 35(4)); the yearly test of level-3 "
    "systems comes from agency sources and the MLPS regime as commonly described, not verified here: treat it as "
    "internal practice. "
    "Thresholds: max_age_months, min_level.",
    "check.OUTS-01.title": "Outsourcing: one layer at most, licensed subcontractors",
    "check.OUTS-01": "engagement for {client}: we work as a subcontractor of {upstream} and pass the work on again "
    "(to {licence_no}): more than one layer of subcontracting",
    "check.OUTS-01.no_upstream": "engagement for {client}: role is sub, but no upstream contractor is named",
    "check.OUTS-01.not_b24": "engagement for {client}: subcontractor licence number '{licence_no}' is not the number "
    "of a licence with a B2 category (e.g. B2-20203417, A2.B1.B2-20090003)",
    "check.OUTS-01.no_licence": "engagement for {client}: work is passed to {subcontractor}, but no B24 licence "
    "number is recorded for it",
    "check.OUTS-01.doc": "For each operations.yaml outsourcing[] engagement, warns when we are a subcontractor who "
    "passes the work on again (more than one layer), when a sub role names no upstream, and when a subcontractor has "
    "no valid licence number. Basis: internal practice (\"link penetration\" is an agency idea); the related rules "
    "are that telecom resources must not be sublet or given to unlicensed operators (Xinguan [2020] No. 81 and "
    "the 2018 "
    "work plan). No thresholds.",
    "check.YOY-01.title": "Key metric changed by more than ±30% year on year",
    "check.YOY-01": "{label} changed from {before} ({previous_year}, {previous_file}) to {now}, {change}, beyond "
    "±{limit}%: explain it "
    "in explanations.yaml (check: YOY-01, field: {field})",
    "check.YOY-01.from_zero": "{label} rose from {before} ({previous_year}, {previous_file}) to {now}: explain it "
    "in explanations.yaml "
    "(check: YOY-01, field: {field})",
    "check.YOY-01.no_previous": "no report for {previous_year} beside this one: the year-on-year comparison of {year} "
    "is skipped",
    "check.YOY-01.metric.operations.seats.total": "total seats",
    "check.YOY-01.metric.operations.seats.human": "human seats",
    "check.YOY-01.metric.operations.seats.ai": "AI seats",
    "check.YOY-01.metric.operations.inbound.offered": "inbound calls offered",
    "check.YOY-01.metric.operations.inbound.answered": "inbound calls answered",
    "check.YOY-01.metric.operations.outbound.attempts": "outbound attempts",
    "check.YOY-01.metric.operations.outbound.connected": "outbound calls connected",
    "check.YOY-01.metric.finance.operating_revenue_wan": "operating revenue (CNY 10k)",
    "check.YOY-01.metric.finance.telecom_revenue_wan": "telecom revenue (CNY 10k)",
    "check.YOY-01.metric.finance.call_center_revenue_wan": "call-centre revenue (CNY 10k)",
    "check.YOY-01.metric.compliance.complaints.received": "complaints received",
    "check.YOY-01.metric.company.staff.total": "total staff",
    "check.YOY-01.doc": "Compares key metrics with the previous report (the sibling folder of the year before): seats "
    "total/human/AI, inbound offered/answered, outbound attempts/connected, operating/telecom/call-centre revenue, "
    "complaints received and total staff. A change beyond ±change (default 0.30) warns at the metric; an "
    "explanations.yaml entry with check YOY-01 and field <file>.yaml#<pointer> of that metric clears it (per field). "
    "Ratios and small counts (12321 complaints) are left out: they swing without meaning. Without a previous report "
    "one info note says so. Basis: internal practice (house rule); a desk review asks about large swings. Threshold: "
    "change.",
    "check.SIG-01.title": "Commitment signed by the current legal representative",
    "check.SIG-01": "the commitment (commitment letter) is signed by {signer}, but the legal representative is "
    "{legal_rep} "
    "(company.yaml)",
    "check.SIG-01.letter": "the data authenticity letter (internal practice) is signed for the company by {signer}, "
    "but the legal representative is {legal_rep} (company.yaml)",
    "check.SIG-01.doc": "Checks that signatures.yaml commitment.signer, and the legal representative on the data "
    "authenticity letter, equal company.yaml legal_rep.name. Basis: the commitment letter is signed by the legal "
    "representative and sealed "
    "(TSM forms; the former annual-inspection form EM-1-1); the dual-signed data authenticity letter is internal "
    "practice. No thresholds.",
    "check.SIG-02.title": "Signing order: audit, signatures, submission",
    "check.SIG-02": "the {document} is dated {signed}, after the submission on {submitted}",
    "check.SIG-02.audit": "the audit report is dated {report_date}, after the commitment was signed on {signed} "
    "(signatures.yaml)",
    "check.SIG-02.special": "the special audit report is dated {report_date}, after the commitment was signed on "
    "{signed} (signatures.yaml)",
    "check.SIG-02.doc.commitment": "commitment (commitment letter)",
    "check.SIG-02.doc.data_authenticity_letter": "data authenticity letter",
    "check.SIG-02.doc": "Checks that signatures.yaml commitment.date and data_authenticity_letter.date are not after "
    "meta.yaml submission_date, and that finance.yaml audit.report_date (and the special report's date) are not after "
    "the commitment date: one signs for figures that exist, and submits what was signed. Basis: internal practice "
    "(house rule) on the order of documents. No thresholds.",
    "check.SIG-03.title": "Submitted by 31 March",
    "check.SIG-03": "submitted on {submitted}, after the deadline {deadline}: April is the late-filing (late filing) "
    "month; the system closes on {closes}",
    "check.SIG-03.closed": "submitted on {submitted}, after the system closed ({closes}); the deadline was {deadline}",
    "check.SIG-03.early": "submission date {submitted} is before the filing window opens ({opens})",
    "check.SIG-03.doc": "Checks meta.yaml submission_date: by 31 March of the following year passes; in April (the "
    "late-filing month) a warning; after 30 April an error (the system no longer accepts data), as is a date before 1 "
    "January. Basis: Order 42 Art. 35 (report in the first quarter) and the bureaus' notices (April late filing, "
    "closure on "
    "1 May). No thresholds.",
    # built-in rules that are not domain checks (rac rules lists them; rac explain prints the doc)
    "rule.LOAD-SYNTAX.title": "YAML syntax error",
    "rule.LOAD-SYNTAX.doc": "The file is not valid YAML; the position is where the parser stopped.",
    "rule.LOAD-DUPLICATE-KEY.title": "Duplicate key in a mapping",
    "rule.LOAD-DUPLICATE-KEY.doc": "A key appears twice in one mapping; YAML parsers disagree on which wins, so it is "
    "refused.",
    "rule.LOAD-TAB.title": "Tab character in indentation or after a colon",
    "rule.LOAD-TAB.doc": "YAML indents with spaces; tabs are refused where parsers disagree about them.",
    "rule.LOAD-DEPTH.title": "Nesting too deep",
    "rule.LOAD-DEPTH.doc": "Nesting deeper than the limit is refused before parsing, so hostile files cannot exhaust "
    "the parser.",
    "rule.LOAD-ALIAS.title": "Alias bomb or alias cycle",
    "rule.LOAD-ALIAS.doc": "Aliases that expand to too many nodes (a 'billion laughs') or refer to themselves are "
    "refused.",
    "rule.LOAD-SIZE.title": "File too large",
    "rule.LOAD-SIZE.doc": "Files above the size limit are refused unread.",
    "rule.LOAD-READ.title": "File cannot be read",
    "rule.LOAD-READ.doc": "The operating system refused to read the file (permissions, a broken link); the message "
    "gives its reason.",
    "rule.LOAD-ENCODING.title": "File not in UTF-8",
    "rule.LOAD-ENCODING.doc": "Report files are UTF-8; GBK/GB18030 and UTF-16 files are recognised and named in the "
    "message.",
    "rule.LOAD-TAG.title": "Unsupported YAML tag",
    "rule.LOAD-TAG.doc": "Custom YAML tags (!something) are not data and are refused.",
    "rule.FILE-MISSING.title": "Report file missing",
    "rule.FILE-MISSING.doc": "A report has eleven files (meta, company, licence, …); one of them is missing.",
    "rule.FILE-EMPTY.title": "Report file empty",
    "rule.FILE-EMPTY.doc": "The file holds no data.",
    "rule.FILE-UNKNOWN.title": "Unknown file in a report folder",
    "rule.FILE-UNKNOWN.doc": "A YAML file whose name is not one of the report files: usually a typo in the name.",
    "rule.META-YEAR.title": "Report year differs from the folder name",
    "rule.META-YEAR.doc": "meta.yaml report_year must equal the name of the report's folder.",
    "rule.SCHEMA-VERSION.title": "Unknown schema version",
    "rule.SCHEMA-VERSION.doc": "meta.yaml schema_version names no schema version known to rac or the workspace.",
    "rule.SCHEMA-TYPE.title": "Wrong type",
    "rule.SCHEMA-TYPE.doc": "The value has the wrong type (text where a number is expected, …); codes written as "
    "numbers must be quoted.",
    "rule.SCHEMA-REQUIRED.title": "Required field missing",
    "rule.SCHEMA-REQUIRED.doc": "A field the data model requires is missing; the position is its parent's key.",
    "rule.SCHEMA-UNKNOWN-KEY.title": "Unknown field",
    "rule.SCHEMA-UNKNOWN-KEY.doc": "A key the data model does not know: usually a misspelling.",
    "rule.SCHEMA-ENUM.title": "Value not among the allowed ones",
    "rule.SCHEMA-ENUM.doc": "The value must be one of a fixed list.",
    "rule.SCHEMA-FORMAT.title": "Badly formed value (date, e-mail)",
    "rule.SCHEMA-FORMAT.doc": "Dates are YYYY-MM-DD and must exist; e-mail addresses must be well formed.",
    "rule.SCHEMA-PATTERN.title": "Value not in the expected form",
    "rule.SCHEMA-PATTERN.doc": "Codes such as the USCC, licence numbers and postcodes have a fixed form.",
    "rule.SCHEMA-RANGE.title": "Value out of range",
    "rule.SCHEMA-RANGE.doc": "Counts are non-negative, rates lie between 0 and 1, and so on.",
    "rule.SCHEMA-LENGTH.title": "Wrong length or duplicate items",
    "rule.SCHEMA-LENGTH.doc": "Empty text, lists with too few or too many items, or duplicate items.",
    "rule.SCHEMA-DECIMALS.title": "Too many decimal places",
    "rule.SCHEMA-DECIMALS.doc": "Amounts in CNY 10k have at most two decimals, rates four; checked on the text as "
    "written.",
    "rule.SCHEMA-OTHER.title": "Does not fit the data model",
    "rule.SCHEMA-OTHER.doc": "Any other schema constraint that the value breaks.",
    "rule.SCHEMA-REF.title": "Schema reference refused",
    "rule.SCHEMA-REF.doc": "A workspace schema refers to something outside the workspace and the package; rac never "
    "fetches from the network.",
    "rule.EXPL-01.title": "Explanation matches no finding (stale), or explains an error",
    "rule.EXPL-01": "this explanation ({check}, {field}) matches no finding: the field, the check or the data "
    "changed; update or remove it",
    "explain.bad_field": "'{field}' is not REPORT-FILE#JSON-POINTER, e.g. reports/2024/licence.yaml#/expiry_date",
    "explain.no_warning": "no {rule} warning at {field}; {rule} findings are at: {known}",
    "explain.cannot_record": "can't write {path}: {detail}",
    "explain.recorded": "recorded the fingerprint {fingerprint} of {rule} ({field}) in {path}",
    "explain.added": "added an entry for {rule} ({field}) to {path} (fingerprint {fingerprint}); write its text_zh "
    "(now 待填)",
    "rule.EXPL-02.title": "Explanation written for other values (the data changed; it no longer applies)",
    "rule.EXPL-02": "this explanation ({check}, {field}) was written for other values (fingerprint {recorded}, now "
    "{current}): the warning's values changed, so it no longer clears the warning; check the text, then run rac "
    "explain {check} --add {target} to record the new values",
    "rule.EXPL-02.doc": "An entry in explanations.yaml may record a fingerprint: 12 hex digits hashing the values of "
    "the warning it explains (its variant and the figures, dates and days it states), written by rac explain ID --add "
    "FILE#POINTER. When those values change (a different renewal date, a licence now expired, another year-on-year "
    "change), the explanation no longer clears the warning, the warning is back, and EXPL-02 warns at the entry's "
    "fingerprint; review the text and run --add again. An entry without a fingerprint (the older form) cannot show "
    "which values it was written for, so it clears nothing either: EXPL-02 warns at its field; review the text and "
    "record the values with rac explain ID --add FILE#POINTER.",
    "rule.EXPL-02.unrecorded": "this explanation ({check}, {field}) records no values (no fingerprint), so it can't "
    "show it still applies and no longer clears the warning; check the text, then run rac explain {check} --add "
    "{target} to record them",
    "rule.EXPL-01.error": "this explanation ({check}, {field}) is for an error: errors cannot be explained away, "
    "correct the data",
    "rule.EXPL-01.duplicate": "a second explanation for {check}, {field} (entry {first} already explains it)",
    "rule.EXPL-01.doc": "An explanations.yaml entry {{check, field: <file>.yaml#<pointer>, text_zh, …}} clears the "
    "warning of that check at exactly that field: it is then listed as explained and counted as explained, neither "
    "as a warning nor as waived (waivers are configured in .reportascode.yaml). EXPL-01 warns, at the entry's field, "
    "when an entry matches no finding (so explanations don't rot), when it targets an error (errors "
    "cannot be explained away), or repeats an earlier entry. Entries for a check turned off in .reportascode.yaml are "
    "not reported. Basis: internal practice.",
    "rules.header": "{count:rule|rules}",
    "explain.severity": "Severity",
    "explain.basis": "Basis",
    "explain.reads": "Reads",
    "explain.thresholds": "Thresholds (.reportascode.yaml thresholds: {{{id}: {{name: value}}}})",
    "explain.fail": "Fails (a finding at {file}#{pointer}):",
    "explain.pass": "Passes:",
    "explain.example_base": "edits to the sample report of {year}",
    "cli.unknown_rule": "unknown rule id '{id}'; `rac rules` lists them",
    # hardening: hostile input, the write lock, interrupted freezes (issue 11)
    "load.not_regular": "not a regular file (a folder, a pipe or a device); refused unread",
    "load.yaml_version": "unsupported YAML version directive %YAML {version} (only 1.1 and 1.2; usually the line "
    "can simply be removed)",
    "load.bad_escape": "the escape {escape} is beyond Unicode (the largest is U+10FFFF)",
    "load.escaped_control": "the value holds a control character or a lone surrogate {char} written as an escape; "
    "remove it",
    "load.tag_kind": "the tag {tag} contradicts what it tags (e.g. !!map on a list); remove the tag",
    "load.outside_workspace": "the file is a link to a place outside the workspace; refused unread",
    "load.nul": "a NUL byte ({char}) here: a binary file, or text saved as UTF-16? Save the file as UTF-8 text",
    "load.control_char": "control character {char} here; YAML does not allow it (pasted from another program?)",
    "load.line_too_long": "a line of {length} characters (limit {limit}); refused",
    "file.unknown_more": "{count:more unknown YAML file|more unknown YAML files} in the report folder, not listed "
    "one by one "
    "(the first: {name})",
    "paths.read_outside": "{path} is a link to a place outside the workspace ({target}); refused unread",
    "paths.write_outside": "{path} leads outside the workspace through a link ({target}); nothing is written there",
    "paths.link_refused": "{path} is a symbolic link; refused (the workspace write lock must be a plain file: remove "
    "the link and try again)",
    "writelock.busy": "another rac command ({holder}) is writing in this workspace; try again when it has finished "
    "(lock file {path})",
    "writelock.cannot_lock": "cannot take the workspace write lock {path}: {detail}",
    "verify.interrupted_commit": "HEAD is rac's manifest commit for {report} but the tag {tag} is missing: an "
    "interrupted rac {command}; run rac {command} {report} again to complete it",
    "verify.interrupted_manifest": "{path} in the working tree is not the committed manifest: an interrupted rac "
    "freeze or submit; run it again (it puts the committed manifest back first)",
    "check.REC-12.outside": "{name} links to a file outside the report folder; it is not read",
    "git.locked": "git's lock file {path} exists: another git command is running, or one was killed. If none is "
    "running, delete the file and run the command again",
    "finding.more": "{count:more finding|more findings} of {rule} in this file, not listed one by one (the first of "
    "them here)",
    "finding.more_stopped": "at least {count:more finding|more findings} of {rule} in this file, not listed one by "
    "one (the first "
    "of them here); validation stopped counting after 10,000 schema errors",
    # rac lsp (the language server)
    "lsp.not_installed": "rac lsp needs the optional extra: {install} ({detail})",
    "lsp.explained": "{message} (explained: {reason})",
    "lsp.waived": "{message} (waived: {reason})",
    "lsp.related_read": "{rule} also reads this value",
    "lsp.related_mirror": "{rule} at {file}:{line} reads this value: {message}",
    "lsp.hover.unit": "unit: {unit}",
    "lsp.hover.date": "a date written YYYY-MM-DD",
    "lsp.hover.allowed": "allowed values: {values}",
    "lsp.complete.date": "date YYYY-MM-DD",
    "lsp.action.quote": "Quote {value} so that every YAML reader reads it as text",
    "lsp.action.full_width": "Replace the full-width characters in {text}",
    "lsp.action.explain": "Explain this {rule} warning in explanations.yaml",
    "lsp.action.missing_keys": "Insert the missing keys of {pointer} with placeholders: {keys}",
    # the filing pack as printed, stamped and filed (issue 17)
    "verify.document_match": "{document} matches the locked data of {report} (fingerprint {fingerprint}, locked "
    "commit {commit}, {date})",
    "verify.document_mismatch": "{document} was not rendered from the locked data of {report}: the document's "
    "fingerprint is {fingerprint}, the locked data's {locked} (commit {commit}, {date})",
    "verify.document_other_report": "{document} belongs to {other}, not to {report}",
    "verify.document_no_fingerprint": "{document} carries no rac data fingerprint (not a PDF, DOCX or XLSX rendered by "
    "rac?)",
    "verify.document_needs_report": "give a report folder, or a document with --document",
    "pack.provenance.system": "Filed",
    "pack.provenance.internal": "Internal",
    "pack.provenance.computed": "Computed",
    "pack.provenance.system.help": "copied into the filing system",
    "pack.provenance.internal.help": "added by the company for checks; not filed",
    "pack.provenance.computed.help": "computed by this tool from other fields; not filed",
    "pack.column.item": "Item",
    "pack.column.value": "Value",
    "pack.column.provenance": "Source",
    "pack.column.error": "Error",
    "pack.line_joiner": " ",
    "pack.colon": ": ",
    "pack.separator": "; ",
    "pack.draft_suffix": ": a draft, not to be filed",
    "pack.chart_elsewhere": "(chart: see the HTML/PDF version)",
    "pack.file.company": "Company information",
    "pack.file.meta": "Report information",
    "pack.file.licence": "Licence",
    "pack.file.operations": "Operations",
    "pack.file.finance": "Finance",
    "pack.file.branches": "Branches",
    "pack.file.numbers": "Numbers",
    "pack.file.trunks": "Voice trunks",
    "pack.file.compliance": "Service quality and compliance",
    "pack.file.signatures": "Signatures",
    "pack.file.explanations": "Explanations",
    "pack.file.corrections": "Correction records",
    "pack.file.reportascode": "Workspace configuration",
    "pack.file.evidence": "evidence file {name}",
    "pack.file.config": "Workspace file",
    "pack.field_in": "{document}: {field}",
    "pack.item_number": "item {number}",
    "pack.seal": "Committing company (seal)",
    "pack.sign.legal_rep": "Legal representative (signature)",
    "pack.sign.finance_head": "Finance head (signature)",
    "pack.date": "Date",
    "pack.blank_date": "____-__-__",
    "pack.preparer": "Prepared by",
    "pack.reviewer": "Reviewed by",
    "pack.phone": "Phone",
    "pack.preparer.date": "Prepared on",
    "pack.reviewer.date": "Reviewed on",
    "pack.footer": "Data fingerprint {hash} ({state}) · reportascode {version}",
    "pack.locked": "locked",
    "pack.unlocked": "not locked",
    "pack.internal": "INTERNAL",
    "pack.outbound.title": "Commitment for outbound calls on access number {number}",
    "pack.outbound.sheet": "Outbound-{number}",
    "pack.numbers.title": "Number-resource annual report data sheet {year}",
    "pack.numbers.sheet": "Number resources",
    "pack.numbers.table": "Numbers allocated to the company",
    "pack.numbers.none": "The company holds no numbers of its own: no number-resource report is due",
    "pack.numbers.note": "The number-resource annual report is filed in the number-resource approval system, due the "
    "same 31 March; carriers' 400 and 1010 numbers are leased, not the company's, and are left out. The columns are "
    "the company's arrangement; the system's form prevails.",
    "pack.cover.title": "Annual report {year}: filing pack",
    "pack.cover.sheet": "Cover",
    "pack.cover.info": "Filer",
    "pack.cover.company": "Company",
    "pack.cover.uscc": "Unified social credit code",
    "pack.cover.licence": "Telecom business licence",
    "pack.cover.year": "Report year",
    "pack.cover.year_value": "{year}",
    "pack.cover.deadline": "Filing deadline",
    "pack.cover.submission": "Planned submission",
    "pack.cover.contents": "Contents of this pack",
    "pack.cover.attachments": "Attachments (to attach or keep ready)",
    "pack.cover.no": "No.",
    "pack.cover.item": "Document",
    "pack.cover.use": "Use",
    "pack.cover.attachment": "Attachment",
    "pack.cover.basis": "Basis",
    "pack.cover.status": "Status",
    "pack.cover.signed": "signed, sealed and kept on file",
    "pack.cover.form": "worksheet for the filing system",
    "pack.cover.internal": "internal check; not filed",
    "pack.cover.note.typed": "In the filing system the commitment is typed by hand exactly as the underlined text "
    "shown "
    "there (punctuation included); that text prevails. The commitment in this pack is signed by the legal "
    "representative, sealed and kept on file (Art. 35: the company answers for the truth of its annual report).",
    "pack.cover.note.letter": "Co-signing the data authenticity letter by the legal representative and the finance "
    "head "
    "is the company's internal practice, not a format or requirement set by the regulator.",
    "pack.cover.note.layout": "The filing system's layout is not published: the order of the forms, the columns of the "
    "business development form and of the number-resource sheet, and the province sheets are the company's "
    "arrangement; the system's forms prevail.",
    "pack.cover.note.fingerprint": "The data fingerprint in every page footer identifies one version of the report's "
    "data: \"locked\" once frozen (rac freeze), \"not locked\" otherwise; rac verify --document matches a printed "
    "copy to its data.",
    "pack.att.audit": "Audited financial statements",
    "pack.att.special": "Special audit report on call-centre revenue",
    "pack.att.dengbao": "Graded-protection filing certificate and test report",
    "pack.att.renewal": "Receipt of the licence renewal application",
    "pack.att.outbound": "Outbound commitment for number {number} (in this pack)",
    "pack.att.code": "Number certificate copy and number-resource report receipt for {number}",
    "pack.att.rectification": "Rectification reports for notices or penalties",
    "pack.att.present": "present ({ref})",
    "pack.att.absent": "missing",
    "pack.att.not_held": "none (some provincial bureaus ask for one)",
    "pack.att.not_needed": "not needed (the licence does not expire within 180 days of submission)",
    "pack.att.applied": "applied ({date})",
    "pack.att.signed": "signed ({date})",
    "pack.att.not_filed": "not filed",
    "pack.att.code_status": "certificate {certificate}; number report {filed}",
    "pack.att.dengbao_status": "filing {filing}; test report {test}",
    "pack.att.count": "{count}",
    "pack.axis.complaints": "complaints per 100k calls",
    "pack.axis.revenue_per_seat": "CNY 10k per seat",
    # the rule registry (rules/registry.py): basis wording, sources, threshold units, kinds
    "basis.V": "regulation: {source}",
    "basis.A": "per agency sources, original text not verified",
    "basis.A.cited": "per agency sources, original text not verified ({source})",
    "basis.I": "internal rule",
    "basis.separator": "; ",
    "source.order42_art6": "MIIT Order No. 42 (Telecom Business Licensing Measures), Art. 6",
    "source.order42_art27": "MIIT Order No. 42 (Telecom Business Licensing Measures), Art. 27",
    "source.order42_art28": "MIIT Order No. 42 (Telecom Business Licensing Measures), Art. 28",
    "source.order42_art29": "MIIT Order No. 42 (Telecom Business Licensing Measures), Art. 29",
    "source.order42_art35": "MIIT Order No. 42 (Telecom Business Licensing Measures), Art. 35",
    "source.order42_art35_4": "MIIT Order No. 42 (Telecom Business Licensing Measures), Art. 35, item (4)",
    "source.order42_art42": "MIIT Order No. 42 (Telecom Business Licensing Measures), Art. 42",
    "source.notice321": "MIIT notice Xin Guan [2017] No. 321 (annual report and publication of telecom business data)",
    "source.notice81": "MIIT notice Xin Guan [2020] No. 81 (management of call-centre business)",
    "source.gb32100": "GB 32100-2015 (coding rules for the unified social credit code)",
    "source.catalogue2015_b24": "Telecom Services Catalogue (2015 edition), B24 call-centre services",
    "source.tsm_manual": "user manual of MIIT's annual-report filing subsystem (2018)",
    "source.number_report": "provincial bureaus' notices on the annual report of number resources",
    "source.short_numbers": "MIIT opinion on the length of 95/96 short numbers",
    "unit.days": "days",
    "unit.months": "months",
    "unit.wan": "10,000 CNY",
    "unit.wan_per_seat": "10,000 CNY per seat",
    "unit.fraction": "fraction: 0.05 = 5%",
    "unit.percentage_points": "percentage points",
    "unit.level": "protection level",
    "kind.load": "loading",
    "kind.file": "report files",
    "kind.meta": "report metadata",
    "kind.schema": "data model",
    "kind.check": "domain check",
    "kind.evidence": "evidence reconciliation",
    "kind.fill": "value to fill",
    "kind.explanation": "explanations",
    "kind.lock": "data lock",
    "kind.rule-file": "rule files",
    "kind.workspace": "workspace rule",
    "explain.kind": "Kind",
    "explain.evidence": "Evidence",
    "rule.LOCK-01.doc": "After rac freeze, every field whose value differs from the frozen manifest needs a "
    "correction record in the report's corrections.yaml (reason, date, approver, fields); a change without "
    "one is an error at the changed value. Basis: internal practice (the data lock is a house rule).",
    "rule.RULES-01.title": "Mistake in a workspace rule file",
    "rule.RULES-01.doc": "A file in rules/ cannot be read, does not fit the rule file format, or a rule in it is "
    "wrong (an id taken by a built-in rule or repeated, an unknown file or name, a refused assertion); reported at "
    "the line and column of the mistake (a warning for a reference to a field no schema defines). The faulty rule "
    "is left out; the others still run. Basis: internal rule.",
    "rule.RULES-02.title": "Workspace rule skipped: a field it reads is missing",
    "rule.RULES-02.doc": "The report lacks a field the rule reads (absent or null) and the rule says "
    "when_missing: skip (the default): the rule is skipped for this report, with this note. Basis: internal rule.",
    "rule.RULES-03.title": "Workspace rule cannot be evaluated on this report",
    "rule.RULES-03.doc": "The assertion met values it cannot work with: text where a number is needed, a division "
    "by zero, a comparison of a number with text. Basis: internal rule.",
    "finding.state.explained": "explained",
    "finding.state.waived": "waived",
    "render.counts": "{report}: {errors:error|errors}, {warnings:warning|warnings}, {infos} info, {explained} "
    "explained, "
    "{waived} waived",
    # click's own texts (usage errors, help headings): the English entries are click's texts verbatim
    "click.error": "Error: {message}",
    "click.try_help": "Try '{command} {option}' for help.",
    "click.usage": "Usage:",
    "click.aborted": "Aborted!",
    "click.missing_argument": "Missing argument",
    "click.missing_option": "Missing option",
    "click.missing_parameter": "Missing parameter",
    "click.missing_param_type": "Missing {param_type}",
    "click.missing_command": "Missing command.",
    "click.argument": "argument",
    "click.option": "option",
    "click.parameter": "parameter",
    "click.no_such_option": "No such option {name!r}.",
    "click.no_such_command": "No such command {name!r}.",
    "click.did_you_mean": "Did you mean {possibility}?",
    "click.did_you_mean_one_of": "(Did you mean one of: {possibilities}?)",
    "click.requires_argument": "Option {name!r} requires an argument.",
    "click.requires_arguments": "Option {name!r} requires {nargs} arguments.",
    "click.takes_no_value": "Option {name!r} does not take a value.",
    "click.extra_argument": "Got unexpected extra argument ({args})",
    "click.extra_arguments": "Got unexpected extra arguments ({args})",
    "click.invalid_value_for": "Invalid value for {param_hint}: {message}",
    "click.invalid_value": "Invalid value: {message}",
    "click.not_one_of": "{value!r} is not one of {choices}.",
    "click.not_choice": "{value!r} is not {choice}.",
    "click.not_a_number": "{value!r} is not a valid {number_type}.",
    "click.integer": "integer",
    "click.float": "float",
    "click.not_in_range": "{value} is not in the range {range}.",
    "click.not_boolean": "{value!r} is not a valid boolean. Recognized values: {states}",
    "click.no_date_format": "{value!r} does not match the format {format}.",
    "click.no_date_formats": "{value!r} does not match the formats {formats}.",
    "click.path_missing": "{name} {filename!r} does not exist.",
    "click.path_is_file": "{name} {filename!r} is a file.",
    "click.path_is_directory": "{name} {filename!r} is a directory.",
    "click.path_not_readable": "{name} {filename!r} is not readable.",
    "click.path_not_writable": "{name} {filename!r} is not writable.",
    "click.file_open": "Could not open file {filename!r}: {message}",
    "click.options": "Options",
    "click.commands": "Commands",
    "click.show_help": "Show this message and exit.",
    "click.show_version": "Show the version and exit.",
    "click.version": "%(prog)s, version %(version)s",
    "click.default": "default: {default}",
    "click.required": "required",
    "click.choose_from": "Choose from:\n\t{choices}",
    # trends/output.py
    "trends.no_report": "no report",
    "trends.no_errors": "no errors",
    "trends.n_a_fewer_than_two": "n/a (fewer than two years with a seat count)",
    "trends.metric": "Metric",
    "trends.validation": "Validation",
    "trends.seat_cagr": "Seat CAGR",
    # trends/document.py
    "trends.company": "Company",
    "trends.years": "Years",
    "trends.overview": "Overview",
    "trends.internal_kpi": " (internal KPI)",
    "trends.key_figures_by_year": "Key figures by year",
    "trends.year": "Year",
    "trends.report": "Report",
    "trends.status": "Status",
    "trends.errors": "Errors",
    "trends.warnings": "Warnings",
    "trends.explained": "Explained",
    "trends.waived": "Waived",
    "trends.info": "Info",
    "trends.validation_status_by_year": "Validation status by year",
    "trends.area": "Area",
    "trends.findings_by_area_and_year": "Findings by area and year",
    "trends.severity": "Severity",
    "trends.rule": "Rule",
    "trends.location": "Location",
    "trends.finding": "Finding",
    "trends.status_2": "Status",
    "trends.open": "open",
    "trends.note": "note",
    "trends.explained_2": "explained",
    "trends.waived_2": "waived",
    "trends.all_findings_by_year": "All findings by year",
    "trends.no_findings": "No findings",
    "trends.trends_across_years": "Trends across years",
    "trends.trends": "Trends",
    "trends.compliance_status_by_year": "Compliance status by year",
    "trends.compliance": "Compliance",
    # trends/charts.py
    "trends.human_seats": "Human seats",
    "trends.ai_seats": "AI seats",
    "trends.seats_no_human_ai_split": "Seats (no human/AI split)",
    "trends.seats": "seats",
    "text.parenthesised": "{text} ({detail})",
    "text.labelled": "{label}: {text}",
    "text.list_separator": ", ",
    "trends.status.errors": "{errors:error|errors}",
    "trends.status.warnings": "{warnings:warning|warnings}",
    "trends.span": "{first}–{last}, {count:report|reports}",
    "trends.span_one": "{year}, 1 report",
    "trends.span_missing": "; no report for {missing} (a gap, not zero)",
    "trends.kpi_note": "AI seat ratio, revenue per seat, answer and connect rates, average talk time and "
    "complaints per 100k calls are internal KPIs, not regulatory indicators; every ratio is computed by this tool "
    "from the reports' raw figures.",
    "trends.year_no_report": " (no report)",
    "trends.prepared": "Prepared from the filed annual reports kept in the repository ({sources}); it is not a "
    "filing form and not an assessment by the regulator. ",
    "trends.title": "Trends and compliance status, {span}",
    "trends.subtitle": "{name} · prepared from the filed annual reports",
    "trends.compliance_note": "The compliance status is this tool's validation of each year's report in the "
    "repository: an internal check, not any assessment by the regulator.",
    "document.draft_stamp": "DRAFT",
    "trends.area_count": "{word} {count}",
    "trends.area_count.error": "errors",
    "trends.area_count.warning": "warnings",
    "trends.area_count.info": "info",
    "trends.area_count.explained": "explained",
    "trends.area_count.waived": "waived",
    "area.licence": "Licence and entity",
    "area.geo": "Operating regions",
    "area.business": "Business and resources",
    "area.finance": "Finance",
    "area.quality": "Service quality",
    "area.shareholders": "Shareholders",
    "area.security": "Network security",
    "area.signing": "Signing and filing",
    "area.yoy": "Year on year",
    "area.format": "Data format",
    "trends.chart.seats": "Seats at year end (human / AI)",
    "trends.chart.ai_ratio": "AI seat ratio (internal KPI)",
    "trends.chart.complaints": "Complaints per 100k handled calls (internal KPI)",
    "trends.chart.revenue_per_seat": "Revenue per seat (CNY 10k, internal KPI)",
    "trends.metric.seats_total": "Seats, total",
    "trends.metric.seats_human": "Human seats",
    "trends.metric.seats_ai": "AI seats",
    "trends.metric.ai_ratio": "AI seat ratio",
    "trends.metric.revenue_per_seat_wan": "Revenue per seat",
    "trends.metric.inbound_answer_rate": "Inbound answer rate",
    "trends.metric.outbound_connect_rate": "Outbound connect rate",
    "trends.metric.avg_talk_seconds": "Average talk time",
    "trends.metric.complaints_per_100k": "Complaints per 100k handled calls",
    "trends.metric.reply_rate": "Complaint reply rate",
    "value.date": "{year}-{month:02}-{day:02}",
    "value.yes": "Yes",
    "value.no": "No",
    "unit.\u4e07\u5143": "CNY 10k",
    "unit.\u5e2d": "seats",
    "unit.\u6b21": "count",
    "unit.\u5206\u949f": "min",
    "unit.\u79d2": "s",
    "unit.\u4eba": "persons",
    "unit.\u5929": "days",
    "unit.%": "%",
    "unit.\u8def": "channels",
    "unit.\u5bb6": "companies",
    "unit.\u4e07\u5143/\u5e2d": "CNY 10k/seat",
    "document.draft_banner": "{stamp}: a draft, not to be filed",
    "document.chart_elsewhere": "(chart: see the HTML/PDF version)",
    "document.blank": "_",
    "document.signature_line": "{role}: {blank} ({name})",
    "document.signature_date": "Date: {date}",
    "document.item": "Item",
    "document.value": "Value",
    "xlsx.date_format": "yyyy-mm-dd",
    "page.draft_banner_suffix": ": this document is a draft and must not be filed.",
    "page.colon": ": ",
    "page.date": "Date: ",
    "page.trends_across_years": "Trends across years",
    "page.seat_cagr": "Seat CAGR: ",
    "page.multi_year_document": "Multi-year document: ",
    "page.annual_report_documents": "Annual report documents",
    "page.report": "Report",
    "page.company": "Company",
    "page.status": "Status",
    "page.errors": "Errors",
    "page.warnings": "Warnings",
    "page.info": "Info",
    "page.waived": "Waived",
    "page.documents": "Documents",
    "page.not_rendered": "not rendered",
    "page.errors_heading": ": errors",
    "page.location": "Location",
    "page.rule": "Rule",
    "page.finding": "Finding",
    "page.draft_note": "this document is a draft and must not be filed.",
    "page.errors_warnings_info_waived": "Errors / warnings / info / waived",
    "page.internal_risk_estimate_internal_practice": "Internal risk estimate (internal practice, not a regulatory "
    "grade)",
    "page.key_figures": "Key figures",
    "page.item": "Item",
    "page.value": "Value",
    "page.findings": "Findings",
    "page.waived_note": "waived",
    "page.explained": "explained",
    "page.no_findings": "No findings.",
    "page.report_count": "{count:report|reports}",
    "page.html_lang": "en",
    "page.printed_name": "({name})",
    "province.11": "Beijing",
    "province.12": "Tianjin",
    "province.13": "Hebei",
    "province.14": "Shanxi",
    "province.15": "Inner Mongolia",
    "province.21": "Liaoning",
    "province.22": "Jilin",
    "province.23": "Heilongjiang",
    "province.31": "Shanghai",
    "province.32": "Jiangsu",
    "province.33": "Zhejiang",
    "province.34": "Anhui",
    "province.35": "Fujian",
    "province.36": "Jiangxi",
    "province.37": "Shandong",
    "province.41": "Henan",
    "province.42": "Hubei",
    "province.43": "Hunan",
    "province.44": "Guangdong",
    "province.45": "Guangxi",
    "province.46": "Hainan",
    "province.50": "Chongqing",
    "province.51": "Sichuan",
    "province.52": "Guizhou",
    "province.53": "Yunnan",
    "province.54": "Tibet",
    "province.61": "Shaanxi",
    "province.62": "Gansu",
    "province.63": "Qinghai",
    "province.64": "Ningxia",
    "province.65": "Xinjiang",
    "province.71": "Taiwan",
    "province.81": "Hong Kong",
    "province.82": "Macao",
    "province.\u5168\u56fd": "Nationwide",
    "province.MIIT": "MIIT",
    "enum.self": "self-held",
    "enum.carrier_leased": "leased from a carrier",
    "enum.carrier": "carrier",
    "enum.carrier_400": "carrier 400 number",
    "enum.carrier_1010": "carrier 1010 number",
    "enum.did": "DID number",
    "enum.callback": "callback",
    "enum.info": "information",
    "enum.in": "inbound",
    "enum.in_out": "inbound and outbound",
    "enum.prime": "prime contractor",
    "enum.sub": "subcontractor",
    "enum.legal": "legal person",
    "enum.natural": "natural person",
    "enum.partnership": "partnership",
    "enum.name": "company name",
    "enum.legal_rep": "legal representative",
    "enum.reg_capital": "registered capital",
    "enum.address": "registered address",
    "enum.shareholder": "shareholders",
    "enum.coverage": "coverage",
    "enum.tsm_dxzhgl": "telecom market management system (dxzhgl)",
    "enum.\u4e2d\u56fd\u5e7f\u7535": "China Broadnet",
    "enum.\u4e2d\u56fd\u7535\u4fe1": "China Telecom",
    "enum.\u4e2d\u56fd\u79fb\u52a8": "China Mobile",
    "enum.\u4e2d\u56fd\u8054\u901a": "China Unicom",
    "enum.\u4fdd\u7559": "qualified",
    "enum.\u65e0\u4fdd\u7559": "unqualified",
    "enum.\u5426\u5b9a": "adverse",
    "enum.\u65e0\u6cd5\u8868\u793a": "disclaimer of opinion",
    "enum.\u5168\u56fd": "nationwide",
    "enum.\u5185\u8d44": "domestic",
    "enum.\u5916\u5546\u6295\u8d44": "foreign-invested",
    "enum.\u6e2f\u6fb3\u53f0\u6295\u8d44": "Hong Kong/Macao/Taiwan-invested",
    "enum.\u5206\u516c\u53f8": "branch company",
    "enum.\u5b50\u516c\u53f8": "subsidiary",
    "enum.\u8fd0\u8425\u573a\u5730": "operating site",
    "enum.\u542f\u7528": "enabled",
    "enum.\u672a\u542f\u7528": "not enabled",
    "enum.\u5f00\u901a": "in operation",
    "enum.\u672a\u5f00\u901a": "not in operation",
    "enum.\u5883\u5185": "domestic",
    "enum.\u5883\u5916": "overseas",
    "enum.\u672a\u4e0a\u5e02": "not listed",
    "enum.\u9000\u8fd8": "returned",
    "basis.format": "Data model",
    "derived.ai_ratio": "AI seat ratio (computed = AI ÷ total)",
    "derived.inbound_answer_rate": "Inbound answer rate (computed)",
    "derived.outbound_connect_rate": "Outbound connect rate (computed)",
    "derived.trunk_channels_total": "Trunk channels, total",
    "derived.trunk_seat_deviation": "Trunk channels vs seats, deviation",
    "derived.revenue_per_seat_wan": "Revenue per seat (call-centre revenue ÷ seats)",
    "derived.complaints_per_100k": "Complaints per 100k handled calls (computed)",
    "derived.seat_share": "Share of the company's seats",
    "derived.revenue_share": "Share of the company's call-centre revenue",
    "text.qualified": "{parent}: {text}",
    # render/documents.py
    "document.none": "None",
    "document.blank_date": "____-__-__",
    "document.legal_representative_signature": "Legal representative (signature)",
    "document.company_seal": "(company seal)",
    "document.commitment": "Commitment",
    "document.data_authenticity_letter": "Data authenticity letter",
    "document.finance_head_signature": "Finance head (signature)",
    "document.data_authenticity": "Data authenticity",
    "document.province_figures": "Province figures",
    "document.derived_figures_computed": "Derived figures (computed)",
    "document.branch_or_site": "Branch or site",
    "document.explanations": "Explanations (explanations.yaml)",
    # render/summary_md.py
    "document.low": "low",
    "document.medium": "medium",
    "document.high": "high",
    # render/documents.py
    "document.report": "Report",
    "document.company": "Company",
    "document.status": "Status",
    "document.errors": "Errors",
    "document.warnings_unexplained": "Warnings (unexplained)",
    "document.warnings_explained_in_explanations_yaml": "Warnings explained in explanations.yaml",
    "document.info": "Info",
    "document.waived": "Waived",
    "document.overview": "Overview",
    "document.area": "Area",
    "document.warnings": "Warnings",
    "document.explained": "Explained",
    "document.total": "Total",
    "document.heat_map_area_severity": "Heat map (area × severity)",
    "document.rule": "Rule",
    "document.location": "Location",
    "document.finding": "Finding",
    "document.waiver": "Waiver",
    "document.waivers_workspace_config_reportascode_yaml": "Waivers (workspace config .reportascode.yaml)",
    "document.gap_analysis": "Gap analysis",
    "document.field": "Field",
    "document.report_2": "Report",
    "document.evidence": "Evidence",
    "document.difference": "Difference",
    "document.tolerance_internal": "Tolerance (internal)",
    "document.verdict": "Verdict",
    "document.reconciliation_against_evidence": "Reconciliation against evidence",
    "document.severity": "Severity",
    "document.basis": "Basis",
    "document.status_2": "Status",
    "document.open": "open",
    "document.all_findings_by_severity": "All findings (by severity)",
    "document.no_findings": "No findings",
    "document.internal_risk_estimate": "Internal risk estimate",
    "document.internal_risk_score": "Internal risk score",
    "document.internal_risk_level": "Internal risk level",
    "document.method": "Method",
    "document.annual_report_title": "Annual report {year}: telecom licence",
    "document.gap_analysis_title": "Gap analysis {year} (internal)",
    "document.b24_note": "No B24 service is marked in operation (开通): the filing system generates no business "
    "development form for it, and neither does this document.",
    "document.subtitle": "Filer: {company} · USCC {uscc} · report year {year}",
    "service.B24-1": "domestic call-centre business",
    "service.B24-2": "offshore call-centre business",
    "text.line_join": " ",
    "document.commitment_title": "Commitment on the {year} annual report",
    "document.province_note": "Broken down by where the seats are: an internal convention (no regulation sets a "
    "per-province basis); for branches to check, not a form of the filing system.",
    "document.province_title": "Province data sheet: {name} ({code})",
    "document.province_sheet": "Prov-{name}",
    "document.gap_note": "Internal document: this gap analysis is the company's internal practice for checking "
    "before filing. It is not filed and is not any assessment by the regulator.",
    "document.reconciliation_note": "The company's own check of the report's figures against its exports (carrier "
    "trunk bills, caller numbers used, complaint ledger, recording and consent sample); the tolerances are "
    "internal settings, not regulatory thresholds.",
    "document.state_waived": "waived: {reason}",
    "document.state_explained": "explained: {reason}",
    "document.risk_note": "This estimate is the company's internal practice, not a regulatory grade: no "
    "regulatory grading of annual reports was found in public sources, so never present it as one.",
    "document.risk_method": "errors × 10 + unexplained warnings × 3 + explained warnings × 1 (waived ones not "
    "counted); 0–2 low, 3–9 medium, 10 or more high",
    "timeline.step.window_open": "Filing window opens",
    "timeline.step.window_open.note": "opens in early January; the exact date is announced each round (10 Jan in 2025)",
    "timeline.step.lock": "Internal data lock",
    "timeline.step.lock.note": "internal practice",
    "timeline.step.prefill": "Pre-fill in the system to use its checks early",
    "timeline.step.prefill.note": "internal practice",
    "timeline.step.pmo": "Set up the report team (legal leads; one contact each from finance, operations, legal, "
    "IT, HR)",
    "timeline.step.pmo.note": "internal practice (T-30)",
    "timeline.step.inventory": "Data inventory: one definition for finance, operations and HR figures; no "
    "placeholder left",
    "timeline.step.inventory.note": "internal practice (T-25)",
    "timeline.step.gap_analysis": "Gap analysis: rac validate shows no error",
    "timeline.step.gap_analysis.note": "internal practice (T-20)",
    "timeline.step.governance": "Governance of AI scripts, user consent and caller numbers; sample the last 90 "
    "days of recordings",
    "timeline.step.governance.note": "internal practice (T-15)",
    "timeline.step.signatures": "Legal representative and finance head sign the data-authenticity letter and the "
    "commitment",
    "timeline.step.signatures.note": "internal practice (T-5)",
    "timeline.step.submission": "Submit (internal target date)",
    "timeline.step.submission.note": "internal practice (T)",
    "timeline.step.annual_report_deadline": "Annual report due (dxzhgl.miit.gov.cn)",
    "timeline.step.annual_report_deadline.note": "Order 42 Art. 35: Q1 each year",
    "timeline.step.number_report_deadline": "Number-resource annual report due (self-held numbers)",
    "timeline.step.number_report_deadline.note": "separate system; carrier 400/1010 numbers are not included",
    "timeline.step.late_filing": "Late filing month (April)",
    "timeline.step.late_filing.note": "submitted forms can still be edited",
    "timeline.step.credit_followup": "Credit follow-up: confirm no bad-list entry; if listed, file and apply for "
    "removal",
    "timeline.step.credit_followup.note": "internal practice (T+30); Order 42 Art. 38",
    "timeline.step.system_closes": "System closes; no more changes",
    "timeline.step.system_closes.note": "companies that never filed are put on the bad list in May (Art. 38)",
    "timeline.step.publication": "Publication and bad-list listing",
    "timeline.step.publication.note": "the published fields go public",
    "timeline.step.inspections": "Random inspections (desk review, on-site, network monitoring)",
    "timeline.step.inspections.note": "Order 42 Art. 36",
    "evidence.caller_numbers": "caller numbers used for outbound calls",
    "evidence.complaints": "complaint ledger",
    "evidence.recording_sample": "recording and consent sample",
    "evidence.trunk_bills": "carrier trunk bills",
    "finding.waived_word": "waived",
    "build.document.annual-report": "Annual report",
    "build.document.gap-analysis": "Gap analysis",
    "build.document.summary": "Summary",
    "layout.not_found": "not found",
    "layout.no_forms": "expected a mapping with a 'forms' list",
    "layout.form_id": "each form needs an 'id'",
    "layout.title": "title must be {{zh: …, en: …}}",
    "layout.section": "a section is a mapping with 'fields' or 'table'",
    "layout.field": "a field is 'file#/pointer' or {{field: …, qualify: …}}",
    "layout.table": "a table is 'file#/pointer' (a list)",
    "layout.columns": "columns is a list of field names",
    "text.or": " or ",
    "load.yaml.mapping_values": "mapping values are not allowed here",
    "load.yaml.expected_colon": "could not find the expected ':'",
    "load.yaml.unclosed_sequence": "a [ … ] list is not closed, or lacks a comma",
    "load.yaml.unclosed_mapping": "a {{ … }} mapping is not closed, or lacks a comma",
    "load.yaml.bad_character": "a character here cannot start a value (quote values that begin with @, ` or %)",
    "load.yaml.indentation": "bad indentation: the line does not fit the levels above",
    "load.yaml.expected_key": "did not find the expected key",
    "load.yaml.expected_dash": "did not find the expected '-' of a list item",
    "load.yaml.unexpected_end": "the file ends unexpectedly (an unclosed quote?)",
    "load.yaml.bad_escape": "an unknown escape character in a double-quoted string",
    "load.yaml.undefined_alias": "an alias that was never defined",
    "load.yaml.bad_anchor": "an anchor or alias name is not valid",
    "load.yaml.sequence_entries": "list items are not allowed here",
    "load.yaml.tab": "a tab character here; YAML indents with spaces only",
    "load.yaml.other": "the structure cannot be parsed",
    "load.yaml.started": " (the structure started at line {line}, column {column})",
    # render/documents.py
    "document.explanations_2": "Explanations",
    "document.warnings_explained_in_the_explanations": "Warnings explained in the explanations",
    "document.waivers_workspace_configuration": "Waivers (workspace configuration)",
    "layout.provenance": "provenance is one of {allowed}",
    "page.semicolon": "; ",
    "page.explained_2": "Explained",
    "page.errors_warnings_info_explained_waived": "Errors / warnings / info / explained / waived",
    "page.waived_2": "waived",
    "help.rac": "reportascode: the annual report of a call-centre licence, as code.",
    "help.rac.version": "Show the version and exit.",
    "help.rac.traceback": "Show the Python traceback of an internal error.",
    "help.rac.lang": "Message language for every command (default: workspace config, else locale, else zh).",
    "help.blame": "For each leaf field of FILE (or POINTER and below), the commit that last changed its value.",
    "help.option.no_cache": "Neither read nor write the history cache under .git/rac-cache/history.",
    "help.option.lang": "Message language (default: workspace config, else locale, else zh).",
    "help.build": "Validate every report, render each valid one into build/<report>/ in every format (PDF when "
    "WeasyPrint\nand a CJK font are available), and write build/index.html. Exit 1 if any report has errors.",
    "help.build.out": "Build folder (default: build/).",
    "help.build.draft": "Also render reports with errors, marked DRAFT on every page.",
    "help.diff": "Field-level changes between two versions of a report: data, not text.\n\nA and B are report "
    "folders or files, years (2024, acme/2024) or git revisions REV:PATH\n(main:reports/2024, "
    "HEAD~3:reports/2024). Without B: a revision against the working tree, or a folder\nagainst HEAD. Between two "
    "years, changes beyond the YoY threshold are marked.",
    "help.option.output_format": "Output format.",
    "help.diff.exit_code": "Exit 1 when anything differs (like git diff --exit-code).",
    "help.diff.threshold": "Year-on-year threshold in percent (default: YOY-01 threshold in the config, else 30).",
    "help.explain": "Print the documentation of rule ID (e.g. SEAT-02) and its examples.\n\nWith --add "
    "FILE#POINTER (e.g. reports/2024/licence.yaml#/expiry_date): record the values of that warning in the report's "
    "explanations.yaml, so the explanation stops clearing it when they change (EXPL-02).",
    "help.explain.field": "Record in explanations.yaml what the warning of ID at FILE#POINTER states (its "
    "fingerprint).",
    "help.fmt": "Put report files in canonical form, keeping every value and comment exactly.\n\nKeys in schema "
    "order, two-space indentation, quotes where another YAML reader would misread a value.\nPATHs are report "
    "files, report folders or the workspace; without PATH, every report. Files that are not one\nof the eleven "
    "report files are left alone. Each file is written atomically, and only after the loader reads\nback the same "
    "data and every comment is still there; otherwise it is refused and left unchanged.",
    "help.fmt.check": "Write nothing; exit 1 and show a short diff when a file would change.",
    "help.freeze": "Lock REPORT's data: commit a manifest of file hashes and tag it rac/<report>/locked.",
    "help.freeze.sign": "GPG-sign the tag (git must be set up for signing).",
    "help.init": "Create a workspace: git repository, config, pre-commit hooks, diff driver, schemas, editor "
    "settings,\na README and the first report's eleven files (with 待填 placeholders). Existing files are never "
    "overwritten:\nthey are skipped and listed.",
    "help.init.company": "Company name, as on the licence.",
    "help.init.licence": "Licence number, e.g. B2-20203417 or 浙B2-20203417.",
    "help.init.year": "First report year (default: last year).",
    "help.init.hooks_repo": "Take the pre-commit hooks from this repository, pinned to the installed version "
    "(default: local hooks that run the installed rac, no network).",
    "help.log": "Each commit that changed REPORT's data, newest first, with field-level changes.",
    "help.log.since": "Only commits after this revision.",
    "help.new-year": "Start report YEAR from the previous one: stock data copied with every comment, flow data "
    "reset to 待填.\n\nCompany, licence, numbers, trunks and branches carry over; operations, finance, "
    "complaints, signatures and\nexplanations become placeholders that `rac validate` lists (FILL-01). An "
    "existing YEAR is never overwritten\n(exit 2).",
    "help.new-year.source": "Report to roll forward: a year, entity/year or folder (default: YEAR - 1; "
    "docs/selectors.md).",
    "help.new-year.entity": "For reports/<entity>/<year> workspaces: which entity.",
    "help.reconcile": "Reconcile report figures with the evidence exports in the report's evidence/ "
    "folder.\n\nREPORT is a report folder (or a file inside it). Prints the discrepancy table (field, report "
    "value, evidence\nvalue, diff rate, tolerance, verdict) and the findings; exits 1 when there are errors.",
    "help.option.strict": "Exit 1 on warnings too.",
    "help.render": "Render the documents of reports (folders or years; none: every report): the annual report "
    "forms with\nthe commitment letters and per-province sheets, and the gap analysis, as HTML, DOCX, XLSX, PDF "
    "and a\nMarkdown summary. A report with errors is refused unless --draft; either way, exit 1 when a report "
    "has errors\n(as rac build).",
    "help.render.output_formats": "Document format, repeatable (--format html --format docx); default 'all', "
    "which includes PDF when WeasyPrint and a CJK font are available.",
    "help.render.out": "Output folder (default: build/<report-id>/; with several reports, DIR/<report-id>/).",
    "help.render.draft": "Render even with errors; every page carries a DRAFT mark.",
    "help.rules": "List every rule: id, severity, basis (V regulation, A agency sources, I internal) and "
    "title.\n\nInside a workspace, its own rules (rules/*.yaml) are listed too.",
    "help.schema": "Editor support: export the schemas, and map them to the report files in VS Code.\n\nWith the "
    "mappings (or the modeline at the top of each report file) the YAML language server shows each\nfield's "
    "Chinese title and English description on hover, completes keys and flags errors as you type.",
    "help.schema.export_dir": "Write the packaged JSON Schemas into DIR (e.g. schemas), replacing older copies.",
    "help.schema.check": "With --export: write nothing, exit 1 if the copies in DIR differ.",
    "help.schema.vscode": "Add yaml.schemas mappings for the report files to .vscode/settings.json (merged).",
    "help.set": "Set one value of a report file; nothing else in the file changes.\n\nPOINTER is an RFC 6901 JSON "
    "pointer (/seats/total, /by_province/0/seats; \"\" for the whole file). VALUE is\nread as YAML (610, 8460.50, "
    "\"33\", null, true, []); where the schema wants text it is taken as text. The value\nis checked against the "
    "schema first: exit 1 with the schema's message when it does not fit, 2 for a usage\nproblem (no such file or "
    "pointer).",
    "help.submit": "Record the submission of a locked REPORT in its manifest and tag rac/<report>/submitted.",
    "help.submit.date": "Submission date.",
    "help.submit.documents": "Folder of the rendered documents filed (their hashes are recorded).",
    "help.textconv": "Print FILE as one `pointer = value` line per field, in a canonical order, for git "
    "diff.\n\nSet up with `reports/**/*.yaml diff=rac` in .gitattributes and `git config diff.rac.textconv \"rac "
    "textconv\"`.\nA file that does not parse is printed as it is. (``--lang`` is accepted as by every command; "
    "the output is\ndata only.)",
    "help.timeline": "The official calendar and the internal plan of REPORT, with each step's status from the "
    "repository.\n\nOfficial dates (31 March deadline for the annual report and the number-resource annual "
    "report, April late filing, 1 May "
    "closing, …) are\nmarked as such; the internal plan (1/15 lock, 2/15 pre-fill, T-30 … T+30) is internal "
    "practice, with dates\nand owners from .reportascode.yaml. Overdue steps are marked \"!\" (and \"overdue\" in "
    "JSON).",
    "help.timeline.today": "The date statuses are judged against (default: today).",
    "help.timeline.output": "Write to this file (atomically) instead of standard output.",
    "help.trends": "Trends across years, per entity: seats (total, human, AI), AI seat ratio, seat CAGR, revenue "
    "per seat,\nanswer and connect rates, average talk time, complaints per 100,000 handled calls, reply rate and "
    "each\nyear's validation status. A year without a report is a gap, never zero. Ratios are internal KPIs, "
    "computed\nfrom the reports' raw figures.",
    "help.trends.entity": "Only this entity (its folder under reports/, for reports/<entity>/<year>/); default: "
    "every one.",
    "help.trends.render_dir": "Also render the multi-year document (trends, charts, compliance status by year) "
    "into DIR as HTML, DOCX and PDF (PDF when WeasyPrint and a CJK font are available).",
    "help.trends.draft": "With --render: render even if a report has errors, marked DRAFT (the exit code stays 1).",
    "help.validate": "Validate reports: schema and domain checks, with findings at file:line:col.\n\nPATHs are "
    "report folders or files inside them (pre-commit passes files); each maps to its whole report.\nWithout PATH, "
    "every report in the workspace.",
    "help.validate.engine": "fast: libyaml and jsonschema-rs where installed; reference: ruamel.yaml and Python "
    "jsonschema only. Both give the same findings.",
    "help.validate.jobs": "Worker processes for large workspaces (default: the number of CPUs).",
    "help.validate.no_cache": "Neither read nor write the validation cache (.git/rac-cache/validate, else the "
                              "user cache folder; see docs/cache.md). RAC_NO_CACHE=1 does the same.",
    "help.verify": "Compare the working tree and HEAD with REPORT's lock manifest and tags; exit 1 on any "
    "difference.\nWith --document, whether that rendered document was made from REPORT's locked data.",
    "progress.commits": "commits",
    "progress.reports": "reports",
    "help.lsp": "Serve the Language Server Protocol over stdin/stdout: the findings of rac validate live in the "
    "editor.\n\nNeeds the optional extra: pip install 'reportascode[lsp]'. See docs/editors.md for editor set-up.",
    "help.workbook": "A fill-in workbook (XLSX) for colleagues who work in Excel or WPS: export it, import it back.",
    "help.workbook export": "Write a fill-in workbook for REPORT (a report folder or a year): a sheet per file, "
    "labels with units, one\nyellow value column, lists of records as tables where rows may be added or removed.",
    "help.workbook export.only": "Only these files (finance, operations, …; repeatable or comma-separated).",
    "help.workbook export.out": "Where to write the workbook (default: workbook-<year>.xlsx in the current folder).",
    "help.workbook import": "Read a filled-in workbook back into its report: the change is shown as rac diff "
    "shows it, checked three\nways against the repository, written with every comment kept (all files or none), "
    "then validated.\n\nExit 0: imported (or nothing to import); 1: refused (a cell that does not fit, a "
    "conflict) or the report has\nerrors after the import; 2: not a workbook of this workspace's report.",
    "help.workbook import.dry_run": "Show the change; write nothing.",
    "help.workbook import.accept_formulas": "Take the value a spreadsheet program saved for a formula cell (rac "
    "never computes one).",
    "help.workbook import.report_value": "The report to import into (a folder or a year; default: the one the "
    "workbook was exported from). Its company and year must be the workbook's.",
    "help.verify.document": "A rendered PDF, DOCX or XLSX: does it match the report's locked data? (REPORT "
    "defaults to the one the document names.)",
    "pack.comma": ", ",
}
