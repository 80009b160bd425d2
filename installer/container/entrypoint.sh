#!/bin/sh
# Entry point of the container image (see the top-level Dockerfile), installed beside the launcher as
# /opt/image-organizer/bin/container-entrypoint. Before `serve`, it fetches the CLIP model into the
# cache folder ($IMAGE_ORGANIZER_HOME/cache/models, on the data volume) when neither the image nor the
# volume has it and IMAGE_ORGANIZER_MODEL_DIR names no model; then it runs image-organizer-cli with the
# container's command (default: serve) in its place, so the server gets SIGTERM and its exit code is the
# container's.
set -eu

bin=$(dirname -- "$0")
home=${IMAGE_ORGANIZER_HOME:-/var/lib/image-organizer}
models="$home/cache/models"

has_model() {
  [ -d "$models" ] && [ -n "$(find "$models" -mindepth 1 -maxdepth 1 -type d -print 2>/dev/null | head -n 1)" ]
}

if [ "${1:-}" = serve ] && [ -z "${IMAGE_ORGANIZER_MODEL_DIR:-}" ] && ! has_model; then
  echo "First start: fetching the CLIP model into $models (once; keep $home on a volume)." >&2
  "$bin/image-organizer-cli" download-model
fi

exec "$bin/image-organizer-cli" "$@"
