package org.imageorganizer.model;

/**
 * What taking another library's corrections did.
 *
 * @param corrections      corrections taken (a content this library had a correction for keeps its own)
 * @param categoriesAdded  categories they named that this library did not have
 * @param photosRelabelled photos of this library that show a taken choice now (the rest wait for their import)
 */
public record CorrectionsTaken(int corrections, int categoriesAdded, int photosRelabelled) {
}
