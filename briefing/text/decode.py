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
# Invisible characters that only get in the way of matching (zero-width space, word joiner, BOMs mid-text;
# the zero-width joiner and non-joiner too, except between two non-ASCII characters, where Persian, the Indic
# scripts and emoji sequences need them to be written correctly).
_INVISIBLE = re.compile(r"[\u200b\u2060\ufeff\ufffe]|(?<![^\x00-\x7f])[\u200c\u200d]|[\u200c\u200d](?![^\x00-\x7f])")
_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
_BINARY_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")  # C1 controls are only stripped: latin-1 leftovers
# Everything normalise_text replaces or removes, in one class: most texts have none, and one scan is cheap.
_SPECIAL = re.compile(
    r"[\r\u2028\u2029\x0b\x0c\x85\x00-\x08\x0e-\x1f\x7f-\x9f\u200b\u200c\u200d\u2060\ufeff\ufffe]"
)
# The ASCII bytes normalise_text touches (controls, CR, VT, FF), kept by bytes.translate when the others go.
_PLAIN_BYTES = bytes([9, 10, *range(0x20, 0x7F), *range(0x80, 0x100)])
_NEWLINE_BYTES = b"\r\x0b\x0c"


def _mojibake_pattern() -> re.Pattern[str]:
    """UTF-8 bytes that were read as cp1252 (or latin-1): a lead character then continuation characters."""
    cont = []
    for byte in range(0x80, 0xC0):
        try:
            cont.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            cont.append(chr(byte))  # undefined in cp1252: latin-1 kept it as a C1 control
    c = "[" + re.escape("".join(cont)) + "]"
    # One leading class, then the lookbehind tells which lead it was: the same matches as the plain
    # alternation "[\u00c2-\u00df]c|[\u00e0-\u00ef]cc|[\u00f0-\u00f4]ccc", but the regex engine can skip
    # ahead to candidate leads instead of trying three branches at every character (about 4x faster).
    return re.compile(
        f"[\u00c2-\u00f4](?:(?<=[\u00c2-\u00df]){c}|(?<=[\u00e0-\u00ef]){c}{{2}}|(?<=[\u00f0-\u00f4]){c}{{3}})"
    )


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
    text, body = _decode(data)
    if body is None:  # UTF-16/32: count on the text
        controls = len(_BINARY_CONTROL.findall(text))
        special = True
    else:
        # UTF-8, cp1252 and latin-1 decode every ASCII byte to the same character (and mojibake repair
        # only touches non-ASCII), so the bytes tell the same count, much faster than a regex on the text
        odd = body.translate(None, _PLAIN_BYTES)
        controls = len(odd) - sum(odd.count(b) for b in _NEWLINE_BYTES)
        special = bool(odd) or not text.isascii()
    if controls > _MAX_CONTROL_SHARE * max(len(text), 1):
        raise BinaryData("binary content (control characters)")
    # plain ASCII without controls or CRs is already normal (and NFC): most files
    return normalise_text(text) if special else text


def normalise_text(text: str) -> str:
    """Newlines to \\n, NFC, control and invisible characters removed."""
    if not _SPECIAL.search(text):
        return unicodedata.normalize("NFC", text)
    text = _NEWLINES.sub("\n", text)
    text = _CONTROL.sub("", text)
    text = _INVISIBLE.sub("", text)
    return unicodedata.normalize("NFC", text)


def _decode(data: bytes) -> tuple[str, bytes | None]:
    """(text, the bytes it was decoded from when that encoding maps ASCII bytes to themselves, else None)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            body = data[len(bom):]
            try:
                return body.decode(encoding), (body if encoding == "utf-8" else None)
            except UnicodeDecodeError:
                raise BinaryData(f"invalid {encoding.upper()} text") from None
    encoding = _utf16_without_bom(data[:8192])
    if encoding:
        try:
            return data.decode(encoding), None
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        raise BinaryData("binary content (NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return (text if text.isascii() else _repair_mojibake(text)), data
    try:
        return data.decode("cp1252"), data
    except UnicodeDecodeError:  # 0x81, 0x8d, 0x8f, 0x90, 0x9d: undefined in cp1252
        return data.decode("latin-1"), data


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
