package org.imageorganizer.importer;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.imageorganizer.common.Futures;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.store.FileStamp;
import org.imageorganizer.store.LibraryDatabase;
import org.imageorganizer.store.LibraryReader;

/**
 * The library of a folder import, which may still be opening (Flyway, Hibernate: seconds) when the
 * import starts (ADR 0029): the walk, the reads, the hashes, the decodes and the model's load go on
 * meanwhile, and only what needs the library waits for it. Until it is open, the two look-ups (which
 * files are unchanged, and which image has some content) are answered by the {@link LibraryReader} of
 * an existing library, or, for a library that did not exist when the command started, by "none":
 * content another program stores meanwhile is caught at the commit, as ever. Without either, they
 * wait. Writes (commits, moved files, recorded times) always wait for the library. Thread-safe.
 */
public final class OpeningLibrary {
    private final CompletableFuture<LibraryDatabase> library;
    private final LibraryReader reader;
    private final boolean created;

    private OpeningLibrary(CompletableFuture<LibraryDatabase> library, LibraryReader reader, boolean created) {
        this.library = Objects.requireNonNull(library, "library");
        this.reader = reader;
        this.created = created;
    }

    /** A library open already. */
    public static OpeningLibrary open(LibraryDatabase library) {
        return new OpeningLibrary(CompletableFuture.completedFuture(library), null, false);
    }

    /**
     * A library being opened, read meanwhile through {@code reader}; the caller closes the reader
     * after the import.
     */
    public static OpeningLibrary readThrough(CompletableFuture<LibraryDatabase> library, LibraryReader reader) {
        return new OpeningLibrary(library, Objects.requireNonNull(reader, "reader"), false);
    }

    /** A library that did not exist when the command started, being created: it holds nothing meanwhile. */
    public static OpeningLibrary created(CompletableFuture<LibraryDatabase> library) {
        return new OpeningLibrary(library, null, true);
    }

    /** A library being opened that cannot be read before (an older schema, say): everything waits for it. */
    public static OpeningLibrary waitingFor(CompletableFuture<LibraryDatabase> library) {
        return new OpeningLibrary(library, null, false);
    }

    /** The duplicate check: the library's image with this content, if it has one. */
    Optional<ImageRecord> findBySha256(String sha256) throws InterruptedException {
        LibraryDatabase open = openNow();
        if (open == null && reader != null) {
            return reader.findBySha256(sha256);
        }
        if (open == null && created) {
            return Optional.empty();
        }
        return (open != null ? open : await()).images().findBySha256(sha256);
    }

    /**
     * As {@code ImageLocations.unchangedFiles}: the images whose file is as the library recorded it.
     *
     * @throws IllegalStateException when interrupted while waiting for the library
     */
    Map<String, ImageRecord> unchangedFiles(Collection<FileStamp> files) {
        LibraryDatabase open = openNow();
        if (open == null && reader != null) {
            return reader.unchangedFiles(files);
        }
        if (open == null && created) {
            return Map.of();
        }
        try {
            return (open != null ? open : await()).locations().unchangedFiles(files);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the library opened", e);
        }
    }

    /** The library if it is open now, else null. */
    private LibraryDatabase openNow() {
        return Futures.now(library);
    }

    /**
     * The library, once open.
     *
     * @throws RuntimeException what the open threw (a {@code LibraryException} with a sentence for the user)
     */
    LibraryDatabase await() throws InterruptedException {
        return Futures.await(library);
    }

    /** Runs {@code action} once the library is open or failed to open (at once if it has), on the thread that settled it. */
    void whenSettled(Runnable action) {
        library.whenComplete((opened, failure) -> action.run());
    }

    /** Why the library could not be opened, once that is known; null while it opens, once it is open. */
    Throwable failure() {
        return Futures.failure(library);
    }
}
