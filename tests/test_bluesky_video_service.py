"""Video through Bluesky's video service (getServiceAuth → uploadVideo → getJobStatus, honouring
getUploadLimits) against a local stand-in for the service and the real local PDS; a job that fails;
an upload that is rate limited."""

from __future__ import annotations

import pytest
from bluesky_world import World
from media_files import video
from video_service import VideoService

from crosspost.media.probe import probe_file


@pytest.fixture(autouse=True)
def no_keyring(monkeypatch):
    import keyring.core

    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.setattr(keyring.core, "_keyring_backend", None)


def test_video_service_success_failure_and_rate_limit(pds, tmp_path, capsys, monkeypatch):
    me = pds.create_account("vs")
    w = World(tmp_path, capsys, monkeypatch, ["Waves at dawn"])
    with VideoService(pds.url, pds.did) as service:
        w.add_account(pds, me, "--video-service", service.url)
        draft = w.draft(1, [video(tmp_path / "waves.mp4", 640, 360, seconds=1)], alts=["Waves rolling onto sand"])

        service.mode = "fail"
        code, out, err = w.run("drafts", "publish", draft, "--json")
        assert code == 1 and "Bluesky could not process the video: Video is too long." in err
        assert "Traceback" not in err and pds.list_records(me["did"]) == []
        code, shown, _ = w.run("drafts", "show", draft, "--json")
        assert shown["status"] != "posted"  # still publishable

        service.mode = "limited"
        code, out, err = w.run("drafts", "publish", draft)
        assert code == 1 and "limiting uploads" in err and " until " in err
        assert pds.list_records(me["did"]) == []

        service.mode = "ok"
        service.calls.clear()
        code, out, err = w.run("drafts", "publish", draft, "--json")
        assert code == 0, err
    names = [c[0] for c in service.calls]
    assert names[:2] == ["getUploadLimits", "uploadVideo"] and names.count("getJobStatus") >= 2
    upload = service.calls[1][1]
    assert upload["did"] == me["did"] and upload["type"] == "video/mp4" and upload["name"].endswith(".mp4")
    assert upload["claims"]["iss"] == me["did"]

    record = pds.get_record(out[0]["uri"])["value"]
    embed = record["embed"]
    assert embed["$type"] == "app.bsky.embed.video"
    assert embed["video"]["mimeType"] == "video/mp4" and embed["video"]["size"] == upload["size"]
    assert embed["alt"] == "Waves rolling onto sand"
    code, shown, _ = w.run("drafts", "show", draft, "--json")
    [rendered] = [m["rendered"] for m in shown["media_detail"] if m.get("rendered")]
    info = probe_file(rendered)
    assert embed["aspectRatio"] == {"width": info.width, "height": info.height}
    assert record["text"] == "Waves at dawn" and record["langs"] == ["en"]
