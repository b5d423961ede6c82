#!/usr/bin/env python3
# The fields Flathub requires of a metainfo file that appstream 0.16's validator only
# reports as information, or not at all. Prints TAP. Usage: check-flathub-fields.py FILE
import sys
import xml.etree.ElementTree as ET

root = ET.parse(sys.argv[1]).getroot()
checks = []


def check(name, ok):
    checks.append((name, bool(ok)))


summary = root.findtext("summary") or ""
check("has an id", root.findtext("id"))
check("has a name", root.findtext("name"))
check(f"summary at most 35 characters ({len(summary)})", 0 < len(summary) <= 35)
check("has a description", root.find("description") is not None)
developer = root.find("developer")
check("developer has an id and a name",
      developer is not None and developer.get("id") and developer.findtext("name"))
check("a desktop launchable", root.find("launchable[@type='desktop-id']") is not None)
check("a homepage", root.find("url[@type='homepage']") is not None)
check("an OARS 1.1 content rating", root.find("content_rating[@type='oars-1.1']") is not None)
colors = {c.get("scheme_preference") for c in root.findall("branding/color[@type='primary']")}
check("branding colours for light and dark", {"light", "dark"} <= colors)
releases = root.findall("releases/release")
check("releases with version and date", releases and all(r.get("version") and r.get("date") for r in releases))
shots = root.findall("screenshots/screenshot")
check("screenshots with captions and https images",
      shots and all(s.findtext("caption") and (s.findtext("image") or "").startswith("https://")
                    for s in shots))
check("keywords", root.findall("keywords/keyword"))

print(f"1..{len(checks)}")
for i, (name, ok) in enumerate(checks, 1):
    print(f"{'ok' if ok else 'not ok'} {i} {name}")
sys.exit(0 if all(ok for _, ok in checks) else 1)
