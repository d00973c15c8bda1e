"""Bytes to clean Unicode text, or a clear "this is not text".

Order of trust: a byte-order mark (UTF-8, UTF-16, UTF-32), then strict UTF-8, then BOM-less UTF-16 (told
by its NUL pattern), then cp1252 (what "ANSI" text from Windows really is), then latin-1 for the five bytes
cp1252 leaves undefined. Text that was UTF-8 but went through a cp1252 decoder once ("Azerbaijanâ€™s")
is repaired. Anything with NUL bytes or too many control characters is binary, never "decoded".
"""
from __future__ import annotations

import codecs
import re
import unicodedata

__all__ = ["BinaryData", "decode_bytes", "normalise_text", "looks_binary"]


class BinaryData(ValueError):
    """The bytes are not text in any encoding we accept."""


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# C0 controls except tab, newline, vertical tab, form feed, carriage return; DEL; C1 controls.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1f\x7f]")
# Invisible characters that only get in the way of matching (zero-width space/joiners, BOMs mid-text).
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\ufffe]")
_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
_BINARY_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")  # C1 controls are only stripped: latin-1 leftovers


def _mojibake_pattern() -> re.Pattern[str]:
    """UTF-8 bytes that were read as cp1252 (or latin-1): a lead character then continuation characters."""
    cont = []
    for byte in range(0x80, 0xC0):
        try:
            cont.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            cont.append(chr(byte))  # undefined in cp1252: latin-1 kept it as a C1 control
    c = "[" + re.escape("".join(cont)) + "]"
    return re.compile(f"[\u00c2-\u00df]{c}|[\u00e0-\u00ef]{c}{{2}}|[\u00f0-\u00f4]{c}{{3}}")


_MOJIBAKE = _mojibake_pattern()
_MAX_CONTROL_SHARE = 0.02  # real text has (nearly) none; random bytes about 10 %


def looks_binary(data: bytes) -> bool:
    """Cheap test on a sample: NUL bytes (outside UTF-16/32) or many control bytes."""
    sample = data[:8192]
    if any(sample.startswith(bom) for bom, _ in _BOMS if not bom.startswith(codecs.BOM_UTF8)):
        return False
    if _utf16_without_bom(sample):
        return False
    if b"\x00" in sample:
        return True
    return len(_CONTROL_BYTES.findall(sample)) > _MAX_CONTROL_SHARE * max(len(sample), 1)


def decode_bytes(data: bytes) -> str:
    """Decode and normalise (see normalise_text). Raises BinaryData for anything that is not text."""
    text = _decode(data)
    if len(_BINARY_CONTROL.findall(text)) > _MAX_CONTROL_SHARE * max(len(text), 1):
        raise BinaryData("binary content (control characters)")
    return normalise_text(text)


def normalise_text(text: str) -> str:
    """Newlines to \\n, NFC, control and invisible characters removed."""
    text = _NEWLINES.sub("\n", text)
    text = _CONTROL.sub("", text)
    text = _INVISIBLE.sub("", text)
    return unicodedata.normalize("NFC", text)


def _decode(data: bytes) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding)
            except UnicodeDecodeError:
                raise BinaryData(f"invalid {encoding.upper()} text") from None
    encoding = _utf16_without_bom(data[:8192])
    if encoding:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        raise BinaryData("binary content (NUL bytes)")
    try:
        return _repair_mojibake(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:  # 0x81, 0x8d, 0x8f, 0x90, 0x9d: undefined in cp1252
        return data.decode("latin-1")


def _utf16_without_bom(sample: bytes) -> str | None:
    """UTF-16 of mostly ASCII text has a NUL in every other byte."""
    n = len(sample) - len(sample) % 2
    if n < 8:
        return None
    even, odd = sample[0:n:2], sample[1:n:2]
    half = n // 2
    if odd.count(0) > 0.9 * half and even.count(0) < 0.1 * half:
        return "utf-16-le"
    if even.count(0) > 0.9 * half and odd.count(0) < 0.1 * half:
        return "utf-16-be"
    return None


def _repair_mojibake(text: str) -> str:
    """Undo UTF-8 read as cp1252 ("Azerbaijanâ€™s" -> "Azerbaijan’s"), sequence by sequence."""
    if not _MOJIBAKE.search(text):
        return text
    return _MOJIBAKE.sub(_unmangle, text)


def _unmangle(match: re.Match[str]) -> str:
    chars = match.group(0)
    try:
        raw = bytes(ord(ch) if ord(ch) < 0x100 else ch.encode("cp1252")[0] for ch in chars)
        return raw.decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return chars
