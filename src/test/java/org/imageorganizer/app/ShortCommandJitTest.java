package org.imageorganizer.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.management.MBeanOperationInfo;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShortCommandJitTest {
    @TempDir
    Path cache;

    private final List<String> run = new ArrayList<>();

    private String recorded(String command, String... arguments) {
        run.add(command + " " + String.join(" ", arguments));
        return "1 compiler directives added\n";
    }

    private Path directive() {
        return cache.resolve("jit/short-command-v1.json");
    }

    @Test
    void theDirectiveIsWrittenOnceAndAddedByItsQuotedPath() throws Exception {
        String outcome = ShortCommandJit.turnOffC2(cache, this::recorded);

        assertThat(outcome).isEqualTo("C2 is off for this short command: 1 compiler directives added");
        assertThat(Files.readString(directive())).isEqualTo(ShortCommandJit.DIRECTIVE);
        assertThat(run).containsExactly("compilerDirectivesAdd \"" + directive().toAbsolutePath() + "\"");
        Path folder = directive().getParent();
        try (var files = Files.list(folder)) {
            assertThat(files).as("no temporary file left").containsExactly(directive());
        }
    }

    @Test
    void aDirectiveFileThatWasChangedIsWrittenAgainBeforeItIsUsed() throws Exception {
        Files.createDirectories(directive().getParent());
        Files.writeString(directive(), "[{ match: \"*.*\", c2: { PrintAssembly: true } }]", StandardCharsets.US_ASCII);

        ShortCommandJit.turnOffC2(cache, this::recorded);

        assertThat(Files.readString(directive())).isEqualTo(ShortCommandJit.DIRECTIVE);
        assertThat(run).hasSize(1);
    }

    @Test
    void aCacheThatCannotBeWrittenLeavesTheCompilerAsItWas() throws Exception {
        Path notAFolder = Files.writeString(cache.resolve("file"), "x");

        String outcome = ShortCommandJit.turnOffC2(notAFolder, this::recorded);

        assertThat(outcome).startsWith("C2 stays on: cannot write its directive to ");
        assertThat(run).isEmpty();
    }

    @Test
    void aJvmThatRefusesTheDirectiveIsToldInTheOutcomeNotThrown() {
        String outcome = ShortCommandJit.turnOffC2(cache, (command, arguments) -> {
            throw new IllegalArgumentException("Unknown diagnostic command");
        });
        assertThat(outcome).isEqualTo("C2 stays on: this JVM took no compiler directive"
                + " (java.lang.IllegalArgumentException: Unknown diagnostic command).");

        assertThat(ShortCommandJit.turnOffC2(cache, (command, arguments) -> {
            throw new NoClassDefFoundError("javax/management/ObjectName");
        })).startsWith("C2 stays on: this JVM took no compiler directive (java.lang.NoClassDefFoundError");
    }

    @Test
    void onlyTheReadOnlyCommandsAskForIt() {
        for (String[] args : List.of(new String[0], new String[] {"organize", "photos"}, new String[] {"serve"},
                new String[] {"list", "--help"}, new String[] {"--version"}, new String[] {"search", "a dog"})) {
            CompletableFuture<String> started = ShortCommandJit.start(args, cache, CompletableFuture.completedFuture(null));
            assertThat(started.join()).as(Arrays.toString(args)).isNull();
        }
        assertThat(cache.resolve("jit")).doesNotExist();
    }

    @Test
    void thisHotSpotOffersTheCommandByThatName() throws Exception {
        MBeanOperationInfo[] operations = ManagementFactory.getPlatformMBeanServer()
                .getMBeanInfo(new ObjectName("com.sun.management:type=DiagnosticCommand")).getOperations();
        assertThat(operations).extracting(MBeanOperationInfo::getName).contains("compilerDirectivesAdd");
    }
}
