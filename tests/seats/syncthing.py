"""Two real Syncthing instances on loopback, sharing one folder: a sync engine end to end.

`syncthing_pair(tmp_path)` is a context manager (and the `syncthing_pair` fixture in
`tests/seats/conftest.py` wraps it): it generates two homes, edits each generated config.xml
before start (GUI and sync listeners on free 127.0.0.1 ports, the peer device introduced by id
at its loopback address, discovery, relays, NAT traversal, crash and usage reporting and
upgrades off, a one-second rescan and fs-watcher delay), starts both, waits until they are
connected, and yields a `SyncthingPair` whose `.a.folder` and `.b.folder` are kept in step.
On the way out both instances are asked to shut down over the REST API, then terminated and,
if need be, killed; nothing is left running.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

SYNCTHING = shutil.which("syncthing") or "/usr/bin/syncthing"
FOLDER_ID = "bargain-seats"
START_LIMIT = 90.0
"""Seconds for both instances to answer on their REST API and see each other.

Generous: a failed TLS or Hello exchange is retried only after the dialer's back-off, and a
loaded CI machine once took more than 30 s (both sides dialling at once timed out)."""

OPTIONS = {
    "globalAnnounceEnabled": "false",
    "localAnnounceEnabled": "false",
    "relaysEnabled": "false",
    "natEnabled": "false",
    "urAccepted": "-1",
    "urSeen": "3",
    "startBrowser": "false",
    "crashReportingEnabled": "false",
    "autoUpgradeIntervalH": "0",
    "stunKeepaliveStartS": "0",
    "stunKeepaliveMinS": "0",
    "reconnectionIntervalS": "1",
    "progressUpdateIntervalS": "-1",
    "setLowPriority": "false",
}
"""Loopback only: nothing announced, relayed, punched through a NAT, reported or upgraded."""


def free_port() -> int:
    """A TCP port on 127.0.0.1 nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Instance:
    """One Syncthing: its home, its shared folder, its ports and its process."""

    name: str
    home: Path
    folder: Path
    gui_port: int = field(default_factory=free_port)
    sync_port: int = field(default_factory=free_port)
    api_key: str = ""
    device_id: str = ""
    process: subprocess.Popen[bytes] | None = None

    @property
    def log(self) -> Path:
        return self.home / "syncthing.log"

    def generate(self) -> None:
        subprocess.run(
            [SYNCTHING, "generate", f"--home={self.home}", "--no-default-folder"],
            check=True,
            capture_output=True,
            env=environment(),
            timeout=60,
        )
        found = subprocess.run(
            [SYNCTHING, "serve", f"--home={self.home}", "--device-id"],
            check=True,
            capture_output=True,
            env=environment(),
            timeout=60,
        )
        self.device_id = found.stdout.decode().strip()

    def configure(self, peer: Instance, *, dials: bool) -> None:
        """Edit the generated config.xml: ports, options, the peer, the one shared folder.

        Only one side `dials` its peer; the other waits to be called. When both dialled at
        once, each end could close the connection the other kept, and the Hello exchange on
        both timed out after 20 s (seen once in CI).
        """
        path = self.home / "config.xml"
        tree = ET.parse(path)
        root = tree.getroot()
        gui = root.find("gui")
        assert gui is not None
        gui.set("tls", "false")
        set_text(gui, "address", f"127.0.0.1:{self.gui_port}")
        self.api_key = f"bargain-test-{self.name}-{os.getpid()}"
        set_text(gui, "apikey", self.api_key)
        options = root.find("options")
        assert options is not None
        set_text(options, "listenAddress", f"tcp://127.0.0.1:{self.sync_port}")
        set_text(options, "globalAnnounceServer", "")
        set_text(options, "stunServer", "")
        for key, value in OPTIONS.items():
            set_text(options, key, value)
        peer_address = f"tcp://127.0.0.1:{peer.sync_port}" if dials else "dynamic"
        for name, device_id, address in (
            (self.name, self.device_id, "dynamic"),
            (peer.name, peer.device_id, peer_address),
        ):
            for old in root.findall(f"device[@id='{device_id}']"):
                root.remove(old)
            device = ET.SubElement(
                root,
                "device",
                id=device_id,
                name=name,
                compression="metadata",
                introducer="false",
            )
            ET.SubElement(device, "address").text = address
            ET.SubElement(device, "paused").text = "false"
            ET.SubElement(device, "autoAcceptFolders").text = "false"
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / ".stfolder").mkdir(exist_ok=True)
        folder = ET.SubElement(
            root,
            "folder",
            id=FOLDER_ID,
            label="bargaining seats",
            path=str(self.folder),
            type="sendreceive",
            rescanIntervalS="1",
            fsWatcherEnabled="true",
            fsWatcherDelayS="1",
            ignorePerms="false",
            autoNormalize="true",
        )
        ET.SubElement(folder, "filesystemType").text = "basic"
        for device_id in (self.device_id, peer.device_id):
            ET.SubElement(folder, "device", id=device_id, introducedBy="")
        ET.SubElement(folder, "minDiskFree", unit="%").text = "0"
        ET.SubElement(folder, "markerName").text = ".stfolder"
        ET.SubElement(folder, "pullerPauseS").text = "1"
        tree.write(path, encoding="utf-8", xml_declaration=False)

    def start(self) -> None:
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                [
                    SYNCTHING,
                    "serve",
                    f"--home={self.home}",
                    "--no-browser",
                    "--no-restart",
                    "--no-upgrade",
                ],
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                env=environment(),
            )

    def rest(self, path: str, method: str = "GET") -> object:
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.gui_port}{path}",
            method=method,
            headers={"X-API-Key": self.api_key},
        )
        with urllib.request.urlopen(request, timeout=5) as answer:
            body = answer.read()
        return json.loads(body) if body else None

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def connected_to(self, peer: Instance) -> bool:
        try:
            answer = self.rest("/rest/system/connections")
        except (OSError, urllib.error.URLError, ValueError):
            return False
        connections = answer.get("connections", {}) if isinstance(answer, dict) else {}
        return bool(connections.get(peer.device_id, {}).get("connected"))

    def stop(self) -> None:
        if self.process is None:
            return
        if self.process.poll() is None:
            with contextlib.suppress(OSError, urllib.error.URLError, ValueError):
                self.rest("/rest/system/shutdown", method="POST")
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.terminate()
                try:
                    self.process.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    self.process.kill()
                    self.process.wait(timeout=5)
        self.process = None


@dataclass
class SyncthingPair:
    """Two connected instances sharing FOLDER_ID."""

    a: Instance
    b: Instance

    def logs(self) -> str:
        """The tail of both logs, for a failing assertion."""
        parts = []
        for instance in (self.a, self.b):
            text = instance.log.read_text(errors="replace") if instance.log.exists() else ""
            parts.append(f"--- {instance.name} ---\n" + "\n".join(text.splitlines()[-30:]))
        return "\n".join(parts)


def environment() -> dict[str, str]:
    env = dict(os.environ)
    env.update(STNODEFAULTFOLDER="1", STNOUPGRADE="1", STNORESTART="1")
    env.pop("STGUIADDRESS", None)
    env.pop("STGUIAPIKEY", None)
    return env


def set_text(parent: ET.Element, tag: str, text: str) -> None:
    child = parent.find(tag)
    if child is None:
        child = ET.SubElement(parent, tag)
    child.text = text


def wait_for(condition: Callable[[], bool], limit: float, what: str, pair: SyncthingPair) -> float:
    """Seconds until `condition()` holds; fails with both logs after `limit` seconds."""
    started = time.monotonic()
    while not condition():
        for instance in (pair.a, pair.b):
            assert instance.alive(), f"syncthing {instance.name} exited\n{pair.logs()}"
        if time.monotonic() - started > limit:
            raise AssertionError(f"{what} not within {limit:.0f} s\n{pair.logs()}")
        time.sleep(0.2)
    return time.monotonic() - started


@contextlib.contextmanager
def syncthing_pair(root: Path) -> Iterator[SyncthingPair]:
    """Two Syncthing instances under `root`, connected, sharing one folder each."""
    a = Instance("lead", root / "lead-home", root / "lead-folder")
    b = Instance("notes", root / "notes-home", root / "notes-folder")
    pair = SyncthingPair(a, b)
    try:
        for instance in (a, b):
            instance.generate()
        a.configure(b, dials=True)
        b.configure(a, dials=False)
        for instance in (a, b):
            instance.start()
        wait_for(
            lambda: a.connected_to(b) and b.connected_to(a),
            START_LIMIT,
            "the two syncthing instances connected",
            pair,
        )
        yield pair
    finally:
        for instance in (a, b):
            instance.stop()
