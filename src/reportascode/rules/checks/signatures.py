"""SIG-*: who signs and when. The commitment is signed by the current legal representative, signatures come
before submission and after the audit, and the report is submitted by 31 March (April is the late-filing
month; the system closes on 1 May)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from reportascode.messages import Bilingual
from reportascode.model.findings import Finding, Severity
from reportascode.rules.checks.helpers import date
from reportascode.rules.registry import CheckContext, register

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


@register("SIG-01", Severity.ERROR, reads=("signatures", "company"), basis="V", sources=("order42_art35",))
def signer_is_legal_rep(ctx: CheckContext) -> Iterator[Finding]:
    legal_rep = ctx.get("company", "/legal_rep/name")
    if not isinstance(legal_rep, str):
        return
    signer = ctx.get("signatures", "/commitment/signer")
    if isinstance(signer, str) and signer.strip() != legal_rep.strip():
        yield ctx.finding("signatures", "/commitment/signer", signer=signer, legal_rep=legal_rep)
    letter = ctx.get("signatures", "/data_authenticity_letter/legal_rep")
    if isinstance(letter, str) and letter.strip() != legal_rep.strip():
        yield ctx.finding("signatures", "/data_authenticity_letter/legal_rep", key=ctx.variant("letter"),
                          signer=letter, legal_rep=legal_rep)


@register("SIG-02", Severity.ERROR, reads=("signatures", "finance", "meta"), basis="I")
def signing_order(ctx: CheckContext) -> Iterator[Finding]:
    submitted = ctx.report.submission_date
    commitment = date(ctx.get("signatures", "/commitment/date"))
    for pointer in ("/commitment/date", "/data_authenticity_letter/date"):
        signed = date(ctx.get("signatures", pointer))
        if signed is not None and submitted is not None and signed > submitted:
            yield ctx.finding("signatures", pointer, signed=signed.isoformat(), submitted=submitted.isoformat(),
                              document=Bilingual.of(ctx.variant("doc." + pointer.split("/")[1])))
    if commitment is None:
        return
    for pointer, variant in (("/audit/report_date", "audit"), ("/audit/special_report/report_date", "special")):
        reported = date(ctx.get("finance", pointer))
        if reported is not None and reported > commitment:
            yield ctx.finding("finance", pointer, key=ctx.variant(variant), report_date=reported.isoformat(),
                              signed=commitment.isoformat())


@register("SIG-03", Severity.WARNING, reads=("meta",), basis="V", sources=("order42_art35", "notice321"))
def submitted_in_time(ctx: CheckContext) -> Iterator[Finding]:
    submitted = ctx.report.submission_date
    if submitted is None:
        return
    opens = dt.date(ctx.year + 1, 1, 1)
    deadline = dt.date(ctx.year + 1, 3, 31)
    closes = dt.date(ctx.year + 1, 4, 30)
    args: dict[str, Any] = {"submitted": submitted.isoformat(), "deadline": deadline.isoformat(),
                            "closes": closes.isoformat()}
    if submitted < opens:
        yield ctx.finding("meta", "/submission_date", key=ctx.variant("early"), severity=Severity.ERROR,
                          opens=opens.isoformat(), **args)
    elif submitted > closes:
        yield ctx.finding("meta", "/submission_date", key=ctx.variant("closed"), severity=Severity.ERROR, **args)
    elif submitted > deadline:
        yield ctx.finding("meta", "/submission_date", **args)
