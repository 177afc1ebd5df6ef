"""Removing personal metadata from a JPEG without touching its picture (no decode, no re-compression).

A JPEG is a list of marker segments followed by entropy-coded scans. The picture lives in the
frame, table and scan segments; metadata lives in APPn and COM segments. We rewrite the file
keeping only what decoding needs: SOF/DHT/DQT/DRI/SOS/DNL, the scans themselves, APP0 (JFIF),
APP2 ICC_PROFILE (colours) and APP14 Adobe (how to read the colour channels). EXIF (GPS, camera
serial numbers, dates), XMP, IPTC, comments, MPF and anything after the end-of-image marker
(second pictures, maker trailers) are dropped.
"""

from __future__ import annotations

import struct

from crosspost.errors import UserError

EOI, SOS = 0xD9, 0xDA
APP0, APP2, APP14, COM = 0xE0, 0xE2, 0xEE, 0xFE
_STANDALONE = {0x01, *range(0xD0, 0xD8)}  # TEM, RST0..7: no length


def _keep(marker: int, payload: bytes) -> bool:
    if APP0 <= marker <= 0xEF:
        if marker == APP0:
            return payload.startswith((b"JFIF\x00", b"JFXX\x00"))
        if marker == APP2:
            return payload.startswith(b"ICC_PROFILE\x00")
        if marker == APP14:
            return payload.startswith(b"Adobe")
        return False
    return marker != COM


def strip_jpeg(data: bytes) -> bytes:
    """DATA (a JPEG file) with its personal metadata removed, the picture bytes unchanged."""
    if not data.startswith(b"\xff\xd8"):
        raise UserError("The file is not a JPEG.")
    out = bytearray(b"\xff\xd8")
    pos, n = 2, len(data)
    in_scan = False
    while pos < n:
        if in_scan:
            # Entropy-coded data: copy up to the next real marker (0xFF not followed by a stuffed 0x00
            # or a restart marker).
            start = pos
            while True:
                ff = data.find(b"\xff", pos)
                if ff < 0 or ff + 1 >= n:
                    raise UserError("The JPEG is truncated (no end-of-image marker).")
                nxt = data[ff + 1]
                if nxt == 0x00 or 0xD0 <= nxt <= 0xD7 or nxt == 0xFF:
                    pos = ff + 1 if nxt == 0xFF else ff + 2
                    continue
                out += data[start:ff]
                pos = ff
                in_scan = False
                break
            continue
        if data[pos] != 0xFF:
            raise UserError("The JPEG's structure is damaged.")
        while pos < n and data[pos] == 0xFF:  # fill bytes before a marker
            pos += 1
        if pos >= n:
            break
        marker = data[pos]
        pos += 1
        if marker == EOI:
            out += b"\xff\xd9"
            return bytes(out)  # anything after the end of the image is dropped
        if marker in _STANDALONE:
            out += bytes((0xFF, marker))
            continue
        if pos + 2 > n:
            raise UserError("The JPEG is truncated.")
        (length,) = struct.unpack(">H", data[pos : pos + 2])
        if length < 2 or pos + length > n:
            raise UserError("The JPEG's structure is damaged.")
        payload = data[pos + 2 : pos + length]
        if _keep(marker, payload):
            out += bytes((0xFF, marker)) + data[pos : pos + length]
        pos += length
        if marker == SOS:
            in_scan = True
    raise UserError("The JPEG is truncated (no end-of-image marker).")
