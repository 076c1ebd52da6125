"""Reads iCalendar files with the `icalendar` package and prints, as JSON, what it
found in each: the calendar's properties, every event's, and every parse error.

tests/calendar.rs runs it and checks the result; this script only reads and reports,
so a file it cannot parse makes it exit non-zero with the parser's own message.

    python3 tests/clients/read_ics.py FILE.ics...
"""

import json
import sys

import icalendar


def text(component, name):
    """A property as text, or None when the component does not have it."""
    value = component.get(name)
    return None if value is None else str(value)


def instant(component, name):
    """A date-time property in ISO 8601: with +00:00 when it is UTC, without an
    offset when it is floating; None when the component does not have it."""
    value = component.get(name)
    return None if value is None else value.dt.isoformat()


def event(component):
    sequence = component.get("SEQUENCE")
    categories = component.get("CATEGORIES")
    return {
        "uid": text(component, "UID"),
        "dtstamp": instant(component, "DTSTAMP"),
        "last_modified": instant(component, "LAST-MODIFIED"),
        "sequence": None if sequence is None else int(sequence),
        "dtstart": instant(component, "DTSTART"),
        "dtend": instant(component, "DTEND"),
        "summary": text(component, "SUMMARY"),
        "description": text(component, "DESCRIPTION"),
        "categories": [] if categories is None else [str(c) for c in categories.cats],
        "alarms": len(component.walk("VALARM")),
    }


def read(path):
    with open(path, "rb") as file:
        calendar = icalendar.Calendar.from_ical(file.read())
    return {
        "path": path,
        "errors": [
            f"{component.name}: {error}"
            for component in calendar.walk()
            for error in component.errors
        ],
        "version": text(calendar, "VERSION"),
        "prodid": text(calendar, "PRODID"),
        "method": text(calendar, "METHOD"),
        "name": text(calendar, "NAME"),
        "x_wr_calname": text(calendar, "X-WR-CALNAME"),
        "events": [event(c) for c in calendar.walk("VEVENT")],
    }


if __name__ == "__main__":
    json.dump(
        {"icalendar": icalendar.__version__, "files": [read(p) for p in sys.argv[1:]]},
        sys.stdout,
        indent=1,
    )
