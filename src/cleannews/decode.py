"""Turn raw bytes (a scraped dump or a saved page) into text.

Chinese news arrives as UTF-8, GBK/GB2312/GB18030, Big5/Big5-HKSCS or
UTF-16, often with a ``<meta charset>`` that lies. The order of the checks
is chosen so that the cheap, certain answers come first:

1. a byte-order mark (UTF-8, UTF-16, UTF-32) is trusted;
2. strict UTF-8 wins next: legacy bytes almost never decode as valid UTF-8,
   so a page that *declares* gb2312 but decodes as UTF-8 is UTF-8;
3. UTF-16 without BOM, spotted by its NUL pattern (before binary rejection,
   because UTF-16 text is full of NUL bytes);
4. binary data is rejected (magic numbers, NUL bytes, control characters);
5. charset-normalizer, restricted to encodings that make sense for Chinese.

GB2312 and GBK are always decoded as GB18030, their superset, so that a page
labelled gb2312 that uses a GBK-only character still decodes. Newlines are
normalised: CRLF and lone CR become LF, so line numbers mean the same thing
whatever platform wrote the file.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from typing import Optional

__all__ = ["Decoded", "InputError", "decode_bytes"]


class InputError(Exception):
    """The input is not text we can read; the message is one line saying why."""


@dataclass(frozen=True)
class Decoded:
    """Decoded text, the codec that produced it and whether a BOM was present."""

    text: str
    encoding: str
    had_bom: bool


_BOMS = (  # longest first: the UTF-32 LE BOM starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"BM", None),  # too short to trust alone; see _magic()
    (b"\x7fELF", "ELF executable"),
    (b"BZh", None),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office (OLE) document"),
    (b"RIFF", None),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
    (b"\x00\x00\x01\x00", "icon file"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\x28\xb5\x2f\xfd", "zstd archive"),
)

# Map charset-normalizer / declared names to the codec we decode with.
_CANON = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "cp936": "gb18030",
    "gb18030": "gb18030",
    "hz": "gb18030",
    "big5": "big5hkscs",
    "big5hkscs": "big5hkscs",
    "cp950": "cp950",
    "utf_8": "utf-8",
    "utf_16": "utf-16",
    "utf_16_le": "utf-16-le",
    "utf_16_be": "utf-16-be",
    "ascii": "utf-8",
}

_CANDIDATES = ["gb18030", "big5", "big5hkscs", "cp950", "utf_16"]

# C0 controls other than tab, LF, VT, FF, CR, ESC (ESC shows up in ISO-2022 and ANSI colours).
_CONTROLS = r"\x00-\x08\x0e-\x1a\x1c-\x1f\x7f"
_CONTROL = re.compile(f"[{_CONTROLS}]".encode("ascii"))
_CONTROL_CHAR = re.compile(f"[{_CONTROLS}]")
# ... and, in text a legacy codec produced, what a wrong codec leaves: C1 controls, private use, surrogates, U+FFFD
_UNLIKELY_CHAR = re.compile(rf"[{_CONTROLS}\x80-\x9f\ue000-\uf8ff\ud800-\udfff\ufffd]")


def _magic(data: bytes) -> Optional[str]:
    """Name the file type if ``data`` starts with a known binary signature.

    >>> _magic(b"\\x89PNG\\r\\n\\x1a\\n....")
    'PNG image'
    >>> _magic("新闻".encode()) is None
    True
    """
    for sig, label in _MAGIC:
        if label and data.startswith(sig):
            return label
    return None


def _normalise_newlines(text: str) -> str:
    r"""CRLF and lone CR become LF.

    >>> _normalise_newlines("a\r\nb\rc\n")
    'a\nb\nc\n'
    """
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _plausible_text(text: str, strict: bool = True) -> bool:
    """True when decoded text looks like text: few controls and, if ``strict``, no private-use soup.

    Valid UTF-8 is checked with ``strict=False``: U+FFFD, private-use characters and C1
    controls there are real content, not a sign of a wrong codec. GBK text read as
    Latin-1 and saved as UTF-8 is full of C1 controls (every trail byte 0x80-0x9F);
    the mojibake pass repairs it, so it must not be refused as binary.

    >>> _plausible_text("北京时间 2021 年")
    True
    >>> _plausible_text("\\ue000\\ue001\\x01\\x02")
    False
    >>> _plausible_text("´´\\x90\\x8f\\x95\\x8e", strict=False)
    True
    """
    bad = len((_UNLIKELY_CHAR if strict else _CONTROL_CHAR).findall(text))  # a regex scan: no loop in Python
    return bad <= max(2, len(text) // 200)


def _utf16_by_nuls(data: bytes) -> Optional[str]:
    """Guess UTF-16 LE/BE from where the NUL bytes sit (ASCII in UTF-16 is ``xx 00``).

    >>> _utf16_by_nuls("标题 Title\\n".encode("utf-16-le"))
    'utf-16-le'
    >>> _utf16_by_nuls("标题 Title\\n".encode("utf-16-be"))
    'utf-16-be'
    >>> _utf16_by_nuls(b"plain ascii") is None
    True
    """
    if len(data) < 2 or len(data) % 2:
        return None
    sample = data[:65536]
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    total = even + odd
    if total < max(1, len(sample) // 100):
        return None
    if odd >= 0.9 * total and odd > even:
        return "utf-16-le"
    if even >= 0.9 * total and even > odd:
        return "utf-16-be"
    return None


def _try(data: bytes, codec: str) -> Optional[str]:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _binary_reason(data: bytes) -> Optional[str]:
    """Say why ``data`` is binary, or None if it might be text.

    >>> _binary_reason(b"abc\\x00def")
    'binary file (NUL bytes), not text'
    >>> _binary_reason("正文".encode("gbk")) is None
    True
    """
    label = _magic(data)
    if label:
        return f"binary file ({label}), not text"
    sample = data[:65536]
    if b"\x00" in sample:
        return "binary file (NUL bytes), not text"
    controls = len(_CONTROL.findall(sample))
    if controls > max(4, len(sample) // 100):
        return "binary file (control characters), not text"
    return None


def _declared(data: bytes) -> Optional[str]:
    """The charset a page or XML prolog declares, as a canonical codec name.

    >>> _declared(b'<meta charset="GB2312">')
    'gb18030'
    >>> _declared(b'<?xml version="1.0" encoding="big5"?>')
    'big5hkscs'
    """
    head = data[:4096]
    m = re.search(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", head, re.I) or re.search(
        rb"""<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_\-]+)""", head, re.I
    )
    if not m:
        return None
    name = m.group(1).decode("ascii", "replace").lower().replace("-", "_")
    try:
        name = codecs.lookup(name).name.replace("-", "_")
    except LookupError:
        return None
    return _CANON.get(name)


def _low_trail_ratio(data: bytes) -> float:
    """Share of double-byte characters whose trail byte is below 0xA1.

    Bytes that decode both as GB18030 and as Big5 need a tie-break. GB2312
    characters (nearly all of mainland news) have both bytes in 0xA1-0xFE,
    while about 40% of Big5 characters have a trail byte in 0x40-0x7E.

    >>> _low_trail_ratio("新闻报道".encode("gbk"))
    0.0
    >>> _low_trail_ratio("新聞報導，記者今天說明。".encode("big5")) > 0.2
    True
    """
    low = total = i = 0
    n = len(data)
    while i < n:
        b = data[i]
        if b < 0x80 or i + 1 >= n:
            i += 1
            continue
        t = data[i + 1]
        if 0x30 <= t <= 0x39:  # GB18030 four-byte sequence
            i += 4
            continue
        total += 1
        if t < 0xA1:
            low += 1
        i += 2
    return low / total if total else 0.0


def _guess(data: bytes) -> Optional[tuple[str, str]]:
    """Run charset-normalizer over the Chinese-sensible candidates."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - dependency is declared
        return None
    best = from_bytes(data, cp_isolation=_CANDIDATES).best()
    if best is None:
        return None
    codec = _CANON.get(best.encoding.lower().replace("-", "_"), best.encoding)
    text = _try(data, codec)
    if text is None:
        return None
    return text, codec


def decode_bytes(data: bytes, name: Optional[str] = None) -> Decoded:
    r"""Decode ``data`` into text; raise :class:`InputError` for binary or undecodable input.

    ``name`` only improves error messages. The BOM is stripped from the text;
    CRLF and CR are turned into LF.

    >>> decode_bytes("新闻\r\n".encode("gbk"))
    Decoded(text='新闻\n', encoding='gb18030', had_bom=False)
    >>> decode_bytes(b"\xef\xbb\xbfok").text
    'ok'
    >>> decode_bytes(b"")
    Decoded(text='', encoding='utf-8', had_bom=False)
    >>> decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    Traceback (most recent call last):
    ...
    cleannews.decode.InputError: binary file (PNG image), not text
    """
    prefix = f"{name}: " if name else ""
    if not data:
        return Decoded("", "utf-8", False)

    for bom, codec in _BOMS:
        if data.startswith(bom):
            text = _try(data[len(bom) :], codec)
            if text is None:
                raise InputError(f"{prefix}starts with a {codec} byte-order mark but is not valid {codec}")
            return Decoded(_normalise_newlines(text), codec, True)

    text = _try(data, "utf-8")
    if text is not None:
        if "\x00" in text or not _plausible_text(text[:65536], strict=False):
            reason = _binary_reason(data) or "binary file (control characters), not text"
            raise InputError(prefix + reason)
        return Decoded(_normalise_newlines(text), "utf-8", False)

    codec16 = _utf16_by_nuls(data)
    if codec16:
        text = _try(data, codec16)
        if text is not None and _plausible_text(text[:32768]):
            return Decoded(_normalise_newlines(text), codec16, False)

    reason = _binary_reason(data)
    if reason:
        raise InputError(prefix + reason)

    # A declared legacy charset is a good hint when the bytes agree with it strictly.
    declared = _declared(data)
    if declared and declared not in ("utf-8", "utf-16", "utf-16-le", "utf-16-be"):
        text = _try(data, declared)
        if text is not None and _plausible_text(text[:65536]):
            return Decoded(_normalise_newlines(text), declared, False)

    # Strict decodes of the common legacy codecs: GB18030 first (mainland news dominates).
    strict = []
    for codec in ("gb18030", "big5hkscs"):
        text = _try(data, codec)
        if text is not None and _plausible_text(text[:65536]):
            strict.append((codec, text))
    if len(strict) == 1:
        codec, text = strict[0]
        return Decoded(_normalise_newlines(text), codec, False)
    if len(strict) == 2:
        codec, text = strict[1] if _low_trail_ratio(data) > 0.2 else strict[0]
        return Decoded(_normalise_newlines(text), codec, False)

    guess = _guess(data)
    if guess is not None and _plausible_text(guess[0][:65536]):
        text, codec = guess
        if strict and codec not in {c for c, _ in strict}:
            codec, text = strict[0]
        return Decoded(_normalise_newlines(text), codec, False)
    if strict:
        codec, text = strict[0]
        return Decoded(_normalise_newlines(text), codec, False)

    # Last resort for real-world dumps: GB18030 with a few broken bytes (dropped bytes in
    # scraped GBK), accepted only when almost everything decodes.
    text = data.decode("gb18030", errors="replace")
    if text.count("\ufffd") <= max(2, len(text) // 500):
        return Decoded(_normalise_newlines(text), "gb18030", False)
    text = data.decode("big5hkscs", errors="replace")
    if text.count("\ufffd") <= max(2, len(text) // 500):
        return Decoded(_normalise_newlines(text), "big5hkscs", False)
    raise InputError(prefix + "cannot decode: not UTF-8, UTF-16, GB18030 or Big5 text")
