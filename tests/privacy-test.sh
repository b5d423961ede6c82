#!/usr/bin/env bash
# Dossier opens no network sockets: the command line and the window run under strace,
# and any AF_INET or AF_INET6 socket fails the test; no network library is linked.
# Usage: privacy-test.sh DOSSIER_EXECUTABLE   (the window part needs DISPLAY). Prints TAP.
set -uo pipefail
exe=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config"
# In the sanitizer build: LeakSanitizer cannot run under ptrace and would abort each program.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"

echo "1..3"
strace -f -qq -e trace=socket -o "$work/cli.trace" "$exe" search junta > /dev/null
strace -f -qq -e trace=socket -o "$work/cli2.trace" "$exe" timeline > /dev/null
if grep -E 'AF_INET6?' "$work"/cli*.trace; then
  echo "not ok 1 the command line opens no network socket"
else
  echo "ok 1 the command line opens no network socket"
fi

if [ -n "${DISPLAY:-}" ]; then
  timeout 6 strace -f -qq -e trace=socket -o "$work/window.trace" "$exe" > /dev/null 2>&1
  if grep -E 'AF_INET6?' "$work/window.trace"; then
    echo "not ok 2 the window opens no network socket"
  else
    echo "ok 2 the window opens no network socket ($(grep -c socket "$work/window.trace") local sockets)"
  fi
else
  echo "ok 2 # SKIP no display"
fi

if ldd "$exe" | grep -Ei 'soup|curl|libssl|gnutls|nghttp'; then
  echo "not ok 3 no network library is linked"
else
  echo "ok 3 no network library is linked"
fi
grep -qE 'AF_INET6?' "$work"/*.trace && exit 1
exit 0
