#!/usr/bin/env bash
# Screenshots of the desktop window and the web page, for real, under Xvfb: each screen size in light and
# dark (IMAGE_ORGANIZER_THEME), into OUT/<size>-<theme>/:
#
#   first-run.png          the window started by a new user, without a model
#   after-drop.png         a new library once a folder of dated photos, dropped from a drag source, is imported
#   grid-by-date.png       the grid of those photos (newest first, with month headers), scrolled a little
#   viewer-fullscreen.png  a photo opened (Enter, else a double-click), full screen (F11)
#   viewer-zoomed.png      the same photo at 1:1 (0), else zoomed in (+)
#   selection-menu.png     three photos selected (a click, then Shift+Right twice) and their context menu
#   empty-filter.png       the sidebar's filter and a word nothing matches
#   settings.png           Settings (Ctrl+, else the Settings menu's last item)
#   web-390.png, web-1400.png  the same library served (`serve`), in Chromium 390 and 1400 px wide
#
#   ./mvnw -B package -DskipTests            # builds target/image-organizer.jar; this script builds nothing
#   scripts/window-screenshots.sh [SIZE...]  # default: 1280x720 1920x1080
#
# A step the window cannot do yet (a key it does not have) is logged in a line starting with "skip" and
# the script goes on; the lines are collected in OUT/steps.txt. The script fails only when the window or
# the server cannot start at all (or a tool is missing).
#
# The photos are painted by scripts/make_dated_photos.py (EXIF dates over five months, three cameras).
# The model is MODEL_DIR (default /tmp/bench-model, made there by scripts/make_bench_model.py when it is
# missing: random weights, so the categories are meaningless, but the size and speed of the real one).
#
# Environment: OUT (default target/window-screenshots), THEMES (default "light dark"), MODEL_DIR, PHOTOS
# (how many photos, default 24), XVFB_DISPLAY (a display number for Xvfb; default the first free one),
# KEEP=1 (keep the temporary folder with the logs), DOCS=1 (also write the README's pictures into
# docs/screenshots, from the 1280x720 runs: window-after-drop, window-selection-dark, web-phone-dark).
# Each window is placed at 0,0 filling the screen through its window state file; there is no window
# manager, so there are no title bars.
#
# Needs Debian's xvfb, x11-utils, xdotool, imagemagick, python3-gi, gir1.2-gtk-3.0 and python3-pil,
# chromium for the web page (skipped without it), python3-torch for the model, and a JDK 17+.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

# say, since, die, start_xvfb, wait_for_window, drag_folder, started_pids: shared with desktop-drop-check.sh
# shellcheck source=scripts/xvfb-window.sh
. "$ROOT/scripts/xvfb-window.sh"

JAR=$ROOT/target/image-organizer.jar
OUT=${OUT:-$ROOT/target/window-screenshots}
MODEL_DIR=${MODEL_DIR:-/tmp/bench-model}
PHOTOS=${PHOTOS:-24}
THEMES=${THEMES:-light dark}
TITLE="AI Image Organizer"
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1280x720 1920x1080)

[ -f "$JAR" ] || die "no $JAR: build it first with ./mvnw -B package -DskipTests"
need_x11_tools comm
/usr/bin/python3 -c 'import PIL' 2>/dev/null || die "Pillow is missing (apt-get install python3-pil)"
for size in "${SIZES[@]}"; do
  [[ $size =~ ^[0-9]+x[0-9]+$ ]] || die "not a screen size: $size (WIDTHxHEIGHT, say 1280x720)"
done

WORK=$(mktemp -d /tmp/window-screenshots.XXXXXX)
# shellcheck disable=SC2317 # called by the EXIT trap
cleanup() {
  local rc=$?
  stop_started
  if [ "$rc" -eq 0 ] && [ "${KEEP:-0}" != 1 ]; then rm -rf "$WORK"; else say "Kept $WORK"; fi
}
trap cleanup EXIT

mkdir -p "$OUT"
STEPS=$OUT/steps.txt
: >"$STEPS"
skip() { say "skip  $*"; printf '%s: %s\n' "$RUN" "$*" >>"$STEPS"; }

# --- what every run shares: the model and the photos --------------------------------------------------
if [ ! -f "$MODEL_DIR/manifest.json" ]; then
  say "No model in $MODEL_DIR: making the bench model there (about 500 MB, a few minutes)"
  /usr/bin/python3 "$ROOT/scripts/make_bench_model.py" "$MODEL_DIR" >"$WORK/make-model.log" 2>&1 \
    || die "could not make the model in $MODEL_DIR (python3-torch and python3-torchvision are needed): $(tail -n 3 "$WORK/make-model.log")"
fi
FOLDER="$WORK/photos/Spring and Summer 2024"
/usr/bin/python3 "$ROOT/scripts/make_dated_photos.py" "$FOLDER" --count "$PHOTOS" >/dev/null
say "Model $MODEL_DIR; $PHOTOS photos in $FOLDER"

# --- small waits and checks ---------------------------------------------------------------------------
# wait_for_log PATTERN SECONDS: whether the window's log shows PATTERN within SECONDS
wait_for_log() {
  local tries=$(($2 * 5))
  for _ in $(seq "$tries"); do
    grep -q "$1" "$LOG" 2>/dev/null && return 0
    sleep 0.2
  done
  return 1
}

# visible_windows: the ids of the visible top-level windows with a title, one a line
visible_windows() { xdotool search --onlyvisible --name '.' 2>/dev/null | sort || true; }

# wait_for_new_window BEFORE SECONDS: sets NEW_WINDOW to a visible window not in BEFORE (a list from
# visible_windows) that shows within SECONDS, or to nothing
wait_for_new_window() {
  local tries=$(($2 * 10))
  NEW_WINDOW=""
  for _ in $(seq "$tries"); do
    NEW_WINDOW=$(comm -13 <(sort <<<"$1") <(visible_windows) | head -n 1)
    [ -n "$NEW_WINDOW" ] && return 0
    sleep 0.1
  done
  return 1
}

# screen_hash: a checksum of the screen's pixels (cheaper than a PNG and a compare)
screen_hash() { import -window root -depth 8 rgb:- 2>/dev/null | md5sum | cut -d ' ' -f 1; }

# settle: waits until the screen stops changing (alike twice 0.4 s apart), at most 6 s; sets SETTLED to
# the screen's checksum
settle() {
  local next
  SETTLED=$(screen_hash)
  for _ in $(seq 15); do
    sleep 0.4
    next=$(screen_hash)
    [ "$next" = "$SETTLED" ] && return 0
    SETTLED=$next
  done
}

# changes_from CHECKSUM SECONDS: whether the screen stops being the one with that checksum within SECONDS
changes_from() {
  local tries=$(($2 * 5))
  for _ in $(seq "$tries"); do
    [ "$(screen_hash)" != "$1" ] && return 0
    sleep 0.2
  done
  return 1
}

# focus_main: the keyboard to the main window (without a window manager nobody else gives it back)
focus_main() { xdotool windowfocus --sync "$WINDOW" 2>/dev/null || true; }

# shot NAME: the whole screen, once it has settled, as RUN_DIR/NAME
shot() {
  xdotool mousemove "$PARK_X" "$PARK_Y"
  settle
  import -window root "$RUN_DIR/$1"
  say "      $1"
}

# start_window HOME [ENV_ARGUMENT...]: the window for a new user whose files are all under HOME, placed at
# 0,0 filling the screen, with env(1)'s ARGUMENTs (-u NAME, NAME=VALUE); sets APP, LOG, WINDOW WX WY WW WH
start_window() {
  local home=$1
  shift
  mkdir -p "$home/config"
  printf '{ "x": 0, "y": 0, "width": %d, "height": %d, "maximized": false, "divider": 0.22 }\n' \
    "$SCREEN_W" "$SCREEN_H" >"$home/config/window.json"
  LOG=$home/logs/image-organizer.log
  env "$@" IMAGE_ORGANIZER_HOME="$home" IMAGE_ORGANIZER_THEME="$THEME" java -jar "$JAR" >"$home.out" 2>&1 &
  APP=$!
  started_pids+=("$APP")
  wait_for_window "$TITLE" "$APP" "$home.out"
  wait_for_log 'Window showed' 60 || skip "the log never said the window showed the library (see $LOG)"
  focus_main
}

# stop_window: Ctrl+Q, and the process ended if it does not quit within 30 s
stop_window() {
  focus_main
  xdotool key ctrl+q
  for _ in $(seq 150); do kill -0 "$APP" 2>/dev/null || break; sleep 0.2; done
  if kill -0 "$APP" 2>/dev/null; then
    skip "the window did not quit on Ctrl+Q; ended it"
    kill "$APP" 2>/dev/null || true
  fi
  wait "$APP" 2>/dev/null || true
}

# close_dialog WINDOW: Escape until it has gone (at most three), else says so
close_dialog() {
  for _ in 1 2 3; do
    xdotool search --onlyvisible --name '.' 2>/dev/null | grep -qx "$1" || return 0
    xdotool windowfocus --sync "$1" 2>/dev/null || true
    xdotool key Escape
    sleep 0.5
  done
  xdotool search --onlyvisible --name '.' 2>/dev/null | grep -qx "$1" && skip "Escape does not close the window \"$(xdotool getwindowname "$1")\""
  return 0
}

# --- 1. first run: a new user, no model -----------------------------------------------------------------
first_run() {
  local before
  before=$(visible_windows)
  start_window "$RUN_WORK/first-run" -u IMAGE_ORGANIZER_MODEL_DIR
  # the first-run dialog, when the window has one, shows once the library is open
  if ! wait_for_new_window "$before"$'\n'"$WINDOW" 8; then
    skip "first-run.png: no dialog on a first start without a model (the window as it is)"
  fi
  shot first-run.png
  kill "$APP" 2>/dev/null || true
  wait "$APP" 2>/dev/null || true
}

# --- 2.-7. a library: the drop, the grid, the viewer, a selection, the filter, Settings ----------------
library_run() {
  local home=$RUN_WORK/library before viewer grid_x card_y grid_hash started finished
  mkdir -p "$home/config"
  # one view per photo: the import takes half the time; nothing on the screen depends on it
  printf '{ "tta_views": 1 }\n' >"$home/config/settings.json"
  start_window "$home" IMAGE_ORGANIZER_MODEL_DIR="$MODEL_DIR"
  grid_x=$((WX + WW * 22 / 100)) card_y=$((WY + 175))

  # 2. the drop, from a drag source at the bottom left onto the middle of the window
  drag_folder "$RUN_WORK" 10 $((WY + WH - 140)) $((WX + WW * 6 / 10)) $((WY + WH / 2)) "$FOLDER"
  started=$(date +%s.%N)
  if wait_for_log 'Import finished' 600; then
    finished=$(grep -m1 'Import finished' "$LOG")
    say "      ${finished#*ImportPipeline - } ($(since "$started") s after the drop)"
  else
    skip "after-drop.png: the import did not finish in 10 minutes (see $LOG)"
  fi
  wait_for_thumbnails "$home/cache/thumbnails"
  shot after-drop.png

  # 3. the grid by date: a little further down, where the older months start
  xdotool mousemove $((grid_x + 200)) $((WY + WH / 2))
  xdotool click 5 click 5 click 5
  shot grid-by-date.png
  xdotool mousemove $((grid_x + 200)) $((WY + WH / 2)) click 4 click 4 click 4

  # 4. the viewer: the first photo, Enter (or a double-click), F11, then 0 (or +); in a window of its own,
  # or in the main window when no window shows but the screen changes
  before=$(visible_windows)
  focus_main
  xdotool mousemove $((grid_x + 70)) "$card_y" click 1 mousemove "$PARK_X" "$PARK_Y"
  settle
  grid_hash=$SETTLED
  viewer=""
  if opens_viewer key Return; then
    viewer=$NEW_WINDOW
  elif opens_viewer mousemove $((grid_x + 70)) "$card_y" click --repeat 2 --delay 80 1; then
    viewer=$NEW_WINDOW
    skip "Enter does not open the photo; a double-click does"
  fi
  if [ -z "$viewer" ]; then
    skip "viewer-fullscreen.png, viewer-zoomed.png: neither Enter nor a double-click on ${grid_x},${card_y} opened a photo"
  else
    viewer_shots "$viewer"
  fi

  # 5. a selection of three and its context menu
  focus_main
  xdotool mousemove $((grid_x + 70)) "$card_y" click 1
  sleep 0.3
  xdotool key shift+Right shift+Right
  settle
  xdotool mousemove $((grid_x + 90)) $((card_y + 20)) click 3
  changes_from "$SETTLED" 5 || skip "selection-menu.png: a right-click on the selection showed no menu"
  settle
  import -window root "$RUN_DIR/selection-menu.png"
  say "      selection-menu.png"
  xdotool key Escape
  sleep 0.3
  xdotool key Escape

  # 6. the sidebar's category filter with a word nothing matches (Escape clears it again)
  focus_main
  xdotool mousemove $((WX + 60)) $((WY + 55)) click 1
  sleep 0.3
  xdotool type --delay 60 sunset
  shot empty-filter.png
  xdotool key Escape

  # 7. Settings: Ctrl+, else the Settings menu (the fourth in the menu bar), its last item
  before=$(visible_windows)
  focus_main
  xdotool key ctrl+comma
  if ! wait_for_new_window "$before" 3; then
    xdotool mousemove $((WX + 185)) $((WY + 14)) click 1
    sleep 0.7
    xdotool key Up Return
    wait_for_new_window "$before" 5 && skip "Ctrl+, does not open Settings; the Settings menu does"
  fi
  if [ -n "$NEW_WINDOW" ]; then
    shot settings.png
    close_dialog "$NEW_WINDOW"
  else
    skip "settings.png: neither Ctrl+, nor the Settings menu opened Settings"
  fi
  stop_window
}

# wait_for_thumbnails DIR: until the thumbnail cache stops growing (1.5 s alike), at most 20 s
wait_for_thumbnails() {
  local last=-1 count stable=0
  for _ in $(seq 40); do
    count=$(find "$1" -type f 2>/dev/null | wc -l)
    if [ "$count" -eq "$last" ] && [ "$count" -gt 0 ]; then
      stable=$((stable + 1))
      [ "$stable" -ge 3 ] && return 0
    else
      stable=0
    fi
    last=$count
    sleep 0.5
  done
}

# opens_viewer XDOTOOL_COMMAND...: whether the command opened the viewer: a new window (NEW_WINDOW), or
# else a change of the screen from grid_hash (NEW_WINDOW is then the main window)
opens_viewer() {
  xdotool "$@"
  wait_for_new_window "$before" 5 && return 0
  xdotool mousemove "$PARK_X" "$PARK_Y"
  settle
  [ "$SETTLED" = "$grid_hash" ] && return 1
  NEW_WINDOW=$WINDOW
}

# viewer_shots WINDOW: full screen (F11), then 1:1 (0) or zoomed in (+), then closed
viewer_shots() {
  local viewer=$1 full_screen X Y WIDTH HEIGHT SCREEN WINDOW
  xdotool windowfocus --sync "$viewer" 2>/dev/null || true
  settle
  xdotool key F11
  for _ in $(seq 25); do
    eval "$(xdotool getwindowgeometry --shell "$viewer")"
    [ "$WIDTH" -eq "$SCREEN_W" ] && [ "$HEIGHT" -eq "$SCREEN_H" ] && break
    sleep 0.2
  done
  : "$X$Y$SCREEN$WINDOW"
  if [ "$WIDTH" -ne "$SCREEN_W" ] || [ "$HEIGHT" -ne "$SCREEN_H" ]; then
    # Xvfb has no window manager to honour a full-screen request: do its part (the viewer is in its
    # full-screen mode already; the window tests check that the stage is full screen)
    say "      no window manager: the full-screen viewer moved to 0,0 and sized to the screen by xdotool"
    xdotool windowmove --sync "$viewer" 0 0 windowsize --sync "$viewer" "$SCREEN_W" "$SCREEN_H" 2>/dev/null || true
    sleep 0.5
  fi
  PARK_X=$((SCREEN_W - 2)) PARK_Y=$((SCREEN_H / 2)) shot viewer-fullscreen.png
  full_screen=$SETTLED
  xdotool key 0
  if ! changes_from "$full_screen" 3; then
    xdotool key plus plus
    if ! changes_from "$full_screen" 3; then
      skip "viewer-zoomed.png: neither 0 nor + changed the viewer"
    else
      skip "0 does not show the photo at 1:1; + zooms in"
    fi
  fi
  PARK_X=$((SCREEN_W - 2)) PARK_Y=$((SCREEN_H / 2)) shot viewer-zoomed.png
  if [ "$viewer" = "$WINDOW" ]; then
    xdotool key Escape
    sleep 0.5
    xdotool key Escape
  else
    close_dialog "$viewer"
  fi
}

# --- 8. the web page: the same library served, in Chromium --------------------------------------------
web_run() {
  local home=$RUN_WORK/library server url browser width height dark=()
  browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
  if [ -z "$browser" ]; then
    skip "web-390.png, web-1400.png: no chromium"
    return 0
  fi
  IMAGE_ORGANIZER_HOME="$home" IMAGE_ORGANIZER_MODEL_DIR="$MODEL_DIR" java -jar "$JAR" serve --port 0 \
    >"$RUN_WORK/serve.out" 2>&1 &
  server=$!
  started_pids+=("$server")
  for _ in $(seq 600); do
    grep -q '^Serving on' "$RUN_WORK/serve.out" && break
    kill -0 "$server" 2>/dev/null || { cat "$RUN_WORK/serve.out"; die "the server exited before it served"; }
    sleep 0.2
  done
  url=$(grep -m1 -o 'http://[^ ]*' "$RUN_WORK/serve.out") || die "the server did not start in 2 minutes"
  # the page follows prefers-color-scheme: Chromium's dark mode, and Blink's setting for it (0 = dark)
  [ "$THEME" = dark ] && dark=(--force-dark-mode --blink-settings=preferredColorScheme=0)
  for width in 390 1400; do
    height=$([ "$width" -eq 390 ] && echo 844 || echo 900)
    "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$RUN_WORK/chromium" \
      "${dark[@]}" --virtual-time-budget=8000 --window-size="$width,$height" \
      --screenshot="$RUN_DIR/web-$width.png" "$url" >"$RUN_WORK/chromium-$width.log" 2>&1 \
      || skip "web-$width.png: chromium failed ($(tail -n 1 "$RUN_WORK/chromium-$width.log"))"
    [ -f "$RUN_DIR/web-$width.png" ] && say "      web-$width.png"
  done
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
}

# --- the runs: each size on its own Xvfb, each theme a new user ---------------------------------------
for size in "${SIZES[@]}"; do
  SCREEN_W=${size%x*} SCREEN_H=${size#*x}
  PARK_X=$((SCREEN_W - 20)) PARK_Y=10 # the menu bar's empty end: no hover, no tooltip
  start_xvfb "$WORK" "$size"
  say "Xvfb on $DISPLAY, $size"
  for THEME in $THEMES; do
    RUN=$size-$THEME
    RUN_DIR=$OUT/$RUN RUN_WORK=$WORK/$RUN
    mkdir -p "$RUN_DIR" "$RUN_WORK"
    rm -f "$RUN_DIR"/*.png
    say "$RUN"
    first_run
    library_run
    web_run
  done
  stop_xvfb
done
say "Screenshots in $OUT; $(wc -l <"$STEPS") steps skipped (listed in $STEPS)"

# --- DOCS=1: the README's pictures, from the 1280x720 runs, in 256 colours (under 250 KB each) ------------
docs_shot() {
  local from=$OUT/$1 to=$ROOT/docs/screenshots/$2
  [ -f "$from" ] || { say "skip  docs/screenshots/$2: no $from"; return 0; }
  convert "$from" -dither FloydSteinberg -colors 256 -strip "PNG8:$to"
  if [ "$(stat -c %s "$to")" -gt 250000 ]; then
    convert "$from" -resize 75% -dither FloydSteinberg -colors 256 -strip "PNG8:$to"
  fi
  say "docs/screenshots/$2 ($(($(stat -c %s "$to") / 1024)) KB)"
}
if [ "${DOCS:-0}" = 1 ]; then
  mkdir -p "$ROOT/docs/screenshots"
  docs_shot 1280x720-light/after-drop.png window-after-drop.png
  docs_shot 1280x720-dark/selection-menu.png window-selection-dark.png
  docs_shot 1280x720-dark/web-390.png web-phone-dark.png
fi
