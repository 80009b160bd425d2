package org.imageorganizer.ui.grid;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.services.PhotoDuplicates.PhotoStack;
import org.imageorganizer.services.PhotoDuplicates.StackedPhoto;

/**
 * The library's stacks of near-duplicates as the grid uses them: a map from each stacked photo's id to
 * its stack, made once per library change (never a query per cell), and the layout of a list of images
 * with each stack folded into one tile, or opened inline after it. Plain Java, no JavaFX.
 */
final class GridStacks {
    static final GridStacks NONE = new GridStacks(Map.of());

    /** Each stacked photo's stack: its ids, the suggested keeper first; the first id names the stack. */
    private final Map<Long, long[]> stackOf;

    private GridStacks(Map<Long, long[]> stackOf) {
        this.stackOf = stackOf;
    }

    /** The stacks of two photos or more (a photo in several places alone is not one for the grid). */
    static GridStacks of(List<PhotoStack> stacks) {
        Map<Long, long[]> stackOf = new HashMap<>();
        for (PhotoStack stack : stacks) {
            if (stack.others().isEmpty()) {
                continue;
            }
            long[] ids = new long[stack.size()];
            ids[0] = stack.keeper().image().id();
            int i = 1;
            for (StackedPhoto other : stack.others()) {
                ids[i++] = other.image().id();
            }
            for (long id : ids) {
                stackOf.put(id, ids);
            }
        }
        return new GridStacks(stackOf);
    }

    /** How many photos are stacked. */
    int stackedPhotos() {
        return stackOf.size();
    }

    /**
     * How a list of images shows with its stacks: the photos of a stack that are in the list make one tile
     * (the suggested keeper when it is there) at the place of the first of them; an open stack shows the
     * others right after its tile. A stack with one photo in the list is no stack there.
     *
     * @param open the stacks shown open, by the id that names them ({@link Layout#stackOf(long)})
     */
    Layout layout(List<ImageRecord> source, Set<Long> open) {
        if (stackOf.isEmpty()) {
            return new Layout(source, Map.of(), Map.of(), Set.of());
        }
        Map<Long, List<ImageRecord>> present = new HashMap<>();
        for (ImageRecord image : source) {
            long[] stack = stackOf.get(image.id());
            if (stack != null) {
                present.computeIfAbsent(stack[0], k -> new ArrayList<>(2)).add(image);
            }
        }
        List<ImageRecord> shown = new ArrayList<>(source.size());
        Map<Long, Integer> tileSizes = new HashMap<>();
        Map<Long, Long> tileStack = new HashMap<>();
        Set<Long> openMembers = new HashSet<>();
        for (ImageRecord image : source) {
            long[] stack = stackOf.get(image.id());
            List<ImageRecord> here = stack == null ? null : present.get(stack[0]);
            if (here == null || here.size() < 2) {
                shown.add(image);
                continue;
            }
            if (here.get(0) != image) {
                continue; // shown in its stack's tile (or after it, when open)
            }
            List<ImageRecord> ordered = new ArrayList<>(here);
            ordered.sort(Comparator.comparingInt(member -> position(stack, member.id())));
            ImageRecord tile = ordered.get(0);
            shown.add(tile);
            tileSizes.put(tile.id(), ordered.size());
            tileStack.put(tile.id(), stack[0]);
            if (open.contains(stack[0])) {
                for (ImageRecord member : ordered.subList(1, ordered.size())) {
                    shown.add(member);
                    openMembers.add(member.id());
                }
            }
        }
        return new Layout(shown, tileSizes, tileStack, openMembers);
    }

    private static int position(long[] stack, long id) {
        for (int i = 0; i < stack.length; i++) {
            if (stack[i] == id) {
                return i;
            }
        }
        return stack.length;
    }

    /**
     * A list of images as the grid shows it.
     *
     * @param images      what the grid shows, in order
     * @param tileSizes   for each tile of a stack, how many of the list's photos it stands for
     * @param tileStack   for each tile, the id that names its stack
     * @param openMembers the photos shown after their tile because their stack is open
     */
    record Layout(List<ImageRecord> images, Map<Long, Integer> tileSizes, Map<Long, Long> tileStack,
            Set<Long> openMembers) {
        static final Layout EMPTY = new Layout(List.of(), Map.of(), Map.of(), Set.of());

        /** The id naming the stack this image is the tile of, or null. */
        Long stackOf(long tileId) {
            return tileStack.get(tileId);
        }
    }
}
