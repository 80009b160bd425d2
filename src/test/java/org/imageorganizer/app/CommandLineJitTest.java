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

class CommandLineJitTest {
    @TempDir
    Path cache;

    private final List<String> run = new ArrayList<>();

    private String recorded(String command, String... arguments) {
        run.add(command + " " + String.join(" ", arguments));
        return "1 compiler directives added\n";
    }

    private Path directive() {
        return cache.resolve("jit/command-line-v1.json");
    }

    @Test
    void theDirectiveIsWrittenOnceAndAddedByItsQuotedPath() throws Exception {
        String outcome = CommandLineJit.turnOffC2(cache, this::recorded);

        assertThat(outcome).isEqualTo("C2 is off for this command but for the clustering: 1 compiler directives added");
        assertThat(Files.readString(directive())).isEqualTo(CommandLineJit.DIRECTIVES);
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

        CommandLineJit.turnOffC2(cache, this::recorded);

        assertThat(Files.readString(directive())).isEqualTo(CommandLineJit.DIRECTIVES);
        assertThat(run).hasSize(1);
    }

    @Test
    void aCacheThatCannotBeWrittenLeavesTheCompilerAsItWas() throws Exception {
        Path notAFolder = Files.writeString(cache.resolve("file"), "x");

        String outcome = CommandLineJit.turnOffC2(notAFolder, this::recorded);

        assertThat(outcome).startsWith("C2 stays on: cannot write its directives to ");
        assertThat(run).isEmpty();
    }

    @Test
    void aJvmThatRefusesTheDirectiveIsToldInTheOutcomeNotThrown() {
        String outcome = CommandLineJit.turnOffC2(cache, (command, arguments) -> {
            throw new IllegalArgumentException("Unknown diagnostic command");
        });
        assertThat(outcome).isEqualTo("C2 stays on: this JVM took no compiler directives"
                + " (java.lang.IllegalArgumentException: Unknown diagnostic command).");

        assertThat(CommandLineJit.turnOffC2(cache, (command, arguments) -> {
            throw new NoClassDefFoundError("javax/management/ObjectName");
        })).startsWith("C2 stays on: this JVM took no compiler directives (java.lang.NoClassDefFoundError");
    }

    @Test
    void theReadOnlyCommandsAndOrganizeAskForItTheirHelpAndTheOtherCommandsDoNot() {
        assertThat(CommandLineJit.wanted(new String[] {"list", "--db", "x.mv.db"})).isTrue();
        assertThat(CommandLineJit.wanted(new String[] {"tree"})).isTrue();
        assertThat(CommandLineJit.wanted(new String[] {"export", "out", "--dry-run"})).isTrue();
        assertThat(CommandLineJit.wanted(new String[] {"organize", "photos", "--views", "1"})).isTrue();
        for (String[] args : List.of(new String[0], new String[] {"serve"}, new String[] {"list", "--help"},
                new String[] {"organize", "-h"}, new String[] {"--version"}, new String[] {"search", "a dog"},
                new String[] {"photos", "organize"})) {
            assertThat(CommandLineJit.wanted(args)).as(Arrays.toString(args)).isFalse();
            CompletableFuture<String> started = CommandLineJit.start(args, cache, CompletableFuture.completedFuture(null));
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
