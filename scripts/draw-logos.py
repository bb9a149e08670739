#!/usr/bin/env python3
"""Draws the two fictional trusts' logo marks (no text, no NHS lozenge: that
is a trade mark). Pure Python, 4x supersampled. Run from the repository root:
python3 scripts/draw-logos.py"""
import math, struct, zlib

def png(path, w, h, px):
    raw = b"".join(b"\x00" + bytes(px[y * w * 4:(y + 1) * w * 4]) for y in range(h))
    def chunk(t, d):
        c = t + d
        return struct.pack(">I", len(d)) + c + struct.pack(">I", zlib.crc32(c) & 0xFFFFFFFF)
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 6, 0, 0, 0))
    data += chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")
    open(path, "wb").write(data)

def draw(path, size, shade):
    s = 4
    W = size * s
    acc = [0.0] * (size * size * 4)
    for y in range(W):
        for x in range(W):
            c = shade(x / W, y / W)
            if c is None:
                continue
            i = ((y // s) * size + x // s) * 4
            r, g, b = c
            acc[i] += r; acc[i + 1] += g; acc[i + 2] += b; acc[i + 3] += 1
    out = []
    for i in range(0, len(acc), 4):
        n = acc[i + 3]
        if n == 0:
            out += [0, 0, 0, 0]
        else:
            out += [round(acc[i] / n), round(acc[i + 1] / n), round(acc[i + 2] / n), round(255 * n / (s * s))]
    png(path, size, size, out)

def rounded(u, v, r=0.18):
    dx = max(r - u, 0, u - (1 - r)); dy = max(r - v, 0, v - (1 - r))
    return dx * dx + dy * dy <= r * r

def eastbrook(u, v):
    # A blue tile with three white river waves.
    if not rounded(u, v):
        return None
    for k, y0 in enumerate((0.36, 0.52, 0.68)):
        wave = y0 + 0.05 * math.sin((u * 2.2 + k * 0.35) * math.pi)
        if abs(v - wave) < 0.045 and 0.14 < u < 0.86:
            return (255, 255, 255)
    return (0, 82, 147)

def glan_y_mor(u, v):
    # A green disc: hills over the sea, with a white sun.
    if (u - 0.5) ** 2 + (v - 0.5) ** 2 > 0.25:
        return None
    if (u - 0.66) ** 2 + (v - 0.33) ** 2 < 0.012:
        return (255, 255, 255)
    if v > 0.70 + 0.03 * math.sin(u * 14):
        return (0, 94, 128)
    if v > 0.5 + 0.18 * math.cos((u - 0.3) * 4.5) ** 2 * -1 + 0.12:
        return (0, 122, 77)
    return (0, 150, 110)

draw("content/brands/eastbrook-hospitals/logo.png", 192, eastbrook)
draw("content/brands/glan-y-mor/logo.png", 192, glan_y_mor)
