"""A small, strict FIT reader: bytes -> raw messages.

It reads definition and data messages, little- or big-endian, developer fields
skipped, and knows nothing of what the messages mean, so the workout decoder (and,
one day, a reader of recorded activities) builds on it. Every problem, from a
truncated header to an absurd field size, is a `FitError` with the byte offset;
the reader never loops without consuming bytes, so no input can hang it.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

from .crc import crc16
from .profile import BASE_TYPES

MAX_FILE_BYTES = 1_000_000


class FitError(ValueError):
    def __init__(self, message: str, offset: int | None = None):
        super().__init__(message if offset is None else f"{message} (at byte {offset})")


@dataclass
class _Definition:
    global_number: int
    endian: str
    fields: list[tuple[int, int, int]]  # (field number, size, base type)
    developer_bytes: int


def read_messages(data: bytes) -> list[tuple[int, dict[int, object]]]:
    """(global message number, {field number: value}) for every data message.

    Invalid values are left out; strings are decoded (UTF-8, NULs stripped).
    """
    if len(data) > MAX_FILE_BYTES:
        raise FitError(f"the file is {len(data):,} bytes; a workout file is far smaller")
    if len(data) < 12:
        raise FitError("the file is too short to be a FIT file")
    header_size = data[0]
    if header_size not in (12, 14) or data[8:12] != b".FIT":
        raise FitError("not a FIT file (no .FIT signature in its header)")
    (data_size,) = struct.unpack_from("<I", data, 4)
    end = header_size + data_size
    if end + 2 > len(data):
        raise FitError(f"the file is truncated: its header announces {data_size} bytes of records", len(data))
    if header_size == 14 and data[12:14] != b"\0\0" and crc16(data[:12]) != struct.unpack_from("<H", data, 12)[0]:
        raise FitError("the header's CRC does not match")
    if crc16(data[:end]) != struct.unpack_from("<H", data, end)[0]:
        raise FitError("the file's CRC does not match: it is damaged")
    return list(_records(data, header_size, end))


def _records(data: bytes, offset: int, end: int):
    definitions: dict[int, _Definition] = {}
    while offset < end:
        start = offset
        header = data[offset]
        offset += 1
        if header & 0x80:
            raise FitError("compressed-timestamp records do not belong in a workout file", start)
        local = header & 0x0F
        if header & 0x40:
            definition, offset = _definition(data, offset, end, bool(header & 0x20))
            definitions[local] = definition
            continue
        known = definitions.get(local)
        if known is None:
            raise FitError(f"a data message uses local type {local} before it is defined", start)
        values, offset = _data(data, offset, end, known)
        yield known.global_number, values


def _definition(data: bytes, offset: int, end: int, developer: bool) -> tuple[_Definition, int]:
    if offset + 5 > end:
        raise FitError("a definition message is cut off", offset)
    architecture = data[offset + 1]
    if architecture not in (0, 1):
        raise FitError(f"unknown byte order {architecture}", offset + 1)
    endian = "<" if architecture == 0 else ">"
    (global_number,) = struct.unpack_from(f"{endian}H", data, offset + 2)
    count = data[offset + 4]
    offset += 5
    if offset + 3 * count > end:
        raise FitError("a definition message is cut off", offset)
    fields = []
    for _ in range(count):
        number, size, base = data[offset], data[offset + 1], data[offset + 2]
        if base & 0x1F not in BASE_TYPES or size == 0 or size % BASE_TYPES[base & 0x1F].size:
            raise FitError(f"field {number} has an impossible size {size} for its type", offset)
        fields.append((number, size, base & 0x1F))
        offset += 3
    developer_bytes = 0
    if developer:
        if offset >= end:
            raise FitError("a definition message is cut off", offset)
        developer_count = data[offset]
        offset += 1
        if offset + 3 * developer_count > end:
            raise FitError("a definition message is cut off", offset)
        developer_bytes = sum(data[offset + 3 * i + 1] for i in range(developer_count))
        offset += 3 * developer_count
    return _Definition(global_number, endian, fields, developer_bytes), offset


def _data(data: bytes, offset: int, end: int, definition: _Definition) -> tuple[dict[int, object], int]:
    size = sum(field[1] for field in definition.fields) + definition.developer_bytes
    if offset + size > end:
        raise FitError("a data message is cut off", offset)
    values: dict[int, object] = {}
    for number, field_size, base in definition.fields:
        code, unit, invalid = BASE_TYPES[base]
        raw = data[offset : offset + field_size]
        offset += field_size
        if code == "s":
            text = raw.split(b"\0", 1)[0].decode("utf-8", errors="replace")
            if text:
                values[number] = text
            continue
        if field_size != unit:
            continue  # arrays never matter in a workout file
        (value,) = struct.unpack(f"{definition.endian}{code}", raw)
        if value != invalid:
            values[number] = value
    return values, offset + definition.developer_bytes
