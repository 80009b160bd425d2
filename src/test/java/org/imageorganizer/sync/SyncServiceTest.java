package org.imageorganizer.sync;

import org.imageorganizer.model.SyncListener;

import org.imageorganizer.model.SyncFailure;

import org.imageorganizer.model.SyncProgress;

import org.imageorganizer.model.SyncSummary;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.imageorganizer.common.RetryPolicy;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.store.IndexedFiles;
import org.imageorganizer.store.LibraryDatabase;
import org.imageorganizer.store.ManagedFolder;
import org.imageorganizer.store.RemoteCopyRepository;
import org.imageorganizer.store.StorageRouter;
import org.imageorganizer.store.cloud.CloudinaryConfig;
import org.imageorganizer.store.cloud.CloudinaryStorage;
import org.imageorganizer.testing.CloudinaryStandIn;
import org.imageorganizer.testing.FakeCloudinary;
import org.imageorganizer.testing.PhotoLibrary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SyncService} over an H2 library of real files and the Cloudinary stand-in. */
@Tag("database")
class SyncServiceTest {
    private static final String UPLOAD = "/v1_1/" + CloudinaryStandIn.CLOUD + "/image/upload";

    @TempDir
    Path dir;
    private CloudinaryStandIn standIn;
    private LibraryDatabase library;
    private List<ImageRecord> photos;
    private final List<CloudinaryStorage> clients = new ArrayList<>();

    @BeforeEach
    void setUp() {
        standIn = new CloudinaryStandIn();
        library = LibraryDatabase.open(dir.resolve("library"));
        photos = PhotoLibrary.fill(library, dir.resolve("photos"), 12);
    }

    @AfterEach
    void tearDown() {
        clients.forEach(CloudinaryStorage::close);
        library.close();
        standIn.close();
    }

    private SyncService sync(String url, int concurrency) {
        CloudinaryStorage cloud = new CloudinaryStorage(CloudinaryConfig.of(url)
                .withRetry(new RetryPolicy(3, Duration.ofMillis(20)), Duration.ofSeconds(2)).withConnections(concurrency + 1));
        clients.add(cloud);
        return new SyncService(library.images(), library.remoteCopies(),
                new StorageRouter(new IndexedFiles(), new ManagedFolder(dir.resolve("storage"))), cloud, concurrency);
    }

    private SyncService sync() {
        return sync(standIn.cloudinaryUrl(), 4);
    }

    @Test
    void uploadsEveryImageOnceWithBoundedConcurrencyAndASecondSyncSendsNothing() throws Exception {
        standIn.fake().uploadDelay(150);
        List<SyncProgress> progress = Collections.synchronizedList(new ArrayList<>());
        SyncSummary first = sync().run(new SyncListener() {
            @Override
            public void progress(SyncProgress p) {
                progress.add(p);
            }
        }, () -> false);

        assertThat(first.complete()).isTrue();
        assertThat(first.total()).isEqualTo(12);
        assertThat(first.uploaded()).isEqualTo(12);
        assertThat(standIn.fake().createdCounts()).hasSize(12).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
        assertThat(standIn.fake().maxConcurrentUploads()).isBetween(2, 4);
        assertThat(progress).last().satisfies(p -> {
            assertThat(p.done()).isEqualTo(12);
            assertThat(p.fraction()).isEqualTo(1.0);
        });
        for (ImageRecord photo : photos) {
            assertThat(library.remoteCopies().find(photo.id())).get().satisfies(s -> {
                assertThat(s.status()).isEqualTo(RemoteCopyRepository.Status.UPLOADED);
                assertThat(s.copy()).get().satisfies(c -> {
                    assertThat(c.publicId()).isEqualTo("image-organizer/" + photo.sha256());
                    assertThat(c.format()).isEqualTo("jpg");
                });
            });
            assertThat(Path.of(photo.location())).as("the local copy stays").exists();
        }

        standIn.fake().uploadDelay(0);
        SyncSummary second = sync().run(SyncListener.NONE, () -> false);
        assertThat(second.total()).isZero();
        assertThat(second.uploaded()).isZero();
        assertThat(standIn.fake().uploadRequestCounts().values()).containsOnly(1);
    }

    @Test
    void anImageThatFailsStaysLocalWithItsReasonAndTheNextSyncTakesItAgain() throws Exception {
        Files.delete(Path.of(photos.get(3).location()));
        Files.write(Path.of(photos.get(5).location()), new byte[] {1, 2, 3});

        SyncSummary summary = sync().run(SyncListener.NONE, () -> false);

        assertThat(summary.complete()).isFalse();
        assertThat(summary.uploaded()).isEqualTo(10);
        assertThat(summary.failures()).extracting(SyncFailure::imageId).containsExactly(photos.get(3).id(), photos.get(5).id());
        assertThat(summary.failures().get(0).reason()).startsWith("the local file cannot be read");
        assertThat(summary.failures().get(1).reason()).contains("changed since it was imported");
        SyncService again = sync();
        assertThat(again.failures()).extracting(SyncFailure::imageId).containsExactly(photos.get(3).id(), photos.get(5).id());
        assertThat(again.pending()).isEqualTo(2);
        assertThat(library.images().count()).isEqualTo(12);
    }

    @Test
    void refusedCredentialsStopTheSyncEarlyWithOneSentence() throws Exception {
        SyncSummary summary = sync(standIn.cloudinaryUrl("wrong-secret-for-this-test"), 2).run(SyncListener.NONE, () -> false);

        assertThat(summary.stoppedBecause()).get().asString()
                .startsWith("Cloudinary refused the credentials in CLOUDINARY_URL (401")
                .doesNotContain("wrong-secret-for-this-test");
        assertThat(summary.uploaded()).isZero();
        assertThat(summary.failures().size()).as("at most the uploads already under way").isLessThanOrEqualTo(2);
        assertThat(standIn.fake().assets()).isEmpty();
    }

    @Test
    void temporaryFailuresAreRetriedWithinTheSync() throws Exception {
        standIn.server().stubFor(post(urlPathEqualTo(UPLOAD)).atPriority(1)
                .inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("one more"));
        standIn.server().stubFor(post(urlPathEqualTo(UPLOAD)).atPriority(1)
                .inScenario("busy").whenScenarioStateIs("one more")
                .willReturn(aResponse().withStatus(502)).willSetStateTo("fine"));

        SyncSummary summary = sync(standIn.cloudinaryUrl(), 1).run(SyncListener.NONE, () -> false);

        assertThat(summary.complete()).isTrue();
        assertThat(summary.uploaded()).isEqualTo(12);
        assertThat(standIn.server().findAll(WireMock.postRequestedFor(urlPathEqualTo(UPLOAD)))).hasSize(14);
    }

    @Test
    void anUploadLeftUnconfirmedByADeadSyncIsLookedUpNotSentAgain() throws Exception {
        SyncService sync = sync();
        ImageRecord sent = photos.get(0);
        ImageRecord lost = photos.get(1);
        // a sync that died: both marked as sent, but only the first reached the cloud
        library.remoteCopies().markUploading(sent.id(), "image-organizer/" + sent.sha256(), "authenticated");
        library.remoteCopies().markUploading(lost.id(), "image-organizer/" + lost.sha256(), "authenticated");
        clients.get(0).upload(sent.sha256(), Files.readAllBytes(Path.of(sent.location())), "jpg");

        SyncSummary summary = sync.run(SyncListener.NONE, () -> false);

        assertThat(summary.complete()).isTrue();
        assertThat(summary.alreadyThere()).isEqualTo(1);
        assertThat(summary.uploaded()).isEqualTo(11);
        assertThat(standIn.fake().uploadRequestCounts()).hasSize(12).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
        assertThat(library.remoteCopies().find(lost.id())).get()
                .satisfies(s -> assertThat(s.attempts()).isEqualTo(2));
    }

    @Test
    void cancellingStopsAfterTheUploadsInFlight() throws Exception {
        standIn.fake().uploadDelay(100);
        AtomicInteger seen = new AtomicInteger();
        SyncSummary summary = sync(standIn.cloudinaryUrl(), 2).run(new SyncListener() {
            @Override
            public void progress(SyncProgress p) {
                seen.set((int) p.done());
            }
        }, () -> seen.get() >= 3);

        assertThat(summary.cancelled()).isTrue();
        assertThat(summary.uploaded()).isBetween(3, 6);
        assertThat(library.remoteCopies().countWithoutCopy()).isEqualTo(12 - summary.uploaded());
        assertThat(standIn.fake().createdCounts()).hasSize(summary.uploaded());
        assertThat(FakeCloudinary.NAME).isNotBlank();
    }
}
