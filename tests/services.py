"""Helpers for tests that make a real service unreachable or start a stand-in on loopback."""

import socket


def closed_port():
    """A loopback port nothing listens on: bound to port 0 (the system picks a free one), then closed."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def free_port():
    """A free loopback port for a server the test starts itself (the same trick; the server binds it next)."""
    return closed_port()
