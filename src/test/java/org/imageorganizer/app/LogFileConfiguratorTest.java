package org.imageorganizer.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFileConfiguratorTest {
    @TempDir
    Path folder;

    @Test
    void theProductsLinesGoToTheFileAndChattyLibrariesOnlyFromWarn() throws IOException {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter()); // as SLF4J's provider does for the real one
        LogFileConfigurator.logToFileIn(context, folder);
        context.getLogger("org.imageorganizer.app.Main").info("library opened");
        context.getLogger("org.imageorganizer.app.Main").debug("a detail");
        context.getLogger("org.hibernate.Version").info("HHH000412: version");
        context.getLogger("h2database").info("/*SQL */COMMIT;");
        context.getLogger("org.flywaydb.core").warn("schema history is odd");
        // Spark logs every request no route takes at INFO: a client could fill the log (MalformedRequestsTest)
        context.getLogger("spark.http.matching.MatcherFilter").info("The requested route [/nowhere] has not been mapped");
        context.stop();

        String log = Files.readString(folder.resolve(LogFileConfigurator.FILE_NAME));
        assertThat(log).containsPattern(
                "(?m)^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  \\[[^]]+] org\\.imageorganizer\\.app\\.Main - library opened$");
        assertThat(log).contains("WARN ").contains("schema history is odd");
        assertThat(log).doesNotContain("a detail").doesNotContain("HHH000412").doesNotContain("COMMIT")
                .doesNotContain("has not been mapped");
    }

    @Test
    void aGivenConfigurationFileOrTheTestsOwnWins() {
        assertThat(LogFileConfigurator.anotherConfigurationGiven(null, false)).isFalse();
        assertThat(LogFileConfigurator.anotherConfigurationGiven("/tmp/trace.xml", false)).isTrue();
        assertThat(LogFileConfigurator.anotherConfigurationGiven(null, true)).isTrue();
    }

    @Test
    void logbackFindsIt() {
        assertThat(ServiceLoader.load(ch.qos.logback.classic.spi.Configurator.class).stream()
                .map(ServiceLoader.Provider::type)).contains(LogFileConfigurator.class);
    }
}
