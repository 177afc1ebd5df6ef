"""Finding the few sections we need in a JSON export that can be hundreds of MB.

A real ``user_data_tiktok.json`` is mostly watch history, searches and messages; the user's own posts
are a few KB. Building the whole tree (``json.load``) costs seconds and GBs. Instead we stream the
bytes once: a lower-cased copy of each 1 MiB chunk is searched (``bytes.find``, C speed) for the
section keys we need, and only from such a key does ijson's C backend parse, until that section's
value is complete. Everything else is skipped as bytes and never becomes a Python object, and the
private parts of the export never enter memory past the raw read buffer.

Keys are matched case-insensitively: the exact spelling found in the file is handed to ijson.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import ijson

from crosspost.errors import ExportFault, ExportUnreadable
from crosspost.importing.json_depth import DepthGuard
from crosspost.importing.records import Profile, clean, key_of
from crosspost.progress import NEVER_CANCELLED, CancelToken

if TYPE_CHECKING:
    from crosspost.importing.sources import ReadStream

CHUNK = 4 << 20
PARSE_BUFFER = 16 * 1024

# The lower-cased key bytes we look for, and what they are.
POST_SECTION_KEYS = (b'"video"', b'"post"', b'"posts and videos"')
PROFILE_SECTION_KEYS = (b'"profile"', b'"profile and settings"')
ALL_KEYS = POST_SECTION_KEYS + PROFILE_SECTION_KEYS
LONGEST_KEY = max(len(k) for k in ALL_KEYS)
_AFTER_KEY = re.compile(rb"\s*:\s*\{")

# Profile fields that are public and that we keep. Everything else in the profile (e-mail, phone,
# birth date) is seen by the parser only and dropped on the spot.
PUBLIC_PROFILE_KEYS = {
    "username": "username",
    "nickname": "display_name",
    "displayname": "display_name",
    "biodescription": "bio",
    "bio": "bio",
}


@dataclass
class JsonSections:
    post_sections: list[tuple[str, dict[str, Any]]] = field(default_factory=list)  # (key as spelled, value)
    profile: Profile = field(default_factory=Profile)
    profile_key: str | None = None


class _Replay:
    """A read()-able stream: some bytes already in hand, then the rest of the underlying stream.

    Remembers the last block it handed out, because ijson reads ahead: after a section is parsed the
    scan resumes from the start of that block, so a section right after it is not missed."""

    def __init__(self, head: bytes, stream: ReadStream, count: Callable[[int], None], name: str = "The file"):
        self.head = head
        self.guard = DepthGuard(name)  # ijson's memory grows with the square of the depth
        self.stream = stream
        self.count = count
        self.last_block = b""
        self.blocks = 0
        self.stream_ended = False

    def read(self, n: int = -1) -> bytes:
        if n == 0:
            return b""  # ijson probes the stream type with read(0)
        if self.head:
            if n < 0 or n >= len(self.head):
                block, self.head = self.head, b""
            else:
                block, self.head = self.head[:n], self.head[n:]
        else:
            block = self.stream.read(n if n > 0 else CHUNK)
            self.count(len(block))
            if not block:
                self.stream_ended = True
                return block
        self.guard.check(block)
        self.last_block = block
        self.blocks += 1
        return block


class _Chunks:
    """The scan's window on STREAM: the bytes carried over from the last chunk, then the next chunk,
    in one buffer that is reused (``buf[:end]`` is the window). A new ``carry + chunk`` of 4 MiB a
    chunk cost the page faults of every byte of a large export again (≈ 35,000 faults on 196 MB)."""

    def __init__(self, stream: ReadStream):
        self.stream = stream
        self.buf = bytearray(CHUNK + CARRY)

    def next(self, carry: bytes, exhausted: bool) -> tuple[int, int]:
        """Fill the buffer with CARRY then up to CHUNK new bytes: (where the window ends, new bytes)."""
        block = b"" if exhausted else self.stream.read(CHUNK)
        start, end = len(carry), len(carry) + len(block)
        if len(self.buf) < end:
            self.buf = bytearray(end)  # a long carry (rare): a key's word in a long string
        self.buf[:start] = carry
        self.buf[start:end] = block
        return end, len(block)


def scan_json(
    stream: ReadStream,
    name: str,
    on_bytes: Callable[[int], None] = lambda n: None,
    cancel: CancelToken = NEVER_CANCELLED,
) -> JsonSections:
    """Stream STREAM once and return the post sections and the public profile found in it."""
    found = JsonSections()
    chunks = _Chunks(stream)
    carry = b""
    started = False
    tail = b""  # the last non-blank bytes seen, to notice a file cut off before its end
    exhausted = False
    while True:
        cancel.check()
        end, n = chunks.next(carry, exhausted)
        buf = chunks.buf  # the window is buf[:end]; nothing past it is read
        if n:
            on_bytes(n)
        else:
            exhausted = True
        if not end:
            break
        if not started:
            stripped = bytes(buf[:end]).lstrip().removeprefix(b"\xef\xbb\xbf").lstrip()
            if stripped:
                if not stripped.startswith(b"{"):
                    raise ExportUnreadable(
                        ExportFault.NOT_AN_OBJECT, name, f"{name} is not a TikTok export (it is not a JSON object)."
                    )
                started = True
        last = bytes(buf[max(0, end - 64) : end]).rstrip() or bytes(buf[:end]).rstrip()
        if last:
            tail = last[-16:]
        hit = _first_key(buf, end)
        if hit is None:
            if exhausted:
                break
            carry = bytes(buf[max(0, end - CARRY) : end])
            continue
        position, key = hit
        match = _AFTER_KEY.match(buf, position + len(key), end)
        if match is None and not exhausted and end - position < LONGEST_KEY + 256:
            carry = bytes(buf[position:end])  # the key's colon may be in the next chunk
            continue
        if match is None or buf[position - 1 : position] == b"\\":
            carry = bytes(buf[position + 1 : end])  # a word in a string, or a key that is not an object
            continue
        spelled = bytes(buf[position + 1 : position + len(key) - 1]).decode("utf-8", "replace")
        replay = _Replay(b"{" + bytes(buf[position:end]), stream, on_bytes, name)
        if key in POST_SECTION_KEYS:
            value = _parse_section(replay, spelled, name)
            if isinstance(value, dict):
                found.post_sections.append((spelled, value))
        elif found.profile_key is None:
            profile = _parse_profile(replay, spelled, name)
            if profile is not None:
                found.profile, found.profile_key = profile, spelled
        # Resume from the last block the parser took (it reads ahead: the next section's key may be
        # in it), skipping the key just handled when that block is still the first one. A section
        # that was not parsed (a second profile) is skipped past its key, so it is never found again.
        carry = replay.last_block + replay.head
        if replay.blocks == 0:
            carry = bytes(buf[position + len(key) : end])
        elif replay.blocks == 1:
            carry = carry[1 + len(key) :]
        if replay.stream_ended:
            exhausted = True
        last = replay.last_block[-64:].rstrip() or replay.last_block.rstrip()
        if last:
            tail = last[-16:]
    if started and not tail.endswith(b"}"):
        raise ExportUnreadable(
            ExportFault.TRUNCATED,
            name,
            f"{name} is cut off before its end (truncated JSON). Download the export from TikTok "
            "again, or unzip it again if the copy was interrupted.",
        )
    if not started:
        raise ExportUnreadable(ExportFault.EMPTY, name, f"{name} is empty; it is not a TikTok export.")
    return found


# Bytes kept from one chunk to the next when no section starts in it: a key, the blanks after it
# and its opening brace may straddle the two chunks.
CARRY = 1024
# The end of a key whose value is an object. The bulk of an export (watch history, searches: lists
# of small objects) has none, so one C-speed search per chunk finds the few candidates.
_OBJECT_KEY_END = re.compile(rb'":\s*\{')


def _first_key(buf: bytes | bytearray, end: int) -> tuple[int, bytes] | None:
    """The earliest of ALL_KEYS (as a whole quoted key opening an object) in BUF[:END],
    case-insensitively: (where its opening quote is, the key lower-cased with its quotes)."""
    for found in _OBJECT_KEY_END.finditer(buf, 0, end):
        close = found.start()  # the key's closing quote
        start = buf.rfind(b'"', max(0, close - LONGEST_KEY), close)
        if start < 0:
            continue
        key = bytes(buf[start : close + 1]).lower()
        if key in ALL_KEYS:
            return start, key
    return None


def _parse_section(replay: _Replay, spelled: str, name: str) -> Any:
    try:
        items = ijson.items(replay, spelled, buf_size=PARSE_BUFFER, use_float=True)
        return next(iter(items), None)
    except ijson.IncompleteJSONError as exc:
        raise _json_error(name, exc) from None
    except ijson.JSONError as exc:
        raise _json_error(name, exc) from None
    except UnicodeDecodeError:
        raise ExportUnreadable(
            ExportFault.NOT_UTF8, name, f"{name} is not UTF-8 text; it is not a TikTok export as TikTok writes it."
        ) from None


def _parse_profile(replay: _Replay, spelled: str, name: str) -> Profile | None:
    """Walk the profile section's events, keeping only the public fields."""
    root = spelled
    profile = Profile()
    current_key = None
    seen_any = False
    try:
        for prefix, event, value in ijson.parse(replay, buf_size=PARSE_BUFFER):
            if event == "map_key":
                current_key = key_of(value)
                continue
            if prefix == root and event == "end_map":
                break
            if not prefix.startswith(root):
                continue
            seen_any = True
            if event == "string" and current_key in PUBLIC_PROFILE_KEYS:
                attr = PUBLIC_PROFILE_KEYS[current_key]
                if getattr(profile, attr) is None:
                    setattr(profile, attr, clean(value))
            current_key = None
    except (ijson.JSONError, UnicodeDecodeError) as exc:
        raise _json_error(name, exc) from None
    return profile if seen_any else None


def _json_error(name: str, exc: Exception) -> ExportUnreadable:
    text = str(exc)
    if "incomplete" in text.lower() or "premature" in text.lower() or "eof" in text.lower():
        return ExportUnreadable(
            ExportFault.TRUNCATED,
            name,
            f"{name} is cut off before its end (truncated JSON). Download the export from TikTok again.",
        )
    if isinstance(exc, UnicodeDecodeError) or "utf" in text.lower():
        return ExportUnreadable(
            ExportFault.NOT_UTF8, name, f"{name} is not UTF-8 text; it is not a TikTok export as TikTok writes it."
        )
    detail = " ".join(text.strip().splitlines()[:1])[:80]  # yajl adds lines pointing at the spot
    return ExportUnreadable(
        ExportFault.INVALID_JSON,
        name,
        f"{name} is not valid JSON ({detail}); it is not a readable TikTok export.",
        detail=detail,
    )
