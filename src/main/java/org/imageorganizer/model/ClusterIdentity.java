package org.imageorganizer.model;

import java.util.Objects;

/**
 * What stays of a sub-cluster across recomputations: its number in the group, an opaque key (for the
 * API, stable for as long as the cluster lives), the name the user gave it and its cover photo.
 *
 * @param group        the object → background group
 * @param clusterId    the cluster's number in its group (0, 1, 2…; never the noise)
 * @param key          opaque, URL-safe, unique in the library
 * @param name         the user's name, null until named
 * @param coverImageId the photo nearest the cluster's centre when it was computed; null when unknown
 * @param suggestedName a name suggested from the program's vocabulary (ADR 0045), null until computed
 */
public record ClusterIdentity(GroupKey group, int clusterId, String key, String name, Long coverImageId,
        String suggestedName) {
    /** An identity without a suggested name. */
    public ClusterIdentity(GroupKey group, int clusterId, String key, String name, Long coverImageId) {
        this(group, clusterId, key, name, coverImageId, null);
    }

    public ClusterIdentity {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(key, "key");
        if (clusterId < 0) {
            throw new IllegalArgumentException("only a cluster has an identity, not id " + clusterId);
        }
    }
}
