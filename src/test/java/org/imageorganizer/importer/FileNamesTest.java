package org.imageorganizer.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileNamesTest {
    @Test
    void keepsOnlyAPrintableLastSegment() {
        assertThat(FileNames.displayName("../../x.jpg")).isEqualTo("x.jpg");
        assertThat(FileNames.displayName("C:\\Users\\me\\photo.jpg")).isEqualTo("photo.jpg");
        assertThat(FileNames.displayName("a\u0000b\r\n.jpg")).isEqualTo("ab.jpg");
        assertThat(FileNames.displayName("evil\u202Egpj.exe")).isEqualTo("evilgpj.exe");
        assertThat(FileNames.displayName("..")).isEqualTo("upload");
        assertThat(FileNames.displayName("dir/")).isEqualTo("upload");
        assertThat(FileNames.displayName(null)).isEqualTo("upload");
        assertThat(FileNames.displayName("x".repeat(1000))).hasSize(255);
        assertThat(FileNames.displayName("Ünïcode 写真.jpg")).isEqualTo("Ünïcode 写真.jpg");
    }

    @Test
    void storedFilesGetTheExtensionOfTheirDetectedFormat() {
        assertThat(FileNames.extension("jpeg")).isEqualTo("jpg");
        assertThat(FileNames.extension("tiff")).isEqualTo("tif");
        assertThat(FileNames.extension("png")).isEqualTo("png");
    }
}
