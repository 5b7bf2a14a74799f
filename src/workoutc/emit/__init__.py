"""Outputs for people: HTML pages, calendars and the formats findings are shown in."""
