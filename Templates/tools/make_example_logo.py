#!/usr/bin/env python3
"""Writes the example logo (Templates/examples/cover-letter/logo.png, 360x120 RGB PNG) with zlib and
struct only: a teal disc with a white cross beside three navy bars. Deterministic bytes.

    python3 Templates/tools/make_example_logo.py [out.png]
"""
import os
import struct
import sys
import zlib

W, H = 360, 120
TEAL, NAVY, WHITE = (0, 128, 128), (31, 56, 100), (255, 255, 255)


def pixel(x, y):
    cx, cy, r = 60, 60, 50
    dx, dy = x - cx, y - cy
    if dx * dx + dy * dy <= r * r:
        if (abs(dx) <= 9 and abs(dy) <= 32) or (abs(dy) <= 9 and abs(dx) <= 32):
            return WHITE
        return TEAL
    for top, length in ((28, 220), (54, 180), (80, 200)):
        if 130 <= x < 130 + length and top <= y < top + 14:
            return NAVY
    return WHITE


def png(width, height):
    rows = b"".join(b"\x00" + bytes(c for x in range(width) for c in pixel(x, y)) for y in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


if __name__ == "__main__":
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "examples", "cover-letter", "logo.png")
    with open(out, "wb") as f:
        f.write(png(W, H))
    print("wrote", out)
