package org.imageorganizer.imaging;

import java.io.ByteArrayOutputStream;

/**
 * Removes a PNG's embedded ICC colour profile (iCCP chunk) before OpenCV sees it. OpenCV does not
 * apply colour profiles anyway, and libpng prints a warning to the process's stderr for the many
 * images on the web with a slightly wrong sRGB profile, which would garble the command line's output.
 */
final class PngChunks {
    private static final int SIGNATURE = 8;

    private PngChunks() {
    }

    /** The same PNG without iCCP chunks (the input itself when it has none). Assumes a checked PNG. */
    static byte[] withoutIccProfile(byte[] png) {
        int at = SIGNATURE;
        int found = -1;
        while (at + 12 <= png.length) {
            long length = ((png[at] & 0xffL) << 24) | ((png[at + 1] & 0xff) << 16) | ((png[at + 2] & 0xff) << 8) | (png[at + 3] & 0xff);
            if (length > png.length) {
                return png;
            }
            if (png[at + 4] == 'i' && png[at + 5] == 'C' && png[at + 6] == 'C' && png[at + 7] == 'P') {
                found = at;
                break;
            }
            if (png[at + 4] == 'I' && png[at + 5] == 'D' && png[at + 6] == 'A' && png[at + 7] == 'T') {
                return png; // the profile always comes before the image data
            }
            at += 12 + (int) length;
        }
        if (found < 0) {
            return png;
        }
        long length = ((png[found] & 0xffL) << 24) | ((png[found + 1] & 0xff) << 16) | ((png[found + 2] & 0xff) << 8) | (png[found + 3] & 0xff);
        int end = found + 12 + (int) length;
        if (end > png.length) {
            return png;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(png.length);
        out.write(png, 0, found);
        out.write(png, end, png.length - end);
        return out.toByteArray();
    }
}
