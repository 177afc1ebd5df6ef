"""Translating captions and storing the results with their posts.

For each caption set (a chunk of captions with one language pair): segment every caption
(``protect.py``), split its prose into sentences, look every sentence up in the translation memory
(keyed by text, pair, pack version and glossary version), translate only the misses in one batched
engine call (two when pivoting through English), put the captions back together with every protected
token in place, and store the set's translations in one small transaction — Ctrl-C keeps the sets
that finished and never leaves half a row. A translation the user edited is never overwritten without
``force``.
"""

from __future__ import annotations

import hashlib

import regex
from collections.abc import Sequence
from dataclasses import dataclass, field

from crosspost.errors import UserError
from crosspost.paths import DataLocation
from crosspost.progress import NEVER_CANCELLED, CancelToken, Progress, ProgressCallback, no_progress
from crosspost.store import Store, utc_now
from crosspost.translation import engine, glossary, packs
from crosspost.translation.detect import detect_language
from crosspost.translation.protect import EMAIL, HASHTAG, MENTION, URL, has_words, scrub, segment
from crosspost.translation.sentences import split_sentences

CHUNK = 64  # captions per batched engine call: big enough to batch well, small enough to cancel quickly
PIVOT = "en"
NO_SPACE_LANGS = {"zh", "zt", "ja"}
KNOWN_CODES = set(
    "af ar az be bg bn bs ca cs cy da de el en eo es et eu fa fi fr ga gl gu he hi hr hu hy id it ja ka "
    "kk km kn ko ky lt lv mk ml mn mr ms mt nb ne nl no pa pl ps pt ro ru sk sl sq sr sv sw ta te th tl "
    "tr uk ur uz vi zh zt".split())


def check_code(code: str, *, allow_auto: bool = False) -> str:
    code = (code or "").strip().lower().replace("_", "-")
    code = {"zh-cn": "zh", "zh-hans": "zh", "zh-tw": "zt", "zh-hant": "zt"}.get(code, code)
    if allow_auto and code == "auto":
        return code
    if code not in KNOWN_CODES:
        raise UserError(f"{code!r} is not a language code Crosspost knows (use ISO codes such as en, zh, ja"
                        + (", or auto" if allow_auto else "") + ").")
    return code


@dataclass
class Route:
    """How SOURCE reaches TARGET: one pack, or two through English."""

    source: str
    target: str
    models: list

    @property
    def pivot(self) -> str | None:
        return PIVOT if len(self.models) > 1 else None

    @property
    def pack_version(self) -> str:
        return "+".join(f"{m.from_code}-{m.to_code}@{m.version}" for m in self.models)

    @property
    def pack_name(self) -> str:
        return "+".join(m.path.name for m in self.models)


def find_route(location: DataLocation, source: str, target: str) -> Route:
    direct = packs.find_pack(location, source, target)
    if direct:
        return Route(source, target, [engine.load_model(direct.path)])
    if PIVOT not in (source, target):
        first, second = packs.find_pack(location, source, PIVOT), packs.find_pack(location, PIVOT, target)
        if first and second:
            return Route(source, target, [engine.load_model(first.path), engine.load_model(second.path)])
    raise UserError(
        f"No {source}→{target} language pack is installed. Install it with "
        f"`crosspost languages download {source} {target}` (or `crosspost languages install FILE.argosmodel`)"
        + (f"; a {source}→en and an en→{target} pack also work together." if PIVOT not in (source, target) else "."))


def memory_key(sentence: str, route: Route, glossary_version: int) -> str:
    raw = "\x1f".join([route.source, route.target, route.pack_version, str(glossary_version), sentence])
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


@dataclass
class CaptionPlan:
    """A caption cut into kept pieces and sentences to translate (indexes into the shared batch)."""

    pieces: list[tuple[str, object]] = field(default_factory=list)  # ("keep", text) | ("sentence", idx, ws)


def _plan(caption: str, terms: dict[str, str], sentences: list[str], target: str) -> CaptionPlan:
    plan = CaptionPlan()
    for seg in segment(caption, terms):
        if not seg.translate or not has_words(seg.text):
            plan.pieces.append(("keep", seg.text))
            continue
        stripped = seg.text.strip()
        lead = seg.text[: len(seg.text) - len(seg.text.lstrip())]
        trail = seg.text[len(seg.text.rstrip()):]
        plan.pieces.append(("keep", lead))
        for sentence, ws in split_sentences(stripped):
            if has_words(sentence):
                sentences.append(sentence)
                plan.pieces.append(("sentence", len(sentences) - 1,
                                    "" if target in NO_SPACE_LANGS else ws))
            else:
                plan.pieces.append(("keep", sentence + ws))
        plan.pieces.append(("keep", trail))
    return plan


_GLUES_AFTER = regex.compile(rf"(?:{URL}|{EMAIL}|{HASHTAG}|{MENTION})$")
_WORDISH = regex.compile(r"[\p{L}\p{N}_\p{M}.]")
_STARTS_MENTION_OR_EMAIL = regex.compile(rf"(?:{MENTION}|{EMAIL})")


def _assemble(plan: CaptionPlan, translated: list[str]) -> str:
    """Put a caption back together. A translation never touches a protected token so closely that
    the two would read as one (``#tag`` + ``译文`` → ``#tag译文``): a space goes between them."""
    out = ""
    for piece in plan.pieces:
        if piece[0] == "keep":
            text = piece[1]
            if text and out and _WORDISH.match(out[-1]) and _STARTS_MENTION_OR_EMAIL.match(text):
                text = " " + text
        else:
            text = translated[piece[1]] + piece[2]
            if text and out and not text[0].isspace() and _GLUES_AFTER.search(out):
                text = " " + text
        out += text
    return out


@dataclass
class BatchStats:
    sentences: int = 0
    from_memory: int = 0
    captions_from_memory: int = 0


def _lookup(store: Store, keys: list[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    unique = list(dict.fromkeys(keys))
    for start in range(0, len(unique), 900):
        batch = unique[start:start + 900]
        found.update(store.db.execute(
            f"SELECT key, text FROM translation_memory WHERE key IN ({','.join('?' * len(batch))})", batch).fetchall())
    return found


def translate_captions(store: Store, route: Route, captions: Sequence[str],
                       stats: BatchStats | None = None) -> list[str]:
    """CAPTIONS translated along ROUTE: memory first (whole captions, then sentences), then one
    batched engine call per model for the sentences never seen."""
    terms = glossary.terms_for(store, route.source, route.target)
    version = glossary.glossary_version(store)
    caption_keys = [memory_key("\x1ecaption\x1e" + c, route, version) for c in captions]
    known_captions = _lookup(store, caption_keys)
    todo = [i for i, k in enumerate(caption_keys) if k not in known_captions]
    sentences: list[str] = []
    plans = {i: _plan(captions[i], terms, sentences, route.target) for i in todo}
    keys = [memory_key(s, route, version) for s in sentences]
    remembered = _lookup(store, keys)
    missing = list(dict.fromkeys(s for s, k in zip(sentences, keys) if k not in remembered))
    rows = []
    now = utc_now()
    if missing:
        texts = missing
        for model in route.models:
            texts = model.translate(texts)
        fresh = dict(zip(missing, (scrub(t) for t in texts)))
        for sentence, key in zip(sentences, keys):
            if key not in remembered:
                remembered[key] = fresh[sentence]
                rows.append((key, route.source, route.target, sentence, fresh[sentence], route.pack_version,
                             version, now))
    translated = [remembered[k] for k in keys]
    results = []
    for i, caption in enumerate(captions):
        if i in plans:
            text = _assemble(plans[i], translated)
            rows.append((caption_keys[i], route.source, route.target, caption, text, route.pack_version, version, now))
        else:
            text = known_captions[caption_keys[i]]
        results.append(text)
    if rows:
        with store.transaction():
            store.db.conn.executemany(
                "INSERT OR IGNORE INTO translation_memory (key, source_lang, target_lang, source_text, text, "
                "pack_version, glossary_version, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
    if stats is not None:
        stats.captions_from_memory += len(captions) - len(todo)
        stats.sentences += len(sentences)
        stats.from_memory += len(sentences) - len(missing)
    return results


@dataclass
class PostTranslation:
    post: int
    source: str
    target: str
    text: str
    pivot: str | None = None
    kept_edit: bool = False
    note: str | None = None

    def to_json(self) -> dict:
        return {"post": self.post, "from": self.source, "to": self.target, "text": self.text,
                "pivot": self.pivot, "kept_edit": self.kept_edit, **({"note": self.note} if self.note else {})}


def _store_translations(store: Store, route: Route, rows: list[tuple[int, str]]) -> None:
    """Store (post id, text) pairs as one transaction: all of them, or none."""
    now = utc_now()
    with store.transaction():
        store.db.conn.executemany(
            "INSERT INTO translations (post_id, lang, source_lang, text, pack, pack_version, pivot, edited, "
            "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?) "
            "ON CONFLICT (post_id, lang) DO UPDATE SET source_lang = excluded.source_lang, text = excluded.text, "
            "pack = excluded.pack, pack_version = excluded.pack_version, pivot = excluded.pivot, edited = 0, "
            "updated_at = excluded.updated_at",
            [(post_id, route.target, route.source, text, route.pack_name, route.pack_version, route.pivot, now, now)
             for post_id, text in rows])


def translate_posts(store: Store, location: DataLocation, post_ids: Sequence[int] | None, source: str,
                    target: str, *, force: bool = False, progress: ProgressCallback | None = None,
                    cancel: CancelToken | None = None, stats: BatchStats | None = None) -> list[PostTranslation]:
    """Translate the captions of POST_IDS (None: every post without a TARGET translation)."""
    from crosspost.posts import require_post

    progress = progress or no_progress
    cancel = cancel or NEVER_CANCELLED
    source = check_code(source, allow_auto=True)
    target = check_code(target)
    db = store.db
    if post_ids is None:
        rows = db.execute("SELECT p.id, p.caption, a.usual_lang FROM posts p JOIN accounts a ON a.id = p.account_id "
                          "WHERE NOT EXISTS (SELECT 1 FROM translations t WHERE t.post_id = p.id AND t.lang = ?) "
                          "ORDER BY p.created_at", [target]).fetchall()
    else:
        ids = [require_post(store, i) for i in post_ids]
        found = {r[0]: r for r in db.execute(
            f"SELECT p.id, p.caption, a.usual_lang FROM posts p JOIN accounts a ON a.id = p.account_id "
            f"WHERE p.id IN ({','.join('?' * len(ids))})", ids)}
        rows = [found[i] for i in dict.fromkeys(ids)]
    edited = {r[0] for r in db.execute("SELECT post_id FROM translations WHERE lang = ? AND edited = 1", [target])}

    results: list[PostTranslation] = []
    groups: dict[str, list[tuple[int, str]]] = {}
    for post_id, caption, usual in rows:
        lang = source
        if source == "auto":
            lang, _ = detect_language(caption or "", usual or "en")
        if post_id in edited and not force:
            text = db.execute("SELECT text FROM translations WHERE post_id = ? AND lang = ?", [post_id, target]).fetchone()[0]
            results.append(PostTranslation(post_id, lang, target, text, kept_edit=True,
                                           note="kept your edited translation (use --force to replace it)"))
            continue
        if not (caption or "").strip():
            results.append(PostTranslation(post_id, lang, target, "", note="the post has no caption"))
            continue
        groups.setdefault(lang, []).append((post_id, caption))

    done, total = 0, sum(len(v) for v in groups.values())
    for lang, items in groups.items():
        if lang == target:
            for post_id, caption in items:
                results.append(PostTranslation(post_id, lang, target, caption, note=f"already in {target}"))
            done += len(items)
            continue
        route = find_route(location, lang, target)
        for start in range(0, len(items), CHUNK):
            cancel.check()
            chunk = items[start:start + CHUNK]
            texts = translate_captions(store, route, [c for _, c in chunk], stats)
            from crosspost.translation.checking import keep_sentence_edits  # the user's own sentences stay

            texts = keep_sentence_edits(store, route, chunk, texts)
            _store_translations(store, route, [(post_id, text) for (post_id, _), text in zip(chunk, texts)])
            for (post_id, _), text in zip(chunk, texts):
                results.append(PostTranslation(post_id, lang, target, text, route.pivot,
                                               note=f"pivoted through English ({route.pack_name})" if route.pivot else None))
            done += len(chunk)
            progress(Progress(done, total, f"translated {done} of {total}"))
    order = {r[0]: i for i, r in enumerate(rows)}
    results.sort(key=lambda r: order.get(r.post, 0))
    return results


def save_edit(store: Store, post_id: int, lang: str, text: str) -> dict:
    """The user's own wording of a translation: kept, and marked ``edited``."""
    from crosspost.posts import require_post

    post_id = require_post(store, post_id)
    lang = check_code(lang)
    now = utc_now()
    with store.transaction():
        store.db.execute(
            "INSERT INTO translations (post_id, lang, source_lang, text, edited, created_at, updated_at) "
            "VALUES (?, ?, '', ?, 1, ?, ?) ON CONFLICT (post_id, lang) DO UPDATE SET text = excluded.text, "
            "edited = 1, updated_at = excluded.updated_at", [post_id, lang, text, now, now])
    return {"post": post_id, "lang": lang, "text": text, "edited": True}
