package org.imageorganizer.cluster;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
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
    private final LongSupplier labelSerial;
    private volatile Known known;

    private record Known(Map<GroupKey, List<Long>> groups, long count, long maxId, long labelSerial) {
        static Known of(Map<GroupKey, List<Long>> groups, long labelSerial) {
            long count = 0;
            long max = 0;
            for (List<Long> ids : groups.values()) {
                count += ids.size();
                max = Math.max(max, ids.isEmpty() ? 0 : ids.get(ids.size() - 1));
            }
            return new Known(groups, count, max, labelSerial);
        }
    }

    /**
     * @param labelSerial counts the changes of existing images' labels (corrections, re-sorts): when it moves, every
     *                    image's group is read again
     */
    Membership(ImageRepository images, LongSupplier labelSerial) {
        this.images = images;
        this.labelSerial = labelSerial;
    }

    /** The groups as the library has them now; ids ascending within each, groups in {@link GroupKey} order. */
    Map<GroupKey, List<Long>> current() {
        Known last = known;
        if (last != null && last.labelSerial() == labelSerial.getAsLong()) {
            Map<GroupKey, List<Long>> added = images.groupMembershipAfter(last.maxId());
            Known merged = added.isEmpty() ? last : Known.of(merge(last.groups(), added), last.labelSerial());
            if (merged.count() == images.count()) {
                known = merged;
                return merged.groups();
            }
        }
        return reload();
    }

    /** Reads every image's group again. */
    Map<GroupKey, List<Long>> reload() {
        long serial = labelSerial.getAsLong(); // before the read: a change during it is seen next time
        Map<GroupKey, List<Long>> groups = images.groupMembership();
        known = Known.of(groups, serial);
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
