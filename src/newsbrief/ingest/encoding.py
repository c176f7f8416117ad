"""Bytes to text: byte-order marks, legacy encodings, and inputs that are not text at all.

``decode_text(data)`` tries, in order: a byte-order mark (UTF-8, UTF-16, UTF-32), strict
UTF-8, then charset-normalizer's best guess (cp1252, ISO-8859-x, Shift-JIS, GB2312...),
and last UTF-8 with bad bytes replaced. The result is then checked by content: text whose
share of control, unassigned or replaced characters exceeds ``MAX_NON_TEXT_SHARE`` is
binary data, whatever its bytes looked like.

``Utf8Stream`` re-encodes a UTF-16/UTF-32 stream as UTF-8 on the fly, so the line-based
readers (JSONL) and the sniffing work on it unchanged.
"""

from __future__ import annotations

import codecs
import io
import re
import unicodedata
from dataclasses import dataclass
from typing import BinaryIO

from charset_normalizer import from_bytes

# Longest BOMs first: the UTF-32-LE mark starts with the UTF-16-LE one.
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
WIDE_ENCODINGS = ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")

# Share of characters that no text holds (C0/C1 controls other than whitespace,
# unassigned and private-use code points, U+FFFD). Measured on the shared data (seeds,
# summarization, clustering articles): the worst real text has 0.0024 (wcep_dev, stray
# controls); 6 KB of random bytes without NUL has 0.55, and at least 0.10 under any
# single-byte codec (27 of 255 byte values are controls). 0.05 sits far from both.
MAX_NON_TEXT_SHARE = 0.05
# charset-normalizer reads this much of a long input to choose the codec.
DETECTION_BYTES = 64 * 1024

_TEXT_CONTROLS = frozenset("\t\n\r\f\v")
_NON_TEXT_CATEGORIES = frozenset(("Cc", "Cn", "Co", "Cs"))
_NOT_PRINTABLE_ASCII = re.compile(r"[^\x20-\x7e]")


@dataclass(frozen=True)
class DecodedText:
    """Text read from bytes: the text, or why it is not text, and how it was decoded."""

    text: str | None
    encoding: str
    note: str | None = None  # a problem worth reporting although the text was kept
    reason: str | None = None  # why ``text`` is None


def bom_encoding(head: bytes) -> str | None:
    """Return the encoding that a byte-order mark at the start of ``head`` declares."""
    for bom, encoding in BOMS:
        if head.startswith(bom):
            return encoding
    return None


# UTF-16 without a byte-order mark (some Windows exports): in text of Latin script every
# other byte is NUL. At least this share of one parity's bytes NUL, and almost none of the
# other's, tells it from binary data (random bytes: 1 in 256 of each).
_WIDE_NUL_SHARE = 0.9
_NARROW_NUL_SHARE = 0.05


def wide_encoding(head: bytes) -> str | None:
    """Return the UTF-16/32 encoding of an input's first bytes: the one its byte-order mark
    declares, or UTF-16 without a mark when every other byte is NUL; None otherwise."""
    declared = bom_encoding(head[:4])
    if declared is not None:
        return declared if declared in WIDE_ENCODINGS else None
    sample = head[: len(head) // 2 * 2]
    if len(sample) < 16:
        return None
    even, odd = sample[0::2], sample[1::2]
    share = {name: part.count(0) / len(part) for name, part in (("even", even), ("odd", odd))}
    if share["odd"] >= _WIDE_NUL_SHARE and share["even"] <= _NARROW_NUL_SHARE:
        return "utf-16-le"
    if share["even"] >= _WIDE_NUL_SHARE and share["odd"] <= _NARROW_NUL_SHARE:
        return "utf-16-be"
    return None


def non_text_share(text: str) -> float:
    """Return the share of characters of ``text`` that do not occur in text."""
    if not text:
        return 0.0
    odd = sum(
        1
        for char in _NOT_PRINTABLE_ASCII.findall(text)  # printable ASCII is never odd
        if char == "\ufffd"
        or (char not in _TEXT_CONTROLS and unicodedata.category(char) in _NON_TEXT_CATEGORIES)
    )
    return odd / len(text)


def _checked(text: str, encoding: str, note: str | None) -> DecodedText:
    share = non_text_share(text)
    if share > MAX_NON_TEXT_SHARE:
        reason = f"binary data, not text ({share:.0%} control or unassigned characters)"
        return DecodedText(None, encoding, reason=reason)
    return DecodedText(text, encoding, note=note)


# windows-1252: preferred among legacy encodings that read a text equally well.
WESTERN = "cp1252"


def decode_text(data: bytes) -> DecodedText:
    """Return the text in ``data`` (see the module docstring for the order of tries)."""
    declared = bom_encoding(data[:4])
    if b"\x00" in data and declared not in WIDE_ENCODINGS:
        return DecodedText(None, "binary", reason="binary data, not text (NUL bytes)")
    if declared:
        bom_length = 4 if declared.startswith("utf-32") else 3 if declared == "utf-8" else 2
        body = data[bom_length:]
        try:
            return _checked(body.decode(declared), declared, None)
        except UnicodeDecodeError as error:
            # The mark declares the codec; bytes it cannot read are replaced, not hidden.
            note = f"invalid {declared} after its byte-order mark at byte "
            note += f"{bom_length + error.start}; bad bytes replaced"
            return _checked(body.decode(declared, errors="replace"), declared, note)
    try:
        return _checked(data.decode("utf-8"), "utf-8", None)
    except UnicodeDecodeError as error:
        invalid_at = error.start
    replaced = data.decode("utf-8", errors="replace")
    bad = replaced.count("\ufffd")
    if sum(1 for char in replaced if char > "\x7f") - bad >= bad:
        # Mostly valid multi-byte UTF-8 with a few stray bytes: a damaged UTF-8 page,
        # not a legacy one (a codec guess would garble every other accented letter).
        return _checked(
            replaced, "utf-8", f"invalid UTF-8 at byte {invalid_at}; bad bytes replaced"
        )
    guess = from_bytes(data[:DETECTION_BYTES]).best()
    if guess is not None and guess.encoding not in ("utf_8", "utf-8", WESTERN):
        # On short texts several code pages read equally clean and the detector's pick is
        # arbitrary ("Café ... Zürich" came out as cp775, "Cafķ ... Z³rich"). windows-1252
        # is the web's default legacy encoding (WHATWG reads latin-1 as it): it wins when it
        # reads the bytes at least as cleanly; Cyrillic, Greek, Central European or CJK
        # bytes read as it are mojibake, far less clean, and keep their own code page.
        western = from_bytes(data[:DETECTION_BYTES], cp_isolation=[WESTERN]).best()
        if western is not None and western.chaos <= guess.chaos:
            guess = western
    if guess is not None and guess.encoding not in ("utf_8", "utf-8"):
        try:
            text = data.decode(guess.encoding)
        except (UnicodeDecodeError, LookupError):
            pass
        else:
            return _checked(text, guess.encoding, f"not UTF-8: read as {guess.encoding}")
    return _checked(replaced, "utf-8", f"invalid UTF-8 at byte {invalid_at}; bad bytes replaced")


# Where a page declares its charset: the HTTP header's "charset=", a <meta charset> or
# <meta http-equiv="Content-Type" content="...; charset=...">, an XML declaration. Browsers
# prescan 1,024 bytes for the meta; pages put it after long <script> heads, so more.
PRESCAN_BYTES = 4096
_CHARSET_PARAMETER = re.compile(rb"charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.IGNORECASE)
_DECLARING_TAG = re.compile(rb"<meta\b[^>]*>|<\?xml\b[^>]*\?>", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"encoding\s*=\s*[\"']([A-Za-z0-9._:-]+)", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml\b[^>]*\?>")
# Labels a page declares for a narrower codec than it writes in (WHATWG's encoding
# standard maps them so): GB2312 pages hold GBK characters, "ISO-8859-1" ones cp1252's.
_WHATWG_CODECS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "ascii": "cp1252",
    "us-ascii": "cp1252",
    "iso-8859-9": "cp1254",
    "shift_jis": "cp932",
    "sjis": "cp932",
    "euc-kr": "cp949",
    "tis-620": "cp874",
    "big5": "big5hkscs",
}


def declared_charsets(page: bytes, header: str = "") -> list[str]:
    """Return the codecs a page declares, the HTTP header's first, as Python names."""
    labels = [m.group(1) for m in _CHARSET_PARAMETER.finditer(header.encode("latin-1", "replace"))]
    for tag in _DECLARING_TAG.finditer(page[:PRESCAN_BYTES]):
        pattern = _XML_ENCODING if tag.group(0).startswith(b"<?") else _CHARSET_PARAMETER
        labels += [m.group(1) for m in pattern.finditer(tag.group(0))]
    codecs_found = []
    for label in labels:
        name = label.decode("ascii", "replace").lower()
        try:
            codec = codecs.lookup(_WHATWG_CODECS.get(name, name)).name
        except LookupError:
            continue
        if codec not in codecs_found:
            codecs_found.append(codec)
    return codecs_found


def decode_page(page: bytes, header: str = "") -> bytes | str:
    """Return an HTML page as text in the charset it declares, or its bytes unchanged.

    trafilatura guesses a page's codec from its bytes alone, and on a short Chinese page
    declared ``gbk`` it guessed a Central European code page ("ÉĎşŁĚŘÖŰ"). As browsers do,
    the declaration is followed (HTTP header, then meta) when the bytes are not UTF-8 and
    decode under it without error; otherwise the bytes go on to the guess. Valid UTF-8
    and byte-order marks are left to trafilatura, which reads them right.
    """
    if bom_encoding(page[:4]):
        return page
    try:
        page.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return page
    for codec in declared_charsets(page, header):
        # A page in UTF-16 has a byte-order mark, and its meta could not have been read as
        # ASCII: a wide codec declared is a mistake (WHATWG reads it as UTF-8).
        if codec == "utf-8" or codec.startswith(("utf-16", "utf-32")):
            continue
        try:
            text = page.decode(codec)
        except UnicodeDecodeError:
            continue
        # lxml refuses text that still declares a byte encoding.
        return _XML_DECLARATION.sub("", text, count=1)
    return page


class Utf8Stream(io.RawIOBase):
    """A readable binary stream of UTF-8, re-encoded from a stream in another encoding."""

    def __init__(self, raw: BinaryIO, encoding: str, chunk_bytes: int = 64 * 1024) -> None:
        super().__init__()
        self._raw = raw
        self._decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
        self._chunk_bytes = chunk_bytes
        self._pending = b""
        self._done = False
        self._started = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        while not self._pending and not self._done:
            chunk = self._raw.read(self._chunk_bytes)
            self._done = not chunk
            text = self._decoder.decode(chunk, final=self._done)
            if text and not self._started:
                text, self._started = text.removeprefix("\ufeff"), True
            self._pending = text.encode("utf-8")
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size
