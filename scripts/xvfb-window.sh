# shellcheck shell=bash
# Pieces shared by the scripts that drive the desktop window for real under Xvfb
# (desktop-drop-check.sh, window-screenshots.sh). Sourced, not run:
#
#   . "$ROOT/scripts/xvfb-window.sh"
#
# Functions report through the globals named in their comments, so that die() ends the calling
# script (a function called as $(…) would only end its subshell). Needs Debian's xvfb, x11-utils,
# xdotool and imagemagick, and python3-gi with gir1.2-gtk-3.0 for the drag source.

say() { printf '%s  %s\n' "$(date +%H:%M:%S)" "$*"; }
since() { awk -v now="$(date +%s.%N)" -v then="$1" 'BEGIN { printf "%.1f", now - then }'; }
die() { say "FAIL: $*"; exit 1; }

# The processes started here and by the caller, for the caller's EXIT trap to end (stop_started).
started_pids=()

# stop_started: ends every process in started_pids, and waits for them.
stop_started() {
  local pid
  for pid in "${started_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}

# need_x11_tools [TOOL...]: dies naming the packages when Xvfb, xdotool, ImageMagick, GTK for
# Python or one of the extra TOOLs is missing.
need_x11_tools() {
  local tool
  for tool in Xvfb xdpyinfo xdotool import md5sum java awk "$@"; do
    command -v "$tool" >/dev/null \
      || die "$tool is missing (apt-get install xvfb x11-utils xdotool imagemagick, and a JDK 17+)"
  done
  /usr/bin/python3 -c 'import gi; gi.require_version("Gtk", "3.0"); from gi.repository import Gtk' 2>/dev/null \
    || die "GTK for Python is missing (apt-get install python3-gi gir1.2-gtk-3.0)"
}

# start_xvfb WORK WIDTHxHEIGHT: starts Xvfb with one screen of that size and exports DISPLAY; sets
# xvfb_pid. The display is XVFB_DISPLAY (a number) when set, else the first free one (-displayfd).
start_xvfb() {
  local work=$1 size=$2
  rm -f "$work/display"
  if [ -n "${XVFB_DISPLAY:-}" ]; then
    Xvfb ":$XVFB_DISPLAY" -screen 0 "${size}x24" -nolisten tcp >"$work/xvfb.log" 2>&1 &
    echo "$XVFB_DISPLAY" >"$work/display"
  else
    # -displayfd: Xvfb takes the first free display number and tells us which
    Xvfb -displayfd 3 -screen 0 "${size}x24" -nolisten tcp 3>"$work/display" >"$work/xvfb.log" 2>&1 &
  fi
  xvfb_pid=$!
  started_pids+=("$xvfb_pid")
  for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.1; done
  [ -s "$work/display" ] || die "Xvfb did not start: $(cat "$work/xvfb.log")"
  DISPLAY=:$(head -n 1 "$work/display")
  export DISPLAY
  for _ in $(seq 100); do
    xdpyinfo >/dev/null 2>&1 && return 0
    kill -0 "$xvfb_pid" 2>/dev/null || die "Xvfb did not start on $DISPLAY: $(cat "$work/xvfb.log")"
    sleep 0.1
  done
  die "cannot reach Xvfb on $DISPLAY"
}

# stop_xvfb: ends the Xvfb start_xvfb started.
stop_xvfb() {
  kill "$xvfb_pid" 2>/dev/null || true
  wait "$xvfb_pid" 2>/dev/null || true
}

# wait_for_window TITLE PID OUTPUT: waits up to 30 s for a window titled exactly TITLE while the
# process PID runs (OUTPUT is its output, shown when it exits first); sets WINDOW and its place and
# size WX WY WW WH.
wait_for_window() {
  local title=$1 app=$2 output=$3
  WINDOW=""
  for _ in $(seq 300); do
    WINDOW=$(xdotool search --onlyvisible --name "^$title\$" 2>/dev/null | head -n 1 || true)
    [ -n "$WINDOW" ] && break
    kill -0 "$app" 2>/dev/null || { cat "$output"; die "the application exited before its window opened"; }
    sleep 0.1
  done
  [ -n "$WINDOW" ] || die "no window titled \"$title\" after 30 s"
  local X Y WIDTH HEIGHT SCREEN
  eval "$(xdotool getwindowgeometry --shell "$WINDOW")"
  : "$SCREEN"
  # shellcheck disable=SC2034 # for the caller
  WX=$X WY=$Y WW=$WIDTH WH=$HEIGHT
}

# drag_folder WORK SOURCE_X SOURCE_Y TARGET_X TARGET_Y PATH...: shows a GTK drag source offering
# the PATHs as text/uri-list (scripts/drag_source.py) with its top left corner at SOURCE, presses on
# it, moves in steps to TARGET (GTK starts a drag past a threshold) and releases there, as a user
# dragging from a file manager would. Dies when the drop target never asked for the data; closes the
# drag source once it has sent them. The drag source's output is WORK/drag.log.
drag_folder() {
  local work=$1 sx=$2 sy=$3 tx=$4 ty=$5 source
  shift 5
  /usr/bin/python3 "$ROOT/scripts/drag_source.py" --x "$sx" --y "$sy" "$@" >"$work/drag.log" 2>&1 &
  source=$!
  started_pids+=("$source")
  for _ in $(seq 100); do grep -q '^ready' "$work/drag.log" && break; sleep 0.1; done
  read -r _ sx sy < <(grep -m1 '^ready' "$work/drag.log") || die "the drag source did not show: $(cat "$work/drag.log")"
  xdotool mousemove "$sx" "$sy"
  sleep 0.3
  xdotool mousedown 1
  for i in $(seq 1 20); do
    xdotool mousemove $((sx + (tx - sx) * i / 20)) $((sy + (ty - sy) * i / 20))
    sleep 0.05
  done
  sleep 0.5
  xdotool mouseup 1
  for _ in $(seq 50); do grep -q '^sent' "$work/drag.log" && break; sleep 0.1; done
  grep -q '^sent' "$work/drag.log" || die "the window never asked the drag source for its data (no drop)"
  for _ in $(seq 30); do grep -q '^drag ended' "$work/drag.log" && break; sleep 0.1; done
  kill "$source" 2>/dev/null || true
}
