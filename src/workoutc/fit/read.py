"""A small, strict FIT reader: bytes -> raw messages.

It reads definition and data messages (normal and compressed-timestamp headers),
little- or big-endian, any base type (strings, floats, arrays as tuples), and knows
nothing of what the messages mean, so the workout decoder (and any reader of
recorded activities) builds on it. Developer fields are skipped, but which ones each
message carried is recorded (`FitFile.developer`), named when the file's
field_description messages name them. Every problem, from a truncated header to an
absurd field size, is a `FitError` with the byte offset; the reader never loops
without consuming bytes, so no input can hang it.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field

from .crc import crc16
from .profile import BASE_TYPES

MAX_FILE_BYTES = 64_000_000  # activities of a long day run to several MB; workouts are far smaller
FIELD_DESCRIPTION = 206  # names a developer field: developer_data_index 0, field number 1, field_name 3
FLOATS = (0x08, 0x09)
BYTES = 0x0D


class FitError(ValueError):
    def __init__(self, message: str, offset: int | None = None):
        super().__init__(message if offset is None else f"{message} (at byte {offset})")


@dataclass
class _Definition:
    global_number: int
    endian: str
    fields: list[tuple[int, int, int]]  # (field number, size, base type)
    developer: tuple[tuple[int, int], ...]  # (developer data index, field number)
    developer_bytes: int

    @property
    def size(self) -> int:
        return sum(entry[1] for entry in self.fields) + self.developer_bytes


@dataclass
class FitFile:
    """A FIT file's data messages, and the developer fields each kind carried."""

    messages: list[tuple[int, dict[int, object]]]
    # global message number -> {(developer data index, field number)}
    developer: dict[int, set[tuple[int, int]]] = field(default_factory=dict)
    developer_names: dict[tuple[int, int], str] = field(default_factory=dict)

    def developer_name(self, key: tuple[int, int]) -> str:
        """A developer field by its name when the file gives one, else by its numbers."""
        index, number = key
        name = self.developer_names.get(key)
        numbers = f"developer data {index}, field {number}"
        return f'"{name}" ({numbers})' if name else f"({numbers})"


def read_messages(data: bytes) -> list[tuple[int, dict[int, object]]]:
    """(global message number, {field number: value}) for every data message."""
    return read_file(data).messages


def read_file(data: bytes) -> FitFile:
    """The file's data messages, in order. Invalid values are left out; strings are
    decoded (UTF-8, NULs stripped); an array is a tuple of its valid values."""
    if len(data) > MAX_FILE_BYTES:
        raise FitError(f"the file is {len(data):,} bytes; FIT files this large are not read")
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
    fit = FitFile([])
    fit.messages = list(_records(data, header_size, end, fit))
    for number, fields in fit.messages:
        if number == FIELD_DESCRIPTION and isinstance(fields.get(3), str):
            index, key = fields.get(0), fields.get(1)
            if type(index) is int and type(key) is int:
                fit.developer_names[index, key] = str(fields[3])
    return fit


def _records(data: bytes, offset: int, end: int, fit: FitFile):
    definitions: dict[int, _Definition] = {}
    while offset < end:
        start = offset
        header = data[offset]
        offset += 1
        if header & 0x80:  # compressed timestamp: a data message of local type 0-3
            local = (header >> 5) & 0x03
        elif header & 0x40:
            definition, offset = _definition(data, offset, end, bool(header & 0x20))
            definitions[header & 0x0F] = definition
            continue
        else:
            local = header & 0x0F
        known = definitions.get(local)
        if known is None:
            raise FitError(f"a data message uses local type {local} before it is defined", start)
        if known.developer:
            fit.developer.setdefault(known.global_number, set()).update(known.developer)
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
        if base & 0x1F not in BASE_TYPES or size == 0:
            raise FitError(f"field {number} has an impossible size {size} for its type", offset)
        if size % BASE_TYPES[base & 0x1F].size:  # some devices misdeclare a field: read it as bytes
            base = BYTES
        fields.append((number, size, base & 0x1F))
        offset += 3
    extra: tuple[tuple[int, int], ...] = ()
    developer_bytes = 0
    if developer:
        if offset >= end:
            raise FitError("a definition message is cut off", offset)
        developer_count = data[offset]
        offset += 1
        if offset + 3 * developer_count > end:
            raise FitError("a definition message is cut off", offset)
        triples = [data[offset + 3 * i : offset + 3 * i + 3] for i in range(developer_count)]
        extra = tuple((triple[2], triple[0]) for triple in triples)
        developer_bytes = sum(triple[1] for triple in triples)
        offset += 3 * developer_count
    return _Definition(global_number, endian, fields, extra, developer_bytes), offset


def _data(data: bytes, offset: int, end: int, definition: _Definition) -> tuple[dict[int, object], int]:
    if offset + definition.size > end:
        raise FitError("a data message is cut off", offset)
    values: dict[int, object] = {}
    for number, field_size, base in definition.fields:
        value = _value(data[offset : offset + field_size], base, definition.endian)
        offset += field_size
        if value is not None:
            values[number] = value
    return values, offset + definition.developer_bytes


def _value(raw: bytes, base: int, endian: str) -> object:
    """One field's value: a string, a number, or a tuple of an array's valid numbers;
    None when invalid."""
    code, unit, invalid = BASE_TYPES[base]
    if code == "s":
        return raw.split(b"\0", 1)[0].decode("utf-8", errors="replace") or None
    count = len(raw) // unit
    numbers = struct.unpack(f"{endian}{count}{code}", raw)
    if base in FLOATS:
        valid = tuple(number for number in numbers if number == number)  # invalid is a NaN, unequal to itself
    else:
        valid = tuple(number for number in numbers if number != invalid)
    if count == 1:
        return valid[0] if valid else None
    return valid or None
