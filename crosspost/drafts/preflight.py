"""Preflight: every problem of a draft against its platform, each with a level (``error`` blocks
export, ``warning`` informs), the field, and a sentence a person understands."""

from __future__ import annotations

from pathlib import Path

from crosspost.platforms import get_profile
from crosspost.platforms.textcount import count
from crosspost.store import Store


def _ratio(text: str) -> float:
    a, b = text.split(":")
    return float(a) / float(b)


def _aspect_ok(width, height, aspects) -> bool:
    if not width or not height or not aspects:
        return True
    return any(abs(width / height - _ratio(a)) < 0.02 for a in aspects)


def check_draft(store: Store, draft_id: int, doubtful_sentences: int | None = None) -> list[dict]:
    """DOUBTFUL_SENTENCES: how many sentences of the translation may be mistranslated (None: taken
    from the last sentence check of the post, when there was one)."""
    from crosspost.drafts.compose import platform_text_warnings
    from crosspost.drafts.queue import require_draft

    d = require_draft(store, draft_id)
    profile = get_profile(d["platform"])
    name = profile.display_name["en"]
    problems: list[dict] = []

    def add(level, field, message):
        problems.append({"level": level, "field": field, "message": message})

    for field in ("title", "body"):
        limit = profile.limit(field)
        if limit is None:
            continue
        used = count(d[field], profile.text_counting.get(field, "chars"))
        if used > limit.value:
            add("error", field, f"The {field} is {used:g} {limit.unit} long; {name} allows {limit.value:g}.")
    if profile.limit("title") is not None and not d["title"].strip():
        add("warning", "title", f"The title is empty; {name} notes with a short, punchy title do better.")
    topic_limit = profile.limit_value("topics")
    if topic_limit is not None and len(d["topics"]) > topic_limit:
        add("error", "topics", f"{len(d['topics'])} topics; {name} allows {topic_limit:g}.")
    if d["layout"] in ("translated", "bilingual"):
        has = store.db.execute("SELECT 1 FROM translations WHERE post_id = ? AND lang = ?",
                               [d["post_id"], d["target_lang"]]).fetchone()
        if not has:
            add("error", "body", f"The {d['layout']} layout needs a {d['target_lang']} translation; make one with "
                                 f"`crosspost translate {d['post_id']} --to {d['target_lang']}`.")
        elif doubtful_sentences is None:
            from crosspost.translation.checking import doubtful_count

            doubtful_sentences = doubtful_count(store, d["post_id"], d["target_lang"])
        if doubtful_sentences:
            add("warning", "body", f"{doubtful_sentences} sentence{'s' if doubtful_sentences > 1 else ''} may be "
                                   "mistranslated: what the translation says back is far from your caption.")
    problems += platform_text_warnings(profile, d["body"])

    media = d["media"]
    local = [m for m in media if m.get("source") and Path(m["source"]).exists()]
    if not local:
        add("error", "media", f"The post has no media on disk. Fetch it with `crosspost media fetch {d['post_id']}` "
                              f"or attach your file with `crosspost posts attach {d['post_id']} FILE`.")
        return problems
    images = [m for m in local if m["kind"] == "image"]
    videos = [m for m in local if m["kind"] == "video"]
    image_limit = profile.limit_value("images")
    if images and (profile.image is None or (image_limit is not None and len(images) > image_limit)):
        allowed = 0 if profile.image is None else int(image_limit)
        add("error", "media", f"{len(images)} photos; {name} takes {allowed if allowed else 'no'} photos per post.")
    if videos and profile.video is None:
        add("error", "media", f"{name} takes no videos.")
    max_seconds = profile.limit_value("video_duration")
    for m in videos:
        if max_seconds and m.get("duration") and m["duration"] > max_seconds:
            add("error", "media", f"The video is {m['duration']:.0f} s long; {name} takes at most {max_seconds:.0f} s. "
                                  f"Trim it: `crosspost render FILE --platform {d['platform']} --end {max_seconds:.0f} -o OUT`.")
    rendered = [m for m in local if m.get("rendered") and Path(m["rendered"]).exists()]
    if len(rendered) < len(local):
        add("error", "media", f"The media is not rendered for {name} yet; run `crosspost drafts render {d['id']}`.")
    size_caps = {"image": profile.limit_value("image_size"), "video": profile.limit_value("video_size")}
    spec = {"image": profile.image, "video": profile.video}
    for m in rendered:
        path = Path(m["rendered"])
        cap = size_caps.get(m["kind"])
        if cap and path.stat().st_size > cap:
            add("error", "media", f"{path.name} is {path.stat().st_size / 1e6:.1f} MB; {name} takes at most {cap / 1e6:.0f} MB.")
        s = spec.get(m["kind"])
        if s is not None and not _aspect_ok(m.get("rendered_width"), m.get("rendered_height"), s.aspects):
            add("error", "media", f"{path.name} is {m['rendered_width']}×{m['rendered_height']}; {name} accepts "
                                  f"{', '.join(s.aspects)}.")
    return problems


def is_ok(problems: list[dict]) -> bool:
    return not any(p["level"] == "error" for p in problems)
