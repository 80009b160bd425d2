package org.imageorganizer.cluster;

import java.util.ArrayList;
import java.util.List;

/**
 * Duplicates and near-duplicates of one picture (docs/decisions/0033).
 *
 * @param keeper the suggested photo to keep: the most pixels, then the oldest file, then the lowest id
 * @param others every other photo of the stack with why it is there, most alike first
 */
public record DuplicateStack(DuplicateCandidate keeper, List<StackMember> others) {
    public DuplicateStack {
        others = List.copyOf(others);
    }

    /** Photos in the stack, the keeper included. */
    public int size() {
        return others.size() + 1;
    }

    /** The keeper's id, then the others' in order. */
    public List<Long> ids() {
        List<Long> ids = new ArrayList<>(size());
        ids.add(keeper.id());
        others.forEach(m -> ids.add(m.photo().id()));
        return ids;
    }
}
