package org.imageorganizer.architecture.planted.api;

import org.imageorganizer.architecture.planted.store.PlantedRepository;

/** A front end reaching into the store: LayerRulesTest checks that its rules catch this. */
public final class PlantedRoute {
    public int count(PlantedRepository repository) {
        return repository.count();
    }
}
