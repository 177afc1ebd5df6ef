"""The CLI's words for a core error or preflight problem: what is wrong (the core's sentence) and
the command that fixes it."""

from __future__ import annotations

from crosspost import errors
from crosspost.records import Problem


def remedy(exc: errors.UserError) -> str | None:
    """The command that fixes EXC, as a sentence; None when the core's sentence says it all."""
    match exc:
        case errors.NotFound(kind="post"):
            return "`crosspost posts list` shows the IDs."
        case errors.NotFound(kind="draft"):
            return "`crosspost drafts list` shows the IDs."
        case errors.NotFound(kind="media"):
            return "`crosspost posts show ID --json` lists a post's media IDs."
        case errors.NothingGiven(kind="post ID"):
            return "`crosspost posts list` shows them."
        case errors.NothingGiven(kind="draft ID"):
            return "`crosspost drafts list` shows them."
        case errors.NoMediaOnDisk(post_id=pid):
            return (
                f"Fetch it with `crosspost media fetch {pid}` or attach your file with "
                f"`crosspost posts attach {pid} FILE`."
            )
        case errors.LinksExpired(post_id=pid):
            target = pid if pid is not None else "ID"
            return (
                f"Request a new export from TikTok, or attach your own files with "
                f"`crosspost posts attach {target} FILE` (or `crosspost import EXPORT --media DIR`)."
            )
        case errors.NoTranslation(post_id=pid, lang=None):
            return "Say which translation to use with --lang (e.g. --lang zh)."
        case errors.NoTranslation(post_id=pid, lang=lang):
            return f"Make one with `crosspost translate {pid} --to {lang}` (or use --layout original)."
        case errors.NoLanguagePack(source=s, target=t):
            hint = f"; a {s}→en and an en→{t} pack also work together" if "en" not in (s, t) else ""
            return (
                f"Install it with `crosspost languages download {s} {t}` "
                f"(or `crosspost languages install FILE.argosmodel`){hint}."
            )
        case errors.LanguagePackBroken(source=s, target=t):
            return (
                f"`crosspost languages remove {s} {t}`, then `crosspost languages download {s} {t}` "
                "or `crosspost languages install FILE.argosmodel`."
            )
        case errors.IndexUnreachable():
            return "A pack file installs with `crosspost languages install FILE.argosmodel`."
        case errors.ModelPairUnknown():
            return "Give the pair with --from and --to (e.g. --from en --to zh)."
        case errors.AlreadyPosted():
            return "Use --force to do it anyway."
        case errors.NotRendered(draft_id=did):
            return f"Run `crosspost drafts render {did}`."
        case errors.ExportBlocked(codes=codes):
            steps = [f"Run `crosspost drafts render {did}`." for did, code in codes.items() if code == "not_rendered"]
            return " ".join([*steps, "Fix them, or use --force."])
        case errors.FolderNotWritable():
            return "Choose another folder with --to."
        case errors.TrimNeeded(max_seconds=s):
            return f"Trim it with --start/--end (e.g. --end {s:.0f})."
        case errors.EditKept():
            return "Use --force to replace it."
        case errors.InsecureServer(url=url):
            https = "https://" + url.split("://", 1)[-1]
            return f"Add the account with `crosspost accounts add bluesky --handle H --server {https}`."
    return None


def cli_message(exc: errors.UserError) -> str:
    hint = remedy(exc)
    return f"{exc} {hint}" if hint else str(exc)


_PROBLEM_HINTS = {
    "no_media": "Fetch it with `crosspost media fetch {post}` or attach your file with `crosspost posts attach {post} FILE`.",  # noqa: E501
    "no_translation": "Make one with `crosspost translate {post} --to {lang}`.",
    "not_rendered": "Run `crosspost drafts render {draft}`.",
    "video_too_long": "Trim it: `crosspost render FILE --platform {platform} --end SECONDS -o OUT`.",
}


def problem_hint(problem: Problem, *, draft: int, post: int, lang: str | None, platform: str) -> str:
    """A preflight problem's sentence with the command that fixes it, for the terminal."""
    hint = _PROBLEM_HINTS.get(problem.code)
    if hint is None:
        return problem.message
    return f"{problem.message} {hint.format(draft=draft, post=post, lang=lang, platform=platform)}"
