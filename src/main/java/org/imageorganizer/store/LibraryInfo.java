package org.imageorganizer.store;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * Library-wide settings: the model the embeddings belong to, the library's id, and the library
 * version, a counter that grows with every insert and delete so that stale clusterings can be recognised.
 * Thread-safe; every call runs in its own short transaction.
 */
public final class LibraryInfo {

    private final EntityManagerFactory emf;

    /**
     * @param emf the library's entity manager factory
     */
    LibraryInfo(EntityManagerFactory emf) {
        this.emf = Objects.requireNonNull(emf, "emf");
    }

    /** @return the current library version, 0 for a new library */
    public long libraryVersion() {
        return emf.callInTransaction(em -> Long.parseLong(required(em, LibraryInfoEntry.LIBRARY_VERSION)));
    }

    /** @return the model the library's embeddings were computed with, empty for a new library */
    public Optional<String> modelId() {
        return emf.callInTransaction(em -> Optional.ofNullable(em.find(LibraryInfoEntry.class,
                LibraryInfoEntry.MODEL_ID)).map(e -> e.value));
    }

    /**
     * The near-duplicate veto of the model that claimed the library, as recorded by
     * {@link #claimModel(String, double, int)}; empty for a library claimed before it was recorded.
     */
    public OptionalDouble nearDuplicateVeto() {
        return LibraryInfoEntry.veto(value(LibraryInfoEntry.NEAR_DUPLICATE_VETO));
    }

    /**
     * The input image size of the model that claimed the library, as recorded by
     * {@link #claimModel(String, double, int)}; empty for a library claimed before it was recorded.
     */
    public OptionalInt modelImageSize() {
        return LibraryInfoEntry.imageSize(value(LibraryInfoEntry.MODEL_IMAGE_SIZE));
    }

    /**
     * Records {@code modelId} as the library's model if it has none yet, or checks that it is the same.
     * The claim is a conditional update, so two processes claiming at once cannot both win.
     *
     * @param modelId the model in use
     * @throws ModelMismatchException if the library was built with another model
     */
    public void claimModel(String modelId) {
        Objects.requireNonNull(modelId, "modelId");
        emf.runInTransaction(em -> claim(em, modelId));
    }

    /**
     * As {@link #claimModel(String)}, and records the model's near-duplicate veto and input image size, so that
     * a process that cannot find the model's folder (given on another command's line, moved) still stacks and
     * hashes as the model does. A later claim with other values (the manifest changed) replaces them.
     *
     * @param nearDuplicateVeto the model's minimum CLIP cosine for a near-duplicate
     * @param imageSize         the model's input image size in pixels
     * @throws ModelMismatchException if the library was built with another model (nothing is recorded then)
     */
    public void claimModel(String modelId, double nearDuplicateVeto, int imageSize) {
        Objects.requireNonNull(modelId, "modelId");
        if (!Double.isFinite(nearDuplicateVeto) || imageSize <= 0) {
            throw new IllegalArgumentException("veto " + nearDuplicateVeto + ", image size " + imageSize);
        }
        emf.runInTransaction(em -> {
            // the model row's lock, held to the commit, serialises claims: a missing row is inserted by one of them
            em.createNativeQuery("SELECT info_value FROM library_info WHERE info_key = ?1 FOR UPDATE")
                    .setParameter(1, LibraryInfoEntry.MODEL_ID)
                    .getResultList();
            claim(em, modelId);
            put(em, LibraryInfoEntry.NEAR_DUPLICATE_VETO, Double.toString(nearDuplicateVeto));
            put(em, LibraryInfoEntry.MODEL_IMAGE_SIZE, Integer.toString(imageSize));
        });
    }

    private static void claim(EntityManager em, String modelId) {
        int claimed = claimIfUnset(em, LibraryInfoEntry.MODEL_ID, modelId);
        if (claimed == 0) {
            String existing = required(em, LibraryInfoEntry.MODEL_ID);
            if (!existing.equals(modelId)) {
                throw new ModelMismatchException(existing, modelId);
            }
        }
    }

    /**
     * Sets a value, inserting its row when the library has none (one made before the key existed); the caller
     * holds the model row's lock, so no other process inserts the same row meanwhile.
     */
    private static void put(EntityManager em, String key, String value) {
        int updated = em.createNativeQuery("UPDATE library_info SET info_value = ?1 WHERE info_key = ?2")
                .setParameter(1, value)
                .setParameter(2, key)
                .executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("INSERT INTO library_info (info_key, info_value) VALUES (?1, ?2)")
                    .setParameter(1, key)
                    .setParameter(2, value)
                    .executeUpdate();
        }
    }

    private String value(String key) {
        return emf.callInTransaction(em -> Optional.ofNullable(em.find(LibraryInfoEntry.class, key)).map(e -> e.value).orElse(null));
    }

    /**
     * The library's id, a random UUID given on first use and kept for good: the storage folder's
     * marker names it, so that a folder is never reconciled with another library's database. Two
     * processes asking at once get the same id (the claim is a conditional update, as for the model).
     */
    public String libraryId() {
        String candidate = UUID.randomUUID().toString();
        return emf.callInTransaction(em -> {
            claimIfUnset(em, LibraryInfoEntry.LIBRARY_ID, candidate);
            return required(em, LibraryInfoEntry.LIBRARY_ID);
        });
    }

    /**
     * Adds one to the library version inside the caller's transaction. A single UPDATE, so the row
     * lock it takes serialises concurrent writers until they commit.
     */
    static void bumpVersion(EntityManager em) {
        int updated = em.createNativeQuery("UPDATE library_info"
                        + " SET info_value = CAST(CAST(info_value AS BIGINT) + 1 AS VARCHAR(1024))"
                        + " WHERE info_key = ?1")
                .setParameter(1, LibraryInfoEntry.LIBRARY_VERSION)
                .executeUpdate();
        if (updated != 1) {
            throw new IllegalStateException("library_info has no " + LibraryInfoEntry.LIBRARY_VERSION + " row");
        }
    }

    /**
     * Sets a value that has none yet, in one conditional UPDATE; returns the rows updated (0 when it had
     * one). Plain SQL, like {@link #bumpVersion}: an import's first commit does this, and the first HQL
     * statement of a process costs it the start of Hibernate's query parser (about 0.3 s).
     */
    private static int claimIfUnset(EntityManager em, String key, String value) {
        return em.createNativeQuery("UPDATE library_info SET info_value = ?1 WHERE info_key = ?2 AND info_value IS NULL")
                .setParameter(1, value)
                .setParameter(2, key)
                .executeUpdate();
    }

    private static String required(EntityManager em, String key) {
        LibraryInfoEntry entry = em.find(LibraryInfoEntry.class, key);
        if (entry == null || entry.value == null) {
            throw new IllegalStateException("library_info has no value for " + key);
        }
        return entry.value;
    }
}
