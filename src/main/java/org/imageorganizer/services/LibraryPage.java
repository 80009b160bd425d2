package org.imageorganizer.services;

import java.util.List;
import org.imageorganizer.model.ImageRecord;

/**
 * One page of the library's images, newest first (see {@link LibraryQueries#page}).
 *
 * @param images     the images on this page
 * @param total      how many images match in all
 * @param offset     where this page starts
 * @param limit      the most images a page holds
 * @param nextOffset where the next page starts, or null when this is the last
 */
public record LibraryPage(List<ImageRecord> images, long total, int offset, int limit, Integer nextOffset) {
}
