package org.imageorganizer.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A photo of a stack other than its keeper, and why it is there.
 *
 * @param photo        the photo
 * @param reasons      how it differs from the keeper, in {@link DuplicateReason} order; {@code SAME_CONTENT} alone
 *                     for identical content
 * @param hashDistance bits between its hash and the keeper's after turning (0 for identical content)
 * @param quarterTurns the keeper turned clockwise this many quarter turns looks like this photo (0..3)
 */
public record StackMember(DuplicateCandidate photo, Set<DuplicateReason> reasons, int hashDistance,
        int quarterTurns) {
    public StackMember {
        reasons = Set.copyOf(reasons);
    }

    /**
     * One sentence for people: "Same content", "Same picture, resized and converted to PNG", "Same picture, rotated
     * 90° clockwise and re-saved or edited".
     */
    public String describe() {
        if (reasons.contains(DuplicateReason.SAME_CONTENT)) {
            return "Same content";
        }
        List<String> parts = new ArrayList<>();
        for (DuplicateReason reason : DuplicateReason.values()) {
            if (reasons.contains(reason)) {
                parts.add(switch (reason) {
                    case ROTATED -> "rotated " + quarterTurns * 90 + "° clockwise";
                    case CONVERTED -> "converted to " + photo.format().toUpperCase(Locale.ROOT);
                    default -> reason.label();
                });
            }
        }
        if (parts.isEmpty()) {
            return "Same picture";
        }
        String last = parts.remove(parts.size() - 1);
        return "Same picture, " + (parts.isEmpty() ? last : String.join(", ", parts) + " and " + last);
    }
}
