#!/usr/bin/env python3
"""Upload abuse against a `serve` started on loopback: spool files left by refused and dropped uploads,
and read latency while slow uploads trickle in (issue 14, items 1 and 2). Standard library only.

    ./mvnw -B -o -q package -DskipTests
    python3 scripts/upload-abuse-check.py [--slow 100] [--seconds 30]

It starts `java -jar target/image-organizer.jar serve` with a private IMAGE_ORGANIZER_HOME, the tiny
test model, --max-file-mb 50 --max-request-mb 100 and --trusted-proxy 127.0.0.1 (so that slow uploads
can also come from 100 different client addresses), then prints:

- the spool's size (IMAGE_ORGANIZER_HOME/data/upload-spool) after three 60 MB uploads refused at the
  50 MB file limit (413 mid-body), four 60 MB uploads dropped halfway, and a 120 MB chunked body over
  the 100 MB request limit;
- p50/p99/max of GET /health and GET /images while N uploads trickle 10 bytes a second, first all from
  one client, then each from its own address, with what happened to the slow uploads.
"""
import argparse
import http.client
import multiprocessing
import os
import random
import shutil
import socket
import statistics
import struct
import subprocess
import sys
import tempfile
import threading
import time
import zlib

MB = 1024 * 1024


def png(seed, size=64):
    rng = random.Random(seed)
    rows = b"".join(b"\x00" + bytes(rng.getrandbits(8) for _ in range(size * 3)) for _ in range(size))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def multipart(parts):
    boundary = "----abuse%016x" % random.getrandbits(64)
    body = b""
    for name, content in parts:
        body += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"{name}\"\r\n"
                 "Content-Type: application/octet-stream\r\n\r\n").encode() + content + b"\r\n"
    return boundary, body + f"--{boundary}--\r\n".encode()


def head(port, boundary, framing, client=None):
    forwarded = f"X-Forwarded-For: {client}\r\n" if client else ""
    return (f"POST /images HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
            f"Content-Type: multipart/form-data; boundary={boundary}\r\n{framing}\r\n{forwarded}\r\n").encode()


def status_of(sock, timeout=30):
    sock.settimeout(timeout)
    data = b""
    try:
        while b"\r\n" not in data:
            piece = sock.recv(4096)
            if not piece:
                break
            data += piece
    except OSError:
        pass
    line = data.split(b"\r\n", 1)[0].decode(errors="replace")
    return int(line.split()[1]) if line.startswith("HTTP/1.1 ") else None


def spool_bytes(folder):
    total = 0
    for root, _, files in os.walk(folder):
        for name in files:
            try:
                total += os.path.getsize(os.path.join(root, name))
            except OSError:
                pass
    return total


def settled_spool(folder, seconds=10):
    """The spool's size once nothing is left, or after `seconds` (the server deletes when a request ends)."""
    deadline = time.time() + seconds
    size = spool_bytes(folder)
    while size > 0 and time.time() < deadline:
        time.sleep(0.1)
        size = spool_bytes(folder)
    return size


def send_body(port, boundary, body, framing, send_bytes, chunked=False):
    """Sends the head and up to send_bytes of the body; returns the status if the server answered, and the peak spool."""
    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.sendall(head(port, boundary, framing))
        sent = 0
        try:
            while sent < send_bytes:
                piece = body[sent:min(sent + MB, send_bytes)]
                sock.sendall((b"%x\r\n" % len(piece)) + piece + b"\r\n" if chunked else piece)
                sent += len(piece)
        except OSError:
            pass  # the server has answered and closed
        if send_bytes < len(body) and not chunked:
            return None, sent
        return status_of(sock), sent


def spool_attacks(port, spool):
    print("== spool ==")
    boundary, body = multipart([("big.jpg", os.urandom(60 * MB))])
    for i in range(3):
        status, _ = send_body(port, boundary, body, f"Content-Length: {len(body)}", len(body))
        print(f"60 MB over the 50 MB file limit #{i + 1}: {status}, spool {settled_spool(spool)} bytes")
    for i in range(4):
        with socket.create_connection(("127.0.0.1", port)) as sock:
            sock.sendall(head(port, boundary, f"Content-Length: {len(body)}"))
            sock.sendall(body[:30 * MB])
            time.sleep(0.5)
            during = spool_bytes(spool)
        print(f"60 MB dropped after 30 MB #{i + 1}: spool {during} bytes while open, "
              f"{settled_spool(spool)} bytes after")
    boundary, body = multipart([(f"p{i}.jpg", os.urandom(40 * MB)) for i in range(3)])
    status, _ = send_body(port, boundary, body, "Transfer-Encoding: chunked", len(body), chunked=True)
    print(f"120 MB chunked over the 100 MB request limit: {status}, spool {settled_spool(spool)} bytes")


class SlowUpload(threading.Thread):
    """Keeps one upload trickling 10 bytes a second; when the server ends it, records how and starts another."""

    def __init__(self, port, client, stop, outcomes):
        super().__init__(daemon=True)
        self.port, self.client, self.stop, self.outcomes = port, client, stop, outcomes

    def run(self):
        boundary, body = multipart([("slow.png", os.urandom(MB))])
        while not self.stop.is_set():
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=5) as sock:
                    sock.sendall(head(self.port, boundary, f"Content-Length: {len(body)}", self.client))
                    sock.setblocking(False)
                    offset, answer = 0, None
                    while not self.stop.is_set() and answer is None:
                        try:
                            data = sock.recv(4096)
                            answer = data.split(b" ")[1].decode() if data.startswith(b"HTTP/1.1 ") else "closed"
                            break
                        except BlockingIOError:
                            pass
                        sock.send(body[offset:offset + 10])
                        offset += 10
                        time.sleep(1)
                    self.outcomes.append(answer or "still open at the end")
            except OSError as e:
                self.outcomes.append(type(e).__name__)
            time.sleep(0.2)


def probe(port, path, seconds, results):
    """GET path again and again for `seconds`, one new connection each; runs in a process of its own."""
    latencies = []
    deadline = time.time() + seconds
    while time.time() < deadline:
        start = time.perf_counter()
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            conn.close()
            ok = response.status == 200
        except OSError:
            ok = False
        latencies.append((time.perf_counter() - start) * 1000 if ok else None)
        time.sleep(0.05)
    results.put((path, latencies))


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def measure_reads(port, seconds, label):
    """p50/p99/max of GET /health and GET /images, measured from other processes than the load's."""
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    probes = [context.Process(target=probe, args=(port, path, seconds, results)) for path in ("/health", "/images")]
    for process in probes:
        process.start()
    measured = dict(results.get() for _ in probes)
    for process in probes:
        process.join()
    print(f"== {label}, {seconds} s ==")
    for path, values in measured.items():
        ok = [v for v in values if v is not None]
        failed = f"{len(values)} requests, {len(values) - len(ok)} failed (no answer within 10 s)"
        print(f"GET {path}: {failed}" + (f", p50 {statistics.median(ok):.1f} ms, p99 {percentile(ok, 99):.1f} ms, "
                                         f"max {max(ok):.1f} ms" if ok else ""))


def slow_uploads(port, count, seconds, many_clients):
    stop = threading.Event()
    outcomes = []
    uploads = [SlowUpload(port, f"10.0.{i // 250}.{i % 250 + 1}" if many_clients else None, stop, outcomes)
               for i in range(count)]
    for upload in uploads:
        upload.start()
    time.sleep(2)
    measure_reads(port, seconds, f"{count} slow uploads from {'as many addresses' if many_clients else 'one address'}")
    stop.set()
    for thread in uploads:
        thread.join(15)
    counts = {}
    for outcome in outcomes:
        counts[outcome] = counts.get(outcome, 0) + 1
    print("slow uploads ended with: " + ", ".join(f"{k} x{v}" for k, v in sorted(counts.items())))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jar", default="target/image-organizer.jar")
    parser.add_argument("--model-dir", default="src/test/resources/models/tiny-clip")
    parser.add_argument("--slow", type=int, default=100, help="slow uploads at once")
    parser.add_argument("--seconds", type=int, default=30, help="how long reads are measured")
    parser.add_argument("--no-spool", action="store_true", help="skip the spool attacks (for a server that spools elsewhere)")
    args = parser.parse_args()

    home = tempfile.mkdtemp(prefix="upload-abuse-")
    env = dict(os.environ, IMAGE_ORGANIZER_HOME=home, IMAGE_ORGANIZER_OFFLINE="1")
    server = subprocess.Popen(["java", "-jar", args.jar, "serve", "--port", "0", "--model-dir", args.model_dir,
                               "--max-file-mb", "50", "--max-request-mb", "100", "--trusted-proxy", "127.0.0.1",
                               "--uploads-per-minute", "100000"],
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        port = None
        for line in server.stdout:
            if line.startswith("Serving on "):
                port = int(line.split(":")[2].split("/")[0])
                break
        if port is None:
            sys.exit("the server did not start")
        threading.Thread(target=lambda: [None for _ in server.stdout], daemon=True).start()
        for i in range(20):
            boundary, body = multipart([(f"seed{i}.png", png(i))])
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            conn.request("POST", "/images", body, {"Content-Type": f"multipart/form-data; boundary={boundary}"})
            conn.getresponse().read()
        spool = os.path.join(home, "data", "upload-spool")
        if not args.no_spool:
            spool_attacks(port, spool)
        measure_reads(port, 10, "no slow uploads (the baseline on this machine)")
        slow_uploads(port, args.slow, args.seconds, many_clients=False)
        slow_uploads(port, args.slow, args.seconds, many_clients=True)
        if not args.no_spool:
            print(f"spool at the end: {spool_bytes(spool)} bytes")
    finally:
        server.terminate()
        server.wait(60)
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
