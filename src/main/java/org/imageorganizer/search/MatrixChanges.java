package org.imageorganizer.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A new matrix from an old one and a list of changes: a merge in id order, the old rows copied as they are. */
final class MatrixChanges {
    private MatrixChanges() {
    }

    static Int8Matrix apply(Int8Matrix old, EmbeddingSource.Changes changes) {
        Set<Long> gone = new HashSet<>(changes.removedIds());
        List<EmbeddingRow> added = new ArrayList<>(changes.upserted());
        added.sort(Comparator.comparingLong(EmbeddingRow::id));
        for (EmbeddingRow row : added) {
            gone.add(row.id());
        }
        Int8Matrix.Builder b = new Int8Matrix.Builder();
        int next = 0;
        for (int row = 0; row < old.rows(); row++) {
            long id = old.id(row);
            while (next < added.size() && added.get(next).id() < id) {
                b.add(added.get(next++));
            }
            if (!gone.contains(id)) {
                b.copy(old, row);
            }
        }
        while (next < added.size()) {
            b.add(added.get(next++));
        }
        return b.build();
    }
}
