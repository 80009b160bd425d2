package org.imageorganizer.architecture.planted.store;

import org.imageorganizer.architecture.planted.cluster.PlantedClusterer;

/** Half of a planted package cycle (store -> cluster -> store): LayerRulesTest checks that its rules catch it. */
public final class PlantedRepository {
    public int count() {
        return new PlantedClusterer().size();
    }
}
