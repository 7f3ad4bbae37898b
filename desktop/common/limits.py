"""The limits on outside data, and the one cleaner for text written into XML.

Every boundary where data enters (file readers, JSON input, query text) checks these sizes
and depths and says which was exceeded; every text written into a DOCX or XLSX part passes
:func:`xml_text`.  The limits are documented in docs/library.md (Limits) and docs/forms.md.
"""

from __future__ import annotations

import re

MAX_CELL_CHARS = 32_767  # one spreadsheet cell or CSV/JSON field (Excel's own cell limit)
MAX_LINE_CHARS = 2_000  # a one-line field of a catalogue item (a condition, a step)
MAX_NAME_CHARS = 100  # a name: a catalogue item's name
MAX_RECORD_LINES = 100  # physical lines one quoted CSV record may span
MAX_QUERY_CHARS = 2_000  # one search query
MAX_QUERY_DEPTH = 32  # nested brackets in a query
MAX_QUERY_TERMS = 256  # words, fields and operators in one query
MAX_JSON_BYTES = 2_000_000  # a form's --data file
MAX_JSON_DEPTH = 32  # nested [ ] / { } in JSON input (forms data, JSON Lines rows)
MAX_ZIP_MEMBER_BYTES = 1_500_000_000  # one part of an XLSX/DOCX, uncompressed
MAX_ZIP_TOTAL_BYTES = 3_000_000_000  # all parts of an XLSX/DOCX, uncompressed
MAX_ZIP_RATIO = 200  # uncompressed/compressed, for parts over ZIP_RATIO_FROM bytes
ZIP_RATIO_FROM = 20_000_000
MAX_SHARED_TEXT_CHARS = 80_000_000  # all shared strings of one workbook, kept in memory

# XML 1.0 forbids C0 controls but tab/newline/CR, lone surrogates and U+FFFE/U+FFFF; the
# other non-characters (U+FDD0..U+FDEF, U+nFFFE/nFFFF) and C1 controls are allowed but
# break Word and Excel, so they go too.
_XML_ILLEGAL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
    "\U0001fffe\U0001ffff\U0002fffe\U0002ffff\U0003fffe\U0003ffff\U0004fffe\U0004ffff"
    "\U0005fffe\U0005ffff\U0006fffe\U0006ffff\U0007fffe\U0007ffff\U0008fffe\U0008ffff"
    "\U0009fffe\U0009ffff\U000afffe\U000affff\U000bfffe\U000bffff\U000cfffe\U000cffff"
    "\U000dfffe\U000dffff\U000efffe\U000effff\U000ffffe\U000fffff\U0010fffe\U0010ffff]")


def xml_text(text: str) -> str:
    """``text`` without the characters XML (or Word and Excel) cannot hold."""
    return _XML_ILLEGAL.sub("", text) if _XML_ILLEGAL.search(text) else text


def has_xml_illegal(text: str) -> bool:
    return _XML_ILLEGAL.search(text) is not None


_CONTROL_IN_NAME = re.compile("[\x00-\x1f\x7f]")


def one_line(text: str) -> str:
    """A file name or value shown in a message, on one line (``\\n`` shown as ``\\n``)."""
    if not _CONTROL_IN_NAME.search(text):
        return text
    return _CONTROL_IN_NAME.sub(lambda m: repr(m.group())[1:-1], text)


def json_depth_over(text: str, limit: int = MAX_JSON_DEPTH) -> bool:
    """True when ``text`` (JSON) nests ``[ ]``/``{ }`` deeper than ``limit`` (strings
    skipped); iterative, so any depth is measured without recursion."""
    if text.count("[") + text.count("{") <= limit:
        return False
    depth = 0
    for m in _JSON_TOKENS.finditer(text):
        ch = m.group()
        if ch in "[{":
            depth += 1
            if depth > limit:
                return True
        elif ch in "]}":
            depth -= 1
    return False


_JSON_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"?|[\[\]{}]')


def json_value_problem(exc: BaseException) -> tuple[str, str]:
    """(zh, en) for a JSON text ``json.loads`` refused with a ValueError other than a syntax
    error (a number beyond Python's digit limit) or a RecursionError."""
    text = str(exc)
    if "digits" in text:
        return ("数字超过4,300位，无法读取", "a number has more than 4,300 digits")
    if isinstance(exc, RecursionError):
        return (f"嵌套超过{MAX_JSON_DEPTH}层", f"nested deeper than {MAX_JSON_DEPTH} levels")
    why = " ".join(text.split())[:120]
    return (f"无法读取的值（{why}）", f"a value that cannot be read ({why})")
