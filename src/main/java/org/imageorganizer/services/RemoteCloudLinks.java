package org.imageorganizer.services;

import java.util.List;
import java.util.Optional;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.RemoteCopy;
import org.imageorganizer.store.RemoteLinks;

/** {@link CloudLinks} of a cloud store: for the images whose location is a copy in it. */
public final class RemoteCloudLinks implements CloudLinks {
    private final RemoteLinks links;

    public RemoteCloudLinks(RemoteLinks links) {
        this.links = links;
    }

    /** The links of the store, or {@link CloudLinks#NONE} without one. */
    public static CloudLinks of(Optional<? extends RemoteLinks> links) {
        return links.<CloudLinks>map(RemoteCloudLinks::new).orElse(NONE);
    }

    @Override
    public Optional<String> imageUrl(ImageRecord image) {
        return RemoteCopy.of(image).map(links::imageUrl);
    }

    @Override
    public Optional<String> thumbnailUrl(ImageRecord image, int size) {
        return RemoteCopy.of(image).map(copy -> links.thumbnailUrl(copy, size));
    }

    @Override
    public List<String> origins() {
        return links.origins();
    }
}
