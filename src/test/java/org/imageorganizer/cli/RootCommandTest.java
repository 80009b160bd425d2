package org.imageorganizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** A command line that names its subcommand builds that one alone; anything else has them all. */
class RootCommandTest {
    private static final List<String> ALL = List.of("organize", "tree", "list", "name-cluster", "export", "search", "similar", "duplicates",
            "label", "categories", "resort", "serve", "sync", "download-model", "cds-training", "extra");

    @Command(name = "extra", description = "A subcommand from another package.")
    static final class Extra implements Runnable {
        @Override
        public void run() {
        }
    }

    private final AtomicInteger extrasMade = new AtomicInteger();
    private final Map<String, Supplier<Object>> others = Map.of("extra", () -> {
        extrasMade.incrementAndGet();
        return new Extra();
    });

    private CommandLine forArguments(String... args) {
        return RootCommand.forArguments(args, new CommandFactory(null), others); // the commands are only built here
    }

    @Test
    void aNamedSubcommandIsBuiltAlone() {
        assertThat(forArguments("list", "--json").getSubcommands()).containsOnlyKeys("list");
        assertThat(forArguments("cds-training").getSubcommands()).containsOnlyKeys("cds-training");
        assertThat(extrasMade).hasValue(0);
        assertThat(forArguments("extra").getSubcommands()).containsOnlyKeys("extra");
        assertThat(extrasMade).hasValue(1);
    }

    @Test
    void anythingElseHasEverySubcommandInOrder() {
        for (String[] args : List.of(new String[0], new String[] {"--help"}, new String[] {"lst"}, new String[] {"-V", "list"})) {
            assertThat(forArguments(args).getSubcommands().keySet()).as(String.join(" ", args)).containsExactlyElementsOf(ALL);
        }
        assertThat(RootCommand.commandLine(new CommandFactory(null)).getSubcommands().keySet())
                .containsExactlyElementsOf(ALL.subList(0, ALL.size() - 1));
    }

    @Test
    void aSubcommandsHelpIsTheSameAlone() {
        StringWriter alone = new StringWriter();
        StringWriter amongAll = new StringWriter();
        forArguments("export", "--help").setOut(new PrintWriter(alone)).execute("export", "--help");
        forArguments().setOut(new PrintWriter(amongAll)).execute("export", "--help");
        assertThat(alone.toString()).startsWith("Usage: image-organizer export").isEqualTo(amongAll.toString());
    }
}
