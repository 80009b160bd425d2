package org.imageorganizer.architecture.planted.cluster;

import org.imageorganizer.architecture.planted.store.PlantedRepository;

/** The other half of the planted cycle. */
public final class PlantedClusterer {
    public int size() {
        return 0;
    }

    public PlantedRepository repository() {
        return new PlantedRepository();
    }
}
