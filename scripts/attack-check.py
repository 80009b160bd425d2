#!/usr/bin/env python3
"""Attacks a `serve` the script starts itself on loopback and says, line by line, what held.

Standard library only (Python 3.9 or newer), POSIX (symbolic links, SIGKILL, 127.0.0.x source
addresses on Linux). It starts

    java -jar target/image-organizer.jar serve --port P --model-dir M --db HOME/library
         --storage TMP/storage --api-key-file TMP/api-key [small limits]

with a temporary IMAGE_ORGANIZER_HOME and java.io.tmpdir inside a temporary folder, runs the
attacks of issue 14 (and the ones that held before it), each bounded in count and time, and prints
one line per check: `held` or `broken` with a short reason or figure, or `skipped` when the server
lacks an option the check needs. The exit code is 0 only when every line says held.

    /usr/bin/python3 scripts/attack-check.py [--jar PATH] [--java PATH] [--model-dir DIR]
                                             [--only NAME,...] [--keep] [--list]

The native libraries (about 445 MB) are unpacked where the program keeps them for this user, so
only the first run of the program pays for it; --native-cache chooses another folder.
"""
from __future__ import annotations

import argparse
import hashlib
import http.client
import json
import math
import os
import random
import re
import select
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import urllib.parse
import zlib

KEY_NAME = re.compile(r"^[0-9a-f]{32}(\.[a-z0-9]{1,5})?$")
LIMIT_MB_REQUEST = 2
LIMIT_MB_FILE = 1
UPLOADS_PER_MINUTE = 300
LATENCY_TARGET_MS = 100.0
LOG_BUDGET_BYTES = 8 * 1024


# --------------------------------------------------------------------------------------------
# images


def png(width: int, height: int, seed: int, noise: bool = True) -> bytes:
    """A valid RGB PNG; `noise` gives every seed different pixels (so every upload is a new photo)."""
    if noise:
        rows = random.Random(seed).randbytes(width * height * 3)
    else:
        rows = bytes(width * height * 3)
    stride = width * 3
    raw = b"".join(b"\x00" + rows[y * stride:(y + 1) * stride] for y in range(height))
    return png_container(width, height, zlib.compress(raw, 1))


def png_container(width: int, height: int, idat: bytes) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def bomb_png() -> bytes:
    """Declares 30000 x 30000 pixels (2.7 GB decoded) with a tiny compressed IDAT."""
    return png_container(30000, 30000, zlib.compress(bytes(256 * 1024), 9))


class Multipart:
    """A multipart/form-data body built in memory."""

    def __init__(self) -> None:
        self.boundary = "----attack-check-" + os.urandom(8).hex()
        self.parts: list[bytes] = []

    def file(self, data: bytes, filename: str = "photo.png", field: str = "files", ctype: str = "image/png") -> "Multipart":
        head = (f'--{self.boundary}\r\nContent-Disposition: form-data; name="{field}"; filename="{filename}"\r\n'
                f"Content-Type: {ctype}\r\n\r\n").encode()
        self.parts.append(head + data + b"\r\n")
        return self

    def field(self, name: str, value: str) -> "Multipart":
        self.parts.append(f'--{self.boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
        return self

    def body(self) -> bytes:
        return b"".join(self.parts) + f"--{self.boundary}--\r\n".encode()

    @property
    def content_type(self) -> str:
        return "multipart/form-data; boundary=" + self.boundary


# --------------------------------------------------------------------------------------------
# HTTP


class Resp:
    def __init__(self, status: int, headers: dict, body: bytes, reason: str = "") -> None:
        self.status = status
        self.headers = headers
        self.body = body
        self.reason = reason

    def json(self):
        try:
            return json.loads(self.body.decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            return None

    def json_error(self) -> bool:
        data = self.json()
        return "json" in self.headers.get("content-type", "") and isinstance(data, dict) and "error" in data

    def detail(self) -> str:
        data = self.json()
        if isinstance(data, dict):
            return str(data.get("detail") or data.get("error") or "")
        kind = self.headers.get("content-type", "")
        if kind.startswith("image/") or b"\0" in self.body[:512]:
            return f"{len(self.body)} bytes of {kind or 'binary'}"
        return self.body[:80].decode("utf-8", "replace").replace("\n", " ")


def parse_response(data: bytes) -> Resp | None:
    """A complete response from raw bytes (Content-Length, chunked or up to EOF); None if incomplete."""
    end = data.find(b"\r\n\r\n")
    if end < 0:
        return None
    lines = data[:end].decode("latin-1").split("\r\n")
    parts = lines[0].split(" ", 2)
    if len(parts) < 2 or not parts[1].isdigit():
        return Resp(0, {}, data, "not HTTP: " + lines[0][:60])
    headers = {}
    for line in lines[1:]:
        if ":" in line:
            name, value = line.split(":", 1)
            headers[name.strip().lower()] = value.strip()
    rest = data[end + 4:]
    if "chunked" in headers.get("transfer-encoding", "").lower():
        body, pos = b"", 0
        while True:
            eol = rest.find(b"\r\n", pos)
            if eol < 0:
                return None
            size = int(rest[pos:eol].split(b";")[0] or b"0", 16)
            if size == 0:
                return Resp(int(parts[1]), headers, body, parts[2] if len(parts) > 2 else "")
            if len(rest) < eol + 2 + size + 2:
                return None
            body += rest[eol + 2:eol + 2 + size]
            pos = eol + 2 + size + 2
    if "content-length" in headers:
        length = int(headers["content-length"])
        if len(rest) < length:
            return None
        rest = rest[:length]
    return Resp(int(parts[1]), headers, rest, parts[2] if len(parts) > 2 else "")


def read_raw(sock: socket.socket, timeout: float) -> Resp | None:
    """Reads one response (or what came before the server closed); None when nothing came."""
    sock.settimeout(timeout)
    data = b""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            chunk = sock.recv(65536)
        except socket.timeout:
            break
        except OSError:
            break
        if not chunk:
            break
        data += chunk
        resp = parse_response(data)
        if resp is not None and ("content-length" in resp.headers or "chunked" in resp.headers.get("transfer-encoding", "")):
            return resp
    if not data:
        return None
    return parse_response(data + b"\r\n\r\n" if b"\r\n\r\n" not in data else data) or Resp(0, {}, data, "incomplete")


class Client:
    """Requests to the server under test, with or without the key, from a chosen loopback address."""

    def __init__(self, port: int, key: str, aliases: bool) -> None:
        self.port = port
        self.key = key
        self.aliases = aliases

    def source(self, n: int):
        return ("127.0.0.%d" % n, 0) if self.aliases and n != 1 else None

    def connect(self, timeout: float = 10, source: int = 1) -> socket.socket:
        return socket.create_connection(("127.0.0.1", self.port), timeout=timeout, source_address=self.source(source))

    def request(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None,
                key: bool = True, timeout: float = 10, source: int = 1) -> Resp:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout, source_address=self.source(source))
        try:
            all_headers = {"Connection": "close"}
            if key:
                all_headers["X-API-Key"] = self.key
            all_headers.update(headers or {})
            conn.request(method, path, body=body, headers=all_headers)
            r = conn.getresponse()
            try:
                body = r.read()
            except http.client.IncompleteRead as e:  # a body shorter than its Content-Length
                body = e.partial
            return Resp(r.status, {k.lower(): v for k, v in r.getheaders()}, body, r.reason)
        finally:
            conn.close()

    def upload(self, form: Multipart, headers: dict | None = None, timeout: float = 30, source: int = 1) -> Resp:
        all_headers = {"Content-Type": form.content_type}
        all_headers.update(headers or {})
        return self.request("POST", "/images", form.body(), all_headers, timeout=timeout, source=source)

    def raw(self, data: bytes, timeout: float = 10) -> Resp | None:
        with self.connect(timeout) as sock:
            sock.sendall(data)
            return read_raw(sock, timeout)

    def timed(self, path: str, key: bool, timeout: float) -> tuple[float, int | None]:
        """Milliseconds for one GET on a new connection, and its status (None on timeout or error)."""
        start = time.monotonic()
        try:
            r = self.request("GET", path, key=key, timeout=timeout)
            return (time.monotonic() - start) * 1000, r.status
        except (OSError, http.client.HTTPException):
            return max((time.monotonic() - start) * 1000, timeout * 1000), None


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)] if ordered else float("nan")


def latency_probe(client: Client, paths: list[tuple[str, bool]], count: int, deadline_s: float,
                  timeout: float, pause: float = 0.02, give_up: int = 10) -> dict:
    """Sequential GETs cycling over paths until count, the deadline or `give_up` failures in a row:
    per path, the latencies (a failure counts as its timeout) and the failures."""
    out = {p: {"ms": [], "failed": 0} for p, _ in paths}
    end = time.monotonic() + deadline_s
    i = in_a_row = 0
    while i < count and time.monotonic() < end and in_a_row < give_up:
        path, key = paths[i % len(paths)]
        ms, status = client.timed(path, key, timeout)
        out[path]["ms"].append(ms)
        if status != 200:
            out[path]["failed"] += 1
        in_a_row = in_a_row + 1 if status != 200 else 0
        i += 1
        time.sleep(pause)
    return out


def latency_text(name: str, probe: dict) -> str:
    ms, failed = probe["ms"], probe["failed"]
    return f"{name} p50 {percentile(ms, .5):.0f} ms p99 {percentile(ms, .99):.0f} ms (n={len(ms)}, failed {failed})"


def counts(items) -> str:
    tally: dict = {}
    for item in items:
        tally[item] = tally.get(item, 0) + 1
    return ", ".join(f"{k}×{v}" for k, v in sorted(tally.items(), key=lambda kv: -kv[1])) or "none"


# --------------------------------------------------------------------------------------------
# the server under test


def default_native_cache() -> str:
    """The folder the program itself unpacks DJL's native libraries into (config.Environment)."""
    if sys.platform == "darwin":
        return os.path.expanduser("~/Library/Caches/AI Image Organizer/native")
    cache = os.environ.get("XDG_CACHE_HOME")
    if not cache or not os.path.isabs(cache):
        cache = os.path.expanduser("~/.cache")
    return os.path.join(cache, "image-organizer", "native")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def aliases_work(port: int) -> bool:
    """Whether this machine routes 127.0.0.x (Linux does), so each load client has its own address."""
    try:
        with socket.socket() as listener:
            listener.bind(("127.0.0.1", 0))
            listener.listen(1)
            with socket.create_connection(listener.getsockname(), timeout=2, source_address=("127.0.0.9", 0)):
                return True
    except OSError:
        return False


class Server:
    def __init__(self, args, root: str) -> None:
        self.args = args
        self.root = root
        self.home = os.path.join(root, "home")
        self.storage = os.path.join(root, "storage")
        self.tmpdir = os.path.join(root, "java-tmp")
        self.key_file = os.path.join(root, "api-key")
        self.stdout_path = os.path.join(root, "server-stdout.txt")
        self.stderr_path = os.path.join(root, "server-stderr.txt")
        for folder in (self.home, self.storage, self.tmpdir):
            os.makedirs(folder, exist_ok=True)
        self.key = os.urandom(16).hex()
        with open(os.open(self.key_file, os.O_WRONLY | os.O_CREAT, 0o600), "w") as f:
            f.write(self.key + "\n")
        self.port = free_port()
        self.proc: subprocess.Popen | None = None
        self.options = self.help_options()
        self.limits: dict = {}
        self.startups: list[float] = []

    def env(self) -> dict:
        env = {k: v for k, v in os.environ.items()
               if not k.startswith("IMAGE_ORGANIZER_") and k not in ("PORT", "CLOUDINARY_URL", "CLOUDINARY_AUTH_TOKEN_KEY")}
        env["IMAGE_ORGANIZER_HOME"] = self.home
        env["IMAGE_ORGANIZER_OFFLINE"] = "1"
        cache = self.args.native_cache or os.environ.get("DJL_CACHE_DIR") or default_native_cache()
        env.setdefault("DJL_CACHE_DIR", cache)
        env.setdefault("ENGINE_CACHE_DIR", cache)
        return env

    def help_options(self) -> set:
        out = subprocess.run([self.args.java, "-jar", self.args.jar, "serve", "--help"], env=self.env(),
                             capture_output=True, text=True, timeout=120)
        return set(re.findall(r"(--[a-z][a-z0-9-]+)", out.stdout + out.stderr))

    def has(self, option: str) -> bool:
        return option in self.options

    def command(self) -> list:
        cmd = [self.args.java, "-Djava.io.tmpdir=" + self.tmpdir, "-jar", self.args.jar, "serve",
               "--port", str(self.port), "--model-dir", self.args.model_dir, "--storage", self.storage,
               "--api-key-file", self.key_file]
        if self.has("--host"):
            cmd += ["--host", "127.0.0.1"]
        if self.has("--library"):
            cmd += ["--library", os.path.join(self.home, "library")]
        elif self.has("--db"):
            cmd += ["--db", os.path.join(self.home, "library")]
        wanted = {"--max-request-mb": LIMIT_MB_REQUEST, "--max-file-mb": LIMIT_MB_FILE,
                  "--uploads-per-minute": UPLOADS_PER_MINUTE}
        for option, value in wanted.items():
            if self.has(option):
                cmd += [option, str(value)]
                self.limits[option] = value
        return cmd

    def start(self) -> float:
        started = time.monotonic()
        with open(self.stdout_path, "ab") as out, open(self.stderr_path, "ab") as err:
            self.proc = subprocess.Popen(self.command(), env=self.env(), stdout=out, stderr=err,
                                         stdin=subprocess.DEVNULL, cwd=self.root)
        deadline = started + self.args.start_timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("the server exited with code %s while starting; see %s"
                                   % (self.proc.returncode, self.stderr_path))
            if self.healthy(2):
                seconds = time.monotonic() - started
                self.startups.append(seconds)
                return seconds
            time.sleep(0.25)
        raise RuntimeError("the server did not answer /health within %d s" % self.args.start_timeout)

    def healthy(self, timeout: float = 5) -> bool:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
            conn.request("GET", "/health")
            ok = conn.getresponse().status == 200
            conn.close()
            return ok
        except (OSError, http.client.HTTPException):
            return False

    def wait_healthy(self, seconds: float) -> bool:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            if self.healthy(2):
                return True
            time.sleep(0.25)
        return False

    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def kill(self) -> None:
        if self.running():
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(30)

    def stop(self) -> None:
        if self.running():
            self.proc.terminate()
            try:
                self.proc.wait(45)
            except subprocess.TimeoutExpired:
                self.kill()

    def log_bytes(self) -> int:
        """The log folder's files plus the captured stdout and stderr."""
        total = 0
        for folder, _, files in os.walk(os.path.join(self.home, "logs")):
            total += sum(size_of(os.path.join(folder, f)) for f in files)
        return total + size_of(self.stdout_path) + size_of(self.stderr_path)

    def spool(self) -> tuple[int, list]:
        """Bytes of spooled upload parts anywhere under the temporary folder (home, storage, java.io.tmpdir)."""
        total, where = 0, set()
        for folder, _, files in os.walk(self.root):
            rel = os.path.relpath(folder, self.root)
            spool_folder = re.search(r"spool|upload", rel, re.I) is not None
            for name in files:
                if name.startswith("MultiPart") or spool_folder:
                    path = os.path.join(folder, name)
                    if os.path.isfile(path) and not os.path.islink(path):
                        total += size_of(path)
                        where.add(rel)
        return total, sorted(where)

    def stored_files(self) -> list:
        """Top-level files of the storage folder named like stored photos (regular files, no links)."""
        names = []
        for name in os.listdir(self.storage):
            path = os.path.join(self.storage, name)
            if KEY_NAME.match(name) and os.path.isfile(path) and not os.path.islink(path):
                names.append(name)
        return names

    def orphan_files(self) -> list:
        found = []
        for folder, _, files in os.walk(os.path.join(self.storage, ".orphans")):
            found += [os.path.join(folder, f) for f in files]
        return found


def size_of(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


# --------------------------------------------------------------------------------------------
# the checks


class Check:
    def __init__(self, name: str, issue: str, timeout: float, needs: tuple = ()) -> None:
        self.name, self.issue, self.timeout, self.needs = name, issue, timeout, needs


class Line(Exception):
    """Ends a check with its verdict."""

    def __init__(self, held: bool | None, text: str) -> None:
        super().__init__(text)
        self.held, self.text = held, text


class Attacks:
    def __init__(self, args, server: Server, client: Client) -> None:
        self.args = args
        self.server = server
        self.client = client
        self.seed = 1000
        self.seed_lock = threading.Lock()
        self.images: list[dict] = []
        self.model = model_name(args.model_dir)

    # helpers ---------------------------------------------------------------------------------

    def new_photo(self, size: int = 64) -> bytes:
        with self.seed_lock:
            self.seed += 1
            seed = self.seed
        return png(size, size, seed)

    def upload_photo(self, source: int = 1, headers: dict | None = None, filename: str = "photo.png") -> Resp:
        return self.client.upload(Multipart().file(self.new_photo(), filename), headers, source=source)

    def created(self, resp: Resp) -> dict:
        files = (resp.json() or {}).get("files") if resp.status in (200, 201) else None
        if not files or "id" not in files[0]:
            raise Line(False, f"could not upload a photo to attack with ({resp.status} {resp.detail()[:80]})")
        return files[0]

    def seed_library(self, n: int = 6) -> None:
        for _ in range(n):
            self.images.append(self.created(self.upload_photo()))

    def image(self) -> dict:
        if not self.images:
            self.seed_library(1)
        return self.images[0]

    def absolute(self, link: str) -> str:
        """The path and query of a link the API handed out (absolute or relative)."""
        parsed = urllib.parse.urlsplit(link)
        return parsed.path + ("?" + parsed.query if parsed.query else "")

    # 1 -----------------------------------------------------------------------------------------

    def spool(self):
        """Cut-off and refused uploads leave no spooled parts behind."""
        before, _ = self.server.spool()
        limit = LIMIT_MB_REQUEST * 1024 * 1024
        big = os.urandom(int(0.9 * 1024 * 1024))
        cases = []

        def measure(label: str, status: str) -> None:
            """Waits up to 2 s for the spool to empty; records what this attempt added."""
            previous = cases[-1][2] if cases else before
            left, where = self.server.spool()
            end = time.monotonic() + 2
            while left > before and time.monotonic() < end:
                time.sleep(0.25)
                left, where = self.server.spool()
            cases.append((label, status, left, max(0, left - previous), where))

        # a) chunked, one part over the file limit; b) chunked, four parts over the request limit
        for label, form in (("chunked file>limit", Multipart().file(os.urandom(3 * 1024 * 1024))),
                            ("chunked request>limit", Multipart().file(big).file(big).file(big).file(big))):
            measure(label, self.send_body(form, chunked=True))
        # c) a Content-Length under the limit while the multipart runs on past it
        form = Multipart().file(big).file(big).file(big)
        measure("lying Content-Length", self.send_body(form, declared=int(limit * 0.75)))
        # d) the client disconnects halfway through a declared body
        form = Multipart().file(big[:800_000]).file(big[:800_000])
        measure("disconnect halfway", self.send_body(form, stop_after=1_200_000))
        # e) one file over the file limit with an honest Content-Length under the request limit
        form = Multipart().file(os.urandom(int(1.4 * 1024 * 1024)))
        measure("file>limit, honest length", self.send_body(form))
        left = cases[-1][2]
        where = sorted({w for c in cases for w in c[4]})
        detail = "; ".join(f"{label} {status}: +{mb(added)}" for label, status, _, added, _ in cases)
        place = f" in {', '.join(where)}" if where else ""
        was = f", {mb(before)} before the attempts" if before else ""
        raise Line(left == 0, f"{mb(left)} left in the spool{place}{was} ({detail})")

    def send_body(self, form: Multipart, chunked: bool = False, declared: int | None = None,
                  stop_after: int | None = None) -> str:
        body = form.body()
        head = (f"POST /images HTTP/1.1\r\nHost: 127.0.0.1:{self.server.port}\r\nX-API-Key: {self.server.key}\r\n"
                f"Content-Type: {form.content_type}\r\n")
        head += "Transfer-Encoding: chunked\r\n" if chunked else f"Content-Length: {declared or len(body)}\r\n"
        sock = self.client.connect(timeout=15, source=5)
        try:
            sock.sendall((head + "\r\n").encode())
            sent, step = 0, 64 * 1024
            limit = stop_after if stop_after is not None else len(body)
            try:
                while sent < limit:
                    piece = body[sent:min(sent + step, limit)]
                    sock.sendall(b"%x\r\n%s\r\n" % (len(piece), piece) if chunked else piece)
                    sent += len(piece)
                if chunked:
                    sock.sendall(b"0\r\n\r\n")
            except OSError:
                pass  # the server answered and closed mid-body
            if stop_after is not None:
                time.sleep(0.3)
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                return "cut at %s" % mb(sent)
            resp = read_raw(sock, 15)
            return str(resp.status) if resp else "no answer"
        finally:
            sock.close()

    # 2 -----------------------------------------------------------------------------------------

    def slow_bodies(self):
        """N authenticated uploads trickling 10 bytes/s while /health and GET /images are timed."""
        n = self.args.slow_uploads
        form = Multipart().file(os.urandom(100_000))
        body = form.body()
        head = (f"POST /images HTTP/1.1\r\nHost: 127.0.0.1:{self.server.port}\r\nX-API-Key: {self.server.key}\r\n"
                f"Content-Type: {form.content_type}\r\nContent-Length: {len(body)}\r\n\r\n").encode()
        slow = []  # [socket, bytes sent, outcome]
        refused = 0
        for _ in range(n):
            try:
                sock = self.client.connect(timeout=3, source=2)
                sock.sendall(head + body[:10])
                sock.setblocking(False)
                slow.append([sock, 10, None])
            except OSError:
                refused += 1
        stop = threading.Event()

        def trickle() -> None:
            while not stop.is_set():
                open_ = [s for s in slow if s[2] is None]
                if open_:
                    readable, _, _ = select.select([s[0] for s in open_], [], [], 0)
                    for entry in open_:
                        if entry[0] in readable:
                            entry[2] = outcome_of(entry[0])
                            continue
                        try:
                            entry[0].send(body[entry[1]:entry[1] + 10])
                            entry[1] += 10
                        except BlockingIOError:
                            pass
                        except OSError:
                            entry[2] = "reset"
                stop.wait(1.0)

        thread = threading.Thread(target=trickle, daemon=True)
        thread.start()
        try:
            time.sleep(3)  # let the uploads take what they take
            probe = latency_probe(self.client, [("/health", False), ("/images?limit=1", True)],
                                  self.args.probes, 30, timeout=2)
        finally:
            stop.set()
            thread.join(5)
            outcomes = []
            for sock, _, outcome in slow:
                outcomes.append(outcome or "still reading")
                sock.close()
        ms = probe["/health"]["ms"] + probe["/images?limit=1"]["ms"]
        failed = probe["/health"]["failed"] + probe["/images?limit=1"]["failed"]
        p99 = percentile(ms, .99)
        text = (f"{latency_text('/health', probe['/health'])}; {latency_text('GET /images', probe['/images?limit=1'])};"
                f" the {n} slow uploads got: {counts(outcomes)}" + (f", {refused} not connected" if refused else ""))
        raise Line(p99 <= LATENCY_TARGET_MS and failed == 0, text)

    # 3 -----------------------------------------------------------------------------------------

    MALFORMED = ("/images/1/file?x=%ff", "/images?object=%ff%fe", "/images/1/thumbnail?size=%ff")

    def malformed(self):
        """Invalid UTF-8 in the query: 400 with the JSON body, with a key and without."""
        answers, wrong = [], 0
        for path in self.MALFORMED:
            got = []
            for key in (False, True):
                r = self.client.request("GET", path, key=key)
                got.append(f"{r.status}{'' if r.json_error() else ' (not JSON)'}")
                wrong += r.status != 400 or not r.json_error()
            answers.append(f"{path} {' / '.join(got)}")
        raise Line(wrong == 0, ("all 6 answers 400 with a JSON error: " if wrong == 0 else f"{wrong}/6 not 400 with JSON: ")
                   + "; ".join(answers) + " (without / with key)")

    def malformed_log(self):
        """10,000 malformed requests add at most a few KB to the log."""
        total = self.args.flood
        before = self.server.log_bytes()
        sent = [0]
        statuses: list = []
        lock = threading.Lock()
        stop = threading.Event()

        def worker(count: int) -> None:
            conn = None
            for i in range(count):
                if stop.is_set():
                    break
                try:
                    if conn is None:
                        conn = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=5)
                    conn.request("GET", self.MALFORMED[i % 3])
                    r = conn.getresponse()
                    r.read()
                    status = r.status
                    if r.getheader("Connection", "").lower() == "close":
                        conn.close()
                        conn = None
                except (OSError, http.client.HTTPException):
                    status = "error"
                    if conn is not None:
                        conn.close()
                    conn = None
                with lock:
                    sent[0] += 1
                    statuses.append(status)
            if conn is not None:
                conn.close()

        threads = [threading.Thread(target=worker, args=(total // 4 + (i < total % 4),), daemon=True) for i in range(4)]
        start = time.monotonic()
        for t in threads:
            t.start()
        cut = False
        while any(t.is_alive() for t in threads):
            time.sleep(0.25)
            if self.server.log_bytes() - before > 1024 * 1024 or time.monotonic() - start > 75:
                cut = True
                stop.set()
        for t in threads:
            t.join(10)
        time.sleep(1)
        growth = self.server.log_bytes() - before
        seconds = time.monotonic() - start
        rate = f"{sent[0] / max(seconds, 0.001):.0f}/s"
        text = (f"the log grew {kb(growth)} after {sent[0]} requests ({rate}; {counts(statuses)})"
                + ("; stopped early" if cut and sent[0] < total else ""))
        raise Line(growth <= LOG_BUDGET_BYTES and sent[0] >= total, text)

    # 4 -----------------------------------------------------------------------------------------

    def crash_orphan(self):
        """SIGKILL during uploads, restart: every stored file has a row or is in .orphans/, none deleted."""
        stop = threading.Event()
        answered: list = []

        def uploader() -> None:
            while not stop.is_set():
                form = Multipart()
                for _ in range(10):
                    form.file(self.new_photo(96))
                try:
                    r = self.client.upload(form, timeout=20, source=4)
                    answered.append(r.status)
                except (OSError, http.client.HTTPException):
                    answered.append("cut")
                    return

        threads = [threading.Thread(target=uploader, daemon=True) for _ in range(3)]
        for t in threads:
            t.start()
        end = time.monotonic() + 10
        while len(answered) < 2 and time.monotonic() < end:
            time.sleep(0.05)
        time.sleep(0.3)
        self.server.kill()
        stop.set()
        for t in threads:
            t.join(25)
        at_kill = self.server.stored_files()
        planted = os.urandom(16).hex() + ".png"
        path = os.path.join(self.server.storage, planted)
        with open(path, "wb") as f:
            f.write(self.new_photo(80))
        old = time.time() - 3600
        os.utime(path, (old, old))
        seconds = self.server.start()
        files_before = len(at_kill) + 1
        end = time.monotonic() + self.args.reconcile_wait
        while True:
            rows = (self.client.request("GET", "/images?limit=1").json() or {}).get("total")
            top = self.server.stored_files()
            orphans = self.server.orphan_files()
            consistent = rows == len(top) and len(top) + len(orphans) == files_before and planted not in top
            if consistent or time.monotonic() > end:
                break
            time.sleep(0.5)
        text = (f"{len(at_kill)} stored files at SIGKILL (uploads answered {counts(answered)}) + 1 planted orphan;"
                f" after restart ({seconds:.0f} s): {rows} rows, {len(top)} stored files, {len(orphans)} in .orphans/")
        if len(top) + len(orphans) < files_before:
            text += f", {files_before - len(top) - len(orphans)} deleted"
        raise Line(consistent, text)

    # 5 -----------------------------------------------------------------------------------------

    PATHS = (("GET", "/images/.."), ("DELETE", "/images/.."), ("GET", "/storage/a/../.."), ("GET", "/images/%2e%2e"),
             ("GET", "/images%2f1"), ("GET", "/images\\1"), ("GET", "/./images"))

    def path_confusion(self):
        """Dot segments, encoded slashes and backslashes without a key: 400 before routing."""
        wrong = []
        for method, path in self.PATHS:
            r = self.client.raw(f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{self.server.port}\r\n"
                                "Connection: close\r\n\r\n".encode())
            if r is None:
                wrong.append(f"{method} {path}: no answer")
                continue
            reached = "image id must be" in r.detail() or r.status == 404
            if r.status != 400 or reached or not r.json_error():
                why = ("the handler's" if reached else "the key check's" if r.status == 401
                       else "not JSON" if not r.json_error() else r.detail()[:24])
                wrong.append(f"{method} {path} {r.status} ({why})")
        raise Line(not wrong, f"all {len(self.PATHS)} refused with 400 before routing" if not wrong
                   else f"{len(wrong)}/{len(self.PATHS)} not refused before routing: " + "; ".join(wrong))

    # 6 -----------------------------------------------------------------------------------------

    def host_header(self):
        """Links never follow Host or an untrusted client's X-Forwarded-Host."""
        links = []
        made = self.created(self.upload_photo(headers={"Host": "evil.example.com"}))
        links += [("upload with Host", made.get("image_url")), ("upload with Host", made.get("thumbnail_url"))]
        one = self.client.request("GET", f"/images/{made['id']}", headers={"Host": "evil.example.com"}).json() or {}
        links += [("GET with Host", one.get("image_url")), ("GET with Host", one.get("thumbnail_url"))]
        listing = self.client.request("GET", "/images?limit=3", headers={
            "X-Forwarded-Host": "evil-forwarded.example.com", "X-Forwarded-Proto": "https"}).json() or {}
        for image in listing.get("images", []):
            links += [("X-Forwarded-Host", image.get("image_url")), ("X-Forwarded-Host", image.get("thumbnail_url"))]
        missing = [how for how, link in links if not link]
        if missing:
            raise Line(False, f"{len(missing)} answers without links ({missing[0]})")
        bad = [(how, urllib.parse.urlsplit(link).netloc) for how, link in links if "evil" in link]
        ways = sorted({f"{how} -> {host}" for how, host in bad})
        raise Line(not bad, f"{len(links)} links, none at the attacker's host (e.g. {links[0][1][:40]}…)" if not bad
                   else f"{len(bad)}/{len(links)} links point at the attacker: " + "; ".join(ways))

    # 7 -----------------------------------------------------------------------------------------

    def cache_lifetime(self):
        """A signed link's content is cacheable at most until the link expires."""
        image = self.client.request("GET", f"/images/{self.image()['id']}").json() or {}
        findings, ok = [], True
        for field in ("image_url", "thumbnail_url"):
            link = image.get(field)
            if not link:
                raise Line(False, f"the image JSON has no {field}")
            path = self.absolute(link)
            query = urllib.parse.parse_qs(urllib.parse.urlsplit(path).query)
            if "expires" not in query:
                raise Line(False, f"{field} carries no expires: {path[:60]}")
            r = self.client.request("GET", path, key=False)
            left = int(query["expires"][0]) - time.time()
            control = r.headers.get("cache-control", "")
            ages = [int(a) for a in re.findall(r"(?:s-)?max-age=(\d+)", control)]
            if r.status != 200:
                ok = False
                findings.append(f"{field} answered {r.status} without a key")
                continue
            if any(a > left + 5 for a in ages):
                ok = False
            findings.append(f"{field.split('_')[0]} {control or 'no Cache-Control'} vs {left:.0f} s left")
        raise Line(ok, "; ".join(findings))

    # 8 -----------------------------------------------------------------------------------------

    def reads_during_uploads(self):
        """16 clients upload in a loop while GET /clusters/grouped and GET /images are timed."""
        stop = threading.Event()
        statuses: list = []

        def uploader(source: int) -> None:
            while not stop.is_set():
                try:
                    statuses.append(self.upload_photo(source=source).status)
                except (OSError, http.client.HTTPException):
                    statuses.append("error")
                    time.sleep(0.2)

        clients = self.args.clients
        threads = [threading.Thread(target=uploader, args=(10 + i,), daemon=True) for i in range(clients)]
        start = time.monotonic()
        for t in threads:
            t.start()
        try:
            time.sleep(2)
            probe = latency_probe(self.client, [("/clusters/grouped", True), ("/images", True)],
                                  self.args.probes, 30, timeout=5)
        finally:
            stop.set()
            for t in threads:
                t.join(30)
        seconds = time.monotonic() - start
        p99 = max(percentile(probe[p]["ms"], .99) for p in probe)
        failed = sum(probe[p]["failed"] for p in probe)
        text = (f"{latency_text('grouped', probe['/clusters/grouped'])}; {latency_text('GET /images', probe['/images'])};"
                f" {clients} clients uploaded {len(statuses) / seconds:.1f}/s ({counts(statuses)}), model {self.model}")
        raise Line(p99 <= LATENCY_TARGET_MS and failed == 0, text)

    # 9 -----------------------------------------------------------------------------------------

    def pending_tree(self):
        """Right after a 201 the new image is in /clusters/grouped and /clusters."""
        made = self.created(self.upload_photo())
        grouped = self.client.request("GET", "/clusters/grouped")
        flat = self.client.request("GET", "/clusters")
        new_id = made["id"]
        in_grouped = new_id in ids_in(grouped.json())
        in_flat = new_id in ids_in(flat.json())
        stale = grouped.headers.get("x-clusters-stale", "?")
        raise Line(in_grouped and in_flat, f"image {new_id}: in grouped {yes(in_grouped)}, in flat {yes(in_flat)}"
                   f" (X-Clusters-Stale: {stale}, grouped {len(grouped.body)} bytes)")

    # 10 ----------------------------------------------------------------------------------------

    def form_fields(self):
        """A photo with 1,000 plain form fields: accepted, or refused with the limit it hit named."""
        form = Multipart()
        for i in range(1000):
            form.field(f"field{i}", "x" * 20)
        form.file(self.new_photo())
        r = self.client.upload(form)
        named = re.search(r"field|part|form", r.detail(), re.I) is not None
        ok = r.status in (200, 201) or (400 <= r.status < 500 and named and r.json_error())
        raise Line(ok, f"{r.status} {r.detail()[:100]}")

    def offset_max(self):
        """offset=2147483647, which the message allows: 200 with an empty page."""
        r = self.client.request("GET", "/images?offset=2147483647")
        data = r.json() or {}
        ok = r.status == 200 and data.get("images") == []
        raise Line(ok, f"{r.status}" + (f" {r.detail()[:80]}" if r.status != 200 else f", {len(data.get('images') or [])} images"))

    def next_offset_null(self):
        """The last page says "next_offset": null."""
        total = (self.client.request("GET", "/images?limit=1").json() or {}).get("total") or 0
        if total < 1:
            self.seed_library(1)
            total = 1
        r = self.client.request("GET", f"/images?limit=1&offset={total - 1}")
        data = r.json() or {}
        present = "next_offset" in data
        raise Line(r.status == 200 and present and data["next_offset"] is None,
                   f"last page (offset {total - 1}): " + (f"next_offset = {json.dumps(data['next_offset'])}"
                                                          if present else "no next_offset key"))

    def http09(self):
        """An HTTP/0.9 request line is not answered as an internal error."""
        r = self.client.raw(b"GET /health\r\n", timeout=5)
        if r is None:
            raise Line(True, "no answer, connection closed")
        labelled = b"internal_error" in r.body or "internal" in r.reason.lower()
        raise Line(not labelled and r.status != 500, f"{r.status} {r.reason[:40]} {r.body[:70].decode('utf-8', 'replace')}")

    def symlink(self):
        """A symbolic link inside the storage folder is not followed (by /storage nor by an image's file)."""
        secret = f"attack-check secret {os.urandom(8).hex()}\n"
        secret_path = os.path.join(self.server.root, "outside-storage.txt")
        with open(secret_path, "w") as f:
            f.write(secret)
        served = []
        name = os.urandom(16).hex() + ".jpg"
        served += self.served_through_link(os.path.join(self.server.storage, name), secret_path,
                                           f"/storage/{name}", secret)
        image = self.image()
        stored = self.stored_file_of(image)
        if stored is None:
            raise Line(False, "cannot find the stored file of image %s to replace with a link" % image["id"])
        backup = stored + ".attack-check"
        os.rename(stored, backup)
        try:
            served += self.served_through_link(stored, secret_path, f"/images/{image['id']}/file", secret)
        finally:
            os.rename(backup, stored)
        raise Line(not served, "a link to a file outside storage was served: " + "; ".join(served) if served
                   else "links in storage not followed (/storage/KEY and /images/ID/file)")

    def served_through_link(self, link: str, target: str, path: str, secret: str) -> list:
        """Plants link -> target, GETs path with the key, removes the link: [path and status] if served."""
        os.symlink(target, link)
        try:
            r = self.client.request("GET", path)
            return [f"{path[:22]}… {r.status}"] if secret.encode() in r.body else []
        finally:
            os.remove(link)

    def stored_file_of(self, image: dict) -> str | None:
        data = self.client.request("GET", f"/images/{image['id']}/file").body
        digest = hashlib.sha256(data).digest()
        for name in self.server.stored_files():
            path = os.path.join(self.server.storage, name)
            with open(path, "rb") as f:
                if hashlib.sha256(f.read()).digest() == digest:
                    return path
        return None

    # held before -------------------------------------------------------------------------------

    def no_key(self):
        """Without the key: 401 on every protected endpoint."""
        image_id = self.image()["id"]
        tried = [("GET", "/images"), ("GET", f"/images/{image_id}"), ("GET", f"/images/{image_id}/file"),
                 ("DELETE", f"/images/{image_id}"), ("GET", "/clusters/grouped"), ("GET", "/storage/x")]
        wrong = []
        for method, path in tried:
            r = self.client.request(method, path, key=False)
            if r.status != 401 or not r.json_error():
                wrong.append(f"{method} {path} {r.status}")
        r = self.client.upload(Multipart().file(self.new_photo()), headers={"X-API-Key": "wrong" * 4})
        if r.status != 401:
            wrong.append(f"POST /images with a wrong key {r.status}")
        raise Line(not wrong, f"{len(tried) + 1} requests all 401" if not wrong else "; ".join(wrong))

    def tampered_link(self):
        """Signed links: a changed signature, another image's signature, a moved expiry: 401."""
        first = self.client.request("GET", f"/images/{self.image()['id']}").json() or {}
        if len(self.images) < 2:
            self.seed_library(1)
        second = self.client.request("GET", f"/images/{self.images[1]['id']}").json() or {}
        link = self.absolute(first.get("image_url") or "")
        other = self.absolute(second.get("image_url") or "")
        if "signature=" not in link or "signature=" not in other:
            raise Line(False, "the image JSON holds no signed link")
        valid = self.client.request("GET", link, key=False).status
        if valid != 200:
            raise Line(False, f"inconclusive: the untampered link itself answers {valid}")
        sig = re.search(r"signature=([0-9a-f]+)", link).group(1)
        flipped = link.replace(sig, sig[:-1] + ("0" if sig[-1] != "0" else "1"))
        swapped = other.split("?")[0] + "?" + link.split("?")[1]
        expires = re.search(r"expires=(\d+)", link).group(1)
        moved = link.replace("expires=" + expires, "expires=" + str(int(expires) + 86400))
        statuses = {"changed": self.client.request("GET", flipped, key=False).status,
                    "another image's": self.client.request("GET", swapped, key=False).status,
                    "later expiry": self.client.request("GET", moved, key=False).status}
        raise Line(all(s == 401 for s in statuses.values()),
                   "valid link 200; " + ", ".join(f"{k} {v}" for k, v in statuses.items()))

    def decompression_bomb(self):
        """A PNG declaring 30000 x 30000 pixels: 4xx, and the server stays healthy."""
        r = self.client.upload(Multipart().file(bomb_png(), "bomb.png"))
        healthy = self.server.wait_healthy(10)
        raise Line(400 <= r.status < 500 and healthy,
                   f"{r.status} {r.detail()[:70]}; /health {'200' if healthy else 'not answering'}")

    def filename_traversal(self):
        """A file name with ../ is only displayed; nothing is written outside the storage folder."""
        marker = "attack-check-" + os.urandom(6).hex()
        name = "../../../../../../../../tmp/" + marker + ".png"
        before = set(os.listdir(self.server.storage))
        resp = self.client.upload(Multipart().file(self.new_photo(), name))
        made = self.created(resp)
        escaped = []
        for where, _, files in os.walk(self.server.root):  # every folder of this server, recursively
            escaped += [os.path.join(where, f) for f in files if marker in f]
        for folder in {tempfile.gettempdir(), "/tmp", os.path.dirname(self.server.root), os.getcwd()}:
            if os.path.isdir(folder):  # where the ../ in the name could lead
                escaped += [os.path.join(folder, f) for f in os.listdir(folder) if marker in f]
        odd = [n for n in set(os.listdir(self.server.storage)) - before if not KEY_NAME.match(n) and not n.startswith(".")]
        raise Line(not escaped and not odd, f"stored as a generated name, shown as {made.get('filename', '')[:40]!r}"
                   if not escaped and not odd else f"written outside: {escaped[:2]} odd names in storage: {odd[:3]}")

    def rate_limit(self):
        """Over the upload rate: 429 with Retry-After; another client is not affected."""
        per_minute = self.server.limits.get("--uploads-per-minute", 60)
        first_429, retry_after, sent = None, None, 0
        end = time.monotonic() + 30
        while sent < 2 * per_minute + 20 and time.monotonic() < end:  # the bucket refills while we send
            r = self.client.request("POST", "/images", b"x", {"Content-Type": "text/plain"}, source=3)
            sent += 1
            if r.status == 429:
                first_429, retry_after = sent, r.headers.get("retry-after")
                break
        other = self.client.request("POST", "/images", b"x", {"Content-Type": "text/plain"}, source=6).status
        if not self.client.aliases:
            other = "not tried (one client address)"
        ok = first_429 is not None and retry_after is not None and retry_after.isdigit() and int(retry_after) > 0
        ok = ok and other != 429
        raise Line(ok, (f"429 at request {first_429} (limit {per_minute}/min), Retry-After: {retry_after}"
                        if first_429 else f"no 429 in {sent} requests") + f"; another client got {other}")


def ids_in(data) -> set:
    """Every image id in any "image_ids" list of a JSON document."""
    found: set = set()
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "image_ids" and isinstance(value, list):
                found.update(v for v in value if isinstance(v, int))
            else:
                found |= ids_in(value)
    elif isinstance(data, list):
        for value in data:
            found |= ids_in(value)
    return found


def yes(flag: bool) -> str:
    return "yes" if flag else "no"


def mb(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{n} bytes" if n < 1024 else f"{n / 1024:.0f} KB"


def kb(n: int) -> str:
    return f"{n / 1024:.1f} KB" if n < 1024 * 1024 else f"{n / 1024 / 1024:.1f} MB"


def model_name(folder: str) -> str:
    try:
        with open(os.path.join(folder, "manifest.json")) as f:
            return json.load(f).get("model_id") or os.path.basename(folder)
    except (OSError, ValueError):
        return os.path.basename(os.path.normpath(folder))


# name, issue item, timeout (s), serve options it needs; in the order they run (crash-orphan restarts
# the server, so it comes late; rate-limit then finds fresh buckets)
CHECKS = (
    Check("no-key", "held", 30),
    Check("tampered-link", "held", 30),
    Check("pending-tree", "9", 30),
    Check("host-header", "6", 30),
    Check("cache-lifetime", "7", 30),
    Check("path-confusion", "5", 30),
    Check("malformed", "3", 30),
    Check("malformed-log", "3", 100),
    Check("form-fields", "10", 30),
    Check("offset-max", "10", 30),
    Check("next-offset-null", "10", 30),
    Check("http09", "10", 30),
    Check("symlink", "10", 30),
    Check("decompression-bomb", "held", 30),
    Check("filename-traversal", "held", 30),
    Check("spool", "1", 90, ("--max-request-mb", "--max-file-mb")),
    Check("slow-bodies", "2", 90),
    Check("reads-during-uploads", "8", 90),
    Check("crash-orphan", "4", 420),
    Check("rate-limit", "held", 60, ("--uploads-per-minute",)),
)


def run_check(attacks: Attacks, check: Check) -> tuple:
    missing = [o for o in check.needs if not attacks.server.has(o)]
    if missing:
        return None, "skipped (option missing: %s)" % ", ".join(missing)
    if not attacks.server.running() or not attacks.server.wait_healthy(30):
        if attacks.server.running():
            return False, "the server does not answer /health before the check"
        attacks.server.start()
    outcome: list = []

    def body() -> None:
        try:
            getattr(attacks, check.name.replace("-", "_"))()
            outcome.append((False, "the check ended without a verdict"))
        except Line as line:
            outcome.append((line.held, line.text))
        except Exception as e:  # a failed attack is reported, and the next one runs
            trace = traceback.format_exception_only(type(e), e)[-1].strip()
            outcome.append((False, f"the check failed: {trace}"))

    thread = threading.Thread(target=body, daemon=True)
    thread.start()
    thread.join(check.timeout)
    if not outcome:
        return False, f"no verdict within {check.timeout:.0f} s (the server may hang)"
    return outcome[0]


def main(argv=None) -> int:
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(here)
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jar", default=os.path.join(repo, "target", "image-organizer.jar"))
    parser.add_argument("--java", default=os.path.join(os.environ["JAVA_HOME"], "bin", "java")
                        if os.environ.get("JAVA_HOME") else "java")
    parser.add_argument("--model-dir", default=os.path.join(repo, "src", "test", "resources", "models", "tiny-clip"),
                        help="model folder for the server (default: the tiny test model)")
    parser.add_argument("--only", default="", help="comma-separated check names (see --list)")
    parser.add_argument("--list", action="store_true", help="list the checks and exit")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folders")
    parser.add_argument("--native-cache", help="where the server unpacks its native libraries "
                        "(default: $DJL_CACHE_DIR, else the program's own per-user cache folder)")
    parser.add_argument("--slow-uploads", type=int, default=100, help="slow uploads at once (default 100)")
    parser.add_argument("--clients", type=int, default=16, help="uploading clients during the read test (default 16)")
    parser.add_argument("--probes", type=int, default=200, help="timed requests per latency test (default 200)")
    parser.add_argument("--flood", type=int, default=10000, help="malformed requests for the log test (default 10000)")
    parser.add_argument("--reconcile-wait", type=float, default=20, help="seconds to wait for the orphan to move")
    parser.add_argument("--start-timeout", type=float, default=300, help="seconds to wait for /health at start")
    args = parser.parse_args(argv)
    if args.list:
        for check in CHECKS:
            print(f"{check.name:<22} issue 14 item {check.issue}" if check.issue != "held" else
                  f"{check.name:<22} held before issue 14")
        return 0
    names = [n.strip() for n in args.only.split(",") if n.strip()]
    unknown = [n for n in names if n not in {c.name for c in CHECKS}]
    if unknown:
        parser.error("unknown check(s): %s (see --list)" % ", ".join(unknown))
    if not os.path.isfile(args.jar):
        print(f"No jar at {args.jar}: build it first (./mvnw -B -o -q package -DskipTests) or pass --jar.")
        return 2
    if not os.path.isfile(os.path.join(args.model_dir, "manifest.json")):
        print(f"No model folder at {args.model_dir} (a folder with manifest.json): pass --model-dir.")
        return 2
    args.jar, args.model_dir = os.path.abspath(args.jar), os.path.abspath(args.model_dir)
    selected = [c for c in CHECKS if not names or c.name in names]

    began = time.monotonic()
    root = tempfile.mkdtemp(prefix="attack-check-")
    server = None
    try:
        server = Server(args, root)
        seconds = server.start()
        client = Client(server.port, server.key, aliases_work(server.port))
        attacks = Attacks(args, server, client)
        given = " ".join(f"{k} {v}" for k, v in server.limits.items())
        print(f"server on 127.0.0.1:{server.port} up in {seconds:.1f} s (model {attacks.model}; {given or 'default limits'};"
              f" {'one address per load client' if client.aliases else 'all clients from 127.0.0.1'}); folders in {root}",
              flush=True)
        attacks.seed_library()
        results = []
        for check in selected:
            t0 = time.monotonic()
            held, text = run_check(attacks, check)
            verdict = "skipped" if held is None else "held" if held else "broken"
            label = f"{check.issue}" if check.issue != "held" else "-"
            print(f"{label:>4} {check.name:<21} {verdict:<7} {text} [{time.monotonic() - t0:.0f} s]", flush=True)
            results.append(held)
    except (RuntimeError, OSError, subprocess.SubprocessError) as e:
        print(f"Could not run the checks: {e}")
        return 2
    except KeyboardInterrupt:
        print("Interrupted.")
        return 130
    finally:
        if server is not None:
            server.stop()
        if args.keep:
            print(f"kept {root} (server output, logs, storage)")
        else:
            shutil.rmtree(root, ignore_errors=True)
    held = sum(1 for r in results if r)
    broken = sum(1 for r in results if r is False)
    skipped = sum(1 for r in results if r is None)
    print(f"{held} held, {broken} broken, {skipped} skipped in {time.monotonic() - began:.0f} s"
          f" (server start-ups: {', '.join(f'{s:.0f} s' for s in server.startups)})")
    return 0 if held == len(results) else 1


def outcome_of(sock: socket.socket) -> str:
    """What the server said to a slow upload: its status, or that it closed without a word."""
    try:
        data = sock.recv(4096)
    except BlockingIOError:
        return "still reading"
    except OSError:
        return "reset"
    if not data:
        return "closed"
    first = data.split(b"\r\n", 1)[0].decode("latin-1").split(" ")
    return first[1] if len(first) > 1 else "garbage"


if __name__ == "__main__":
    sys.exit(main())
