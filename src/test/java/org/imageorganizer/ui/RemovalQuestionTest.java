package org.imageorganizer.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.StorageKind;
import org.junit.jupiter.api.Test;

class RemovalQuestionTest {
    private final FakeImageFiles files = new FakeImageFiles();
    private final ImageRecord a = files.image(1, "IMG_0012.jpg");
    private final ImageRecord b = files.image(2, "b.jpg");
    private final ImageRecord c = files.image(3, "c.jpg");

    private static ImageRecord uploaded(ImageRecord image) {
        return new ImageRecord(image.id(), image.sha256(), "managed/" + image.sha256() + ".jpg", image.fileName(),
                image.byteSize(), image.width(), image.height(), image.format(), image.importedAt(),
                image.classification(), StorageKind.MANAGED, image.metadata());
    }

    @Test
    void onePhotoIsNamed() {
        assertThat(RemovalQuestion.header(List.of(a))).isEqualTo("Remove “IMG_0012.jpg” from the library?");
        assertThat(RemovalQuestion.text(List.of(a)))
                .isEqualTo("The file stays on your disk; only the library forgets it. You can add it again later.");
        assertThat(RemovalQuestion.action(List.of(a))).isEqualTo("Remove from Library");
    }

    @Test
    void severalPhotosAreCounted() {
        assertThat(RemovalQuestion.header(List.of(a, b, c))).isEqualTo("Remove 3 photos from the library?");
        assertThat(RemovalQuestion.text(List.of(a, b, c)))
                .isEqualTo("The files stay on your disk; only the library forgets them. You can add them again later.");
        assertThat(RemovalQuestion.action(List.of(a, b, c))).isEqualTo("Remove 3 Photos");
    }

    @Test
    void anUploadsOwnCopyIsSaidToGo() {
        assertThat(RemovalQuestion.text(List.of(uploaded(a))))
                .isEqualTo("This photo was uploaded through the web page: the copy the app keeps goes too.");
        assertThat(RemovalQuestion.text(List.of(a, uploaded(b), uploaded(c))))
                .isEqualTo("Your file stays on your disk; only the library forgets them. 2 photos were uploaded"
                        + " through the web page: the copies the app keeps go too. You can add them again later.");
    }
}
