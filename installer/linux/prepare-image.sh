#!/usr/bin/env bash
# Adds the headless server's files to the Linux app image (installer/package.sh calls it between
# the app image and the package): they land in /opt/image-organizer/lib/server/, where the
# package's postinst and prerm (jpackage/linux/resources/) run server-setup.sh. The class-data
# archive's script (ADR 0030) goes to /opt/image-organizer/lib/, run by the same scripts.
set -euo pipefail
image=$1
here=$(cd "$(dirname "$0")" && pwd)
install -d "$image/lib/server"
install -m 0644 "$here/image-organizer-server.service" "$here/server.env" "$image/lib/server/"
install -m 0755 "$here/server-setup.sh" "$image/lib/server/"
install -m 0755 "$here/cds-archive.sh" "$image/lib/"
