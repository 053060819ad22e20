"""Helpers for tests that make a real service unreachable or start a stand-in on loopback: free and
closed ports, a real SMTP server (aiosmtpd) and one that hangs, LibreTranslate and DeepL stand-ins, and small PNG
files of any size."""

import asyncio
import json
import socket
import struct
import threading
import zlib
from contextlib import contextmanager
from email import message_from_bytes, policy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

from aiosmtpd.controller import Controller


def closed_port():
    """A loopback port nothing listens on: bound to port 0 (the system picks a free one), then closed."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def free_port():
    """A free loopback port for a server the test starts itself (the same trick; the server binds it next)."""
    return closed_port()


def png(width, height):
    """A valid 1-bit greyscale PNG of ``width`` × ``height`` black pixels: a small file for any size."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    row = b"\x00" * (1 + (width + 7) // 8)  # filter byte, then the packed bits
    compressor = zlib.compressobj(9)
    data = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")


class Sink:
    """Keeps every message received; ``delay`` seconds per message keep senders busy, so they overlap."""

    def __init__(self, delay=0.0):
        self.delay = delay
        self.messages = []
        self.recipients = []  # the envelope's RCPT TO of each message, in the same order
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        if self.delay:
            await asyncio.sleep(self.delay)
        with self.lock:
            self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
            self.recipients.append(list(envelope.rcpt_tos))
        return "250 Message accepted"

    @property
    def subjects(self):
        with self.lock:
            return [message["Subject"] for message in self.messages]


@contextmanager
def smtp_sink(delay=0.0):
    sink = Sink(delay)
    controller = Controller(sink, hostname="127.0.0.1", port=free_port())
    controller.start()
    sink.port = controller.port
    try:
        yield sink
    finally:
        controller.stop()


@contextmanager
def hung_server():
    """A port that accepts connections and never says a word (an SMTP server that hangs)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)  # the kernel completes the handshakes; nobody ever reads or writes
    try:
        yield server.getsockname()[1]
    finally:
        server.close()


class _LibreTranslateHandler(BaseHTTPRequestHandler):
    """LibreTranslate's ``POST /translate`` (JSON in, ``translatedText`` out): each text comes back as
    "[target] text"; every request body is kept on the server's ``requests`` list."""

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.server.requests.append((self.path, body))
        if self.path != "/translate":
            self.send_error(404)
            return
        texts = body["q"] if isinstance(body["q"], list) else [body["q"]]
        answer = json.dumps({"translatedText": [f"[{body['target']}] {text}" for text in texts]}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, format, *args):  # keep the test output clean
        pass


class _DeepLHandler(BaseHTTPRequestHandler):
    """DeepL's ``POST /v2/translate`` (form fields, ``DeepL-Auth-Key`` header): each text comes back as
    "[TARGET] text"; a key other than the server's ``key`` is refused with 403, as DeepL does. Every
    request is kept on ``requests`` as (path, form fields, Authorization header)."""

    def do_POST(self):
        body = parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode())
        self.server.requests.append((self.path, body, self.headers.get("Authorization")))
        if self.path != "/v2/translate":
            self.send_error(404)
            return
        if self.headers.get("Authorization") != f"DeepL-Auth-Key {self.server.key}":
            self.send_error(403)
            return
        translations = [
            {"detected_source_language": body["source_lang"][0], "text": f"[{body['target_lang'][0]}] {text}"}
            for text in body["text"]
        ]
        answer = json.dumps({"translations": translations}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, format, *args):
        pass


@contextmanager
def _stand_in(handler, **attributes):
    """An HTTP server on a free loopback port in a thread; yields it with ``url`` and ``requests``."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.requests = []
    server.url = f"http://127.0.0.1:{server.server_address[1]}"
    for name, value in attributes.items():
        setattr(server, name, value)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def libretranslate_server():
    """A LibreTranslate stand-in on loopback; yields the server (``url``, ``requests``)."""
    return _stand_in(_LibreTranslateHandler)


def deepl_server(key="test-key"):
    """A DeepL stand-in on loopback accepting ``key``; yields the server (``url``, ``requests``)."""
    return _stand_in(_DeepLHandler, key=key)
