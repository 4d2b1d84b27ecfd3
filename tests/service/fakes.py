"""A man in the middle for the client's checks: forwards to a real instance and alters one kind of answer.

A real HTTP server (http.server in a thread) on another loopback port;
``alter(path, body) -> body`` rewrites the JSON answer of the service
before the client sees it, as a compromised proxy or a forged service would.
"""

from __future__ import annotations

import http.client
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@contextmanager
def tampering_proxy(target_port: int, alter: Callable[[str, bytes], bytes]) -> Iterator[str]:
    """Yield the proxy's URL; every answer passes through ``alter``."""

    class Handler(BaseHTTPRequestHandler):
        def _forward(self, method: str) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else None
            conn = http.client.HTTPConnection("127.0.0.1", target_port, timeout=30)
            headers = {k: v for k, v in self.headers.items() if k.lower() in ("content-type", "accept")}
            conn.request(method, self.path, body=body, headers=headers)
            response = conn.getresponse()
            data = alter(self.path, response.read())
            conn.close()
            self.send_response(response.status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:  # http.server's naming
            self._forward("GET")

        def do_POST(self) -> None:
            self._forward("POST")

        def log_message(self, format: str, *args: object) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
