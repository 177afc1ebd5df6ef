"""``crosspost translate … --check``, ``crosspost translations alternatives …`` and
``crosspost translations edit-sentence …``: knowing what a translation says, sentence by sentence."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from crosspost.translation.checking import SentencePair
    from crosspost.translation.service import PostTranslation

import argparse

from crosspost.cli.common import Context, Subcommands, command, message, post_id_arg
from crosspost.errors import UserError


def register_translations(tverbs: Subcommands) -> None:
    p = command(
        tverbs,
        "alternatives",
        run_alternatives,
        "other wordings of sentence N of a post's translation (pick one with --use K)",
        description="The engine's best wordings of one sentence, each with what it says "
        "translated back. --use K makes wording K your choice for that sentence: it is kept "
        "when the post is translated again.",
        ids=post_id_arg,
    )
    p.add_argument("n", type=int, metavar="N", help="the sentence number, as `translate ID --check` shows it")
    p.add_argument("--lang", default="zh", metavar="CODE", help="the translation's language (default zh)")
    p.add_argument("--count", type=int, default=4, metavar="K", help="how many wordings to ask for (default 4)")
    p.add_argument("--use", type=int, metavar="K", help="make wording K your choice for the sentence")
    p.add_argument(
        "--replace",
        action="store_true",
        help="with --use, also when you edited the whole translation yourself (that edit is replaced)",
    )

    p = command(
        tverbs,
        "edit-sentence",
        run_edit_sentence,
        "your own wording of sentence N (kept when the rest is translated again)",
        ids=post_id_arg,
    )
    p.add_argument("n", type=int, metavar="N", help="the sentence number, as `translate ID --check` shows it")
    p.add_argument("text", nargs="?", metavar="TEXT", help="the sentence as you want it")
    p.add_argument("--lang", default="zh", metavar="CODE", help="the translation's language (default zh)")
    p.add_argument("--reset", action="store_true", help="go back to the machine's wording of the sentence")
    p.add_argument(
        "--replace",
        action="store_true",
        help="also when you edited the whole translation yourself (that edit is replaced)",
    )


def require_reverse_pack(ctx: Context, source: str, target: str) -> None:
    """Before translating for a check: the reverse pack must be there, so a missing one changes nothing."""
    from crosspost.errors import ReversePackMissing
    from crosspost.translation.packs import installed_packs
    from crosspost.translation.pipeline import check_code

    source, target = check_code(source, allow_auto=True), check_code(target)
    froms = {(p.from_code, p.to_code) for p in installed_packs(ctx.location)}
    if source != "auto":
        if (target, source) not in froms and not {(target, "en"), ("en", source)} <= froms:
            raise ReversePackMissing(target, source)
    elif not any(f == target for f, _ in froms):
        raise ReversePackMissing(target, "en")


def _sentence_lines(s: SentencePair) -> list[str]:
    mark = "  (yours)" if s.edited else ""
    lines = [f"{s.n:>3}. {s.source}", f"     → {s.text}{mark}"]
    if s.has_words:
        lines.append(f"     ← {s.back.strip()}")
    if s.doubtful:
        lines.append(f"     ! check this sentence: {'; '.join(s.reasons)}")
    return lines


def print_checks(ctx: Context, results: Sequence[PostTranslation]) -> int:
    from crosspost.translation.checking import check_posts

    checks = []
    for lang in dict.fromkeys(r.source for r in results):  # one batched check per caption language
        ids = [r.post for r in results if r.source == lang and r.text and r.source != r.target]
        checks += check_posts(ctx.store, ctx.location, ids, results[0].target, lang) if ids else []
    order = {r.post: i for i, r in enumerate(results)}
    checks.sort(key=lambda c: order[c.post])
    for check in checks:
        if check.whole_edit:
            message(
                f"post {check.post}: the sentences are the machine's; your own wording of the whole translation is kept"
            )
    if ctx.json:
        ctx.emit([c.to_json() for c in checks])
        return 0
    blocks = []
    for c in checks:
        total = sum(1 for s in c.sentences if s.has_words)
        head = f"[post {c.post}, {c.source} → {c.target}]  "
        head += (
            f"{c.doubtful_count} of {total} sentence(s) may be mistranslated"
            if c.doubtful_count
            else f"{total} sentence(s), none flagged"
        )
        blocks.append("\n".join([head, *[line for s in c.sentences for line in _sentence_lines(s)]]))
    ctx.emit(None, "\n\n".join(blocks) or "Nothing to check.")
    return 0


def run_alternatives(ctx: Context, args: argparse.Namespace) -> int:
    from crosspost.translation.checking import alternatives, pick_alternative
    from crosspost.translation.pipeline import check_code

    lang = check_code(args.lang)
    if args.use is not None:
        check = pick_alternative(
            ctx.store, ctx.location, args.id, lang, args.n, args.use, args.count, replace_whole_edit=args.replace
        )
        chosen = check.sentences[args.n - 1]
        ctx.emit(
            {"post": check.post, "lang": lang, "n": chosen.n, "text": chosen.text, "edited": True},
            f"Sentence {chosen.n} of post {check.post} is now: {chosen.text}",
        )
        return 0
    options = alternatives(ctx.store, ctx.location, args.id, lang, args.n, args.count)
    lines = []
    for a in options:
        lines.append(f"{a.k}. {a.text}{'  (current)' if a.current else ''}")
        lines.append(f"   ← {a.back.strip()}" + ("   ! check this wording" if a.doubtful else ""))
    lines.append(f"Pick one: crosspost translations alternatives {args.id} {args.n} --use K")
    ctx.emit([a.to_json() for a in options], "\n".join(lines))
    return 0


def run_edit_sentence(ctx: Context, args: argparse.Namespace) -> int:
    from crosspost.translation.checking import save_sentence
    from crosspost.translation.pipeline import check_code

    if args.reset == (args.text is not None):
        raise UserError("Give the sentence's new wording, or --reset to go back to the machine's (not both).")
    lang = check_code(args.lang)
    check = save_sentence(
        ctx.store,
        ctx.location,
        args.id,
        lang,
        args.n,
        None if args.reset else args.text,
        replace_whole_edit=args.replace,
    )
    s = check.sentences[args.n - 1]
    ctx.emit(
        {"post": check.post, "lang": lang, "n": s.n, "text": s.text, "edited": s.edited},
        f"Sentence {s.n} of post {check.post}: {s.text}" + ("  (yours)" if s.edited else "  (the machine's)"),
    )
    return 0
