"""A static file server that honours HTTP Range, like a pre-signed S3 URL, and counts
the bytes it sends. GET /_stats returns {"bytes": N, "requests": N, "round_trips": N};
POST /_reset zeroes them.

    range_server.py ROOT PORT [--delay-ms MS] [--mbit RATE]

--delay-ms holds every answer back that long before it starts (a request's latency, as
S3 looks from a desktop); --mbit caps the bytes sent by all connections together at that
rate (the link's bandwidth). "round_trips" is the longest chain of requests each sent
after the one before it was answered: what a client waited for one after another.
Serves on 127.0.0.1 only.
"""

import argparse
import json
import os
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

CHUNK = 16 * 1024

p = argparse.ArgumentParser()
p.add_argument("root")
p.add_argument("port", type=int)
p.add_argument("--delay-ms", type=float, default=0)
p.add_argument("--mbit", type=float, default=0)
args = p.parse_args()

lock = threading.Lock()
stats = {"bytes": 0, "requests": 0, "round_trips": 0}
done_depth = [0]
link_free_at = [0.0]


def pace(n):
    """Waits until the shared link has carried n more bytes at the capped rate."""
    if args.mbit <= 0:
        return
    with lock:
        start = max(time.monotonic(), link_free_at[0])
        link_free_at[0] = start + n * 8 / (args.mbit * 1e6)
        until = link_free_at[0]
    delay = until - time.monotonic()
    if delay > 0:
        time.sleep(delay)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as S3 and every client use

    def log_message(self, *a):
        pass

    def do_POST(self):
        if self.path == "/_reset":
            with lock:
                stats.update(bytes=0, requests=0, round_trips=0)
                done_depth[0] = 0
            self.send_response(204)
            self.send_header("Content-Length", "0")
            self.end_headers()
        else:
            self.send_error(404)

    def do_HEAD(self):
        self.do_GET(head=True)

    def do_GET(self, head=False):
        if self.path == "/_stats":
            with lock:
                body = json.dumps(stats).encode()
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        with lock:
            depth = done_depth[0] + 1
            stats["round_trips"] = max(stats["round_trips"], depth)
        if args.delay_ms > 0:
            time.sleep(args.delay_ms / 1000)
        path = os.path.join(args.root, self.path.split("?")[0].lstrip("/"))
        if not os.path.isfile(path):
            self.send_error(404)
            return
        size = os.path.getsize(path)
        start, end = 0, size - 1
        m = re.match(r"bytes=(\d*)-(\d*)", self.headers.get("Range", ""))
        if m:
            if m.group(1):
                start = int(m.group(1))
                end = int(m.group(2)) if m.group(2) else size - 1
            else:
                start = max(0, size - int(m.group(2)))
            end = min(end, size - 1)
            self.send_response(206)
            self.send_header("Content-Range", f"bytes {start}-{end}/{size}")
        else:
            self.send_response(200)
        length = end - start + 1
        self.send_header("Content-Length", str(length))
        self.send_header("Accept-Ranges", "bytes")
        st = os.stat(path)
        self.send_header("ETag", f'"{st.st_size:x}-{st.st_mtime_ns:x}"')
        self.end_headers()
        if head:
            return
        with lock:
            stats["requests"] += 1
        with open(path, "rb") as f:
            f.seek(start)
            left = length
            while left > 0:
                chunk = f.read(min(CHUNK, left))
                if not chunk:
                    break
                pace(len(chunk))
                left -= len(chunk)
                if left == 0:
                    with lock:  # before the last bytes leave, so the client cannot ask again first
                        done_depth[0] = max(done_depth[0], depth)
                self.wfile.write(chunk)
                with lock:
                    stats["bytes"] += len(chunk)


if __name__ == "__main__":
    ThreadingHTTPServer.daemon_threads = True
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.serve_forever()
