package org.imageorganizer.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Chooses a stack's keeper and says why each other photo is in it (docs/decisions/0033). */
final class StackExplainer {
    /** The keeper first: the most pixels, then the oldest file (unknown times last), then the lowest id. */
    static final Comparator<DuplicateCandidate> KEEPER_FIRST = Comparator
            .comparingLong(DuplicateCandidate::pixels).reversed()
            .thenComparing(DuplicateCandidate::time, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingLong(DuplicateCandidate::id);

    /**
     * Resizing, recompressing and converting moved hashes by at most 4 bits in the quality set; beyond that the
     * pixels changed: a crop (when the shape is the same) or an edit.
     */
    static final int UNCHANGED_PICTURE_DISTANCE = 4;

    private StackExplainer() {
    }

    /** A stack of these photos (at least two), each hash the one to compare (shared within equal content). */
    static DuplicateStack explain(List<DuplicateCandidate> photos, HashOf hashes) {
        List<DuplicateCandidate> ordered = new ArrayList<>(photos);
        ordered.sort(KEEPER_FIRST);
        DuplicateCandidate keeper = ordered.get(0);
        List<StackMember> others = new ArrayList<>();
        for (DuplicateCandidate photo : ordered.subList(1, ordered.size())) {
            others.add(member(keeper, photo, hashes));
        }
        others.sort(Comparator.comparingInt((StackMember m) -> m.reasons().contains(DuplicateReason.SAME_CONTENT) ? 0 : 1)
                .thenComparingInt(StackMember::hashDistance).thenComparing(m -> m.photo(), KEEPER_FIRST));
        return new DuplicateStack(keeper, others);
    }

    /** The hash a photo is compared by. */
    @FunctionalInterface
    interface HashOf {
        org.imageorganizer.model.PerceptualHash of(DuplicateCandidate photo);
    }

    static StackMember member(DuplicateCandidate keeper, DuplicateCandidate photo, HashOf hashes) {
        if (keeper.sha256().equals(photo.sha256())) {
            return new StackMember(photo, Set.of(DuplicateReason.SAME_CONTENT), 0, 0);
        }
        int found = hashes.of(keeper).rotationAwareDistance(hashes.of(photo));
        int distance = found >> 2;
        int turns = found & 3;
        Set<DuplicateReason> reasons = EnumSet.noneOf(DuplicateReason.class);
        if (turns != 0) {
            reasons.add(DuplicateReason.ROTATED);
        }
        int width = turns % 2 == 0 ? photo.width() : photo.height(); // as the keeper is turned
        int height = turns % 2 == 0 ? photo.height() : photo.width();
        boolean sameSize = width == keeper.width() && height == keeper.height();
        boolean changed = distance > UNCHANGED_PICTURE_DISTANCE;
        if (!sameFraming(keeper.width(), keeper.height(), width, height)) {
            reasons.add(DuplicateReason.CROPPED);
        } else if (!sameSize) {
            reasons.add(changed ? DuplicateReason.CROPPED : DuplicateReason.RESIZED);
        }
        boolean sameFormat = photo.format().equals(keeper.format());
        if (!sameFormat) {
            reasons.add(DuplicateReason.CONVERTED);
        }
        boolean unexplained = sameSize && sameFormat && turns == 0; // the bytes differ, and nothing says why
        if (unexplained || (changed && !reasons.contains(DuplicateReason.CROPPED))) {
            reasons.add(DuplicateReason.EDITED);
        }
        return new StackMember(photo, reasons, distance, turns);
    }

    /** Same width-to-height ratio, allowing for rounding to whole pixels (1%, or 2 pixels of a small picture). */
    static boolean sameFraming(int keeperWidth, int keeperHeight, int width, int height) {
        double ratio = (double) width * keeperHeight / ((double) height * keeperWidth);
        double tolerance = Math.max(0.01, 2.0 / Math.min(width, height));
        return Math.abs(ratio - 1) <= tolerance;
    }
}
