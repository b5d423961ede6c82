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


def repeats(name):
    """GTK 4.8 names a widget by its own label and then by the widgets that label it: a
    control given both reads "Reading width in pixels Reading Width". True when the words
    after some point start the name over (case aside), two words or more, or one word
    twice ("Delete Delete")."""
    words = [w.lower() for w in name.split()]
    for k in range(1, len(words)):
        shorter, longer = sorted((words[:k], words[k:]), key=len)
        if len(shorter) < 2 and len(words) != 2:
            continue
        if longer[:len(shorter)] == shorter:
            return True
    return False


def name_problem(name):
    """What is wrong with a control's accessible name, or None: a screen reader reads an
    empty name or GTK's type name as nothing useful, a mnemonic's underscore ("_Delete
    Delete", GTK 4.8's name for a mnemonic button) and a name said twice badly."""
    name = (name or "").strip()
    if not name or TYPE_NAME.match(name):
        return "unnamed"
    if re.search(r"(^|\s)_\w", name):
        return "mnemonic underscore"
    if repeats(name):
        return "repeats itself"
    return None


def doubled(name):
    return name_problem(name) in ("mnemonic underscore", "repeats itself")


# What a person uses: buttons, entries, choosers, the rows of lists and grids, menu items.
CONTROLS = {
    pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_RADIO_BUTTON,
    pyatspi.ROLE_CHECK_BOX, pyatspi.ROLE_ENTRY, pyatspi.ROLE_SPIN_BUTTON,
    pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_LIST_ITEM, pyatspi.ROLE_TABLE_CELL,
    pyatspi.ROLE_MENU_ITEM, pyatspi.ROLE_CHECK_MENU_ITEM, pyatspi.ROLE_RADIO_MENU_ITEM,
    pyatspi.ROLE_SLIDER,
}


def on_screen(node):
    """Visible and given room. GTK 4.8 reports no SHOWING state, and VISIBLE holds for the
    hidden pages of a stack too, such as the preferences window's search, never shown
    while its search is off; those have no size."""
    if not visible(node):
        return False
    try:
        _, _, width, height = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    except Exception:
        return False
    return width > 0 and height > 0


def shown_value(node):
    """A combo box shows its value with a list inside it (libadwaita's combo row, GTK's
    drop-down): not focusable, not a control of its own; the combo box's name covers it."""
    if node.getRole() not in (pyatspi.ROLE_LIST, pyatspi.ROLE_LIST_ITEM):
        return False
    parent = node.parent
    while parent is not None:
        if parent.getRole() == pyatspi.ROLE_COMBO_BOX:
            return True
        parent = parent.parent
    return False


def bad_controls(root):
    """The on-screen controls under @root whose names a screen reader reads badly, and how
    many controls were checked."""
    bad, checked = [], 0
    for node in walk(root):
        if node.getRole() not in CONTROLS or not on_screen(node) or shown_value(node):
            continue
        checked += 1
        problem = name_problem(node.name)
        if problem:
            bad.append(f"{problem}: {describe(node)}")
    return bad, checked


def report(number, what, bad, extra=""):
    if bad:
        print(f"not ok {number} {what}{extra}")
        for b in bad:
            print(f"# {b}")
    else:
        print(f"ok {number} {what}{extra}")
    return not bad


def key(env, *keys):
    subprocess.run(["xdotool", "key", *keys], env=env, timeout=20)
    time.sleep(1.5)


def click(env, node, button="1"):
    """Clicks the middle of @node, with @button. GTK 4.8 gives no screen coordinates over
    X11, only the window's; the window is at the screen's corner (no window manager)."""
    x, y, width, height = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    subprocess.run(["xdotool", "mousemove", str(x + width // 2), str(y + height // 2),
                    "click", button], env=env, timeout=20)
    time.sleep(1.5)


def find(root, role, name=None, prefix=None):
    for node in walk(root):
        if (node.getRole() == role and on_screen(node)
                and (name is None or node.name == name)
                and (prefix is None or (node.name or "").startswith(prefix))):
            return node
    return None


def check_library_pages(app, env):
    """Case 6: each page of the sidebar in turn, with the window around it."""
    bad, checked, missing = [], 0, []
    pages = [("ctrl+1", pyatspi.ROLE_TABLE_CELL, "Moscow Fuels Myanmar War Machine"),
             ("ctrl+2", pyatspi.ROLE_TABLE_CELL, "People"),
             ("ctrl+3", pyatspi.ROLE_LIST_ITEM, "Yellow highlight: “Lavrov”"),
             ("ctrl+3", pyatspi.ROLE_PUSH_BUTTON, "Tag")]
    for keys, role, wanted in pages:
        key(env, keys)
        page_bad, page_checked = bad_controls(app)
        bad += [b for b in page_bad if b not in bad]
        checked += page_checked
        if find(app, role, prefix=wanted) is None:
            missing.append(wanted)
    return report(6, "every control of the window and of the articles, entities (with their "
                  "headings) and notes pages has one clear name", bad + [
                      f"missing: {m}" for m in missing],
                  f" ({checked} controls checked)")


def check_preferences(app, env):
    """Case 7: the preferences window; each row's control named by the row's title alone."""
    key(env, "ctrl+comma")
    window = find(app, pyatspi.ROLE_FRAME, "Preferences")
    bad, checked = bad_controls(window) if window else (["no preferences window"], 0)
    for role, name in [(pyatspi.ROLE_SPIN_BUTTON, "Reading Width"),
                       (pyatspi.ROLE_PUSH_BUTTON, "Reading Font"),
                       (pyatspi.ROLE_COMBO_BOX, "Style")]:
        if window is not None and find(window, role, name) is None:
            bad.append(f"missing: {name}")
    key(env, "Escape")
    return report(7, "every control of the preferences window has one clear name", bad,
                  f" ({checked} controls checked)")


def check_main_menu(app, env):
    """Case 8: the main menu (F10), and the accelerator Larger Text shows: Ctrl++, as GNOME
    applications show it, not the keypad's "Ctrl+KP +"."""
    key(env, "F10")
    bad, checked = bad_controls(app)
    item = find(app, pyatspi.ROLE_MENU_ITEM, "Larger Text")
    shown = [n.name for n in walk(item) if n.getRole() == pyatspi.ROLE_LABEL] if item else []
    if "Ctrl++" not in shown:
        bad.append(f"Larger Text shows {shown}, not Ctrl++")
    key(env, "Escape")
    return report(8, "every item of the main menu has one clear name; Larger Text shows "
                  "Ctrl++", bad, f" ({checked} controls checked)")


def check_hide_dialog(app, env):
    """Case 9: a library row's menu, and the dialog its Hide… opens."""
    key(env, "ctrl+1")
    bad = []
    row = find(app, pyatspi.ROLE_TABLE_CELL, prefix="Burma’s Junta")
    if row is not None:
        click(env, row, "3")
        bad += bad_controls(app)[0]
        item = find(app, pyatspi.ROLE_MENU_ITEM, "Hide…")
        if item is not None:
            click(env, item)
    menu_and_dialog = bad + [b for b in bad_controls(app)[0] if b not in bad]
    if not any(n.getRole() == pyatspi.ROLE_PUSH_BUTTON and "Hide" in (n.name or "")
               and on_screen(n) for n in walk(app)):
        menu_and_dialog.append("no Hide button: the dialog did not open")
    key(env, "Escape")
    return report(9, "a library row's menu and the Hide dialog: one clear name each",
                  menu_and_dialog)


def annotate(exe, env):
    """Two notes, one tagged, so the notes page has rows and its tag filter a choice."""
    for quote, extra in [("Lavrov", ["--tag", "russia"]), ("Myanmar", ["--color", "green"])]:
        subprocess.run([exe, "annotate", "polygraph-2022-moscow-fuels-myanmar-war-machine",
                        "--quote", quote, *extra], env=env, timeout=20,
                       stdout=subprocess.DEVNULL, check=True)


def main():
    env = dict(os.environ)
    env.pop("NO_AT_BRIDGE", None)
    # Its own library and settings, never the real home's.
    home = tempfile.mkdtemp(prefix="dossier-a11y-")
    env["XDG_DATA_HOME"] = os.path.join(home, "data")
    env["XDG_CONFIG_HOME"] = os.path.join(home, "config")
    bus = start_session_bus(env)
    exe = env["DOSSIER_EXECUTABLE"]
    annotate(exe, env)
    app_proc = subprocess.Popen([exe], env=env)
    print("1..9")
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
        # Polled: under the sanitizers on a loaded machine the dialog took more than 2 s.
        subprocess.run(["xdotool", "key", "ctrl+shift+e"], env=env, timeout=20)
        deadline = time.time() + 30
        while True:
            time.sleep(1)
            nodes = [n for n in walk(app) if visible(n)]
            dialog = any(n.getRole() == pyatspi.ROLE_RADIO_BUTTON and n.name == "Markdown"
                         for n in nodes)
            if dialog or time.time() > deadline:
                break
        bad = [describe(n) for n in nodes if n.getRole() in INTERACTIVE and doubled(n.name)]
        if bad or not dialog:
            print(f"not ok 5 no name repeats itself or shows a mnemonic's underscore "
                  f"(export dialog shown: {dialog})")
            for b in bad:
                print(f"# {b}")
        else:
            print(f"ok 5 no name repeats itself or shows a mnemonic's underscore "
                  f"({len(nodes)} nodes checked, export dialog included)")
        key(env, "Escape")

        later = [check(app, env) for check in (check_library_pages, check_preferences,
                                               check_main_menu, check_hide_dialog)]
        return 1 if (unnamed_controls or missing or not column or wrong or not checked
                     or bad or not dialog or not all(later)) else 0
    finally:
        app_proc.terminate()
        app_proc.wait(timeout=10)
        shutil.rmtree(home, ignore_errors=True)
        bus.terminate()


sys.exit(main())
