package org.imageorganizer.model;

/**
 * An image that has no cloud copy, and why.
 *
 * @param imageId  the image
 * @param fileName its file name as the user knows it
 * @param location where it is kept locally (a path for originals, a key for the managed folder)
 * @param reason   one sentence
 */
public record SyncFailure(long imageId, String fileName, String location, String reason) {
}
