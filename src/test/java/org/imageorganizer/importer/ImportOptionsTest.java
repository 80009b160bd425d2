package org.imageorganizer.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ImportOptionsTest {
    @Test
    void aModelCallHoldsAboutTheSameNumberOfViewsWhateverTheViewsPerImage() {
        ImportOptions options = new ImportOptions(2, 16, 36, 2, false);

        assertThat(options.imagesPerCall(1)).isEqualTo(16);
        assertThat(options.imagesPerCall(3)).isEqualTo(5);
        assertThat(options.imagesPerCall(5)).isEqualTo(3);
        assertThat(options.imagesPerCall(16)).isEqualTo(1);
        assertThat(options.imagesPerCall(40)).isEqualTo(1);
        assertThat(new ImportOptions(2, 4, 8).imagesPerCall(3)).isEqualTo(1);
    }

    @Test
    void aQueueTooShortForTheBatchesIsRefused() {
        assertThatThrownBy(() -> new ImportOptions(2, 16, 20, 2, false)).isInstanceOf(IllegalArgumentException.class);
    }
}
