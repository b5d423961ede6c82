#!/usr/bin/env python3
# Fails when a source file with translatable strings is missing from po/POTFILES.in, or
# when POTFILES.in names a file that does not exist. Prints TAP.
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1])
listed = {line.strip() for line in (root / "po" / "POTFILES.in").read_text().splitlines()
          if line.strip() and not line.startswith("#")}

C_MARK = re.compile(r'(?<![A-Za-z0-9_])(_|N_|C_|NC_)\s*\(\s*"|g_dngettext\s*\(|ngettext\s*\(')
wanted = set()
for path in sorted((root / "src").rglob("*.c")):
    if C_MARK.search(path.read_text(encoding="utf-8")):
        wanted.add(str(path.relative_to(root)))
for path in sorted((root / "ui").rglob("*.ui")):
    if 'translatable="yes"' in path.read_text(encoding="utf-8"):
        wanted.add(str(path.relative_to(root)))

missing = sorted(wanted - listed)
absent = sorted(name for name in listed if not (root / name).exists())

print("1..2")
if missing:
    print("not ok 1 every file with translatable strings is in po/POTFILES.in")
    for name in missing:
        print(f"# missing: {name}")
else:
    print(f"ok 1 every file with translatable strings is in po/POTFILES.in ({len(wanted)})")
if absent:
    print("not ok 2 po/POTFILES.in names only files that exist")
    for name in absent:
        print(f"# no such file: {name}")
else:
    print("ok 2 po/POTFILES.in names only files that exist")
sys.exit(1 if missing or absent else 0)
