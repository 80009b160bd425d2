#!/bin/sh
# The installation's class-data-sharing archive (ADR 0030): lib/app/image-organizer.jsa, which both
# launchers map on top of the runtime's base archive (jpackage/linux/app-image.args). It must be made
# where it is used: the JVM refuses an archive made for jars in another folder or by another Java, so
# the package's post-install step makes it with the installed runtime and jars. The package's
# maintainer scripts call this from /opt/image-organizer/lib/.
#
#   cds-archive.sh make     the training run (`cds-training`: generated photos in a scratch folder it
#                           deletes, no model, no user data) under -XX:ArchiveClassesAtExit; when it
#                           fails, the launchers go on with the base archive alone, a little slower
#   cds-archive.sh remove   deletes the archive (on removal and before an upgrade: it is not a file of
#                           the package, and a new version needs a new one)
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
app=$root/lib/app
archive=$app/image-organizer.jsa
java=$root/lib/runtime/bin/java
cfg=$app/image-organizer-cli.cfg

case "${1:-}" in
  make)
    rm -f "$archive" "$archive.new"
    # the command-line launcher's class path, main class and Java options (its .cfg), but its archive
    # option: the JVM refuses an archive made with another class path
    classpath=$(sed -n 's/^app\.classpath=//p' "$cfg" | sed "s|\$APPDIR|$app|g" | paste -sd: -)
    main=$(sed -n 's/^app\.mainclass=//p' "$cfg")
    set --
    while IFS= read -r line; do
      case "$line" in
        java-options=-XX:SharedArchiveFile=*) ;;
        java-options=*) set -- "$@" "$(printf '%s' "${line#java-options=}" | sed -e "s|\$APPDIR|$app|g")" ;;
      esac
    done < "$cfg"
    if "$java" -XX:ArchiveClassesAtExit="$archive.new" "$@" -cp "$classpath" "$main" cds-training >/dev/null \
        && [ -s "$archive.new" ]; then
      chmod 0644 "$archive.new"
      mv -f "$archive.new" "$archive"
      echo "image-organizer: made the start-up archive $archive"
    else
      rm -f "$archive.new"
      echo "image-organizer: could not make the start-up archive; the commands start without it, a little slower" >&2
    fi
    ;;
  remove)
    rm -f "$archive" "$archive.new"
    ;;
  *)
    echo "usage: $0 make|remove" >&2
    exit 2
    ;;
esac
