"""Helpers for tests that make a real service unreachable or start a stand-in on loopback."""

import socket
import struct
import zlib


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
