package org.imageorganizer.store;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.hibernate.Session;
import org.imageorganizer.model.Classification;
import org.imageorganizer.model.EmbeddedImage;
import org.imageorganizer.model.GroupKey;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.Label;
import org.imageorganizer.model.StorageKind;

/**
 * The images of the library (where their files are, and when an indexed file last changed, is
 * {@link ImageLocations}'). Thread-safe: every call uses its own entity manager and one short
 * transaction. Inserts and deletes add one to the library version in the same transaction.
 */
public final class ImageRepository {

    /** SQLSTATE of a unique-constraint violation, the same in H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";
    private static final int IN_CHUNK = 500;
    /** Everything an {@link ImageRecord} needs, and no embedding. */
    private static final String RECORD_COLUMNS = "i.id, i.sha256, i.location, i.fileName, i.byteSize,"
            + " i.width, i.height, i.format, i.importedAt, i.objectLabel, i.objectConfidence,"
            + " i.backgroundLabel, i.backgroundConfidence, i.storage";
    private static final String RECORD_SELECT = "select " + RECORD_COLUMNS + " from ImageEntity i";

    private final EntityManagerFactory emf;
    private final Clock clock;
    private final NearDuplicateLinks links;

    /**
     * @param emf   the library's entity manager factory
     * @param clock gives the import time of new images
     * @param links  links each new image to its near-duplicates in the transaction that adds it
     */
    ImageRepository(EntityManagerFactory emf, Clock clock, NearDuplicateLinks links) {
        this.emf = Objects.requireNonNull(emf, "emf");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.links = Objects.requireNonNull(links, "links");
    }

    /** @return the image with this content, if the library has it */
    public Optional<ImageRecord> findBySha256(String sha256) {
        return first(RECORD_SELECT + " where i.sha256 = :v", "v", sha256);
    }

    /** @return the image with this id, if any */
    public Optional<ImageRecord> findById(long id) {
        return first(RECORD_SELECT + " where i.id = :v", "v", id);
    }

    /** @return the embedding of this image, if the image exists and has one */
    public Optional<float[]> embeddingOf(long id) {
        return emf.callInTransaction(em -> em.createQuery(
                        "select i.embedding, i.embeddingDim from ImageEntity i where i.id = :id", Object[].class)
                .setParameter("id", id)
                .getResultStream()
                .findFirst()
                .filter(row -> row[0] != null)
                .map(ImageRepository::decode));
    }

    /**
     * Adds an image.
     *
     * @return the stored record, with its id and import time
     * @throws DuplicateImageException if the library already has an image with this SHA-256
     */
    public ImageRecord insert(NewImage image) {
        Objects.requireNonNull(image, "image");
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        try {
            long id = emf.callInTransaction(em -> {
                long serial = lock(em);
                ImageEntity entity = new ImageEntity(image, now);
                entity.hashSerial = entity.perceptualHash == null ? null : serial;
                em.persist(entity);
                em.flush();
                recordLocations(em, List.of(entity), List.of(image), now);
                link(em, serial, List.of(entity));
                LibraryInfo.bumpVersion(em);
                return entity.id;
            });
            return findById(id).orElseThrow();
        } catch (RuntimeException e) {
            if (isUniqueViolation(e)) {
                Optional<ImageRecord> existing = findBySha256(image.sha256());
                if (existing.isPresent()) {
                    throw new DuplicateImageException(existing.get(), e);
                }
            }
            throw e;
        }
    }

    /**
     * Adds several images in one transaction and one library version step: the import stores each
     * batch of images that leave the model together this way. All or nothing: on any failure
     * (a duplicate among them, say) nothing is stored and the exception is thrown, so the caller can
     * fall back to {@link #insert} one by one.
     *
     * @return the new images' ids, in the order given
     */
    public List<Long> insertAll(List<NewImage> images) {
        if (images.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return emf.callInTransaction(em -> {
            long serial = lock(em);
            List<ImageEntity> entities = new java.util.ArrayList<>(images.size());
            for (NewImage image : images) {
                ImageEntity entity = new ImageEntity(Objects.requireNonNull(image, "image"), now);
                entity.hashSerial = entity.perceptualHash == null ? null : serial;
                em.persist(entity);
                entities.add(entity);
            }
            em.flush();
            recordLocations(em, entities, images, now);
            link(em, serial, entities);
            LibraryInfo.bumpVersion(em);
            return entities.stream().map(e -> e.id).toList();
        });
    }

    /** Takes the library's near-duplicate lock first, before any row is written ({@link NearDuplicateLinks}). */
    private static long lock(EntityManager em) {
        return em.unwrap(Session.class).doReturningWork(NearDuplicateLinks::lock);
    }

    /** Links the new images to their near-duplicates, in their transaction. */
    private void link(EntityManager em, long serial, List<ImageEntity> entities) {
        List<NearDuplicateLinks.HashedImage> added = entities.stream()
                .map(e -> new NearDuplicateLinks.HashedImage(e.id, e.perceptualHash)).toList();
        em.unwrap(Session.class).doWork(c -> links.link(c, serial, added));
    }

    /** The place each new indexed image is read from is its first location ({@link ImageLocations}). */
    private static void recordLocations(EntityManager em, List<ImageEntity> entities, List<NewImage> images, Instant now) {
        em.unwrap(Session.class).doWork(c -> {
            for (int i = 0; i < entities.size(); i++) {
                NewImage image = images.get(i);
                if (image.storage() == StorageKind.INDEXED) {
                    LocationRows.record(c, entities.get(i).id, image.location(), image.fileName(),
                            image.fileModifiedNanos(), now);
                }
            }
        });
    }

    /**
     * Removes an image; its cluster membership and near-duplicate links go with it (ON DELETE CASCADE).
     *
     * @return true if the image existed
     */
    public boolean delete(long id) {
        boolean deleted = emf.callInTransaction(em -> {
            lock(em); // no photo goes while another's links to it are written
            int rows = em.createQuery("delete from ImageEntity i where i.id = :id")
                    .setParameter("id", id)
                    .executeUpdate();
            if (rows > 0) {
                LibraryInfo.bumpVersion(em);
            }
            return rows > 0;
        });
        if (deleted) {
            links.removed(id);
        }
        return deleted;
    }

    /** @return up to {@code limit} images from position {@code offset}, by ascending id */
    public List<ImageRecord> list(int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must be >= 0: " + offset + ", " + limit);
        }
        return emf.callInTransaction(em -> em.createQuery(RECORD_SELECT + " order by i.id", Object[].class)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultStream()
                .map(ImageRepository::toRecord)
                .toList());
    }

    /**
     * A page of images, newest first, optionally only those with an object and/or background label.
     *
     * @param object     an object label, or null for any
     * @param background a background label, or null for any
     */
    public List<ImageRecord> listNewest(String object, String background, int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must be >= 0: " + offset + ", " + limit);
        }
        return emf.callInTransaction(em -> {
            var query = em.createQuery(RECORD_SELECT + labelFilter(object, background) + " order by i.id desc", Object[].class);
            bindLabels(query, object, background);
            return query.setFirstResult(offset).setMaxResults(limit).getResultStream()
                    .map(ImageRepository::toRecord)
                    .toList();
        });
    }

    /** The number of images with these labels (null for any). */
    public long count(String object, String background) {
        return emf.callInTransaction(em -> {
            var query = em.createQuery("select count(i) from ImageEntity i" + labelFilter(object, background), Long.class);
            bindLabels(query, object, background);
            return query.getSingleResult();
        });
    }

    private static String labelFilter(String object, String background) {
        if (object != null && background != null) {
            return " where i.objectLabel = :object and i.backgroundLabel = :background";
        }
        if (object != null) {
            return " where i.objectLabel = :object";
        }
        return background != null ? " where i.backgroundLabel = :background" : "";
    }

    private static void bindLabels(jakarta.persistence.TypedQuery<?> query, String object, String background) {
        if (object != null) {
            query.setParameter("object", object);
        }
        if (background != null) {
            query.setParameter("background", background);
        }
    }

    /** @return the number of images */
    public long count() {
        return emf.callInTransaction(em -> em.createQuery("select count(i) from ImageEntity i", Long.class)
                .getSingleResult());
    }

    /** @return the images with these ids, by ascending id; unknown ids are left out */
    public List<ImageRecord> listByIds(Collection<Long> ids) {
        List<Long> sorted = new ArrayList<>(new TreeSet<>(ids));
        return emf.callInTransaction(em -> {
            List<ImageRecord> out = new ArrayList<>(sorted.size());
            for (int from = 0; from < sorted.size(); from += IN_CHUNK) {
                List<Long> chunk = sorted.subList(from, Math.min(sorted.size(), from + IN_CHUNK));
                em.createQuery(RECORD_SELECT + " where i.id in :ids order by i.id", Object[].class)
                        .setParameter("ids", chunk)
                        .getResultStream()
                        .map(ImageRepository::toRecord)
                        .forEach(out::add);
            }
            return Collections.unmodifiableList(out);
        });
    }

    /**
     * The ids of every object → background group, read with one query of ids and labels only, in
     * the order of the group index (which holds all three, so the rows with their 2 KB embeddings
     * are not read: ordering by id made H2 walk the whole table).
     *
     * @return groups in {@link GroupKey} order, ids ascending within each
     */
    public Map<GroupKey, List<Long>> groupMembership() {
        List<Object[]> rows = emf.callInTransaction(em -> em.createQuery(
                        "select i.id, i.objectLabel, i.backgroundLabel from ImageEntity i"
                                + " order by i.objectLabel, i.backgroundLabel, i.id", Object[].class)
                .getResultList());
        return groups(rows);
    }

    /** @param rows {@code id, objectLabel, backgroundLabel}, by ascending id within each group */
    private static Map<GroupKey, List<Long>> groups(List<Object[]> rows) {
        Map<GroupKey, List<Long>> groups = new TreeMap<>();
        for (Object[] row : rows) {
            GroupKey key = new GroupKey((String) row[1], (String) row[2]);
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add((Long) row[0]);
        }
        Map<GroupKey, List<Long>> out = new LinkedHashMap<>();
        groups.forEach((key, ids) -> out.put(key, List.copyOf(ids)));
        return Collections.unmodifiableMap(out);
    }

    /**
     * The group membership of the images whose id is above {@code afterId}: with {@link #count()},
     * what keeps a copy of {@link #groupMembership()} up to date while images are only added.
     *
     * @return groups in {@link GroupKey} order, ids ascending within each
     */
    public Map<GroupKey, List<Long>> groupMembershipAfter(long afterId) {
        return groups(emf.callInTransaction(em -> em.createQuery(
                        "select i.id, i.objectLabel, i.backgroundLabel from ImageEntity i where i.id > :after"
                                + " order by i.id", Object[].class)
                .setParameter("after", afterId)
                .getResultList()));
    }

    /** @return the embedded images of one group, by ascending id (images without an embedding are left out) */
    public List<EmbeddedImage> embeddingsOf(GroupKey group) {
        return emf.callInTransaction(em -> em.createQuery("select i.id, i.embedding, i.embeddingDim"
                                + " from ImageEntity i where i.objectLabel = :o and i.backgroundLabel = :b"
                                + " and i.embedding is not null order by i.id", Object[].class)
                .setParameter("o", group.objectLabel())
                .setParameter("b", group.backgroundLabel())
                .getResultStream()
                .map(row -> new EmbeddedImage((Long) row[0], group.objectLabel(), group.backgroundLabel(),
                        decode(new Object[] {row[1], row[2]})))
                .toList());
    }

    private Optional<ImageRecord> first(String query, String parameter, Object value) {
        return emf.callInTransaction(em -> em.createQuery(query, Object[].class)
                .setParameter(parameter, value)
                .getResultStream()
                .findFirst()
                .map(ImageRepository::toRecord));
    }

    /** @param row {@code embedding, embeddingDim} */
    private static float[] decode(Object[] row) {
        byte[] bytes = (byte[]) row[0];
        return row[1] == null ? EmbeddingCodec.decode(bytes) : EmbeddingCodec.decode(bytes, (Integer) row[1]);
    }

    /** @param r a row of {@link #RECORD_SELECT} */
    private static ImageRecord toRecord(Object[] r) {
        Classification classification = new Classification(
                new Label((String) r[9], r[10] == null ? 0 : (Double) r[10]),
                new Label((String) r[11], r[12] == null ? 0 : (Double) r[12]));
        return new ImageRecord((Long) r[0], (String) r[1], (String) r[2], (String) r[3],
                r[4] == null ? 0 : (Long) r[4], r[5] == null ? 0 : (Integer) r[5], r[6] == null ? 0 : (Integer) r[6],
                (String) r[7], (Instant) r[8], classification,
                r[13] == null ? null : StorageKind.valueOf((String) r[13]));
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
