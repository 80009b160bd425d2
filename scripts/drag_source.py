#!/usr/bin/python3
"""A drag source for the desktop drop check: a small GTK window offering files and folders as
text/uri-list, the way a file manager does when you drag them. Drag from it (xdotool does in
scripts/desktop-drop-check.sh) onto the window under test.

    /usr/bin/python3 scripts/drag_source.py [--x X --y Y] PATH...

Needs Debian's python3-gi and gir1.2-gtk-3.0. Prints "ready X Y" (the centre of the window on
screen, where to press) once it is shown, and "sent N uris" after each drop.
"""
import argparse
import os
import sys

import gi

gi.require_version("Gtk", "3.0")
gi.require_version("Gdk", "3.0")
from gi.repository import Gdk, GLib, Gtk  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--x", type=int, default=10)
    parser.add_argument("--y", type=int, default=10)
    parser.add_argument("--width", type=int, default=180)
    parser.add_argument("--height", type=int, default=110)
    parser.add_argument("paths", nargs="+")
    args = parser.parse_args()
    uris = [GLib.filename_to_uri(os.path.abspath(p), None) for p in args.paths]

    window = Gtk.Window(title="drag source")
    window.set_decorated(False)
    window.set_default_size(args.width, args.height)
    window.move(args.x, args.y)
    label = Gtk.Label(label="Drag me:\n" + "\n".join(os.path.basename(p.rstrip("/")) for p in args.paths))
    box = Gtk.EventBox()  # a label has no window of its own to drag from
    box.add(label)
    window.add(box)
    box.drag_source_set(Gdk.ModifierType.BUTTON1_MASK, [Gtk.TargetEntry.new("text/uri-list", 0, 0)],
                        Gdk.DragAction.COPY)

    def on_drag_data_get(widget, context, data, info, time):
        data.set_uris(uris)
        print("sent %d uris" % len(uris), flush=True)

    def on_drag_end(widget, context):
        print("drag ended", flush=True)

    box.connect("drag-data-get", on_drag_data_get)
    box.connect("drag-end", on_drag_end)
    window.connect("destroy", Gtk.main_quit)

    announced = []

    def announce(*_):
        if not announced:
            announced.append(True)
            print("ready %d %d" % (args.x + args.width // 2, args.y + args.height // 2), flush=True)
        return False

    window.connect("map-event", announce)
    window.show_all()
    Gtk.main()


if __name__ == "__main__":
    sys.exit(main())
