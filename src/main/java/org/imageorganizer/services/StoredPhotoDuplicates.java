package org.imageorganizer.services;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.imageorganizer.cluster.DuplicateCandidate;
import org.imageorganizer.cluster.DuplicateReason;
import org.imageorganizer.cluster.DuplicateStack;
import org.imageorganizer.cluster.DuplicateThresholds;
import org.imageorganizer.cluster.IncrementalNearDuplicates;
import org.imageorganizer.cluster.NearDuplicateFinder;
import org.imageorganizer.cluster.StackMember;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.PerceptualHash;
import org.imageorganizer.model.StorageKind;
import org.imageorganizer.store.ImageFingerprints;
import org.imageorganizer.store.NearDuplicateLinks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link PhotoDuplicates} on the store: the stacks of {@link NearDuplicateFinder} over the photos the library's
 * near-duplicate links name (kept at import, docs/decisions/0036), or over every photo's fingerprints while the links
 * are not complete (a library from before them, until they are built once; a library opened for reading only), kept
 * until the library changes (its stamp and the links' serial), and the photos in several places
 * ({@code image_location}). Both give the same stacks: a stack only ever joins photos linked to each other, so the
 * photos without a link are in none, and the finder's own edges among the linked photos are the links. A stack's
 * token is its photos' ids and a digest of their content hashes, so resolving checks that every photo is still
 * there, unchanged, and still one stack.
 */
public final class StoredPhotoDuplicates implements PhotoDuplicates {
    /** The most photos a token names: a stack larger than this cannot be resolved in one step. */
    static final int MAX_TOKEN_IDS = 1_000;

    private static final Logger LOG = LoggerFactory.getLogger(StoredPhotoDuplicates.class);

    private final ImageFingerprints fingerprints;
    private final NearDuplicateLinks links;
    private final LibraryQueries library;
    private final ImageRemoval removal;
    private final Supplier<DuplicateThresholds> thresholds;
    private final LongSupplier stamp;
    private volatile Pass last;

    /** One pass, at one state of the library. */
    private record Pass(Stamp stamp, List<DuplicateStack> stacks, Map<Long, List<String>> places) {
    }

    /** The state of the library a pass was made at: the photos, and the links (hashes computed later move it). */
    private record Stamp(long library, NearDuplicateLinks.State links) {
    }

    /**
     * @param thresholds the library's model's thresholds, asked for at each pass (the model may be recorded later)
     * @param stamp      changes whenever a photo is added or removed (the store's embedding stamp)
     */
    public StoredPhotoDuplicates(ImageFingerprints fingerprints, NearDuplicateLinks links, LibraryQueries library,
            ImageRemoval removal, Supplier<DuplicateThresholds> thresholds, LongSupplier stamp) {
        this.fingerprints = Objects.requireNonNull(fingerprints, "fingerprints");
        this.links = Objects.requireNonNull(links, "links");
        this.library = Objects.requireNonNull(library, "library");
        this.removal = Objects.requireNonNull(removal, "removal");
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
        this.stamp = Objects.requireNonNull(stamp, "stamp");
    }

    @Override
    public List<PhotoStack> stacks(boolean exactOnly) {
        Pass pass = pass(exactOnly);
        Set<Long> stacked = new HashSet<>();
        List<Long> ids = new ArrayList<>(pass.places().keySet());
        pass.stacks().forEach(s -> ids.addAll(s.ids()));
        Map<Long, ImageRecord> records = records(ids);
        List<PhotoStack> stacks = new ArrayList<>();
        for (DuplicateStack stack : pass.stacks()) {
            stacked.addAll(stack.ids());
            ImageRecord keeper = records.get(stack.keeper().id());
            if (keeper == null) {
                continue; // removed since the pass
            }
            List<StackedPhoto> others = new ArrayList<>();
            for (StackMember member : stack.others()) {
                ImageRecord record = records.get(member.photo().id());
                if (record != null) {
                    others.add(new StackedPhoto(record, places(record, pass), reasons(member), member.describe()));
                }
            }
            if (!others.isEmpty()) {
                stacks.add(new PhotoStack(token(stack.ids(), sha256s(stack)), new StackedPhoto(keeper,
                        places(keeper, pass), List.of(), null), others));
            }
        }
        pass.places().forEach((id, places) -> {
            ImageRecord record = records.get(id);
            if (record != null && !stacked.contains(id)) {
                stacks.add(new PhotoStack(token(List.of(id), List.of(record.sha256())),
                        new StackedPhoto(record, places, List.of(), null), List.of()));
            }
        });
        stacks.sort(Comparator.comparingInt(PhotoStack::size).reversed()
                .thenComparing(s -> s.keeper().places().size(), Comparator.reverseOrder())
                .thenComparingLong(s -> s.keeper().image().id()));
        return stacks;
    }

    /**
     * From the last pass while the library is unchanged; else from the photos linked to this one, directly or
     * through others (complete links), or from the photos whose hash is close to this one's (a light read of every
     * hash), judged by the same rules as a full pass.
     */
    @Override
    public List<Long> nearDuplicatesOf(long imageId) {
        Pass cached = last;
        Stamp now = stamp();
        List<DuplicateStack> stacks;
        if (cached != null && cached.stamp().equals(now)) {
            stacks = cached.stacks();
        } else {
            DuplicateThresholds rules = thresholds.get();
            List<Long> near = linksComplete(now, rules) ? linkedTo(imageId) : closeHashes(imageId, rules);
            List<DuplicateCandidate> candidates = new ArrayList<>();
            if (near.size() > 1) {
                fingerprints.of(near).forEach(r -> candidates.add(candidate(r)));
            }
            stacks = candidates.size() > 1 ? new NearDuplicateFinder(rules).stacks(candidates) : List.of();
        }
        for (DuplicateStack stack : stacks) {
            List<Long> ids = stack.ids();
            if (ids.contains(imageId)) {
                List<Long> others = new ArrayList<>(ids);
                others.remove(imageId);
                return others;
            }
        }
        return List.of();
    }

    /** The photo and every photo linked to it, directly or through others (its stacks never reach further). */
    private List<Long> linkedTo(long imageId) {
        Map<Long, List<Long>> neighbours = new HashMap<>();
        links.forEach(l -> {
            neighbours.computeIfAbsent(l.firstId(), k -> new ArrayList<>()).add(l.secondId());
            neighbours.computeIfAbsent(l.secondId(), k -> new ArrayList<>()).add(l.firstId());
        });
        Set<Long> reached = new HashSet<>(List.of(imageId));
        List<Long> queue = new ArrayList<>(reached);
        for (int i = 0; i < queue.size(); i++) {
            for (long next : neighbours.getOrDefault(queue.get(i), List.of())) {
                if (reached.add(next)) {
                    queue.add(next);
                }
            }
        }
        return queue;
    }

    /** The photo and the photos whose hash is within a stack's reach of its own (a light read of every hash). */
    private List<Long> closeHashes(long imageId, DuplicateThresholds rules) {
        List<ImageFingerprints.Row> photo = fingerprints.of(List.of(imageId));
        List<Long> near = new ArrayList<>();
        if (photo.isEmpty()) {
            return near;
        }
        DuplicateCandidate self = candidate(photo.get(0));
        near.add(imageId);
        fingerprints.forEachHash((bytes, id) -> {
            if (id != imageId && self.hash() != null && close(self.hash(), bytes, rules)) {
                near.add(id);
            }
        });
        return near;
    }

    /** Whether a stored hash is within a stack's reach of {@code hash} under some quarter turn. */
    private static boolean close(PerceptualHash hash, byte[] stored, DuplicateThresholds rules) {
        return stored != null && PerceptualHash.isCurrent(stored)
                && (hash.rotationAwareDistance(PerceptualHash.fromBytes(stored)) >> 2) <= rules.stackDiameter();
    }

    @Override
    public Resolved resolve(String token, long keep, List<Long> remove) throws InterruptedException {
        List<Long> ids = idsOf(token);
        Set<Long> members = new HashSet<>(ids);
        if (remove.isEmpty()) {
            throw new IllegalArgumentException("name at least one photo to remove");
        }
        if (!members.contains(keep) || !members.containsAll(remove) || remove.contains(keep)) {
            throw new IllegalArgumentException("the photos to keep and to remove must be of the stack, and the kept one not"
                    + " among those removed");
        }
        List<ImageFingerprints.Row> rows = fingerprints.of(ids);
        if (rows.size() != ids.size()) {
            throw new StackChangedException("A photo of this stack was removed since the stack was read; read it again.");
        }
        Map<Long, ImageFingerprints.Row> byId = new HashMap<>();
        rows.forEach(r -> byId.put(r.id(), r));
        if (!token.equals(token(ids, ids.stream().map(id -> byId.get(id).sha256()).toList()))) {
            throw new StackChangedException("A photo of this stack changed since the stack was read; read it again.");
        }
        List<DuplicateStack> now = new NearDuplicateFinder(thresholds.get()).stacks(rows.stream().map(StoredPhotoDuplicates::candidate).toList());
        if (ids.size() > 1 && (now.size() != 1 || !new HashSet<>(now.get(0).ids()).equals(members))) {
            throw new StackChangedException("These photos are no longer one stack; read the duplicates again.");
        }
        List<ImageRemoval.Removed> removed = new ArrayList<>();
        for (long id : remove) {
            removal.remove(id).ifPresent(removed::add);
        }
        last = null;
        return new Resolved(keep, removed);
    }

    /** The last pass while the library is as it was, else a new one. */
    private Pass pass(boolean exactOnly) {
        Stamp now = stamp();
        Pass cached = last;
        if (cached != null && cached.stamp().equals(now)) {
            return cached;
        }
        Map<Long, List<String>> places = fingerprints.severalPlaces();
        if (exactOnly) {
            return new Pass(now, List.of(), places);
        }
        DuplicateThresholds rules = thresholds.get();
        long start = System.nanoTime();
        List<DuplicateCandidate> candidates = new ArrayList<>();
        boolean fromLinks = linksComplete(now, rules);
        if (fromLinks) {
            Set<Long> linked = new HashSet<>();
            links.forEach(l -> {
                linked.add(l.firstId());
                linked.add(l.secondId());
            });
            fingerprints.of(linked).forEach(row -> candidates.add(candidate(row))); // in id order, as a full pass reads them
        } else {
            fingerprints.forEach(row -> candidates.add(candidate(row)));
        }
        Pass fresh = new Pass(now, new NearDuplicateFinder(rules).stacks(candidates), places);
        LOG.info("Duplicates: {} stacks from {} in {} ms", fresh.stacks().size(), fromLinks
                ? candidates.size() + " photos with near-duplicate links (kept at import)"
                : "a full pass over " + candidates.size() + " photos (the links are not built yet)",
                (System.nanoTime() - start) / 1_000_000);
        last = fresh;
        return fresh;
    }

    private Stamp stamp() {
        return new Stamp(stamp.getAsLong(), links.state());
    }

    /** Whether the links name every pair the full pass would find with these distances. */
    private static boolean linksComplete(Stamp stamp, DuplicateThresholds rules) {
        return stamp.links().completeFor(IncrementalNearDuplicates.rule(rules));
    }

    private static DuplicateCandidate candidate(ImageFingerprints.Row row) {
        PerceptualHash hash = row.perceptualHash() != null && PerceptualHash.isCurrent(row.perceptualHash())
                ? PerceptualHash.fromBytes(row.perceptualHash()) : null;
        return new DuplicateCandidate(row.id(), row.sha256(), hash, row.embedding(), row.width(), row.height(),
                row.format() == null ? "unknown" : row.format(), row.byteSize(), row.oldestFile());
    }

    private Map<Long, ImageRecord> records(List<Long> ids) {
        Map<Long, ImageRecord> records = new HashMap<>();
        if (!ids.isEmpty()) {
            library.imagesByIds(ids).forEach(r -> records.put(r.id(), r));
        }
        return records;
    }

    private static List<String> places(ImageRecord record, Pass pass) {
        List<String> several = pass.places().get(record.id());
        if (several != null) {
            return several;
        }
        return record.storage() == StorageKind.INDEXED ? List.of(record.location()) : List.of();
    }

    private static List<String> reasons(StackMember member) {
        List<String> reasons = new ArrayList<>();
        for (DuplicateReason reason : DuplicateReason.values()) {
            if (member.reasons().contains(reason)) {
                reasons.add(reason.label());
            }
        }
        return reasons;
    }

    private static List<String> sha256s(DuplicateStack stack) {
        List<String> hashes = new ArrayList<>();
        hashes.add(stack.keeper().sha256());
        stack.others().forEach(m -> hashes.add(m.photo().sha256()));
        return hashes;
    }

    /** The ids in ascending order, then a digest of the ids and their content, in that order. */
    static String token(List<Long> ids, List<String> sha256s) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(ids::get));
        StringBuilder idText = new StringBuilder();
        StringBuilder content = new StringBuilder();
        for (int i : order) {
            idText.append(idText.length() == 0 ? "" : "-").append(ids.get(i));
            content.append(ids.get(i)).append(':').append(sha256s.get(i)).append('\n');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.toString().getBytes(StandardCharsets.UTF_8));
            return idText + "." + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The ids a token names, in ascending order. */
    static List<Long> idsOf(String token) {
        Optional<String> ids = Optional.ofNullable(token).filter(t -> t.matches("\\d{1,18}(-\\d{1,18}){0,999}\\.[0-9a-f]{24}"))
                .map(t -> t.substring(0, t.indexOf('.')));
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("the stack's token is not one this library gave");
        }
        List<Long> parsed = new ArrayList<>();
        for (String id : ids.get().split("-")) {
            parsed.add(Long.parseLong(id));
        }
        if (parsed.size() > MAX_TOKEN_IDS || new HashSet<>(parsed).size() != parsed.size()) {
            throw new IllegalArgumentException("the stack's token is not one this library gave");
        }
        return parsed;
    }
}
