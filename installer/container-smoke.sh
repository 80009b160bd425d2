#!/usr/bin/env bash
# Builds the container image from the top-level Dockerfile, starts it and checks that it answers /health,
# that Docker's HEALTHCHECK reports it healthy, that it runs as a non-root user and carries no JavaFX.
# For a person on a machine with Docker (the development machines cannot run containers).
#
#   installer/container-smoke.sh                  # with the tiny test model mounted: no model download
#   installer/container-smoke.sh --real-model     # the container fetches the CLIP model at first start
#
# Environment: SMOKE_PORT (default 18089) is the host port, on 127.0.0.1 only; SMOKE_IMAGE the tag.
set -euo pipefail
cd "$(dirname "$0")/.."

image=${SMOKE_IMAGE:-image-organizer:smoke}
port=${SMOKE_PORT:-18089}
real_model=false
case "${1:-}" in
  --real-model) real_model=true ;;
  "") ;;
  *) echo "usage: $0 [--real-model]" >&2; exit 2 ;;
esac

docker build -t "$image" .

key=$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')
run=(docker run -d -p "127.0.0.1:$port:8080" -e "IMAGE_ORGANIZER_API_KEY=$key")
if ! $real_model; then
  run+=(-v "$PWD/src/test/resources/models/tiny-clip:/model:ro" -e IMAGE_ORGANIZER_MODEL_DIR=/model)
fi
container=$("${run[@]}" "$image")
trap 'docker rm -f "$container" >/dev/null' EXIT

echo "Waiting for http://127.0.0.1:$port/health ..."
deadline=$((SECONDS + 900))
until health=$(curl -fsS "http://127.0.0.1:$port/health" 2>/dev/null); do
  if [ "$(docker inspect -f '{{.State.Running}}' "$container")" != true ] || [ $SECONDS -gt "$deadline" ]; then
    docker logs "$container" >&2 || true
    echo "FAIL: the container did not answer /health" >&2
    exit 1
  fi
  sleep 2
done
echo "/health: $health"
grep -q '"status":"ok"' <<<"$health" || { echo "FAIL: /health is not ok" >&2; exit 1; }

status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/images")
[ "$status" = 401 ] || { echo "FAIL: /images without the API key answered $status, not 401" >&2; exit 1; }
status=$(curl -s -o /dev/null -w '%{http_code}' -H "X-API-Key: $key" "http://127.0.0.1:$port/images")
[ "$status" = 200 ] || { echo "FAIL: /images with the API key answered $status, not 200" >&2; exit 1; }

uid=$(docker exec "$container" id -u)
[ "$uid" != 0 ] || { echo "FAIL: the server runs as root" >&2; exit 1; }
if docker exec "$container" sh -c 'ls /opt/image-organizer/lib' | grep -q -i javafx; then
  echo "FAIL: the image carries JavaFX" >&2
  exit 1
fi

echo "Waiting for Docker's health check ..."
deadline=$((SECONDS + 120))
until [ "$(docker inspect -f '{{.State.Health.Status}}' "$container")" = healthy ]; do
  [ $SECONDS -le "$deadline" ] || { echo "FAIL: the HEALTHCHECK never reported healthy" >&2; exit 1; }
  sleep 5
done

docker stop -t 60 "$container" >/dev/null
code=$(docker inspect -f '{{.State.ExitCode}}' "$container")
[ "$code" = 0 ] || [ "$code" = 143 ] || { echo "FAIL: the server exited with $code on SIGTERM" >&2; exit 1; }
echo "PASS: $image serves /health as user $uid, answers 401 without the key, is healthy, stops with exit code $code."
