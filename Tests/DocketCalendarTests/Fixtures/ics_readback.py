"""Reads an .ics file with icalendar and with vobject; prints both readings as JSON.

Usage: python ics_readback.py FILE
Output: {"icalendar": {...}, "vobject": {...}} where each holds the calendar properties and
a list of events {uid, summary, description, dtstart, dtend, sequence, dtstamp, alarms}.
"""
import json
import sys

import icalendar
import vobject

data = open(sys.argv[1], "rb").read()


def via_icalendar():
    cal = icalendar.Calendar.from_ical(data)
    events = []
    for ev in cal.walk("VEVENT"):
        alarms = [str(a.get("TRIGGER").to_ical().decode()) for a in ev.walk("VALARM")]
        events.append({
            "uid": str(ev.get("UID")),
            "summary": str(ev.get("SUMMARY")),
            "description": str(ev.get("DESCRIPTION")),
            "dtstart": ev.decoded("DTSTART").isoformat(),
            "dtend": ev.decoded("DTEND").isoformat(),
            "sequence": int(ev.get("SEQUENCE")),
            "dtstamp": ev.decoded("DTSTAMP").strftime("%Y%m%dT%H%M%SZ"),
            "alarms": alarms,
        })
    return {"calname": str(cal.get("X-WR-CALNAME")), "method": str(cal.get("METHOD")),
            "version": str(cal.get("VERSION")), "events": events}


def via_vobject():
    cal = vobject.readOne(data.decode("utf-8"))
    events = []
    for ev in cal.contents.get("vevent", []):
        alarms = []
        for a in ev.contents.get("valarm", []):
            td = a.trigger.value
            alarms.append("-P%dD" % (-td.days))
        events.append({
            "uid": ev.uid.value,
            "summary": ev.summary.value,
            "description": ev.description.value,
            "dtstart": ev.dtstart.value.isoformat(),
            "dtend": ev.dtend.value.isoformat(),
            "sequence": int(ev.sequence.value),
            "dtstamp": ev.dtstamp.value.strftime("%Y%m%dT%H%M%SZ"),
            "alarms": alarms,
        })
    return {"calname": cal.contents["x-wr-calname"][0].value, "method": cal.method.value,
            "version": cal.version.value, "events": events}


print(json.dumps({"icalendar": via_icalendar(), "vobject": via_vobject()}, ensure_ascii=False, sort_keys=True))
