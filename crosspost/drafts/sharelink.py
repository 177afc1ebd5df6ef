"""The post's address out of what RedNote's share button gives.

RedNote's "Share → Copy link" puts a sentence, a title and a short link on the clipboard, e.g.
``37 小明发布了一篇小红书笔记，快来看吧！ 😆 AbCdEf 😆 http://xhslink.com/a/AbCdEf，复制本条信息，打开【小红书】App查看精彩内容！``.
``post_link`` finds the ``xhslink.com`` / ``xiaohongshu.com`` link in such text (or any http(s) link
when there is no RedNote one) and cuts the Chinese punctuation that follows it.
"""

from __future__ import annotations

import re

# A URL runs until whitespace, a full-width character or CJK punctuation (，。！ etc. follow it in
# share text without a space).
_URL = re.compile(r"https?://[!#-;=?-\[\]_a-z~%]+", re.IGNORECASE)
REDNOTE_HOSTS = ("xhslink.com", "xiaohongshu.com", "rednote.com")
_TRAILING = ".,;:!?)]}'\""


def _host(url: str) -> str:
    rest = url.split("://", 1)[1]
    return re.split(r"[/?#:]", rest, maxsplit=1)[0].lower()


def post_link(text: str | None) -> str | None:
    """The post's link in TEXT (a bare link, or share text with one in it); None when there is none.
    A RedNote link wins over other links in the same text."""
    if not text or not text.strip():
        return None
    links = [m.group(0).rstrip(_TRAILING) for m in _URL.finditer(text)]
    links = [u for u in links if _host(u)]
    if not links:
        return None
    for url in links:
        host = _host(url)
        if any(host == h or host.endswith("." + h) for h in REDNOTE_HOSTS):
            return url
    return links[0]
