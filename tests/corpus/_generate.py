"""Writes the hostile-input corpus: one file per case, and ``expected.yaml``, the table of what each must give.

Run ``python tests/corpus/_generate.py`` after changing a case; the files are committed, so the corpus is what
the tests read, and this script only documents (and reproduces) how each file was made. Cases start from the
sample report's real files, so the positions in the table are those of real files with one thing wrong.

Each case replaces one file of a copy of the sample workspace (``reports/2024/<name>.yaml``, an evidence export,
the workspace config or a workspace rule file) and names either the finding ``rac validate`` must produce (rule,
file, line and column) or, for a broken workspace config, the usage error (exit 2) and words of its message.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
SAMPLE = HERE.parent.parent / "reports" / "2024"


def sample(name: str) -> str:
    return (SAMPLE / name).read_text(encoding="utf-8")


def replace_once(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


META = sample("meta.yaml")
COMPANY = sample("company.yaml")
OPERATIONS = sample("operations.yaml")
FINANCE = sample("finance.yaml")
BOMB = "\n".join(
    ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    + [f"{n}: &{n} [" + ",".join([f"*{p}"] * 9) + "]" for p, n in zip("abcdefgh", "bcdefghi", strict=True)]
) + "\n"


@dataclass(frozen=True)
class Case:
    name: str
    replaces: str  # relative to the workspace root
    content: bytes
    rule: str | None = None
    line: int | None = None
    column: int | None = None
    exit: int | None = None  # for usage errors: the exit code, and words of the message
    error: str | None = None
    note: str = ""


def meta(old: str, new: str) -> bytes:
    return replace_once(META, old, new).encode()


def ops(old: str, new: str) -> bytes:
    return replace_once(OPERATIONS, old, new).encode()


R = "reports/2024/"
CASES = [
    # aliases
    Case("alias-billion-laughs.yaml", R + "meta.yaml", BOMB.encode(), "LOAD-ALIAS", 1, 32, note="9^9 nodes"),
    Case("alias-wide-bomb.yaml", R + "meta.yaml",
         ("a: &a [" + ",".join(["x"] * 1000) + "]\nb: [" + ",".join(["*a"] * 1000) + "]\n").encode(),
         "LOAD-ALIAS", 1, 1004),
    Case("alias-self-map.yaml", R + "meta.yaml", meta("report_year: 2024", "report_year: &x {a: *x}"),
         "LOAD-ALIAS", 4, 14, note="ruamel would silently make it None"),
    Case("alias-self-seq.yaml", R + "meta.yaml", meta("report_year: 2024", "report_year: &x [1, *x]"),
         "LOAD-ALIAS", 4, 14),
    Case("alias-indirect-cycle.yaml", R + "operations.yaml",
         ops("seats:                            # 年末坐席数", "seats: &s                         # 年末坐席数")
         .replace(b"  total: 610", b"  total: {again: *s}"), "LOAD-ALIAS", 4, 8),
    Case("alias-undefined.yaml", R + "meta.yaml", meta("report_year: 2024", "report_year: *nowhere"),
         "LOAD-SYNTAX", 4, 14),
    Case("alias-merge-key.yaml", R + "operations.yaml",
         ops("\nseats:", "\nbase: &b {total: 1}\nseats:").replace(b"  total: 610", b"  <<: *b\n  total: 610"),
         "SCHEMA-UNKNOWN-KEY", 4, 1,
         note="no merge keys: '<<' is just a key"),
    # nesting
    Case("nesting-flow-10k.yaml", R + "meta.yaml", ("report_year: " + "[" * 10_000 + "]" * 10_000 + "\n").encode(),
         "LOAD-DEPTH", 1, 78),
    Case("nesting-flow-map-10k.yaml", R + "meta.yaml", ("a: " + "{a: " * 10_000 + "}" * 10_000 + "\n").encode(),
         "LOAD-DEPTH", 1, 260, note="100,000 deep: tests/test_hardening_bounds.py"),
    Case("nesting-flow-multiline.yaml", R + "meta.yaml", ("a:\n" + "[\n" * 100 + "]\n" * 100).encode(),
         "LOAD-DEPTH", 66, 1),
    Case("nesting-block-seq-10k.yaml", R + "meta.yaml", ("a:\n" + "- " * 10_000 + "x\n").encode(),
         "LOAD-DEPTH", 2, 257),
    Case("nesting-block-seq-top.yaml", R + "meta.yaml", ("- " * 20_000 + "x\n").encode(), "LOAD-DEPTH", 1, 257),
    Case("nesting-block-map.yaml", R + "meta.yaml", "".join("  " * i + f"k{i}:\n" for i in range(200)).encode(),
         "LOAD-DEPTH", 130, 257),
    Case("nesting-block-map-narrow.yaml", R + "meta.yaml", "".join(" " * i + f"k{i}:\n" for i in range(120)).encode(),
         "LOAD-DEPTH", 66, 66, note="within the indentation bound, refused by the depth bound"),
    Case("nesting-complex-keys.yaml", R + "meta.yaml", ("? " * 5_000 + "x\n").encode(), "LOAD-DEPTH", 1, 257),
    # size
    Case("line-too-long.yaml", R + "company.yaml",
         replace_once(COMPANY, "name: 星澜联络科技有限公司", "name: '星" + "x" * 66_000 + "'").encode(),
         "LOAD-SIZE", 4, 65_537),
    Case("comment-too-long.yaml", R + "meta.yaml", meta("# 报送信息", "# 注" + "=" * 66_000), "LOAD-SIZE", 2, 65_537),
    Case("key-too-long.yaml", R + "meta.yaml", ("k" * 66_000 + ": 1\n").encode(), "LOAD-SIZE", 1, 65_537),
    Case("many-unknown-keys.yaml", R + "company.yaml",
         (COMPANY + "".join(f"extra_{i}: {i}\n" for i in range(2_000))).encode(), "SCHEMA-UNKNOWN-KEY",
         COMPANY.count("\n") + 1, 1, note="5,000 stray keys: one finding"),
    # encodings
    Case("encoding-gbk.yaml", R + "company.yaml", COMPANY.encode("gbk"), "LOAD-ENCODING", 2, 3),
    Case("encoding-gb18030.yaml", R + "meta.yaml", META.encode("gb18030"), "LOAD-ENCODING", 2, 3),
    Case("encoding-big5.yaml", R + "meta.yaml", "report_year: 2024\nname: 星瀾聯絡\n".encode("big5"),
         "LOAD-ENCODING", 2, 7),
    Case("encoding-utf16-le-bom.yaml", R + "meta.yaml", META.encode("utf-16"), "LOAD-ENCODING", 1, 1),
    Case("encoding-utf16-be-bom.yaml", R + "meta.yaml", b"\xfe\xff" + META.encode("utf-16-be"), "LOAD-ENCODING", 1, 1),
    Case("encoding-utf16-le.yaml", R + "meta.yaml", "report_year: 2024\n".encode("utf-16-le"), "LOAD-ENCODING", 1, 1),
    Case("encoding-utf16-be.yaml", R + "meta.yaml", "report_year: 2024\n".encode("utf-16-be"), "LOAD-ENCODING", 1, 1),
    Case("encoding-utf32.yaml", R + "meta.yaml", META.encode("utf-32"), "LOAD-ENCODING", 1, 1),
    Case("encoding-latin1.yaml", R + "meta.yaml", meta("licence_no: B2-20203417", "licence_no: B2-2020341é")
         .replace("é".encode(), b"\xe9"), "LOAD-ENCODING", 5, 23),
    Case("encoding-cp1252-quotes.yaml", R + "meta.yaml", b"report_year: 2024\nnote: \x93quoted\x94\n",
         "LOAD-ENCODING", 2, 7),
    Case("encoding-truncated-utf8.yaml", R + "meta.yaml", META.encode()[:-2] + "星".encode()[:2],
         "LOAD-ENCODING", 8, 44, note="the last character cut in half"),
    Case("encoding-surrogate.yaml", R + "meta.yaml", b"report_year: \xed\xa0\x80\n", "LOAD-ENCODING", 1, 14),
    Case("encoding-overlong.yaml", R + "meta.yaml", b"report_year: \xc0\xaf\n", "LOAD-ENCODING", 1, 14),
    Case("byte-nul.yaml", R + "meta.yaml", meta("report_year: 2024", "report_year: 20\x0024"), "LOAD-ENCODING", 4, 16),
    Case("byte-nul-leading.yaml", R + "meta.yaml", b"\x00" + META.encode(), "LOAD-ENCODING", 1, 1),
    Case("byte-escape.yaml", R + "meta.yaml", meta("report_year: 2024", "report_year: \x1b[31m2024"),
         "LOAD-ENCODING", 4, 14),
    Case("byte-del.yaml", R + "meta.yaml", meta("licence_no: B2-20203417", "licence_no: B2-2020\x7f3417"),
         "LOAD-ENCODING", 5, 20),
    Case("byte-c1-control.yaml", R + "meta.yaml", meta("licence_no: B2-20203417", "licence_no: B2-\x9b20203417"),
         "LOAD-ENCODING", 5, 16),
    Case("byte-noncharacter.yaml", R + "meta.yaml", meta("licence_no: B2-20203417", "licence_no: B2-\uffff20203417"),
         "LOAD-ENCODING", 5, 16),
    Case("byte-bom-in-key.yaml", R + "meta.yaml", meta("report_year: 2024", "\ufeffreport_year: 2024"),
         "SCHEMA-UNKNOWN-KEY", 4, 1, note="a BOM is only skipped at the start of the file"),
    Case("line-separator.yaml", R + "meta.yaml", meta("report_year: 2024", "report_year: 20\u202824"),
         "SCHEMA-TYPE", 4, 14, note="U+2028: libyaml and ruamel count lines differently; ruamel decides"),
    Case("next-line-char.yaml", R + "meta.yaml", meta("report_year: 2024", "report_year: 20\x8524"),
         "SCHEMA-TYPE", 4, 14, note="U+0085 folds to a space: '20 24' is text"),
    # tabs, duplicates, tags, syntax
    Case("tab-indent.yaml", R + "operations.yaml", ops("  total: 610", "\ttotal: 610"), "LOAD-TAB", 5, 1),
    Case("tab-after-key.yaml", R + "meta.yaml", meta("report_year: 2024", "report_year:\t2024"), "LOAD-TAB", 4, 13),
    Case("duplicate-key.yaml", R + "meta.yaml", (META + "report_year: 2025\n").encode(), "LOAD-DUPLICATE-KEY", 9, 1),
    Case("duplicate-key-nested.yaml", R + "operations.yaml", ops("  human: 520\n", "  human: 520\n  human: 521\n"),
         "LOAD-DUPLICATE-KEY", 7, 3),
    Case("duplicate-key-flow.yaml", R + "meta.yaml", meta("report_year: 2024", "report_year: {a: 1, a: 2}"),
         "LOAD-DUPLICATE-KEY", 4, 21),
    Case("duplicate-key-quoted.yaml", R + "meta.yaml", (META + '"report_year": 2024\n').encode(),
         "LOAD-DUPLICATE-KEY", 9, 1, note="quoting does not make a different key"),
    Case("tag-python-object.yaml", R + "meta.yaml",
         meta("report_year: 2024", 'report_year: !!python/object/apply:os.system ["id"]'), "LOAD-TAG", 4, 14),
    Case("tag-python-name.yaml", R + "meta.yaml", meta("report_year: 2024", "report_year: !!python/name:os.system"),
         "LOAD-TAG", 4, 14),
    Case("tag-include.yaml", R + "meta.yaml", meta("report_year: 2024", "report_year: !include /etc/passwd"),
         "LOAD-TAG", 4, 14),
    Case("tag-binary.yaml", R + "meta.yaml", meta("report_year: 2024", "report_year: !!binary MjAyNA=="),
         "LOAD-TAG", 4, 14),
    Case("tag-set.yaml", R + "meta.yaml", b"!!set {report_year, licence_no}\n", "LOAD-TAG", 1, 1),
    Case("tag-directive.yaml", R + "meta.yaml", ("%TAG !e! tag:example.com,2000:\n---\n" + META.replace(
        "report_year: 2024", "report_year: !e!year 2024")).encode(), "LOAD-TAG", 6, 14),
    Case("syntax-two-documents.yaml", R + "meta.yaml", (META + "---\nreport_year: 2024\n").encode(),
         "LOAD-SYNTAX", 9, 1),
    Case("syntax-unclosed-flow.yaml", R + "meta.yaml", meta("licence_no: B2-20203417", "licence_no: [B2-20203417"),
         "LOAD-SYNTAX", 6, 1),
    Case("syntax-unclosed-quote.yaml", R + "meta.yaml", meta('schema_version: "1.0"', 'schema_version: "1.0'),
         "LOAD-SYNTAX", 9, 1),
    Case("syntax-bad-indent.yaml", R + "operations.yaml", ops("  human: 520", "   human: 520"), "LOAD-SYNTAX", 6, 9),
    Case("syntax-complex-key.yaml", R + "meta.yaml", (META + "? [a, b]\n: 1\n").encode(), "LOAD-SYNTAX", 9, 3),
    Case("syntax-colon-no-space.yaml", R + "meta.yaml", meta("report_year: 2024", "report_year:2024"),
         "LOAD-SYNTAX", 5, 1, note="'report_year:2024' is one plain scalar, not a key and a value"),
    Case("syntax-directive-only.yaml", R + "meta.yaml", b"%YAML 1.2\n", "LOAD-SYNTAX", 2, 1),
    # empty and odd roots
    Case("empty.yaml", R + "signatures.yaml", b"", "FILE-EMPTY", 1, 1),
    Case("empty-comment-only.yaml", R + "signatures.yaml", "# 签署信息：待填\n".encode(), "FILE-EMPTY", 1, 1),
    Case("empty-document-marker.yaml", R + "signatures.yaml", b"---\n...\n", "FILE-EMPTY", 1, 1),
    Case("empty-null.yaml", R + "signatures.yaml", b"~\n", "FILE-EMPTY", 1, 1),
    Case("empty-bom-only.yaml", R + "signatures.yaml", b"\xef\xbb\xbf", "FILE-EMPTY", 1, 1),
    Case("root-scalar.yaml", R + "meta.yaml", b"hello\n", "SCHEMA-TYPE", 1, 1),
    Case("root-list.yaml", R + "meta.yaml", b"- report_year: 2024\n", "SCHEMA-TYPE", 1, 1),
    # scalars that YAML 1.1 readers get wrong, and numbers too big to compute with
    Case("scalar-yes.yaml", R + "signatures.yaml", sample("signatures.yaml").replace("  seal: true", "  seal: yes")
         .encode(), "SCHEMA-TYPE", 7, 9),
    Case("scalar-octal-like.yaml", R + "operations.yaml", ops("clients_signed: 38", "clients_signed: 0038"),
         "SCHEMA-TYPE", 10, 17, note="0038 stays text: never octal, never a lost digit"),
    Case("scalar-hex.yaml", R + "operations.yaml", ops("clients_signed: 38", "clients_signed: 0x26"),
         "SCHEMA-TYPE", 10, 17),
    Case("scalar-huge-integer.yaml", R + "operations.yaml", ops("clients_signed: 38", "clients_signed: " + "9" * 5000),
         "SCHEMA-TYPE", 10, 17),
    Case("scalar-huge-exponent.yaml", R + "finance.yaml",
         replace_once(FINANCE, "\ncall_center_revenue_wan: 8460", "\ncall_center_revenue_wan: 1e999999999").encode(),
         "SCHEMA-TYPE", 7, 26),
    Case("scalar-infinity.yaml", R + "finance.yaml",
         replace_once(FINANCE, "\ncall_center_revenue_wan: 8460", "\ncall_center_revenue_wan: .inf").encode(),
         "SCHEMA-TYPE", 7, 26),
    Case("scalar-str-tag-number.yaml", R + "operations.yaml", ops("clients_signed: 38", "clients_signed: !!str 38"),
         "SCHEMA-TYPE", 10, 17),
    Case("scalar-impossible-date.yaml", R + "meta.yaml",
         meta("submission_date: 2025-03-18", "submission_date: 2025-02-30"), "SCHEMA-FORMAT", 7, 18),
    Case("key-lookalike.yaml", R + "meta.yaml", meta("report_year: 2024", "rеport_year: 2024"),
         "SCHEMA-UNKNOWN-KEY", 4, 1, note="a Cyrillic е"),
    Case("key-zero-width.yaml", R + "meta.yaml", meta("report_year: 2024", "report_year\u200b: 2024"),
         "SCHEMA-UNKNOWN-KEY", 4, 1),
    Case("key-trailing-space-quoted.yaml", R + "meta.yaml", meta("report_year: 2024", '"report_year ": 2024'),
         "SCHEMA-UNKNOWN-KEY", 4, 1),
    # evidence exports
    Case("evidence-binary.csv", R + "evidence/complaints.csv", bytes(range(256)) * 4, "REC-12", 1, 1),
    Case("evidence-empty.csv", R + "evidence/complaints.csv", b"", "REC-12", 1, 1),
    Case("evidence-no-header.csv", R + "evidence/trunk_bills.csv", b"1,2,3\n4,5,6\n", "REC-12", 1, 1),
    # trust boundaries: YAML directives, escapes and tags the parsers crash on, huge evidence numbers
    Case("directive-yaml-1.3.yaml", R + "meta.yaml", ("%YAML 1.3\n---\n" + META).encode(), "LOAD-SYNTAX", 1, 7,
         note="ruamel.yaml asserts on it"),
    Case("directive-yaml-2.0.yaml", R + "meta.yaml", ("%YAML 2.0\n---\n" + META).encode(), "LOAD-SYNTAX", 1, 7),
    Case("directive-mid-file.yaml", R + "meta.yaml", (META + "...\n%YAML 1.2\n---\nx: 1\n").encode(),
         "LOAD-SYNTAX", 11, 1, note="a second document, with its own directive"),
    Case("escape-big-u.yaml", R + "meta.yaml", meta("licence_no: B2-20203417", 'licence_no: "\\U99999999"'),
         "LOAD-ENCODING", 5, 14, note="beyond U+10FFFF: chr() overflows"),
    Case("escape-lone-surrogate.yaml", R + "meta.yaml", meta("licence_no: B2-20203417", 'licence_no: "\\ud800"'),
         "LOAD-ENCODING", 5, 13),
    Case("escape-terminal-title.yaml", R + "meta.yaml",
         meta("licence_no: B2-20203417", 'licence_no: "\\x1b]0;pwned\\x07"'), "LOAD-ENCODING", 5, 13,
         note="an escape sequence for the terminal (and python-docx would refuse it)"),
    Case("escape-nul.yaml", R + "meta.yaml", meta("licence_no: B2-20203417", 'licence_no: "B2\\0"'),
         "LOAD-ENCODING", 5, 13),
    Case("tag-map-on-sequence.yaml", R + "meta.yaml", meta("report_year: 2024", "report_year: !!map [1, 2]"),
         "LOAD-TAG", 4, 14),
    Case("tag-str-on-mapping.yaml", R + "meta.yaml", meta("report_year: 2024", "report_year: !!str {a: 1}"),
         "LOAD-TAG", 4, 14),
    Case("tag-seq-on-scalar.yaml", R + "meta.yaml", meta("report_year: 2024", "report_year: !!seq 2024"),
         "LOAD-TAG", 4, 14),
    Case("evidence-huge-exponent.csv", R + "evidence/caller_numbers.csv",
         b"number,calls,first_date,last_date\n96801,1e999999999,2024-01-03,2024-03-30\n", "REC-11", 2, 2,
         note="bounded before conversion: int() of it would take minutes"),
    Case("evidence-huge-integer.csv", R + "evidence/caller_numbers.csv",
         b"number,calls,first_date,last_date\n96801," + b"9" * 5000 + b",2024-01-03,2024-03-30\n", "REC-11", 2, 2),
    Case("config-yaml-1.3.yaml", ".reportascode.yaml", b"%YAML 1.3\n---\nlang: en\n", exit=2,
         error=".reportascode.yaml"),
    Case("rules-map-on-sequence.yaml", "rules/tagged.yaml", b"rules: !!map\n  - id: X\n", "RULES-01", 1, 8),
    # the workspace config and the workspace's own rules
    Case("config-alias-bomb.yaml", ".reportascode.yaml", BOMB.encode(), exit=2, error=".reportascode.yaml"),
    Case("config-gbk.yaml", ".reportascode.yaml", "lang: 中文\n".encode("gbk"), exit=2, error="GBK"),
    Case("config-python-tag.yaml", ".reportascode.yaml", b"lang: !!python/object:os.system zh\n", exit=2,
         error=".reportascode.yaml"),
    Case("rules-alias-bomb.yaml", "rules/bomb.yaml", BOMB.encode(), "RULES-01", 1, 32),
    Case("rules-nul.yaml", "rules/nul.yaml", b"rules:\n  - id: X\x00\n", "RULES-01", 2, 10),
]


def table_entry(case: Case) -> dict[str, object]:
    entry: dict[str, object] = {"replaces": case.replaces}
    if case.rule is not None:
        entry.update(rule=case.rule, line=case.line, column=case.column)
    else:
        entry.update(exit=case.exit, error=case.error)
    if case.note:
        entry["note"] = case.note
    return entry


def main() -> None:
    for old in HERE.iterdir():
        if old.is_file() and old.name not in ("_generate.py", "expected.yaml"):
            old.unlink()
    lines = ["# The hostile-input corpus: each file, the file of a sample workspace copy it replaces, and what",
             "# `rac validate` must then give (a finding's rule and position, or a usage error's exit code and",
             "# words). Written by _generate.py; tests/test_corpus.py runs every row.", "cases:"]
    for case in CASES:
        (HERE / case.name).write_bytes(case.content)
        lines.append(f"  {case.name}: {json.dumps(table_entry(case), ensure_ascii=False)}")
    (HERE / "expected.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(CASES)} cases written to {HERE}")


if __name__ == "__main__":
    main()
