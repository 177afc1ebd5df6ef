"""``render_for_platform``: any photos and videos → what a platform wants, one call for the CLI,
the drafts and the window. Photos are spread over all cores; videos use x264's own threads."""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from crosspost.errors import UserError
from crosspost.media.images import RenderedImage
from crosspost.media.probe import MediaInfo, probe_file
from crosspost.media.targets import Target, image_target, video_target
from crosspost.platforms import PlatformProfile
from crosspost.progress import NEVER_CANCELLED, CancelToken, Progress, ProgressCallback, no_progress
from crosspost.values import Fit, MediaKind

if TYPE_CHECKING:  # (PyAV is imported only when a video is rendered)
    from crosspost.media.video import RenderedVideo


@dataclass
class RenderReport:
    outputs: list[Path] = field(default_factory=list)
    results: list[RenderedImage | RenderedVideo] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "outputs": [str(p) for p in self.outputs],
            "files": [
                {
                    "path": str(r.path),
                    "width": r.width,
                    "height": r.height,
                    "size": r.size,
                    "method": r.method,
                    "reasons": list(r.reasons),
                    **({"duration": r.duration} if not isinstance(r, RenderedImage) else {}),
                }
                for r in self.results
            ],
            "warnings": self.warnings,
        }


# Pillow keeps up to this many freed memory blocks of this size in each photo worker for the next
# photo (its default frees every block: a 12 MP photo's ≈ 30 MB of buffers were faulted in afresh for
# each photo, ≈ 10 ms of system time a photo). Uniform small blocks make every cached block fit.
_WORKER_BLOCK_SIZE = 512 * 1024
_WORKER_BLOCKS_MAX = 128  # at most 64 MB kept; a 12 MP photo needs ≈ 30 MB (decoded, scaled, turned)


def _start_photo_worker() -> None:
    from PIL import Image

    Image.core.set_block_size(_WORKER_BLOCK_SIZE)
    Image.core.set_blocks_max(_WORKER_BLOCKS_MAX)


def _prepare_photo_workers() -> None:
    """Import here, once, what each photo worker would otherwise import for itself after it is
    forked: Pillow's common format plugins (opening bytes and saving by format name load them all),
    the JPEG strip and the output check."""
    from PIL import Image

    import crosspost.media.jpeg_strip
    import crosspost.media.output_check  # noqa: F401

    Image.preinit()


def _photo_job(args: tuple[str, str, Target, str, bool]) -> RenderedImage:
    from crosspost.media.keep_original import render_photo_for
    from crosspost.platforms import get_profile

    source, output, target, platform, reencode = args
    return render_photo_for(source, output, target, get_profile(platform), reencode=reencode)


def plan_outputs(inputs: list[Path], kinds: list[MediaKind], out: Path) -> list[Path]:
    """Where each input's rendering goes: OUT itself for one input (a file), else files in OUT."""
    suffix = {MediaKind.IMAGE: ".jpg", MediaKind.VIDEO: ".mp4"}
    if len(inputs) == 1 and not out.is_dir():
        wanted = suffix[MediaKind(kinds[0])]
        if out.suffix.lower() not in ((".jpg", ".jpeg") if wanted == ".jpg" else (".mp4",)):
            raise UserError(
                f"{out.name}: a {'photo' if kinds[0] == MediaKind.IMAGE else 'video'} is rendered "
                f"as {wanted}; name the output {out.stem}{wanted}."
            )
        return [out]
    names: set[str] = set()
    outputs = []
    for path, kind in zip(inputs, kinds):
        stem, n = path.stem, 1
        name = stem + suffix[MediaKind(kind)]
        while name in names:
            n += 1
            name = f"{stem}-{n}{suffix[MediaKind(kind)]}"
        names.add(name)
        outputs.append(out / name)
    return outputs


def _check_writable(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"The output folder {folder} cannot be created ({exc.strerror or exc}).") from None
    if not os.access(folder, os.W_OK | os.X_OK):
        raise UserError(f"The output folder {folder} is not writable; choose another with -o.")


def _refuse_overwriting_inputs(inputs: list[Path], outputs: list[Path]) -> None:
    """A rendering never replaces one of its own inputs (the original would be lost): not by the
    same path, nor through a hard link. Each path is resolved once (a batch of 40 photos compared
    every pair: 3,200 resolves, ≈ 0.1 s before any worker started)."""
    sources = {source.resolve() for source in inputs}
    identities = set()
    for source in inputs:
        try:
            st = source.stat()
        except OSError:
            continue
        identities.add((st.st_dev, st.st_ino))
    for output in outputs:
        same = output.resolve() in sources
        if not same:
            try:
                st = output.stat()
            except OSError:  # not there yet
                continue
            same = (st.st_dev, st.st_ino) in identities  # what os.path.samefile compares
        if same:
            raise UserError(
                f"{output} is one of the files being rendered; nothing was written. "
                "Choose another output name or folder, so the original is kept."
            )


def render_for_platform(
    inputs: list[str | Path],
    profile: PlatformProfile,
    out: str | Path,
    *,
    fit: Fit | None = None,
    start: float | None = None,
    end: float | None = None,
    workers: int | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    reencode: bool = False,
) -> RenderReport:
    """Render INPUTS for PROFILE into OUT. A JPEG or video that already fits the platform is kept
    (metadata removed, not re-encoded) unless REENCODE; see ``crosspost.media.keep_original``."""
    from crosspost.faults import writing_to

    folder = Path(out).expanduser()
    with writing_to(folder if folder.is_dir() else folder.parent):
        return _render_for_platform(
            inputs,
            profile,
            out,
            fit=fit,
            start=start,
            end=end,
            workers=workers,
            progress=progress,
            cancel=cancel,
            reencode=reencode,
        )


def _render_for_platform(
    inputs: list[str | Path],
    profile: PlatformProfile,
    out: str | Path,
    *,
    fit: Fit | None,
    start: float | None,
    end: float | None,
    workers: int | None,
    progress: ProgressCallback | None,
    cancel: CancelToken | None,
    reencode: bool,
) -> RenderReport:
    progress = progress or no_progress
    cancel = cancel or NEVER_CANCELLED
    paths = [Path(p).expanduser() for p in inputs]
    if not paths:
        raise UserError("Give at least one photo or video to render.")
    infos = []
    for path in paths:
        if not path.is_file():
            raise UserError(f"{path} is not a file.")
        infos.append(probe_file(path))
    out = Path(out).expanduser()
    outputs = plan_outputs(paths, [MediaKind(i.kind) for i in infos], out)
    _refuse_overwriting_inputs(paths, outputs)
    _check_writable(outputs[0].parent)
    existing = {output for output in outputs if output.exists()}
    try:
        return _render_planned(paths, infos, outputs, profile, fit, start, end, workers, progress, cancel, reencode)
    except BaseException:
        # A photo found damaged by its worker, a video that fails, a cancel: the files this run
        # made are removed (files it replaced stay: they are whole renderings of the same inputs).
        for output in outputs:
            if output not in existing:
                output.unlink(missing_ok=True)
        raise


def _render_planned(
    paths: list[Path],
    infos: list[MediaInfo],
    outputs: list[Path],
    profile: PlatformProfile,
    fit: Fit | None,
    start: float | None,
    end: float | None,
    workers: int | None,
    progress: ProgressCallback,
    cancel: CancelToken,
    reencode: bool,
) -> RenderReport:
    from crosspost.media.keep_original import render_video_for

    report = RenderReport()
    photo_jobs = []
    for path, info, output in zip(paths, infos, outputs):
        if info.kind == MediaKind.IMAGE:
            photo_jobs.append((str(path), str(output), image_target(profile, fit), profile.name, reencode))
    done = 0
    total = len(paths)
    workers = workers or os.cpu_count() or 1
    if len(photo_jobs) > 1 and workers > 1:
        _prepare_photo_workers()
        pool = ProcessPoolExecutor(max_workers=min(workers, len(photo_jobs)), initializer=_start_photo_worker)
        try:
            for result in pool.map(_photo_job, photo_jobs):
                cancel.check()
                report.results.append(result)
                done += 1
                progress(Progress(done, total, f"rendered {result.path.name}"))
        finally:
            # On a damaged photo or a cancel, the photos not yet started are dropped, not rendered
            # before the error is reported (the running ones finish: their files are removed below).
            pool.shutdown(wait=True, cancel_futures=True)
    else:
        for job in photo_jobs:
            cancel.check()
            report.results.append(_photo_job(job))
            done += 1
            progress(Progress(done, total, f"rendered {Path(job[1]).name}"))

    for path, info, output in zip(paths, infos, outputs):
        if info.kind != MediaKind.VIDEO:
            continue
        target = video_target(profile, fit)
        length = (end if end is not None else (info.duration or 0)) - (start or 0)
        if target.max_seconds and length > target.max_seconds:
            report.warnings.append(
                f"{path.name} is {length:.0f} s long; {profile.display_name['en']} takes at most "
                f"{target.max_seconds:.0f} s; trim it to fit."
            )

        def video_progress(p: Progress, base: float = done) -> None:
            progress(Progress(base + (p.fraction or 0), total, p.message))

        report.results.append(
            render_video_for(
                path,
                output,
                target,
                profile,
                start=start,
                end=end,
                reencode=reencode,
                progress=video_progress,
                cancel=cancel,
            )
        )
        done += 1
    report.outputs = [r.path for r in sorted(report.results, key=lambda r: outputs.index(Path(r.path)))]
    report.results.sort(key=lambda r: outputs.index(Path(r.path)))
    return report
