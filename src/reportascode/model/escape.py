"""Output encoding per format, for text that came from data (a report value, an evidence cell, a commit message).

* terminal text: control characters (C0 but tab, DEL, C1) and bidirectional overrides are shown escaped
  (``\\x1b``, ``\\u202e``); a line break inside a value is shown as ``\\n``, so a value can neither forge a line of
  output nor retitle the terminal;
* Markdown: markup characters are escaped (``\\*``, ``\\[``…) and ``<``, ``>``, ``&`` become entities, so ``<!--``
  or ``<script>`` from data stays text; a line break becomes a space;
* CSV: a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is prefixed with ``'``
  (OWASP's advice against CSV injection), so a spreadsheet never reads it as a formula.

JSON and SARIF stay exact (their encoders escape what they must); HTML is escaped by Jinja's autoescape; XLSX text
is written as string cells (render/xlsx.py).
"""

from __future__ import annotations

from reportascode.model.lazy_regex import lazy_compile

# the characters shown escaped on a terminal, each with its escape (a table for str.translate: compiling the same
# character class as a pattern costs every run more than escaping all its output)
_CONTROL_CHARACTERS = [*range(0x00, 0x09), *range(0x0a, 0x20), *range(0x7f, 0xa0), 0x200e, 0x200f,
                       *range(0x202a, 0x202f), *range(0x2066, 0x206a), 0x2028, 0x2029]
_TERMINAL = {code: "\\n" if code == 0x0a else "\\r" if code == 0x0d else f"\\x{code:02x}" if code < 0x100
             else f"\\u{code:04x}" for code in _CONTROL_CHARACTERS}
_MARKDOWN = str.maketrans({**{c: f"\\{c}" for c in "\\`*_[]|~#"},
                           "<": "&lt;", ">": "&gt;", "&": "&amp;", "\n": " ", "\r": " "})
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def terminal(text: str) -> str:
    """``text`` safe to print on a terminal line (see the module docstring)."""
    return text.translate(_TERMINAL)


def markdown(text: str) -> str:
    """``text`` as literal Markdown text (see the module docstring)."""
    return terminal(text.translate(_MARKDOWN))


def csv_cell(text: str) -> str:
    """A CSV cell a spreadsheet will not evaluate (see the module docstring)."""
    return "'" + text if text.startswith(_FORMULA_START) else text


_NOT_XML = lazy_compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """Text that XML (DOCX, XLSX) can hold: characters XML 1.0 forbids are shown escaped (``\\x1b``), never a
    crash of the document writer."""
    if not _NOT_XML.search(text):
        return text
    return _NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}",
                        text)
