package org.imageorganizer.deploy;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * What the deployment checks need from outside the JVM: the CloudFormation specification from npm and
 * Debian's shellcheck, both installed by .ci/run. On CI (CI=true) a missing one fails the test; elsewhere
 * the test is skipped with a message saying how to install it.
 */
final class DeployTools {
    private DeployTools() {
    }

    static boolean onCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** The specification's db.json.gz, or the test stops (fails on CI, skipped elsewhere). */
    static Path requireSpecification() {
        Path spec = ResourceSpecification.DEFAULT_LOCATION.toAbsolutePath();
        require(Files.isRegularFile(spec), "The CloudFormation check needs the resource specification at " + spec
                + ": run `npm ci --prefix cloudformation/validation` (Node.js and npm; .ci/run does it).");
        return spec;
    }

    /** Debian's shellcheck, or the test stops (fails on CI, skipped elsewhere). */
    static String requireShellcheck() {
        boolean present;
        try {
            Process version = new ProcessBuilder("shellcheck", "--version").redirectErrorStream(true).start();
            version.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            present = version.waitFor(30, TimeUnit.SECONDS) && version.exitValue() == 0;
        } catch (IOException e) {
            present = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            present = false;
        }
        require(present, "The shell script check needs shellcheck on the PATH (Debian: apt-get install shellcheck; .ci/run does it).");
        return "shellcheck";
    }

    private static void require(boolean present, String message) {
        if (!present && onCi()) {
            fail(message);
        }
        Assumptions.assumeTrue(present, message);
    }
}
