package org.imageorganizer.cluster;

import elki.data.NumberVector;
import elki.data.type.TypeUtil;
import elki.database.Database;
import elki.database.StaticArrayDatabase;
import elki.database.ids.DBIDIter;
import elki.database.ids.DBIDRange;
import elki.database.ids.DBIDs;
import elki.database.ids.DBIDUtil;
import elki.database.relation.Relation;
import elki.datasource.ArrayAdapterDatabaseConnection;

import java.util.Arrays;

/**
 * An in-memory ELKI relation built from a {@code double[][]}, and the way back from ELKI's DBIDs to input
 * indices.
 *
 * <p>ELKI numbers objects with a JVM-wide counter, so the DBIDs of a new database do not start at 0; a
 * {@link StaticArrayDatabase} hands out one contiguous {@link DBIDRange} in input order, and
 * {@link DBIDRange#getOffset} gives the input index of a DBID.
 */
final class ElkiRelation {
    private final Relation<NumberVector> relation;
    private final DBIDRange range;
    private final int[] labels;

    /** Loads the vectors into a fresh static database (after making ELKI's logging quiet). */
    ElkiRelation(double[][] data) {
        ElkiLogging.ensureQuiet();
        Database db = new StaticArrayDatabase(new ArrayAdapterDatabaseConnection(data));
        db.initialize();
        relation = db.getRelation(TypeUtil.NUMBER_VECTOR_FIELD);
        DBIDs ids = relation.getDBIDs();
        if (!(ids instanceof DBIDRange) || ids.size() != data.length) {
            throw new IllegalStateException("ELKI did not assign a contiguous DBID range to the " + data.length
                    + " input vectors (got " + ids.getClass().getSimpleName() + " of size " + ids.size() + ")");
        }
        range = (DBIDRange) ids;
        labels = new int[data.length];
        Arrays.fill(labels, Integer.MIN_VALUE);
    }

    /** The relation to run algorithms on. */
    Relation<NumberVector> relation() {
        return relation;
    }

    /**
     * Gives every object in {@code ids} the raw label {@code label}.
     *
     * @throws IllegalStateException if an object already has a label (ELKI returned overlapping clusters)
     */
    void assign(DBIDs ids, int label) {
        for (DBIDIter it = ids.iter(); it.valid(); it.advance()) {
            int index = range.getOffset(it);
            if (index < 0 || index >= labels.length) {
                throw new IllegalStateException("DBID " + DBIDUtil.toString(it) + " is not one of the input vectors");
            }
            if (labels[index] != Integer.MIN_VALUE) {
                throw new IllegalStateException("vector " + index + " was put in two clusters");
            }
            labels[index] = label;
        }
    }

    /**
     * The canonical labels (see {@link ClusteringInputs#canonical}) once every object is assigned.
     *
     * @throws IllegalStateException if ELKI left an object out
     */
    int[] canonicalLabels() {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == Integer.MIN_VALUE) {
                throw new IllegalStateException("vector " + i + " was not assigned to any cluster or to noise");
            }
        }
        return ClusteringInputs.canonical(labels);
    }
}
