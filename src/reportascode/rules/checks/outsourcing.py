"""OUTS-*: the outsourcing chain ("link penetration", an internal practice). At most one layer of subcontracting,
and every company we pass work on to holds a B24 licence."""

from __future__ import annotations

from collections.abc import Iterator

from reportascode.model.findings import Finding, Severity
from reportascode.rules.checks.helpers import licence_has_b2, records
from reportascode.rules.registry import CheckContext, register


@register("OUTS-01", Severity.WARNING, reads=("operations",), basis="I")
def chain(ctx: CheckContext) -> Iterator[Finding]:
    for index, engagement in records(ctx.get("operations", "/outsourcing")):
        pointer = f"/outsourcing/{index}"
        client = engagement.get("client")
        licence_no = engagement.get("subcontractor_licence_no")
        subcontractor = engagement.get("subcontractor")
        if engagement.get("role") == "sub" and engagement.get("upstream") is None:
            yield ctx.finding("operations", f"{pointer}/upstream", key=ctx.variant("no_upstream"), client=client)
        if engagement.get("role") == "sub" and licence_no is not None:
            yield ctx.finding("operations", f"{pointer}/subcontractor_licence_no", client=client,
                              upstream=engagement.get("upstream"), licence_no=licence_no)
        elif isinstance(licence_no, str) and not licence_has_b2(licence_no.strip()):
            yield ctx.finding("operations", f"{pointer}/subcontractor_licence_no", key=ctx.variant("not_b24"),
                              client=client, licence_no=licence_no)
        elif licence_no is None and subcontractor:
            yield ctx.finding("operations", f"{pointer}/subcontractor_licence_no", key=ctx.variant("no_licence"),
                              client=client, subcontractor=subcontractor)
