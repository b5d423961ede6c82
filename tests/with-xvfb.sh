#!/bin/bash
# with-xvfb.sh COMMAND [ARG…]: runs COMMAND with DISPLAY set to an X server of its own.
#
# `xvfb-run -a` picks a display by looking for a free lock file, then starts the server:
# two runs side by side (tests of two trees on one machine, or a server left from an
# earlier run) could pick the same number, and the loser's command then knocked on the
# other server with the wrong cookie: "cannot open display". Here Xvfb picks the number
# itself (-displayfd), taking its lock atomically, and says which once it accepts
# connections. Local clients only (-nolisten tcp), so no cookie is needed.
#
# -noreset: by default an X server resets when its last client leaves, and drops the
# connections that arrive meanwhile. The accessibility bus launcher opens the display,
# sets a property and leaves; Dossier starting just then got "cannot open display"
# (the a11y test failed about one run in two, under ASan nearly always).
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -u

folder=$(mktemp -d)
trap 'rm -rf "$folder"' EXIT

Xvfb -displayfd 3 -nolisten tcp -noreset -screen 0 1280x1024x24 3>"$folder/display" 2>"$folder/log" &
server=$!

# Up to 60 s: starting a server is slow on a loaded machine.
for _ in $(seq 600); do
  [ -s "$folder/display" ] && break
  if ! kill -0 "$server" 2>/dev/null; then
    echo "with-xvfb.sh: Xvfb did not start:" >&2
    cat "$folder/log" >&2
    exit 1
  fi
  sleep 0.1
done
if [ ! -s "$folder/display" ]; then
  echo "with-xvfb.sh: Xvfb gave no display within 60 s" >&2
  kill "$server"
  exit 1
fi

export DISPLAY=":$(tr -d '\n' < "$folder/display")"
unset XAUTHORITY
"$@"
status=$?

kill "$server" 2>/dev/null
wait "$server" 2>/dev/null
exit $status
