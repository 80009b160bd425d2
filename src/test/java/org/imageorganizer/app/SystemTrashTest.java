package org.imageorganizer.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The home the trash is found under: $HOME as the desktop's own programs read it, else Java's user.home. */
class SystemTrashTest {
    @Test
    void homeIsTheHomeVariableWhenItIsAnAbsolutePath() {
        assertThat(SystemTrash.home("/tmp/other-home", "/root")).isEqualTo(Path.of("/tmp/other-home"));
        assertThat(SystemTrash.home(null, "/root")).isEqualTo(Path.of("/root"));
        assertThat(SystemTrash.home("", "/root")).isEqualTo(Path.of("/root"));
        assertThat(SystemTrash.home("relative", "/root")).isEqualTo(Path.of("/root"));
    }
}
