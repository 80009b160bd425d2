package org.imageorganizer.store;

import org.imageorganizer.model.RemoteCopy;

/** Links to the images a cloud store delivers itself (signed and expiring where the store is private). */
public interface RemoteLinks {

    /** A link to the full image. */
    String imageUrl(RemoteCopy copy);

    /** A link to a thumbnail at most {@code size} pixels wide and high, made by the store from the one copy. */
    String thumbnailUrl(RemoteCopy copy, int size);

    /** The origins ({@code scheme://host[:port]}) these links point at, for a page's Content-Security-Policy. */
    java.util.List<String> origins();
}
