package org.imageorganizer.services;

import java.util.List;
import org.imageorganizer.model.ClusterIdentity;
import org.imageorganizer.model.GroupKey;

/**
 * Names the library's clusters (issue 18, ADR 0043), for every front end. A cluster is found by its number
 * in its object → background group (as the tree shows it) or by its opaque key (as the REST API names it);
 * its name is the user's, kept while the cluster keeps its identity across recomputations. The tree of
 * {@link LibraryQueries} carries the names, keys and covers; a change shows in every reader's next tree.
 * Blocks on the database: not for the FX thread.
 */
public interface ClusterNaming {
    /** The longest name, in UTF-16 units. */
    int MAX_NAME_LENGTH = 200;

    /**
     * Names a cluster, or with {@code name} null clears its name.
     *
     * @param name the name (surrounding white space is removed), or null to clear it
     * @return the cluster's identity with its new name
     * @throws UnknownClusterException when the group has no such cluster (the noise has none)
     * @throws InvalidClusterNameException when the name is empty, too long or has control characters
     */
    ClusterIdentity name(GroupKey group, int clusterId, String name);

    /** As {@link #name(GroupKey, int, String)}, for the cluster with this key. */
    ClusterIdentity nameByKey(String clusterKey, String name);

    /** Every cluster's identity: key, name (null when unnamed) and cover, by group and number. */
    List<ClusterIdentity> identities();

    /**
     * The name as it is stored: stripped of surrounding white space, checked.
     *
     * @return the name, or null for null (a name cleared)
     * @throws InvalidClusterNameException when it is empty, longer than {@link #MAX_NAME_LENGTH} or has a control
     *                                     character
     */
    static String checkedName(String name) {
        if (name == null) {
            return null;
        }
        String stripped = name.strip();
        if (stripped.isEmpty()) {
            throw new InvalidClusterNameException("A cluster's name cannot be empty.");
        }
        if (stripped.length() > MAX_NAME_LENGTH) {
            throw new InvalidClusterNameException("A cluster's name can have at most " + MAX_NAME_LENGTH
                    + " characters; this one has " + stripped.length() + ".");
        }
        if (stripped.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidClusterNameException("A cluster's name cannot hold control characters such as line breaks"
                    + " or tabs.");
        }
        return stripped;
    }
}
