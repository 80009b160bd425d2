package org.imageorganizer.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Union-find whose merges are guarded by complete linkage: two sets merge only if every element of one is
 * compatible with every element of the other, so a stack never holds two photos that are not near-duplicates of
 * each other, however they were chained (docs/decisions/0033). A refused merge costs at most the product of the two
 * sets' sizes; stacks are small.
 */
final class StackUnion {
    /** Whether two elements may be in one set. */
    @FunctionalInterface
    interface Compatibility {
        boolean compatible(int a, int b);
    }

    private final int[] parent;
    private final int[] size;
    /** Members of a root's set as a linked list: first[root], then next[...], -1 at the end. */
    private final int[] next;
    private final int[] last;
    private final Compatibility compatibility;

    StackUnion(int elements, Compatibility compatibility) {
        this.compatibility = compatibility;
        parent = new int[elements];
        size = new int[elements];
        next = new int[elements];
        last = new int[elements];
        for (int i = 0; i < elements; i++) {
            parent[i] = i;
            size[i] = 1;
            next[i] = -1;
            last[i] = i;
        }
    }

    int find(int x) {
        int root = x;
        while (parent[root] != root) {
            root = parent[root];
        }
        while (parent[x] != root) {
            int up = parent[x];
            parent[x] = root;
            x = up;
        }
        return root;
    }

    /** Merges the sets of a and b when all their cross pairs are compatible; true when they are (now) one set. */
    boolean merge(int a, int b) {
        int ra = find(a);
        int rb = find(b);
        if (ra == rb) {
            return true;
        }
        for (int x = ra; x >= 0; x = next[x]) {
            for (int y = rb; y >= 0; y = next[y]) {
                if (!compatibility.compatible(x, y)) {
                    return false;
                }
            }
        }
        if (size[ra] < size[rb]) {
            int t = ra;
            ra = rb;
            rb = t;
        }
        parent[rb] = ra;
        size[ra] += size[rb];
        next[last[ra]] = rb;
        last[ra] = last[rb];
        return true;
    }

    /** The sets of at least two elements, each in ascending order, ordered by their smallest element. */
    List<int[]> groups() {
        List<int[]> groups = new ArrayList<>();
        boolean[] done = new boolean[parent.length];
        for (int i = 0; i < parent.length; i++) {
            int root = find(i);
            if (size[root] < 2 || done[root]) {
                continue;
            }
            done[root] = true;
            int[] members = new int[size[root]];
            int at = 0;
            for (int x = root; x >= 0; x = next[x]) {
                members[at++] = x;
            }
            Arrays.sort(members);
            groups.add(members);
        }
        return groups;
    }
}
