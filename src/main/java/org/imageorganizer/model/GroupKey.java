package org.imageorganizer.model;

/** An object → background group: the unit that is sub-clustered. */
public record GroupKey(String objectLabel, String backgroundLabel) implements Comparable<GroupKey> {
    @Override
    public int compareTo(GroupKey o) {
        int c = objectLabel.compareTo(o.objectLabel);
        return c != 0 ? c : backgroundLabel.compareTo(o.backgroundLabel);
    }

    @Override
    public String toString() {
        return objectLabel + " / " + backgroundLabel;
    }
}
