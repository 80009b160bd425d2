#!/usr/bin/env bash
# Starts Cloudinary's stand-in on loopback, to try `serve` and `sync` by hand without an account:
# wiremock-standalone (from the local Maven repository) with the FakeCloudinary extension from the
# test classes and the mapping in src/test/resources/cloudinary-stand-in. Prints the CLOUDINARY_URL
# to use. Its request journal: curl http://127.0.0.1:PORT/__admin/requests
#
#   scripts/cloudinary-stand-in.sh [PORT]      (default 8089; Ctrl-C stops)
#   FAKE_UPLOAD_DELAY_MS=300 scripts/cloudinary-stand-in.sh   (every upload takes that long)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${1:-8089}"
VERSION="$(sed -n 's:.*<wiremock.version>\(.*\)</wiremock.version>.*:\1:p' pom.xml)"
REPO="${MAVEN_REPO:-$HOME/.m2/repository}"
JAR="$REPO/org/wiremock/wiremock-standalone/$VERSION/wiremock-standalone-$VERSION.jar"
if [ ! -f "$JAR" ] || [ ! -f target/test-classes/org/imageorganizer/testing/FakeCloudinary.class ]; then
  ./mvnw -B -q test-compile
fi
HOSTPORT="127.0.0.1:$PORT"
echo "CLOUDINARY_URL='cloudinary://123456789012345:stand-in-secret-abcdefghijklmnop@demo?upload_prefix=http://$HOSTPORT&secure=false&cname=$HOSTPORT'"
exec java -Dfake.cloudinary.upload.delay.ms="${FAKE_UPLOAD_DELAY_MS:-0}" \
  -cp "$JAR:target/test-classes" wiremock.Run \
  --port "$PORT" --bind-address 127.0.0.1 --container-threads 40 --disable-banner \
  --root-dir src/test/resources/cloudinary-stand-in \
  --extensions org.imageorganizer.testing.FakeCloudinary
