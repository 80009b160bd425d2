package org.imageorganizer.search;

/**
 * One result: an image id and its cosine similarity to the query, in [-1, 1].
 *
 * @param id    the image's id
 * @param score its cosine similarity to the query as the index computes it (int8 rows: within about
 *              0.002 of the float cosine)
 */
public record SearchHit(long id, float score) {

    /** Best first: higher score, then lower id, so that equal scores always come in the same order. */
    static int rank(float scoreA, long idA, float scoreB, long idB) {
        int byScore = Float.compare(scoreB, scoreA);
        return byScore != 0 ? byScore : Long.compare(idA, idB);
    }
}
