#!/bin/sh
# Sets up (or takes down) the headless server's system parts; the Linux package's maintainer
# scripts call it from /opt/image-organizer/lib/server/, next to the unit and the env template.
#
#   server-setup.sh install   system user, /var/lib/image-organizer, /etc/image-organizer/server.env
#                             (kept if present), the systemd unit and the image-organizer-cli
#                             command; with systemd running: daemon-reload and try-restart, so an
#                             upgrade restarts a server that runs, and nothing else is started
#   server-setup.sh remove    stops and disables the unit, removes it and the command
#
# Works without systemd (containers, WSL, build machines): the unit is installed all the same.
# The library in /var/lib/image-organizer and the user are never removed.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
user=image-organizer
unit=image-organizer-server.service
unit_dir=/usr/lib/systemd/system
env_dir=/etc/image-organizer
state_dir=/var/lib/image-organizer
command_link=/usr/bin/image-organizer-cli
launcher=/opt/image-organizer/bin/image-organizer-cli

systemd_running() {
  [ -d /run/systemd/system ]
}

create_user() {
  if ! getent group "$user" >/dev/null; then
    groupadd --system "$user"
  fi
  if ! getent passwd "$user" >/dev/null; then
    useradd --system --gid "$user" --home-dir "$state_dir" --no-create-home \
      --shell /usr/sbin/nologin --comment "AI Image Organizer server" "$user"
  fi
}

install_files() {
  install -d -o "$user" -g "$user" -m 0750 "$state_dir"
  install -d -m 0755 "$env_dir"
  if [ ! -e "$env_dir/server.env" ]; then
    install -o root -g "$user" -m 0640 "$here/server.env" "$env_dir/server.env"
  fi
  install -d -m 0755 "$unit_dir"
  install -m 0644 "$here/$unit" "$unit_dir/$unit"
  if [ ! -e "$command_link" ] || [ -L "$command_link" ]; then
    ln -sf "$launcher" "$command_link"
  fi
}

case "${1:-}" in
  install)
    create_user
    install_files
    if systemd_running; then
      systemctl daemon-reload
      systemctl try-restart "$unit" || true
    else
      echo "image-organizer: systemd is not running here; $unit is installed but nothing was started."
    fi
    if ! systemd_running || ! systemctl is-enabled --quiet "$unit" 2>/dev/null; then
      echo "image-organizer: to run the headless server, set IMAGE_ORGANIZER_API_KEY in $env_dir/server.env,"
      echo "  then: systemctl enable --now $unit"
    fi
    ;;
  remove)
    if systemd_running; then
      systemctl disable --now "$unit" || true
    fi
    rm -f "$unit_dir/$unit"
    if [ "$(readlink "$command_link" 2>/dev/null || true)" = "$launcher" ]; then
      rm -f "$command_link"
    fi
    if systemd_running; then
      systemctl daemon-reload || true
    fi
    ;;
  *)
    echo "usage: $0 install|remove" >&2
    exit 2
    ;;
esac
