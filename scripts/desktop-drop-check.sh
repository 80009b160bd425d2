#!/usr/bin/env bash
# The desktop window's "done" check, for real, under Xvfb: opens the window, drops a folder of photos
# on it from a GTK drag source (text/uri-list, as a file manager offers it) moved by xdotool, waits for
# the import, checks the library from a second process, opens the problems panel, starts the REST
# server from Server → Web Access… and asks it /health, then quits. Screenshots go to OUT.
#
#   ./mvnw -B package -DskipTests            # builds target/image-organizer.jar; this script builds nothing
#   scripts/desktop-drop-check.sh [FOLDER]
#
# FOLDER is dropped as it is. Without it, the script makes one in a temporary folder: 20 photos from
# BENCH_PHOTOS (default /tmp/bench-photos, made by scripts/make_bench_photos.py, or /work/bench-photos)
# plus two broken files (text named .jpg, a truncated JPEG), and expects exactly 20 imported, 2 refused.
#
# Environment: OUT (screenshots, default target/desktop-drop-check), MODEL_DIR (default the tiny test
# model), PORT (the server port written to the temporary settings, default 8080), PHOTOS (how many
# photos the default folder gets, default 20), KEEP=1 (keep the temporary folder, which is kept anyway
# when the check fails), XVFB_DISPLAY (a display number for Xvfb; default the first free one). The Xvfb,
# window and drag pieces are in scripts/xvfb-window.sh, shared with scripts/window-screenshots.sh.
#
# Needs Debian's xvfb, xdotool, imagemagick, curl, python3-gi and gir1.2-gtk-3.0, and a JDK 17+. No
# window manager is needed: GTK and JavaFX speak XDND between themselves.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

JAR=$ROOT/target/image-organizer.jar
OUT=${OUT:-$ROOT/target/desktop-drop-check}
MODEL_DIR=${MODEL_DIR:-$ROOT/src/test/resources/models/tiny-clip}
PORT=${PORT:-8080}
if [ -z "${BENCH_PHOTOS:-}" ]; then
  for candidate in /tmp/bench-photos /work/bench-photos; do
    if [ -d "$candidate" ]; then BENCH_PHOTOS=$candidate; break; fi
  done
fi
BENCH_PHOTOS=${BENCH_PHOTOS:-/tmp/bench-photos}
PHOTOS=${PHOTOS:-20}
TITLE="AI Image Organizer"

# say, since, die, start_xvfb, wait_for_window, drag_folder, started_pids: shared with window-screenshots.sh
# shellcheck source=scripts/xvfb-window.sh
. "$ROOT/scripts/xvfb-window.sh"

[ -f "$JAR" ] || die "no $JAR: build it first with ./mvnw -B package -DskipTests"
need_x11_tools curl

WORK=$(mktemp -d /tmp/desktop-drop-check.XXXXXX)
HOME_DIR=$WORK/home
LOG=$HOME_DIR/logs/image-organizer.log
# shellcheck disable=SC2317 # called by the EXIT trap
cleanup() {
  local rc=$?
  stop_started
  if [ "$rc" -eq 0 ] && [ "${KEEP:-0}" != 1 ]; then
    rm -rf "$WORK"
  else
    say "Kept $WORK (the window's log is $LOG)"
  fi
}
trap cleanup EXIT

# --- the folder to drop -------------------------------------------------------------------------
expected_imported=""
expected_failed=""
if [ $# -ge 1 ]; then
  FOLDER=$(cd "$1" && pwd)
else
  [ -d "$BENCH_PHOTOS" ] || die "no folder given and no $BENCH_PHOTOS: pass a folder of photos"
  FOLDER="$WORK/photos/My Holiday"
  mkdir -p "$FOLDER"
  mapfile -t photos < <(find "$BENCH_PHOTOS" -maxdepth 1 -type f -iname '*.jpg' | sort)
  [ "${#photos[@]}" -gt 0 ] || die "no JPEG photos in $BENCH_PHOTOS"
  cp "${photos[@]:0:$PHOTOS}" "$FOLDER/"
  count=$(find "$FOLDER" -type f | wc -l)
  echo "These are my holiday notes, not a photo." >"$FOLDER/notes.jpg"
  head -c "$(( $(stat -c %s "${photos[0]}") / 3 ))" "${photos[0]}" >"$FOLDER/cut-off.jpg"
  expected_imported=$count
  expected_failed=2
fi
files=$(find "$FOLDER" -type f | wc -l)
say "Dropping $FOLDER ($files files)"

mkdir -p "$OUT" "$HOME_DIR/config"
rm -f "$OUT"/*.png
printf '{ "server_port": %d }\n' "$PORT" >"$HOME_DIR/config/settings.json"
if curl -s -m 2 -o /dev/null "http://127.0.0.1:$PORT/"; then
  die "port $PORT is taken already; set PORT to a free one"
fi

# --- display, window, drag source ---------------------------------------------------------------
start_xvfb "$WORK" 1600x1000
say "Xvfb on $DISPLAY"

started=$(date +%s.%N)
IMAGE_ORGANIZER_HOME=$HOME_DIR IMAGE_ORGANIZER_MODEL_DIR=$MODEL_DIR java -jar "$JAR" >"$WORK/app.out" 2>&1 &
app=$!
started_pids+=("$app")
wait_for_window "$TITLE" "$app" "$WORK/app.out"
window=$WINDOW
sleep 1 # first layout
say "Window $window at ${WX},${WY}, ${WW}x${WH}, open after $(since "$started") s"
import -window root "$OUT/1-empty.png"

# --- the drop: from a drag source below the window onto the grid ---------------------------------
TX=$((WX + WW * 6 / 10)) TY=$((WY + WH / 2))
drag_folder "$WORK" 10 870 "$TX" "$TY" "$FOLDER"
dropped=$(date +%s.%N)
say "Dropped on ${TX},${TY}"

# --- during the import: screenshots until the log says it finished -------------------------------
shot=0
for _ in $(seq 3000); do
  if grep -q 'Import finished' "$LOG" 2>/dev/null; then break; fi
  if [ "$shot" -lt 30 ]; then
    shot=$((shot + 1))
    import -window root "$OUT/2-during-$(printf %02d "$shot").png"
  fi
  sleep 0.2
done
finished=$(grep -m1 'Import finished' "$LOG" 2>/dev/null) || die "the import did not finish in 10 minutes (see $LOG)"
seconds=$(since "$dropped")
say "$finished"
imported=$(sed -E 's/.*finished: ([0-9]+) imported.*/\1/' <<<"$finished")
failed=$(sed -E 's/.* ([0-9]+) failed.*/\1/' <<<"$finished")
say "Import: $imported imported, $failed refused, within $seconds s of the drop (model loading included)"
sleep 3 # thumbnails, the tree's last refresh

# --- the library, read by a second process while the window holds it (H2 AUTO_SERVER) -------------
in_library=$(IMAGE_ORGANIZER_HOME=$HOME_DIR java -jar "$JAR" list --json 2>/dev/null | grep -c '"path" : ' || true)
from_folder=$(IMAGE_ORGANIZER_HOME=$HOME_DIR java -jar "$JAR" list --json 2>/dev/null | grep -cF "\"path\" : \"$FOLDER/" || true)
thumbnails=$(find "$HOME_DIR/cache/thumbnails" -type f 2>/dev/null | wc -l)
say "Library: $in_library images, $from_folder of them from the dropped folder; $thumbnails thumbnails cached"

# --- tree: select All photos, expand the largest object and its largest background ----------------
xdotool windowfocus --sync "$window"
xdotool mousemove $((WX + 80)) $((WY + 77)) click 1
sleep 0.3
for key in Down Right Down Right Up Up; do xdotool key "$key"; sleep 0.2; done
xdotool mousemove 1590 990 # no tooltip in the picture
sleep 1
import -window root "$OUT/3-imported.png"
import -window "$window" "$OUT/window.png"

# --- problems panel: click the Problems button (bottom right); it keeps the focus, so Space closes it again
xdotool mousemove $((WX + WW - 64)) $((WY + WH - 19)) click 1
sleep 1
import -window root "$OUT/4-problems.png"
xdotool key space
sleep 0.5

# --- Server → Web Access…, with the mouse: the menu bar's "Server" (after File, Edit, View, Settings) is
# 253 px from the window's left edge, its first item 28 px below (measured on a screenshot; DejaVu Sans,
# JavaFX 21's default here); in the dialog, Enter presses Start (its default button), with the pointer over it
server_menu() { xdotool mousemove $((WX + 253)) $((WY + 14)) click 1; sleep 0.7; }
server_menu
import -window root "$OUT/5-server-menu.png"
xdotool mousemove $((WX + 313)) $((WY + 42)) click 1
dialog=""
for _ in $(seq 40); do
  dialog=$(xdotool search --name '^Web Access$' 2>/dev/null | head -1 || true)
  [ -n "$dialog" ] && break
  sleep 0.5
done
[ -n "$dialog" ] || die "Server → Web Access… opened no dialog"
sleep 1
eval "$(xdotool getwindowgeometry --shell "$dialog" | sed 's/^/D/')"
xdotool mousemove $((DX + 20)) $((DY + 20))
xdotool key Return
health=""
for _ in $(seq 120); do
  health=$(curl -s -m 2 "http://127.0.0.1:$PORT/health" || true)
  [ -n "$health" ] && break
  sleep 0.5
done
[ -n "$health" ] || die "the server did not answer on port $PORT"
say "GET http://127.0.0.1:$PORT/health: $health"
sleep 1
import -window root "$OUT/6-web-access-on.png"
xdotool key Escape # Close: the server keeps running until the window quits
sleep 0.3

# --- quit (Ctrl+Q) and read the library again -----------------------------------------------------
xdotool key ctrl+q
for _ in $(seq 150); do kill -0 "$app" 2>/dev/null || break; sleep 0.2; done
kill -0 "$app" 2>/dev/null && die "the window did not close on Ctrl+Q"
after=$(IMAGE_ORGANIZER_HOME=$HOME_DIR java -jar "$JAR" list --json 2>/dev/null | grep -c '"path" : ' || true)
say "After quitting: $after images in the library"

# --- verdict ------------------------------------------------------------------------------------
status=0
check() { if eval "$2"; then say "ok    $1"; else say "FAIL  $1"; status=1; fi; }
# each check is a test in single quotes, evaluated by check()
# shellcheck disable=SC2016
{
  check "photos imported ($imported)" '[ "$imported" -gt 0 ]'
  [ -n "$expected_imported" ] && check "all $expected_imported photos imported" '[ "$imported" -eq "$expected_imported" ]'
  [ -n "$expected_failed" ] && check "$expected_failed broken files refused" '[ "$failed" -eq "$expected_failed" ]'
  check "the library holds them ($from_folder from the folder)" '[ "$from_folder" -eq "$imported" ]'
  check "they are still there after quitting ($after)" '[ "$after" -eq "$in_library" ]'
  check "thumbnails cached ($thumbnails)" '[ "$thumbnails" -gt 0 ]'
  check "/health says ok" 'grep -q "\"status\":\"ok\"" <<<"$health"'
  check "/health counts the images" 'grep -q "\"image_count\":$in_library" <<<"$health"'
}
say "Screenshots in $OUT"
exit $status
