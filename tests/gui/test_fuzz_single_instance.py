"""A bounded fuzz of the single-window message reader (issue 22): JSON of every shape, damaged good
messages and raw bytes, read directly and then sent to a real listening InstanceServer over its
socket. Only a list of absolute paths is ever taken; nothing raises; bad messages leave a log line.
Seeded (hypothesis derandomized), a few seconds."""

from __future__ import annotations

import json
import logging
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtNetwork import QLocalSocket

from crosspost.gui.single_instance import InstanceServer, read_message
from crosspost.paths import resolve

FUZZ = settings(derandomize=True, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
GOOD = json.dumps({"paths": ["/home/me/photo.jpg", "/home/me/export.zip"]}).encode()

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=8), children, max_size=5),
    max_leaves=20,
)
shaped = st.one_of(
    json_values,
    st.fixed_dictionaries({"paths": json_values}),
    st.fixed_dictionaries({"paths": st.lists(st.text(max_size=30), max_size=5)}),
).map(lambda v: json.dumps(v).encode())


@st.composite
def damaged(draw):
    data = bytearray(GOOD)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        how = draw(st.integers(0, 2))
        if how == 0:
            del data[at : at + draw(st.integers(1, 10))]
        elif how == 1:
            data[at:at] = draw(
                st.sampled_from([b'"', b"[", b"]", b"{", b"}", b",", b"null", b"5", b"\\u0000", b"\xff"])
            )
        else:
            data[at:at] = draw(st.binary(min_size=1, max_size=8))
    return bytes(data)


messages = st.one_of(shaped, damaged(), st.binary(max_size=200))


def _check(message: bytes, paths: list[str] | None) -> None:
    if paths is None:
        return
    assert isinstance(paths, list) and all(isinstance(p, str) and os.path.isabs(p) and "\0" not in p for p in paths)
    assert json.loads(message.decode("utf-8"))["paths"] == paths


@settings(FUZZ, max_examples=400)
@given(messages)
def test_read_message_never_raises_and_takes_only_absolute_paths(message):
    _check(message, read_message(message))


def test_the_good_message_is_read():
    assert read_message(GOOD) == ["/home/me/photo.jpg", "/home/me/export.zip"]


def test_fuzzed_messages_over_a_real_socket(qtbot, tmp_path, caplog):
    location = resolve(tmp_path / "d").ensure()
    server = InstanceServer(location)
    assert server.listen()
    received: list = []
    server.pathsReceived.connect(received.append)
    caplog.set_level(logging.INFO, logger="crosspost")
    counts = {"taken": 0, "ignored": 0}
    try:

        @settings(FUZZ, max_examples=60)
        @given(messages)
        def one(message: bytes) -> None:
            received.clear()
            caplog.clear()
            client = QLocalSocket()
            client.connectToServer(server.server.fullServerName())
            assert client.waitForConnected(5000)
            client.write(message.replace(b"\n", b" ") + b"\n")
            client.flush()
            qtbot.waitUntil(lambda: client.state() == QLocalSocket.LocalSocketState.UnconnectedState, timeout=10000)
            expected = read_message(message.replace(b"\n", b" "))
            if expected is None:
                assert received == [] and "ignored" in caplog.text
                counts["ignored"] += 1
            else:
                assert received == [expected]
                counts["taken"] += 1

        one()
    finally:
        server.close()
    assert counts["ignored"] > 10 and counts["taken"] > 0, counts
