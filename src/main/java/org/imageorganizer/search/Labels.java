package org.imageorganizer.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A dictionary of label names to small codes, so that each row of the matrix holds its labels as
 * two bytes and a filter compares numbers. Code {@link #NONE} stands for "no label".
 */
final class Labels {
    static final short NONE = -1;
    /** A code that no row holds: a filter on a label the library does not have. */
    static final int ABSENT = Integer.MIN_VALUE + 1;

    private final Map<String, Short> codes = new HashMap<>();
    private final List<String> names = new ArrayList<>();

    short codeOf(String name) {
        if (name == null) {
            return NONE;
        }
        Short code = codes.get(name);
        if (code != null) {
            return code;
        }
        if (names.size() > Short.MAX_VALUE) {
            throw new IllegalStateException("more than " + (Short.MAX_VALUE + 1) + " distinct labels");
        }
        short next = (short) names.size();
        codes.put(name, next);
        names.add(name);
        return next;
    }

    /** The code to filter on: {@link #ABSENT} when no row has this label. */
    int lookup(String name) {
        if (name == null) {
            return NONE;
        }
        Short code = codes.get(name);
        return code == null ? ABSENT : code;
    }

    String name(short code) {
        return code == NONE ? null : names.get(code);
    }

    int size() {
        return names.size();
    }
}
