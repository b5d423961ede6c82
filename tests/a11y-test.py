#!/usr/bin/python3
# Drives Dossier over AT-SPI, as a screen reader or a GUI test tool would: every control
# a person can use must have an accessible name, and the main flow must be reachable.
# Runs inside with-xvfb.sh + dbus-run-session (see tests/meson.build); prints TAP.

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

import pyatspi

INTERACTIVE = {
    pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX,
    pyatspi.ROLE_RADIO_BUTTON, pyatspi.ROLE_ENTRY, pyatspi.ROLE_TEXT, pyatspi.ROLE_LIST,
    pyatspi.ROLE_TABLE,
    pyatspi.ROLE_SPIN_BUTTON, pyatspi.ROLE_SLIDER, pyatspi.ROLE_COMBO_BOX,
    pyatspi.ROLE_MENU_ITEM,
}


def find_app(name, timeout=45):
    deadline = time.time() + timeout
    while time.time() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for app in desktop:
            if app is not None and app.name == name:
                return app
        time.sleep(0.5)
    return None


def walk(node, depth=0):
    if node is None or depth > 60:
        return
    yield node
    for i in range(node.childCount):
        try:
            child = node.getChildAtIndex(i)
        except Exception:
            continue
        yield from walk(child, depth + 1)


def visible(node):
    try:
        return node.getState().contains(pyatspi.STATE_VISIBLE)
    except Exception:
        return False


TYPE_NAME = re.compile(r"^(Gtk|Adw|Dossier)[A-Z]\w+$")


def unnamed(node):
    """GTK 4.8 reports a widget's type name when it has no accessible name."""
    name = (node.name or "").strip()
    return not name or TYPE_NAME.match(name) is not None


def describe(node):
    chain = []
    while node is not None and len(chain) < 4:
        chain.append(f"{node.getRoleName()}:{node.name!r}")
        node = node.parent
    return " < ".join(chain)


def timeline_rows(nodes):
    """The visible rows of the timeline list (each the child of a list item, or of a cell
    since the list is a one-column grid) and their labels: the date, the article and the
    sentence (a heading has the date alone)."""
    for node in nodes:
        if (node.getRole() in (pyatspi.ROLE_LIST, pyatspi.ROLE_TABLE)
                and node.name == "Timeline events"):
            for item in walk(node):
                if (item.getRole() in (pyatspi.ROLE_LIST_ITEM, pyatspi.ROLE_TABLE_CELL)
                        and item.childCount > 0):
                    row = item.getChildAtIndex(0)
                    labels = [n for n in walk(row)
                              if n is not row and n.getRole() == pyatspi.ROLE_LABEL]
                    yield row, labels


def check_timeline_rows(nodes):
    """A row shows its sentence cut to one line; a screen reader gets it whole in the
    row's name. Returns the rows whose name lacks it, and how many sentences were
    checked."""
    wrong, checked = [], 0
    for item, labels in timeline_rows(nodes):
        if len(labels) < 2:
            continue
        sentence = labels[-1].name or ""
        checked += 1
        if not sentence or sentence not in (item.name or ""):
            wrong.append(f"{item.name!r} lacks {sentence!r}")
    return wrong, checked


def start_session_bus(env):
    """A session bus of our own whose services print nowhere: the accessibility registry
    writes a line to its stdout, which would land in the TAP stream."""
    read_fd, write_fd = os.pipe()
    daemon = subprocess.Popen(["dbus-daemon", "--session", "--nofork",
                               f"--print-address={write_fd}"],
                              pass_fds=(write_fd,), stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    os.close(write_fd)
    with os.fdopen(read_fd) as address:
        env["DBUS_SESSION_BUS_ADDRESS"] = address.readline().strip()
    os.environ["DBUS_SESSION_BUS_ADDRESS"] = env["DBUS_SESSION_BUS_ADDRESS"]
    return daemon


def doubled(name):
    """GTK 4.8 names a mnemonic button "_Delete Delete", and a control given both a label
    and a labelling row "Markdown Markdown": a screen reader reads either badly."""
    name = (name or "").strip()
    words = name.split(" ")
    half = len(words) // 2
    return (re.search(r"(^|\s)_\w", name) is not None
            or (len(words) % 2 == 0 and half > 0 and words[:half] == words[half:]))


def main():
    env = dict(os.environ)
    env.pop("NO_AT_BRIDGE", None)
    # Its own library and settings, never the real home's.
    home = tempfile.mkdtemp(prefix="dossier-a11y-")
    env["XDG_DATA_HOME"] = os.path.join(home, "data")
    env["XDG_CONFIG_HOME"] = os.path.join(home, "config")
    bus = start_session_bus(env)
    exe = env["DOSSIER_EXECUTABLE"]
    app_proc = subprocess.Popen([exe], env=env)
    print("1..5")
    try:
        app = find_app("dossier")
        if app is None:
            print("not ok 1 the application appears on the accessibility bus")
            return 1
        print("ok 1 the application appears on the accessibility bus")

        # Open two articles, so columns and their headers are there too.
        subprocess.run([exe, "--open", "polygraph-2022-moscow-fuels-myanmar-war-machine"],
                       env=env, timeout=20)
        time.sleep(2)

        nodes = [n for n in walk(app) if visible(n)]
        unnamed_controls = [describe(n) for n in nodes
                            if n.getRole() in INTERACTIVE and unnamed(n)]
        if unnamed_controls:
            print("not ok 2 every control has an accessible name")
            for u in unnamed_controls:
                print(f"# unnamed: {u}")
        else:
            print(f"ok 2 every control has an accessible name ({len(nodes)} nodes checked)")

        names = {n.name for n in nodes}
        wanted = {"Articles", "Main Menu", "Filter the list"}
        missing = wanted - names
        column = any((n.name or "").startswith("Column: Moscow Fuels") for n in nodes)
        if missing or not column:
            print(f"not ok 3 library, menu, filter and the opened column are reachable "
                  f"(missing {sorted(missing)}, column {column})")
        else:
            print("ok 3 library, menu, filter and the opened column are reachable")

        wrong, checked = check_timeline_rows(nodes)
        if wrong or checked == 0:
            print(f"not ok 4 each timeline row's name holds its whole sentence "
                  f"({checked} rows checked)")
            for w in wrong:
                print(f"# {w}")
        else:
            print(f"ok 4 each timeline row's name holds its whole sentence "
                  f"({checked} rows checked)")

        # The export dialog's buttons and format choices, and the window behind it.
        subprocess.run(["xdotool", "key", "ctrl+shift+e"], env=env, timeout=20)
        time.sleep(2)
        nodes = [n for n in walk(app) if visible(n)]
        bad = [describe(n) for n in nodes if n.getRole() in INTERACTIVE and doubled(n.name)]
        dialog = any(n.getRole() == pyatspi.ROLE_RADIO_BUTTON and n.name == "Markdown"
                     for n in nodes)
        if bad or not dialog:
            print(f"not ok 5 no name repeats itself or shows a mnemonic's underscore "
                  f"(export dialog shown: {dialog})")
            for b in bad:
                print(f"# {b}")
        else:
            print(f"ok 5 no name repeats itself or shows a mnemonic's underscore "
                  f"({len(nodes)} nodes checked, export dialog included)")
        return 1 if (unnamed_controls or missing or not column or wrong or not checked
                     or bad or not dialog) else 0
    finally:
        app_proc.terminate()
        app_proc.wait(timeout=10)
        shutil.rmtree(home, ignore_errors=True)
        bus.terminate()


sys.exit(main())
