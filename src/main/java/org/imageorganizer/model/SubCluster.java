package org.imageorganizer.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sub-cluster inside one object → background group. Besides the computed clusters, a group's
 * list may end with one <em>pending</em> entry: the images the clustering has not reached yet (added
 * since it was computed), until the next recomputation places them. Its JSON is
 * {@code {"cluster_id": null, "pending": true, "image_ids": [...]}}.
 *
 * <p>A stored cluster also has an identity ({@link ClusterIdentity}): its opaque key, the user's name
 * (null until named) and its cover photo; its JSON then ends with {@code "cluster_key"}, {@code "name"}
 * (null until named) and {@code "cover_image_id"}, then {@code "suggested_name"} once one was made (ADR 0045). The noise
 * and the pending entry have none.
 *
 * @param clusterId    0, 1, 2… stable across recomputations (ADR 0043), {@link #NOISE_ID} for the images no
 *                     cluster took ("Ungrouped"), {@link #PENDING_ID} for the pending entry (null in JSON)
 * @param noise        true for the images no cluster took
 * @param pending      true for the images waiting for the next clustering
 * @param imageIds     ascending image ids
 * @param clusterKey   the cluster's opaque key, null when it has no identity (yet)
 * @param name         the user's name for it, null until named
 * @param coverImageId the photo nearest its centre, null when unknown
 * @param suggestedName a name suggested from the program's vocabulary (ADR 0045), null when there is none yet;
 *                     the user's {@code name} comes first wherever it is shown
 */
@JsonPropertyOrder({"cluster_id", "noise", "pending", "image_ids"})
public record SubCluster(
        @JsonIgnore int clusterId,
        @JsonProperty("noise") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean noise,
        @JsonProperty("pending") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean pending,
        @JsonProperty("image_ids") List<Long> imageIds,
        @JsonIgnore String clusterKey,
        @JsonIgnore String name,
        @JsonIgnore Long coverImageId,
        @JsonIgnore String suggestedName) {
    public static final int NOISE_ID = -1;
    /** The id of the pending entry, never stored: it is null in JSON. */
    public static final int PENDING_ID = -2;

    public SubCluster {
        imageIds = List.copyOf(imageIds);
        if (pending != (clusterId == PENDING_ID) || pending && noise) {
            throw new IllegalArgumentException("a pending entry has the id " + PENDING_ID + " and no other does, got "
                    + clusterId + (pending ? " pending" : "") + (noise ? " noise" : ""));
        }
        if (clusterId < 0 && (clusterKey != null || name != null || coverImageId != null || suggestedName != null)) {
            throw new IllegalArgumentException("only a cluster has a key, a name or a cover, not id " + clusterId);
        }
    }

    /** A cluster with its identity but no suggested name. */
    public SubCluster(int clusterId, boolean noise, boolean pending, List<Long> imageIds, String clusterKey, String name,
            Long coverImageId) {
        this(clusterId, noise, pending, imageIds, clusterKey, name, coverImageId, null);
    }

    /** A computed cluster (or the noise, with {@link #NOISE_ID}), without identity. */
    public SubCluster(int clusterId, boolean noise, List<Long> imageIds) {
        this(clusterId, noise, false, imageIds, null, null, null);
    }

    /** A computed cluster with its cover photo, not stored yet (so without key or name). */
    public SubCluster(int clusterId, List<Long> imageIds, Long coverImageId) {
        this(clusterId, false, false, imageIds, null, null, coverImageId);
    }

    /** A pending entry or a computed cluster without identity (the form of earlier versions). */
    public SubCluster(int clusterId, boolean noise, boolean pending, List<Long> imageIds) {
        this(clusterId, noise, pending, imageIds, null, null, null);
    }

    /** The entry of the images no clustering has reached yet. */
    public static SubCluster pending(List<Long> imageIds) {
        return new SubCluster(PENDING_ID, false, true, imageIds);
    }

    /** This cluster under another number (identity left out: it is the number's). */
    public SubCluster renumbered(int newId) {
        return new SubCluster(newId, noise, pending, imageIds, null, null, coverImageId);
    }

    /** This cluster with fewer images; a cover no longer among them is dropped. */
    public SubCluster withImages(List<Long> kept) {
        return new SubCluster(clusterId, noise, pending, kept, clusterKey, name,
                coverImageId != null && kept.contains(coverImageId) ? coverImageId : null, suggestedName);
    }

    /** This cluster with the identity stored for it (its key, name and cover). */
    public SubCluster withIdentity(ClusterIdentity identity) {
        return new SubCluster(clusterId, noise, pending, imageIds, identity.key(), identity.name(),
                identity.coverImageId(), identity.suggestedName());
    }

    /** The id as JSON shows it: null for the pending entry. */
    @JsonProperty("cluster_id")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    Integer jsonClusterId() {
        return pending ? null : clusterId;
    }

    /**
     * The identity as JSON shows it: {@code cluster_key}, {@code name} (null until named) and {@code cover_image_id},
     * in that order, for a cluster with an identity; empty for the others.
     */
    @JsonAnyGetter
    public Map<String, Object> identityJson() {
        if (clusterKey == null) {
            return Map.of();
        }
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("cluster_key", clusterKey);
        identity.put("name", name);
        identity.put("cover_image_id", coverImageId);
        if (suggestedName != null) {
            identity.put("suggested_name", suggestedName);
        }
        return identity;
    }
}
