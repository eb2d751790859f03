#!/usr/bin/env python3
"""A scripted HTTP/1.1 server on loopback that answers with chosen broken responses.

The path picks the scenario; the method and the conditional fields pick the response within
it. It keeps connections open unless the scenario closes them, like a real server, so that the
probe's reuse and reconnection are exercised too.

    python3 bad_server.py [PORT]      serve until interrupted (for trying the probe by hand)
"""
import email.utils
import socket
import sys
import threading
import time

ETAG = '"v1"'
LAST_MODIFIED = "Mon, 01 Jan 2024 00:00:00 GMT"


def _date():
    return email.utils.formatdate(usegmt=True)


def _response(status, fields, body=b"", extra=b""):
    head = f"HTTP/1.1 {status}\r\n" + "".join(f"{n}: {v}\r\n" for n, v in fields) + "\r\n"
    return head.encode("latin-1") + body + extra


def _page(fields=(), body=b"hello", length=None, extra_fields=()):
    """A 200 with validators, as most scenarios answer a plain GET."""
    n = len(body) if length is None else length
    return [("Date", _date()), ("ETag", ETAG), ("Last-Modified", LAST_MODIFIED),
            ("Content-Type", "text/plain"), ("Content-Length", str(n)),
            *fields, *extra_fields]


def respond(path, method, conditional):
    """The bytes the server sends for one request, and whether it closes afterwards."""
    head = method == "HEAD"
    body = b"" if head else b"hello"
    if path == "/401":
        # D19: a 401 without WWW-Authenticate.
        return _response("401 Unauthorized", [("Date", _date()), ("Content-Length", "0")]), False
    if path == "/304-content-type":
        if conditional:
            # E06: representation metadata (Content-Type) in a 304.
            return _response("304 Not Modified", [("Date", _date()), ("ETag", ETAG),
                                                  ("Content-Type", "text/plain")]), False
        return _response("200 OK", _page(), body), False
    if path == "/304-with-body":
        if conditional:
            # E01: a 304 followed by content.
            return _response("304 Not Modified", [("Date", _date()), ("ETag", ETAG)],
                             extra=b"stray"), False
        return _response("200 OK", _page(), body), False
    if path == "/head-length":
        # F01: HEAD announces another length than GET sends.
        if head:
            return _response("200 OK", _page(length=10)), False
        return _response("200 OK", _page(), body), False
    if path == "/head-status":
        # HEAD answered with another status than GET.
        if head:
            return _response("404 Not Found", [("Date", _date()), ("Content-Length", "9"),
                                               ("Content-Type", "text/plain")]), False
        return _response("200 OK", _page(), body), False
    if path == "/head-body":
        # C01: a body after the response to HEAD.
        if head:
            return _response("200 OK", _page(), extra=b"hello"), False
        return _response("200 OK", _page(), body), False
    if path == "/te-and-cl":
        # C05: Content-Length and Transfer-Encoding together (chunked wins, then close).
        return _response("200 OK", [("Date", _date()), ("ETag", ETAG),
                                    ("Content-Length", "3"),
                                    ("Transfer-Encoding", "chunked")],
                         b"" if head else b"5\r\nhello\r\n0\r\n\r\n"), True
    if path == "/unparsable":
        # A NUL in the reason phrase: no response can be read, on any connection.
        return b"HTTP/1.1 200 \xff\x00\r\nContent-Length: 0\r\n\r\n", False
    if path == "/close":
        # Valid, but every response closes the connection: the probe reconnects.
        return _response("200 OK", _page(fields=[("Connection", "close")]), body), True
    return _response("404 Not Found", [("Date", _date()), ("Content-Length", "0")]), False


def _read_request(conn, buffered):
    while b"\r\n\r\n" not in buffered:
        chunk = conn.recv(65536)
        if not chunk:
            return None, b""
        buffered += chunk
    head, _, rest = buffered.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    method, target, _version = lines[0].split(" ", 2)
    names = {line.split(":", 1)[0].strip().lower() for line in lines[1:] if ":" in line}
    conditional = "if-none-match" in names or "if-modified-since" in names
    return (method, target, conditional), rest


def _stream(conn, path):
    """The scenarios that never end a response: they send until the client goes away (or for
    at most 20 s). Returns False for a path that is not one of them."""
    deadline = time.time() + 20
    if path == "/endless":
        # No Content-Length: a close-delimited body that never closes.
        conn.sendall(_response("200 OK", [("Date", _date()), ("Content-Type", "text/plain")]))
        while time.time() < deadline:
            conn.sendall(b"x" * 65536)
        return True
    if path == "/drip":
        # A close-delimited body, one byte every 50 ms: never a pause long enough to time out.
        conn.sendall(_response("200 OK", [("Date", _date()), ("Content-Type", "text/plain")]))
        while time.time() < deadline:
            conn.sendall(b"x")
            time.sleep(0.05)
        return True
    if path == "/stall":
        # Five bytes of ten, then silence with the connection open.
        conn.sendall(_response("200 OK", _page(length=10), b"hello"))
        time.sleep(3)
        return True
    return False


def _serve_connection(conn):
    with conn:
        conn.settimeout(10)
        buffered = b""
        try:
            while True:
                request, buffered = _read_request(conn, buffered)
                if request is None:
                    return
                method, target, conditional = request
                if _stream(conn, target.split("?", 1)[0]):
                    return
                data, close = respond(target.split("?", 1)[0], method, conditional)
                conn.sendall(data)
                if close:
                    return
        except OSError:
            return


class BadServer:
    """Listens on 127.0.0.1 (a free port) in a background thread until stop()."""

    def __init__(self, port=0):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", port))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=_serve_connection, args=(conn,), daemon=True).start()

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def stop(self):
        try:
            self.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.sock.close()
        self.thread.join(timeout=5)


if __name__ == "__main__":
    server = BadServer(int(sys.argv[1]) if len(sys.argv) > 1 else 0)
    print(f"bad server on 127.0.0.1:{server.port}; paths: /401 /304-content-type "
          "/304-with-body /head-length /head-status /head-body /te-and-cl /close", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        server.stop()
