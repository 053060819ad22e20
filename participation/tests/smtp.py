"""A real SMTP server for tests (aiosmtpd, on a free loopback port), and mail servers that fail."""

import asyncio
import socket
import threading
from contextlib import contextmanager
from email import message_from_bytes, policy

from aiosmtpd.controller import Controller


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Sink:
    """Keeps every message received; ``delay`` seconds per message keep senders busy, so they overlap."""

    def __init__(self, delay=0.0):
        self.delay = delay
        self.messages = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        if self.delay:
            await asyncio.sleep(self.delay)
        with self.lock:
            self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
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


def closed_port():
    """A port nothing listens on: connecting is refused at once."""
    return free_port()


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
