"""Build TikTok exports of every documented layout on the fly (see shared/docs/tiktok-export.md).

``Post`` describes a post once; ``build_export(layout, posts, ...)`` lays it out as that era's files
(a dict of relative path → bytes) and ``write_zip`` / ``write_folder`` put them on disk. Private
sections (messages, login history, watch history, e-mail, phone) are filled with marker strings so a
test can prove none of them reaches the store.
"""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

# Strings that must never appear in the store: each sits in a private part of the export.
PRIVATE_MARKERS = {
    "message": "SECRET-DM-7f3a9c",
    "email": "secret.person.4821@example.com",
    "phone": "+15550104821",
    "birth": "1990-04-01-BIRTH",
    "login_ip": "203.0.113.77-LOGINIP",
    "watch": "WATCHED-VIDEO-MARKER-5521",
    "search": "SEARCH-TERM-MARKER-9931",
    "contact": "CONTACT-MARKER-3310",
}

LAYOUTS = ["json-2019", "json-2023", "json-2025", "json-2026", "txt-videos", "txt-posts"]
EXPIRES = 1736000000  # 2025-01-04T14:13:20Z


@dataclass
class Post:
    date: dt.datetime
    caption: str = ""
    likes: int = 0
    images: int = 0  # >0: a slideshow of that many photos
    deleted: bool = False
    sound: str | None = "original sound - alice"
    location: str | None = None
    media_base: str | None = None  # where the media links point (a local server in window tests)
    expires: int = EXPIRES  # the links' x-tos-expires (a Unix time)

    @property
    def date_text(self) -> str:
        return self.date.strftime("%Y-%m-%d %H:%M:%S")

    @property
    def iso(self) -> str:
        return self.date.strftime("%Y-%m-%dT%H:%M:%SZ")

    @property
    def video_id(self) -> int:
        """A TikTok-style 19-digit ID whose top 32 bits are the post's creation time."""
        return (int(self.date.replace(tzinfo=dt.timezone.utc).timestamp()) << 32) | 0x1234

    def media_urls(self, base: str = "https://v16-webapp-prime.tiktokv.com") -> list[str]:
        stamp = int(self.date.replace(tzinfo=dt.timezone.utc).timestamp())
        base = self.media_base or base
        if self.images:
            photos = self.media_base or "https://p16-sign.tiktokcdn-us.com"
            return [
                f"{photos}/obj/tos-useast5-i-photomode/{stamp}_{i}.jpeg?x-tos-expires={self.expires}&x-signature=abc{i}"
                for i in range(self.images)
            ]
        return [f"{base}/video/tos/useast5/{stamp}/v.mp4?a=1233&x-tos-expires={self.expires}&x-signature=s{stamp}"]

    def link(self, base: str = "https://v16-webapp-prime.tiktokv.com") -> str:
        text = " ".join(self.media_urls(base))
        if self.deleted:
            return "https://www.tiktok.com/login/?redirect_url=" + quote(text, safe="")
        return text


def sample_posts(n: int = 5, start: dt.datetime | None = None) -> list[Post]:
    start = start or dt.datetime(2024, 11, 2, 9, 30, 0)
    captions = [
        "Morning run by the river 🏃‍♀️ #running #fyp @bestie",
        "My sourdough finally worked!!\nRecipe in comments 🍞 #baking #sourdough",
        "Packing for Chengdu ✈️ who has tips? #travel #tiktokrefugee",
        "Quick 3-photo dump from the weekend #photodump",
        "Studio tour 👩🏽‍🎨 link: https://alice.example.com #art",
    ]
    posts = []
    for i in range(n):
        posts.append(
            Post(
                date=start + dt.timedelta(days=i, minutes=7 * i, seconds=i),
                caption=captions[i % len(captions)] + ("" if i < len(captions) else f" #{i}"),
                likes=100 * i + 7,
                images=3 if i % 5 == 3 else 0,
                location="Chengdu" if i % 5 == 2 else None,
            )
        )
    return posts


def _private_sections(rows: int = 3) -> dict:
    m = PRIVATE_MARKERS
    return {
        "Direct Messages": {
            "Chat History": {
                "ChatHistory": {
                    "Chat History with bob:": [{"Date": "2024-01-01 10:00:00", "From": "bob", "Content": m["message"]}]
                }
            }
        },
        "Activity": {
            "Video Browsing History": {
                "VideoList": [
                    {"Date": "2024-01-01 10:00:00", "Link": f"https://www.tiktokv.com/share/video/{m['watch']}/"}
                ]
                * rows
            },
            "Search History": {"SearchList": [{"Date": "2024-01-01 10:00:00", "SearchTerm": m["search"]}]},
            "Login History": {"LoginHistoryList": [{"Date": "2024-01-01", "IP": m["login_ip"]}]},
        },
        "App Settings": {"Block List": {"BlockList": [{"UserName": m["contact"]}]}},
    }


def _profile(username: str, key_style: str = "Profile") -> dict:
    m = PRIVATE_MARKERS
    return {
        "Profile Info": {
            "ProfileMap": {
                "userName": username,
                "bioDescription": "Baker & runner 🍞",
                "emailAddress": m["email"],
                "telephoneNumber": m["phone"],
                "birthDate": m["birth"],
                "likesReceived": "1234",
                "profilePhoto": "https://p16.tiktokcdn.com/avatar.jpeg",
            }
        }
    }


def _json_entry(post: Post, layout: str) -> dict:
    if layout == "json-2019":
        return {"Date": post.date_text, "VideoLink": post.link(), "Likes": str(post.likes)}
    entry = {
        "Date": post.date_text,
        "Link": post.link(),
        "Likes": str(post.likes),
        "WhoCanView": "Everyone",
        "AllowComments": "Yes",
        "AllowStitches": "N/A",
        "AllowDuets": "Yes",
        "AllowStickers": "",
        "AllowSharingToStory": "Yes",
        "ContentDisclosure": None,
        "AIGeneratedContent": "No",
        "Sound": post.sound,
        "Location": post.location or "N/A",
        "Title": post.caption,
        "AddYoursText": "None",
    }
    if layout == "json-2026":
        entry.update(
            {"CoverImage": "https://p16.tiktokcdn.com/cover.jpeg", "AlternateText": "", "NumberOfCollections": "3"}
        )
        if post.deleted:
            entry["DateDeleted"] = (post.date + dt.timedelta(days=30)).strftime("%Y-%m-%d %H:%M:%S")
    return entry


def json_export_dict(layout: str, posts: list[Post], username: str = "alice_bakes", watch_rows: int = 3) -> dict:
    own = [p for p in posts if not p.deleted]
    deleted = [p for p in posts if p.deleted]
    data = _private_sections(watch_rows)
    if layout in ("json-2019", "json-2023"):
        section = {"Videos": {"VideoList": [_json_entry(p, layout) for p in own] or None}}
        if layout == "json-2023":
            section["RecentlyDeletedPosts"] = {"PostList": [_json_entry(p, layout) for p in deleted] or None}
        data["Video"] = section
        data["Profile"] = _profile(username)
    else:
        data["Post"] = {
            "Posts": {"VideoList": [_json_entry(p, layout) for p in own] or None},
            "Recently Deleted Posts": {"PostList": [_json_entry(p, layout) for p in deleted] or None},
        }
        if layout == "json-2026":
            data["Profile And Settings"] = _profile(username)
            data["Your Activity"] = data.pop("Activity")
        else:
            data["Profile"] = _profile(username)
    return data


def _txt_block(post: Post, layout: str) -> str:
    if layout == "txt-videos":
        return f"Date: {post.date_text}\nVideo Link: {post.link()}\nLike(s): {post.likes}\n"
    lines = [
        f"Date: {post.date_text} UTC",
        f"Link: {post.link()}",
        f"Like(s): {post.likes}",
        "Who can view: Everyone",
        f"Title: {post.caption}",
        f"Sound: {post.sound or 'N/A'}",
        "Allow comments: Yes",
        "Allow duets: No",
    ]
    if post.location:
        lines.append(f"Location: {post.location}")
    return "\n".join(lines) + "\n"


def build_export(
    layout: str, posts: list[Post], username: str = "alice_bakes", watch_rows: int = 3
) -> dict[str, bytes]:
    """The files of an export in LAYOUT, as relative path → bytes."""
    m = PRIVATE_MARKERS
    if layout.startswith("json"):
        name = "user_data.json" if layout == "json-2019" else "user_data_tiktok.json"
        data = json_export_dict(layout, posts, username, watch_rows)
        return {name: json.dumps(data, ensure_ascii=False, indent=2).encode()}
    own = [p for p in posts if not p.deleted]
    deleted = [p for p in posts if p.deleted]
    body = "\n".join(_txt_block(p, layout) for p in own) or "You have no data in this section"
    files = {
        "Direct Messages/Inbox.txt": f"Chat History with bob:\n2024-01-01 bob: {m['message']}\n",
        "Activity/Login History.txt": f"Date: 2024-01-01\nIP: {m['login_ip']}\n",
        "Activity/Video Browsing History.txt": f"Date: 2024-01-01\nLink: {m['watch']}\n",
        "Profile/Profile Info.txt": (
            f"Username: {username}\nEmail: {m['email']}\n"
            f"Phone number: {m['phone']}\nBirthdate: {m['birth']}\n"
            "Bio Description: Baker & runner\n"
        ),
    }
    if layout == "txt-videos":
        files["Videos/Videos.txt"] = body
    else:
        files["Post/Posts.txt"] = body
        files["Post/Recently Deleted Posts.txt"] = (
            "\n".join(_txt_block(p, layout) for p in deleted) or "You have no data in this section"
        )
    return {k: v.encode() for k, v in files.items()}


def write_zip(path: Path, files: dict[str, bytes], top: str | None = "TikTok_Data") -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(f"{top}/{name}" if top and not name.endswith(".json") else name, data)
    return path


def write_folder(path: Path, files: dict[str, bytes]) -> Path:
    for name, data in files.items():
        target = path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return path
