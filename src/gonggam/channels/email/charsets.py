"""Turning e-mail bytes into text: declared charsets, Korean legacy charsets, safe fallbacks.

Korean mail still arrives as EUC-KR, CP949 (Outlook labels it ks_c_5601-1987) and ISO-2022-KR,
and sometimes with no or a wrong charset label. We try the declared charset, then UTF-8, then
CP949, and only then decode with replacement characters, so a message is never refused for
its encoding.
"""

from __future__ import annotations

import codecs
import email.header
import re

# CP949 is a superset of EUC-KR, and "ks_c_5601-1987" in real mail means CP949.
_ALIASES = {
    "euc-kr": "cp949",
    "euc_kr": "cp949",
    "euckr": "cp949",
    "ks_c_5601-1987": "cp949",
    "ks_c_5601": "cp949",
    "ksc5601": "cp949",
    "x-windows-949": "cp949",
    "windows-949": "cp949",
    "uhc": "cp949",
    "iso-2022-kr": "iso2022_kr",
    "csiso2022kr": "iso2022_kr",
    "us-ascii": "utf-8",  # mislabelled 8-bit text is common; UTF-8 reads plain ASCII the same
    "ascii": "utf-8",
}

_SURROGATE = re.compile("[\udc80-\udcff]")


def codec_for(charset: str | None) -> str | None:
    """A Python codec name for a MIME charset label, or None when unknown."""
    if not charset:
        return None
    name = _ALIASES.get(charset.strip().strip('"').lower(), charset.strip().strip('"').lower())
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_bytes(raw: bytes, charset: str | None) -> str:
    """Text from a body part's bytes: declared charset, UTF-8, CP949, then with replacements."""
    tried: list[str] = []
    for candidate in (codec_for(charset), "utf-8", "cp949"):
        if candidate is None or candidate in tried:
            continue
        tried.append(candidate)
        try:
            return raw.decode(candidate)
        except (UnicodeDecodeError, LookupError):
            continue
    return raw.decode(codec_for(charset) or "utf-8", errors="replace")


def repair_header(value: str) -> str:
    """A header as readable text.

    The stdlib decodes RFC 2047 words; raw 8-bit headers (EUC-KR without encoding, common in
    older Korean mailers) arrive as surrogate escapes, which we decode as bytes here. Encoded
    words the stdlib left alone (bad charset names) are decoded with our charset rules.
    """
    if _SURROGATE.search(value):
        value = decode_bytes(value.encode("utf-8", "surrogateescape"), None)
    if "=?" in value:
        try:
            parts = email.header.decode_header(value)
        except (ValueError, email.errors.HeaderParseError):
            return value
        if any(isinstance(chunk, bytes) for chunk, _ in parts):
            value = "".join(
                decode_bytes(chunk, charset) if isinstance(chunk, bytes) else chunk
                for chunk, charset in parts
            )
    return " ".join(value.split())
