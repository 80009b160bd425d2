package org.imageorganizer.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.imageorganizer.imaging.SafeImageDecoder;
import org.imageorganizer.imaging.ThumbnailCache;
import org.imageorganizer.imaging.Thumbnailer;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.RemoteCopy;
import org.imageorganizer.model.StorageKind;
import org.imageorganizer.store.ImageStorage;
import org.imageorganizer.store.RemoteLinks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The services' thin adapters: cloud links, thumbnails of files that cannot be decoded. */
class ServiceAdaptersTest {
    @TempDir
    Path dir;

    @Test
    void cloudLinksOnlyForImagesKeptInTheCloud() {
        RemoteLinks links = new RemoteLinks() {
            @Override
            public String imageUrl(RemoteCopy copy) {
                return "https://cloud.example/" + copy.publicId();
            }

            @Override
            public String thumbnailUrl(RemoteCopy copy, int size) {
                return "https://cloud.example/" + size + "/" + copy.publicId();
            }

            @Override
            public List<String> origins() {
                return List.of("https://cloud.example");
            }
        };
        CloudLinks cloud = RemoteCloudLinks.of(Optional.of(links));
        ImageRecord local = LibraryQueriesPageTest.image(1);
        RemoteCopy copy = new RemoteCopy("image-organizer/" + "a".repeat(64), 7, "jpg", "authenticated");
        ImageRecord inCloud = new ImageRecord(2, "a".repeat(64), copy.path(), "b.jpg", 10, 4, 3, "jpeg", null,
                local.classification(), StorageKind.CLOUDINARY);

        assertThat(cloud.imageUrl(local)).isEmpty();
        assertThat(cloud.thumbnailUrl(local, 256)).isEmpty();
        assertThat(cloud.imageUrl(inCloud)).contains("https://cloud.example/" + copy.publicId());
        assertThat(cloud.thumbnailUrl(inCloud, 128)).contains("https://cloud.example/128/" + copy.publicId());
        assertThat(cloud.origins()).containsExactly("https://cloud.example");
        assertThat(RemoteCloudLinks.of(Optional.empty())).isSameAs(CloudLinks.NONE);
        assertThat(CloudLinks.NONE.imageUrl(inCloud)).isEmpty();
        assertThat(CloudLinks.NONE.origins()).isEmpty();
    }

    @Test
    void aThumbnailOfBytesThatAreNoImageIsUndecodable() {
        byte[] notAnImage = "this is not an image".getBytes(StandardCharsets.UTF_8);
        ImageStorage storage = new ImageStorage() {
            @Override
            public boolean exists(ImageRecord image) {
                return true;
            }

            @Override
            public InputStream open(ImageRecord image) {
                return new ByteArrayInputStream(notAnImage);
            }

            @Override
            public Optional<Path> localFile(ImageRecord image) {
                return Optional.empty();
            }
        };
        ImageFiles files = new StoredImageFiles(storage,
                new ThumbnailCache(dir.resolve("thumbnails"), new Thumbnailer(new SafeImageDecoder())));
        ImageRecord image = LibraryQueriesPageTest.image(3);
        assertThat(files.exists(image)).isTrue();
        assertThatThrownBy(() -> files.thumbnail(image, 128)).isInstanceOf(UndecodableImageException.class)
                .isInstanceOf(IOException.class);
    }
}
