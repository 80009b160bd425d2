package org.imageorganizer.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.imageorganizer.model.SyncFailure;
import org.imageorganizer.model.SyncListener;
import org.imageorganizer.model.SyncProgress;
import org.imageorganizer.services.CloudBackup;
import org.imageorganizer.model.SyncSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sync}: uploads the library's images to Cloudinary. Exit codes: 0 when every image has a
 * copy, 1 when some failed (they are listed; run again to retry them), 2 when Cloudinary is not
 * configured or refused the credentials, 130 when stopped with Ctrl-C.
 */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = {"Upload the library's images to Cloudinary (CLOUDINARY_URL): only those without a copy yet.",
            "Safe to stop (Ctrl-C) or kill and run again: nothing is uploaded twice, and local files are never deleted."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every image has a copy in Cloudinary", "1:some images failed (listed with the reasons)",
            "2:Cloudinary is not configured or refused the credentials", "130:stopped with Ctrl-C"})
final class SyncCommand implements Callable<Integer> {
    /** Some images could not be uploaded. */
    static final int SOME_FAILED = 1;

    private final CliServices services;

    @Spec
    CommandSpec spec;

    @Mixin
    LibraryOption library;

    @Option(names = "--concurrency", paramLabel = "N",
            description = "Uploads at once, 1 to 16 (default from settings: 4).")
    Integer concurrency;

    @Option(names = {"-v", "--verbose"}, description = "Print each failed image as it happens.")
    boolean verbose;

    SyncCommand(CliServices services) {
        this.services = services;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        AtomicBoolean cancelled = new AtomicBoolean();
        try (InterruptSignals signals = new InterruptSignals(() -> {
                 cancelled.set(true);
                 err.println();
                 err.println("Stopping after the uploads in flight (press Ctrl-C again to quit at once)...");
                 err.flush();
             });
             CliServices.CloudSync sync = services.openSync(library.location(), concurrency)) {
            CloudBackup service = sync.backup();
            err.println("Syncing to " + service.destination() + ": " + service.pending() + " images without a copy.");
            err.flush();
            SyncSummary summary;
            try (Bar bar = new Bar(ConsoleBars.images(System.err, "Uploading"), verbose)) {
                summary = service.run(bar, cancelled::get);
            }
            print(summary, err);
            if (summary.stoppedBecause().isPresent()) {
                throw new UserException(summary.stoppedBecause().get());
            }
            if (summary.cancelled()) {
                return 130;
            }
            return summary.failures().isEmpty() ? 0 : SOME_FAILED;
        }
    }

    static void print(SyncSummary s, PrintWriter err) {
        err.printf("%d images needed a copy: %d uploaded, %d already in Cloudinary, %d failed (%.1f s).%n",
                s.total(), s.uploaded(), s.alreadyThere(), s.failures().size(), s.elapsed().toMillis() / 1000.0);
        if (!s.failures().isEmpty()) {
            err.println("Not uploaded (they stay local; run sync again to retry):");
            for (SyncFailure f : s.failures()) {
                err.println("  " + f.location() + ": " + f.reason());
            }
        }
        if (s.cancelled()) {
            err.println("Sync stopped; images uploaded so far are recorded. Run the same command again to continue.");
        }
        err.flush();
    }

    /** The progress on stderr: count, rate, time left, and the counts so far; with -v, each failed image too. */
    private static final class Bar implements SyncListener, AutoCloseable {
        private final ProgressDisplay display;
        private final boolean verbose;

        Bar(ProgressDisplay display, boolean verbose) {
            this.display = display;
            this.verbose = verbose;
        }

        @Override
        public synchronized void progress(SyncProgress p) {
            display.update(p.done(), p.total(), String.format("%d sent, %d there, %d failed", p.uploaded(),
                    p.alreadyThere(), p.failed()), null);
        }

        @Override
        public synchronized void failed(SyncFailure failure) {
            if (verbose) {
                display.message("not uploaded " + failure.location() + ": " + failure.reason());
            }
        }

        @Override
        public void close() {
            display.close();
        }
    }
}
