package org.imageorganizer.cluster;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.imageorganizer.model.GroupKey;
import org.imageorganizer.store.ImageRepository;

/**
 * The library's object → background groups, kept up to date cheaply while images are added (as
 * during uploads). Instead of reading every image's labels again (a scan of the group index), it
 * reads the images added since (ids above the largest it knows) and checks that the library's
 * image count (which H2 and PostgreSQL give without reading the rows) is what it now knows; when
 * it is not (a deletion, or an insert that committed after a larger id had been seen) it reads
 * everything again. A deletion that exactly offsets such a late insert goes unnoticed until the
 * next full read, which the debounced re-clustering both of them trigger makes within seconds.
 * Groups that did not change keep their list instance. Thread-safe.
 */
final class Membership {
    private final ImageRepository images;
    private volatile Known known;

    private record Known(Map<GroupKey, List<Long>> groups, long count, long maxId) {
        static Known of(Map<GroupKey, List<Long>> groups) {
            long count = 0;
            long max = 0;
            for (List<Long> ids : groups.values()) {
                count += ids.size();
                max = Math.max(max, ids.isEmpty() ? 0 : ids.get(ids.size() - 1));
            }
            return new Known(groups, count, max);
        }
    }

    Membership(ImageRepository images) {
        this.images = images;
    }

    /** The groups as the library has them now; ids ascending within each, groups in {@link GroupKey} order. */
    Map<GroupKey, List<Long>> current() {
        Known last = known;
        if (last != null) {
            Map<GroupKey, List<Long>> added = images.groupMembershipAfter(last.maxId());
            Known merged = added.isEmpty() ? last : Known.of(merge(last.groups(), added));
            if (merged.count() == images.count()) {
                known = merged;
                return merged.groups();
            }
        }
        return reload();
    }

    /** Reads every image's group again. */
    Map<GroupKey, List<Long>> reload() {
        Map<GroupKey, List<Long>> groups = images.groupMembership();
        known = Known.of(groups);
        return groups;
    }

    private static Map<GroupKey, List<Long>> merge(Map<GroupKey, List<Long>> groups, Map<GroupKey, List<Long>> added) {
        Map<GroupKey, List<Long>> merged = new TreeMap<>(groups);
        added.forEach((key, ids) -> {
            List<Long> old = merged.get(key);
            if (old == null) {
                merged.put(key, ids);
            } else {
                List<Long> both = new ArrayList<>(old.size() + ids.size());
                both.addAll(old);
                both.addAll(ids); // every added id is above every known one
                merged.put(key, List.copyOf(both));
            }
        });
        return Collections.unmodifiableMap(merged);
    }
}
