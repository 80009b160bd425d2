# shellcheck shell=bash
# Helpers for the packaging scripts that rewrite staged jars with nothing but the JDK's jar tool
# (Git Bash on Windows has no zip). Source it; JAVA_HOME, when set, picks the JDK.

jar_tool=jar
if [ -n "${JAVA_HOME:-}" ]; then jar_tool="$JAVA_HOME/bin/jar"; fi

# the entry names of a jar, one a line
jar_entries() {
  "$jar_tool" tf "$1" | tr -d '\r'
}

# unpacks jar $1 into the new folder $2
unpack_jar() {
  mkdir -p "$2"
  (cd "$2" && "$jar_tool" xf "$1")
}

# writes jar $1 again from folder $2 (its manifest kept, signatures dropped since the content
# changed), then deletes the folder
repack_jar() {
  local jar=$1 work=$2
  local manifest=(--no-manifest)
  find "$work" -depth -type d -empty -delete
  mkdir -p "$work"
  rm -f "$work"/META-INF/*.SF "$work"/META-INF/*.RSA "$work"/META-INF/*.DSA "$work"/META-INF/*.EC
  if [ -f "$work/META-INF/MANIFEST.MF" ]; then
    mv "$work/META-INF/MANIFEST.MF" "$work.MF"
    manifest=(--manifest "$work.MF")
  fi
  "$jar_tool" --create --file "$jar.tmp" "${manifest[@]}" -C "$work" .
  mv "$jar.tmp" "$jar"
  rm -rf "$work" "$work.MF"
}
