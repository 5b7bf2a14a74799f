"""Plans as iCalendar files (RFC 5545), for people who plan in a calendar.

One event per dated session (rest days are not events): the workout's name and kind
as its summary, its steps as the description, its estimated length as the duration.
Untimed sessions are all-day events; timed ones use floating local time, as the plan
does. UIDs are stable, so re-importing updates events instead of duplicating them.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta

from .. import __version__
from ..language.printer import step_line
from ..model import Repeat


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Lines of at most 75 octets, continuations starting with a space."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    parts: list[str] = []
    current = b""
    for char in line:
        encoded = char.encode("utf-8")
        if len(current) + len(encoded) > (75 if not parts else 74):
            parts.append(current.decode("utf-8"))
            current = b""
        current += encoded
    parts.append(current.decode("utf-8"))
    return "\r\n ".join(parts)


def _describe(nodes, depth: int = 0) -> list[str]:
    lines = []
    for node in nodes:
        if isinstance(node, Repeat):
            head = f"{node.count}x" if node.count else "repeat until heart rate"
            lines.append("  " * depth + head)
            lines += _describe(node.steps, depth + 1)
        else:
            lines.append("  " * depth + step_line(node))
    return lines


def plan_calendar(plan_name: str, sessions, time_created: int) -> str:
    """`sessions` are check.plans.Session objects (rest days are skipped)."""
    stamp = datetime.fromtimestamp(time_created, UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//workoutc//workoutc {__version__}//EN",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{_escape(plan_name)}",
    ]
    for session in sessions:
        workout = session.workout
        if workout is None:
            continue
        entry = session.entry
        uid = hashlib.sha1(f"{plan_name}\0{entry.day}\0{entry.at}\0{workout.name}".encode()).hexdigest()
        lines += ["BEGIN:VEVENT", f"UID:{uid}@workoutc", f"DTSTAMP:{stamp}"]
        if entry.at is None:
            lines += [
                f"DTSTART;VALUE=DATE:{entry.day:%Y%m%d}",
                f"DTEND;VALUE=DATE:{entry.day + timedelta(days=1):%Y%m%d}",
            ]
        else:
            minutes = max(1, round(session.seconds / 60))
            lines += [f"DTSTART:{datetime.combine(entry.day, entry.at):%Y%m%dT%H%M%S}", f"DURATION:PT{minutes}M"]
        kind = f" ({workout.kind})" if workout.kind else ""
        lines += [
            f"SUMMARY:{_escape(workout.name + kind)}",
            f"DESCRIPTION:{_escape(chr(10).join(_describe(workout.steps)))}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)
