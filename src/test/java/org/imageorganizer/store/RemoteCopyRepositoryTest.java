package org.imageorganizer.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.imageorganizer.model.Classification;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.Label;
import org.imageorganizer.model.RemoteCopy;
import org.imageorganizer.model.StorageKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The record of cloud copies (schema V2), on H2; {@link PostgresRemoteCopyRepositoryTest} runs it on PostgreSQL. */
@Tag("database")
class RemoteCopyRepositoryTest extends LibraryTestCase {

    private RemoteCopyRepository copies;

    @BeforeEach
    void open() {
        library.info().claimModel(TestRecords.MODEL);
        copies = library.remoteCopies();
    }

    private ImageRecord add(String seed) {
        return library.images().insert(TestRecords.image(seed, "dog", "beach"));
    }

    @Test
    void anImageWithoutAConfirmedCopyNeedsOneUntilItIsUploaded() {
        ImageRecord a = add("a");
        ImageRecord b = add("b");
        ImageRecord c = add("c");
        assertThat(copies.idsWithoutCopy(0, 10)).containsExactly(a.id(), b.id(), c.id());
        assertThat(copies.idsWithoutCopy(a.id(), 1)).containsExactly(b.id());

        assertThat(copies.markUploading(a.id(), "io/" + a.sha256(), "authenticated")).isTrue();
        assertThat(copies.find(a.id())).get().satisfies(s -> {
            assertThat(s.status()).isEqualTo(RemoteCopyRepository.Status.UPLOADING);
            assertThat(s.attempts()).isEqualTo(1);
            assertThat(s.copy()).isEmpty();
        });
        RemoteCopy copy = new RemoteCopy("io/" + a.sha256(), 1712345678L, "jpg", "authenticated");
        assertThat(copies.markUploaded(a.id(), copy)).isTrue();
        copies.markUploading(b.id(), "io/" + b.sha256(), "authenticated");
        copies.markFailed(b.id(), "io/" + b.sha256(), "authenticated", "Cloudinary failed to answer (503).");

        assertThat(copies.idsWithoutCopy(0, 10)).containsExactly(b.id(), c.id());
        assertThat(copies.countWithoutCopy()).isEqualTo(2);
        assertThat(copies.find(a.id())).get().satisfies(s -> {
            assertThat(s.status()).isEqualTo(RemoteCopyRepository.Status.UPLOADED);
            assertThat(s.copy()).contains(copy);
            assertThat(s.syncedAt()).isNotNull();
            assertThat(s.lastError()).isNull();
        });
        assertThat(copies.failures()).singleElement().satisfies(s -> {
            assertThat(s.imageId()).isEqualTo(b.id());
            assertThat(s.attempts()).isEqualTo(1);
            assertThat(s.lastError()).isEqualTo("Cloudinary failed to answer (503).");
        });
        assertThat(copies.counts()).containsEntry(RemoteCopyRepository.Status.UPLOADED, 1L)
                .containsEntry(RemoteCopyRepository.Status.FAILED, 1L)
                .containsEntry(RemoteCopyRepository.Status.UPLOADING, 0L);
    }

    @Test
    void imagesKeptInTheCloudNeedNoCopy() {
        ImageRecord local = add("local");
        RemoteCopy copy = new RemoteCopy("io/" + TestRecords.sha("cloud"), 5, "png", "authenticated");
        library.images().insert(new NewImage(TestRecords.sha("cloud"), copy.path(), "cloud.png", 10, 4, 4, "png",
                StorageKind.CLOUDINARY, new Classification(new Label("cat", 0.9), new Label("indoor", 0.8)),
                TestRecords.vector(1), TestRecords.MODEL));

        assertThat(copies.idsWithoutCopy(0, 10)).containsExactly(local.id());
        ImageRecord cloud = library.images().findBySha256(TestRecords.sha("cloud")).orElseThrow();
        assertThat(cloud.storage()).isEqualTo(StorageKind.CLOUDINARY);
        assertThat(RemoteCopy.of(cloud)).contains(copy);
    }

    @Test
    void aDeletedImageTakesItsRowAlongAndCannotGetOneAnyMore() {
        ImageRecord a = add("a");
        copies.markUploaded(a.id(), new RemoteCopy("io/x", 1, "jpg", "authenticated"));
        library.images().delete(a.id());

        assertThat(copies.find(a.id())).isEmpty();
        assertThat(copies.markUploading(a.id(), "io/x", "authenticated")).isFalse();
        assertThat(copies.counts().values()).containsOnly(0L);
    }

    @Test
    void attemptsAddUpOverSyncsAndALongReasonIsCut() {
        ImageRecord a = add("a");
        for (int i = 0; i < 3; i++) {
            copies.markUploading(a.id(), "io/a", "authenticated");
        }
        copies.markFailed(a.id(), "io/a", "authenticated", "x".repeat(5000));
        List<RemoteCopyRepository.State> failures = copies.failures();
        assertThat(failures.get(0).attempts()).isEqualTo(3);
        assertThat(failures.get(0).lastError()).hasSize(1024);
    }
}
