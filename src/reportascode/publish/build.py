"""``rac render`` and ``rac build`` as library functions: select, validate, render, write atomically.

The command-line modules only parse options, call these, print the outcome and pick the exit code.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reportascode.errors import UsageError
from reportascode.messages import Bilingual, message
from reportascode.model.findings import Counts, Finding, count_findings
from reportascode.model.selector import Selection
from reportascode.model.workspace import Report
from reportascode.render.renderer import FORMATS, OUTPUT_NAMES, render_report, report_errors
from reportascode.render.writer import building_folder, replaceable, write_files
from reportascode.validate.engine import ValidationResult
from reportascode.validate.session import validate_selection


@dataclass
class ReportOutcome:
    report: Report
    findings: list[Finding]
    errors: list[Finding]
    rendered: bool = False
    draft: bool = False
    files: list[str] = field(default_factory=list)

    @property
    def counts(self) -> Counts:
        return count_findings(self.findings)


@dataclass
class RunOutcome:
    root: Path
    outcomes: list[ReportOutcome]
    written: list[Path] = field(default_factory=list)
    # the parts left out ("pdf", "charts", "trends/<entity>") and why, said on stderr and in index.html
    skipped: dict[str, Bilingual] = field(default_factory=dict)
    index: Path | None = None

    @property
    def failed(self) -> bool:
        return any(o.errors for o in self.outcomes)


def _outcomes(session: Selection, result: ValidationResult) -> list[ReportOutcome]:
    outcomes = []
    for report in session.reports:
        findings = [f for f in result.findings if f.report == report.id]
        outcomes.append(ReportOutcome(report, findings, report_errors(report, findings)))
    return outcomes


def document_language(lang: str | None, session: Selection) -> str:
    """Documents are Chinese unless ``--lang en`` or the workspace config says otherwise (not the locale:
    the filing is Chinese)."""
    from reportascode.messages import LANGUAGES

    if lang in LANGUAGES:
        return lang
    return session.config.lang if session.config.lang in LANGUAGES else LANGUAGES[0]


def render_selected(session: Selection, formats: Sequence[str], out: Path | None, draft: bool,
                    lang: str) -> RunOutcome:
    """``rac render``: each selected report into ``out`` (default ``build/<report-id>/``). A report with
    errors is refused unless ``draft``; everything is rendered in memory before anything is written. Validation
    goes through rac validate's cache (it never changes an answer): after ``rac validate``, nothing is checked
    twice."""
    result = validate_selection(session, use_cache=True)
    run = RunOutcome(session.workspace.root, _outcomes(session, result))
    pending: list[tuple[Path, dict[str, bytes]]] = []
    for outcome in run.outcomes:
        if outcome.errors and not draft:
            continue
        rendered = render_report(outcome.report, session.store, outcome.findings, lang, draft, formats,
                                 session.workspace.root, pdf_required=list(formats) == ["pdf"])
        run.skipped.update(rendered.skipped)
        if out is None:
            target = session.workspace.root / "build" / outcome.report.id
        elif len(run.outcomes) == 1:
            target = out
        else:
            target = out / outcome.report.id
        pending.append((target, rendered.files))
        outcome.rendered, outcome.draft, outcome.files = True, draft, sorted(rendered.files)
    for target, files in pending:
        run.written.extend(write_files(target, files))
    return run


def build_workspace(session: Selection, out: Path, lang: str, draft: bool = False) -> RunOutcome:
    """``rac build``: validate every report, render each valid one (each one, as a marked draft, with
    ``draft``) into ``out/<report-id>/``, and write ``out/index.html``; the folder is replaced whole."""
    from reportascode.render.env import make_environment
    from reportascode.render.html import render_index

    if out.exists() and not replaceable(out, OUTPUT_NAMES):  # before any work: say so at once
        raise UsageError("render.out_not_build", path=out)
    result = validate_selection(session, use_cache=True)  # as rac render: through rac validate's cache
    run = RunOutcome(session.workspace.root, _outcomes(session, result))
    files: dict[str, bytes] = {}
    for outcome in run.outcomes:
        if outcome.errors and not draft:
            continue
        rendered = render_report(outcome.report, session.store, outcome.findings, lang, bool(outcome.errors),
                                 FORMATS, session.workspace.root, pdf_required=False)
        run.skipped.update(rendered.skipped)
        for name, data in rendered.files.items():
            files[f"{outcome.report.id}/{name}"] = data
        outcome.rendered, outcome.draft, outcome.files = True, bool(outcome.errors), sorted(rendered.files)
    from reportascode.trends.run import build_trends

    trends = build_trends(session, result, lang, draft)  # build/trends/ and the dashboard's trends section
    files.update(trends.files)
    run.skipped.update(trends.skipped)
    for trend in trends.refused:
        run.skipped[f"trends/{trend.entity or ''}"] = Bilingual.of(
            "build.trends_refused", {"company": trend.company or trend.entity or "—", "errors": trend.errors})
    env = make_environment(session.workspace.root, lang)
    files["index.html"] = render_index(env, [_index_entry(o, lang) for o in run.outcomes], lang,
                                       skip_notes(run.skipped, lang), trends.dashboard).encode("utf-8")
    with building_folder(out, OUTPUT_NAMES) as folder:
        write_files(folder, files)
    run.written = [out / name for name in sorted(files)]
    run.index = out / "index.html"
    return run


_SKIP_NOTES = {"pdf": "render.pdf_skipped", "charts": "trends.charts_skipped", "trends": "build.trends_skipped"}


def skip_notes(skipped: dict[str, Bilingual], lang: str) -> list[str]:
    """One sentence per part a run left out (``skipped``: part → why), in ``lang``: what rac render, rac build
    and rac trends say on stderr and build/index.html says at its top."""
    return [message(_SKIP_NOTES[part.partition("/")[0]], lang, {"reason": reason})
            for part, reason in skipped.items()]


_DOCUMENT_STEMS = ("annual-report", "gap-analysis", "summary")  # named by the messages "build.document.<stem>"


def _index_entry(outcome: ReportOutcome, lang: str) -> dict[str, object]:
    from reportascode.render.context import finding_views
    from reportascode.render.filing_status import status_text

    status = status_text(outcome.counts, lang, outcome.draft, outcome.rendered)
    groups: dict[str, list[dict[str, str]]] = {}
    for name in outcome.files:
        stem, _, ext = name.rpartition(".")
        groups.setdefault(stem, []).append({"label": ext.upper(), "href": f"{outcome.report.id}/{name}"})
    links = [{"label": message(f"build.document.{stem}", lang) if stem in _DOCUMENT_STEMS else stem, "files": files}
             for stem, files in groups.items()]
    company = outcome.report.data("company")
    company_name = company.get("name") if isinstance(company, dict) else None
    return {
        "id": outcome.report.id,
        "company": company_name if isinstance(company_name, str) else "",
        "status_text": status,
        **outcome.counts.as_dict(),  # errors, warnings, infos, explained, waived
        "documents": links,
        "problems": finding_views(outcome.report, outcome.errors, lang),
    }
