"""A nesting-depth guard for the JSON bytes handed to ijson.

ijson keeps the path of every open container as a prefix string, so memory grows with the square of
the depth: a 200 KB file of 100,000 nested ``[`` needs tens of GB. Real exports nest a handful of
levels. ``DepthGuard`` follows the brackets of the bytes as they stream past (outside strings, which
may hold any bracket) and raises a ``UserError`` as soon as the depth passes ``MAX_DEPTH``, before
ijson sees those bytes. The work is done by C-speed byte operations; the few bytes that are brackets
are only walked one by one when a block could go past the limit.
"""

from __future__ import annotations

import re

from crosspost.errors import ExportFault, ExportUnreadable

MAX_DEPTH = 256

_STRING = re.compile(rb'"(?:[^"\\]++|\\.)*+"', re.DOTALL)
_STRING_REST = re.compile(rb'(?:[^"\\]++|\\.)*+"', re.DOTALL)  # the rest of a string already open
_BRACKETS_ONLY = bytes(b for b in range(256) if b not in b"[]{}")
_TRAILING_BACKSLASHES = re.compile(rb"\\+\Z")


class DepthGuard:
    """Feed it the bytes in order (``check(block)``); it raises once the nesting is too deep."""

    def __init__(self, name: str, max_depth: int = MAX_DEPTH):
        self.name = name
        self.max_depth = max_depth
        self.depth = 0
        self.in_string = False
        self.carry = b""  # a backslash that escapes the first byte of the next block

    def check(self, block: bytes) -> None:
        data = self.carry + block if self.carry else block
        self.carry = b""
        start = 0
        if self.in_string:
            end = _STRING_REST.match(data)
            if end is None:  # the string goes on past this block
                self._keep_escape(data)
                return
            start = end.end()
            self.in_string = False
        residue = _STRING.sub(b"", data[start:] if start else data)
        quote = residue.find(b'"')
        if quote >= 0:  # a string opens and does not close in this block
            self.in_string = True
            self._keep_escape(residue[quote + 1 :])
            residue = residue[:quote]
        brackets = residue.translate(None, _BRACKETS_ONLY)
        opens = brackets.count(b"[") + brackets.count(b"{")
        if self.depth + opens <= self.max_depth:
            self.depth = max(0, self.depth + 2 * opens - len(brackets))
            return
        depth = self.depth
        for byte in brackets:
            if byte in b"[{":
                depth += 1
                if depth > self.max_depth:
                    raise ExportUnreadable(
                        ExportFault.TOO_DEEP,
                        self.name,
                        f"{self.name} nests its data more than {self.max_depth} levels deep; a TikTok "
                        "export never does, so it was not imported.",
                        limit=str(self.max_depth),
                    )
            else:
                depth = max(0, depth - 1)
        self.depth = depth

    def _keep_escape(self, open_string_tail: bytes) -> None:
        """Inside a string, an odd run of backslashes at the end escapes the next block's first byte."""
        run = _TRAILING_BACKSLASHES.search(open_string_tail)
        if run is not None and len(run.group(0)) % 2:
            self.carry = b"\\"
