"""The CLI's words for a core error or problem: what is wrong (the core's sentence) and the command
that fixes it, chosen by the error's type or the problem's code (``match``, as the window's
``messages`` does). ``tests/gui/test_core_api_faces.py`` words every typed error and problem code."""

from __future__ import annotations

from crosspost import errors
from crosspost.records import Problem
from crosspost.values import ProblemCode

# The remedies that an error and a preflight problem (or two errors) share.


def _fetch_or_attach(post: int) -> str:
    return (
        f"Fetch it with `crosspost media fetch {post}` or attach your file with `crosspost posts attach {post} FILE`."
    )


def _render(draft: int) -> str:
    return f"Run `crosspost drafts render {draft}`."


def _install_pack(source: str, target: str, hint: str = "") -> str:
    return (
        f"Install it with `crosspost languages download {source} {target}` "
        f"(or `crosspost languages install FILE.argosmodel`){hint}."
    )


def remedy(exc: errors.UserError) -> str | None:  # noqa: C901 - one case a type
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
            return _fetch_or_attach(pid)
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
            return _install_pack(s, t, hint)
        case errors.ReversePackMissing(source=s, target=t):
            return _install_pack(s, t)
        case errors.LanguagePackBroken(source=s, target=t):
            return (
                f"`crosspost languages remove {s} {t}`, then `crosspost languages download {s} {t}` "
                "or `crosspost languages install FILE.argosmodel`."
            )
        case errors.IndexUnreachable():
            return "A pack file installs with `crosspost languages install FILE.argosmodel`."
        case errors.ExportUnreadable(fault=errors.ExportFault.MEDIA_NOT_A_FOLDER):
            return "`crosspost import EXPORT --media-dir FOLDER` takes the folder that holds your videos and photos."
        case errors.ExportUnreadable():
            return (
                "`crosspost import PATH` takes the zip from TikTok's “Download your data”, its unpacked folder, "
                "or its user_data_tiktok.json."
            )
        case errors.ModelUnusable():
            return (
                "`crosspost languages install FILE` takes an .argosmodel pack or a quickmt model folder or zip; "
                "`crosspost languages download quickmt-en-zh` fetches one."
            )
        case errors.ModelPairUnknown():
            return "Give the pair with --from and --to (e.g. --from en --to zh)."
        case errors.AlreadyPosted():
            return "Use --force to do it anyway."
        case errors.EditKept():
            return "Use --force to replace it."
        case errors.MediaNotLost(post_id=pid):
            return f"`crosspost media drop {pid}` drops only the post's lost items."
        case errors.NotRendered(draft_id=did):
            return _render(did)
        case errors.ExportBlocked(problems=problems):
            steps = [_render(did) for did, p in problems.items() if p.code is ProblemCode.NOT_RENDERED]
            return " ".join([*steps, "Fix them, or use --force."])
        case errors.FolderNotWritable():
            return "Choose another folder with --to."
        case errors.DiskFull():
            return "`crosspost --data-dir DIR` puts the data on another disk."
        case errors.TrimNeeded(max_seconds=s):
            return f"Trim it with --start/--end (e.g. --end {s:.0f})."
        case errors.WholeEditExists():
            return "Add --replace to do it anyway."
    return publishing_remedy(exc)


def publishing_remedy(exc: errors.UserError) -> str | None:
    match exc:
        case errors.NoKeyringError():
            return "Or add the account with --store-secret-in-file."
        case errors.NoAccount(platform=platform):
            return f"Add one with `crosspost accounts add {platform} --handle H`."
        case errors.SeveralAccounts():
            return "Say which with --account HANDLE when publishing, or --handle HANDLE when removing one."
        case errors.SecretMissing(platform=platform, handle=handle):
            return (
                f"Run `crosspost accounts remove {platform} --handle {handle}`, then "
                f"`crosspost accounts add {platform} --handle {handle}`."
            )
        case errors.NotReadyToPublish(draft_id=did, problem=problem) if problem.code in (
            ProblemCode.BODY_TOO_LONG,
            ProblemCode.TAGS_TOO_LONG,
        ):
            return f"To publish it as a thread: `crosspost drafts thread {did} on`."
        case errors.NotReadyToPublish(draft_id=did, post_id=pid, lang=lang, platform=platform, problem=problem):
            return problem_remedy(problem, draft=did, post=pid, lang=lang, platform=platform)
        case errors.NoPublishApi(draft_id=did):
            return f"`crosspost drafts export {did} --to DIR` makes the bundle to upload."
        case errors.OtherAccount():
            return "Add that account again with `crosspost accounts add bluesky --handle H` and publish again."
        case errors.NothingToTranslate(draft_id=did, original_layout=True):
            return "Create it again with --layout translated or --layout bilingual to translate them."
        case errors.NothingToTranslate(draft_id=did):
            return f'Write them first: `crosspost drafts alt {did} N "TEXT"`.'
        case errors.PublishingBusy():
            return "`crosspost drafts publish --due` publishes what is left afterwards."
        case errors.ServerFailure(action="sign_in"):
            return "Check the server, then run `crosspost accounts add bluesky --handle H --server URL` again."
        case errors.ServerFailure():
            return "`crosspost drafts publish ID` (or `--due`) publishes it when the server answers again."
        case errors.InsecureServer(url=url):
            https = "https://" + url.split("://", 1)[-1]
            return f"Add the account with `crosspost accounts add bluesky --handle H --server {https}`."
        case errors.PublishError(kind=errors.PublishFailure.AUTH):
            return "Add the account again with a new app password: `crosspost accounts add bluesky --handle H`."
    return None


def cli_message(exc: errors.UserError) -> str:
    hint = remedy(exc)
    return f"{exc} {hint}" if hint else str(exc)


def problem_remedy(problem: Problem, *, draft: int, post: int, lang: str | None, platform: str) -> str | None:
    """The command that fixes a preflight problem; None when its sentence says it all."""
    match problem.code:
        case ProblemCode.NO_MEDIA:
            return _fetch_or_attach(post)
        case ProblemCode.NO_TRANSLATION:
            return f"Make one with `crosspost translate {post} --to {lang}`."
        case ProblemCode.NOT_RENDERED:
            return _render(draft)
        case ProblemCode.VIDEO_TOO_LONG:
            return f"Trim it: `crosspost render FILE --platform {platform} --end SECONDS -o OUT`."
        case ProblemCode.TITLE_TOO_LONG | ProblemCode.TITLE_EMPTY | ProblemCode.TITLE_SHORTENED:
            return f'Set one with `crosspost drafts edit {draft} --title "…"`.'
        case ProblemCode.TOO_MANY_TOPICS | ProblemCode.TOPICS_LEFT_OUT:
            return f'Choose them with `crosspost drafts edit {draft} --topics "a,b"`.'
        case ProblemCode.BODY_TOO_LONG | ProblemCode.TAGS_TOO_LONG:
            return f'Shorten it with `crosspost drafts edit {draft} --body "…"`.'
        case ProblemCode.NO_ALT_TEXT:
            return f'Add it with `crosspost drafts alt {draft} N "TEXT"`.'
        case ProblemCode.DOUBTFUL_SENTENCES:
            return f"`crosspost translate {post} --to {lang} --check` shows them."
        case ProblemCode.FILE_TOO_LARGE | ProblemCode.WRONG_ASPECT:
            return f"Render it again with `crosspost drafts render {draft}`."
    return None


def problem_hint(problem: Problem, *, draft: int, post: int, lang: str | None, platform: str) -> str:
    """A preflight problem's sentence with the command that fixes it, for the terminal."""
    hint = problem_remedy(problem, draft=draft, post=post, lang=lang, platform=platform)
    return f"{problem.message} {hint}" if hint else problem.message
