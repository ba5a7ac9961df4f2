"""ID-*: who the report is about. The company's USCC is well-formed, and the licence, the company and the
report's metadata name the same holder and the same licence number."""

from __future__ import annotations

from collections.abc import Iterator

from reportascode.model.findings import Finding, Severity
from reportascode.rules.checks.helpers import licence_categories, licence_has_b2, records
from reportascode.rules.registry import CheckContext, register

# GB 32100-2015: 18 characters from this alphabet; the last is a check character over the first 17.
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def uscc_check_char(body: str) -> str:
    """The GB 32100 check character of the first 17 characters ``body``."""
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(body, USCC_WEIGHTS, strict=True))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def uscc_problem(value: str) -> str | None:
    """``None`` for a valid USCC, else the expected check character (the format is the schema's job)."""
    if len(value) != 18 or any(c not in USCC_ALPHABET for c in value):
        return None
    expected = uscc_check_char(value[:17])
    return None if value[17] == expected else expected


@register("ID-01", Severity.ERROR, reads=("company", "branches"), basis="V", sources=("gb32100",))
def uscc_checksum(ctx: CheckContext) -> Iterator[Finding]:
    company = ctx.data("company")
    if isinstance(company, dict) and isinstance(company.get("uscc"), str):
        expected = uscc_problem(company["uscc"])
        if expected is not None:
            yield ctx.finding("company", "/uscc", value=company["uscc"], expected=expected)
    for index, branch in records(ctx.data("branches")):
        value = branch.get("uscc")
        if isinstance(value, str):
            expected = uscc_problem(value)
            if expected is not None:
                yield ctx.finding("branches", f"/{index}/uscc", value=value, expected=expected)


@register("ID-02", Severity.ERROR, reads=("licence", "company", "meta"), basis="V", sources=("order42_art35",))
def holder_matches(ctx: CheckContext) -> Iterator[Finding]:
    holder = ctx.get("licence", "/holder_name")
    name = ctx.get("company", "/name")
    if isinstance(holder, str) and isinstance(name, str) and holder.strip() != name.strip():
        yield ctx.finding("licence", "/holder_name", holder=holder, company=name)
    licence_no = ctx.get("licence", "/licence_no")
    meta_no = ctx.get("meta", "/licence_no")
    if isinstance(licence_no, str) and isinstance(meta_no, str) and licence_no != meta_no:
        yield ctx.finding("meta", "/licence_no", key=ctx.variant("number"), value=meta_no, licence=licence_no)
    # a number of another form is the schema's finding; one without B2 can't carry a call-centre (B24) report
    if isinstance(meta_no, str) and licence_categories(meta_no) is not None and not licence_has_b2(meta_no):
        yield ctx.finding("meta", "/licence_no", key=ctx.variant("no_b2"), value=meta_no)
