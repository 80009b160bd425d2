package org.imageorganizer.ui.preview;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FullPictureTest {
    /**
     * A 3 × 2 image as stored:  1 2 3
     *                           4 5 6
     */
    private static final int[] STORED = {1, 2, 3, 4, 5, 6};

    @Test
    void turnsEachExifOrientationUpright() {
        assertThat(FullPicture.upright(STORED, 3, 2, 1)).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(FullPicture.upright(STORED, 3, 2, 2)).containsExactly(3, 2, 1, 6, 5, 4); // mirrored
        assertThat(FullPicture.upright(STORED, 3, 2, 3)).containsExactly(6, 5, 4, 3, 2, 1); // 180°
        assertThat(FullPicture.upright(STORED, 3, 2, 4)).containsExactly(4, 5, 6, 1, 2, 3); // flipped
        // the rest swap width and height: 2 wide, 3 high
        assertThat(FullPicture.upright(STORED, 3, 2, 5)).containsExactly(1, 4, 2, 5, 3, 6); // transposed
        assertThat(FullPicture.upright(STORED, 3, 2, 6)).containsExactly(4, 1, 5, 2, 6, 3); // 90° clockwise
        assertThat(FullPicture.upright(STORED, 3, 2, 7)).containsExactly(6, 3, 5, 2, 4, 1); // transverse
        assertThat(FullPicture.upright(STORED, 3, 2, 8)).containsExactly(3, 6, 2, 5, 1, 4); // 90° anticlockwise
    }
}
