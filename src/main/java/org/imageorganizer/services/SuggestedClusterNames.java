package org.imageorganizer.services;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.imageorganizer.ml.NameSuggester;
import org.imageorganizer.model.ClusterIdentity;
import org.imageorganizer.store.ClusterRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Suggests a name for every cluster that has none suggested yet (ADR 0045): the vocabulary term nearest the
 * cluster's mean embedding, stored with its identity, so that every front end shows it (marked as a suggestion)
 * until the user names the cluster. A cluster keeps its suggestion across recomputations, as it keeps its name.
 * Needs the model's vocabulary embeddings ({@link NameSuggester}); blocks on the database.
 */
public final class SuggestedClusterNames {
    private static final Logger LOG = LoggerFactory.getLogger(SuggestedClusterNames.class);

    private final ClusterRepository clusters;

    public SuggestedClusterNames(ClusterRepository clusters) {
        this.clusters = Objects.requireNonNull(clusters, "clusters");
    }

    /** Suggests names for the clusters without one; returns how many it stored. */
    public synchronized int suggest(NameSuggester suggester) {
        Map<String, String> suggestions = new LinkedHashMap<>();
        for (ClusterIdentity identity : clusters.identities()) {
            if (identity.suggestedName() != null) {
                continue;
            }
            List<float[]> photos = clusters.embeddingsOf(identity.group(), identity.clusterId());
            if (!photos.isEmpty()) {
                suggestions.put(identity.key(), suggester.suggest(photos, 1).get(0).name());
            }
        }
        int stored = clusters.suggest(suggestions);
        if (stored > 0) {
            LOG.info("Suggested names for {} clusters", stored);
        }
        return stored;
    }
}
