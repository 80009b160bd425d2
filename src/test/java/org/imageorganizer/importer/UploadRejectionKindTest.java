package org.imageorganizer.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.imageorganizer.imaging.ImageRejectedException;
import org.imageorganizer.model.UploadOutcome;
import org.junit.jupiter.api.Test;

class UploadRejectionKindTest {

    @Test
    void everyKindOfRefusalKeepsItsMeaningInTheUploadOutcome() {
        for (ImageRejectedException.Kind kind : ImageRejectedException.Kind.values()) {
            assertThat(UploadService.kindOf(new ImageRejectedException(kind, "refused")))
                    .isEqualTo(UploadOutcome.RejectionKind.valueOf(kind.name()));
        }
    }
}
