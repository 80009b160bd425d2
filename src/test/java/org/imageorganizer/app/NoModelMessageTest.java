package org.imageorganizer.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import org.imageorganizer.config.Environment;
import org.imageorganizer.model.ModelException;
import org.imageorganizer.ml.download.ModelDownloadException;
import org.imageorganizer.ml.download.ModelSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The message when there is no model: what to do first, in three short lines at most. */
class NoModelMessageTest {
    @TempDir
    Path home;

    /** At most three lines of at most 120 characters, the first saying what to do, naming the int8 variant. */
    private static void assertShape(String message) {
        List<String> lines = message.lines().toList();
        assertThat(lines).hasSizeBetween(1, 3).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(120));
        assertThat(message).contains("scripts/make_model_folder.py --onnx-int8").contains(NoModelMessage.README_SECTION)
                .doesNotContain("http").doesNotContain("fp32").doesNotContain("Refusing");
        assertThat(lines.get(0)).containsIgnoringCase("run this again with network").contains("int8");
    }

    @Test
    void offlineWithoutAModelTheFirstWordsSayWhatToDo() {
        Environment environment = CommandRun.home(home);
        ModelLocator locator = new ModelLocator(environment, new PrintWriter(new StringWriter()), true);

        ModelException e = catchThrowableOfType(ModelException.class, () -> locator.download("auto"));

        assertShape(e.getMessage());
        assertThat(e.getMessage()).startsWith("Unset IMAGE_ORGANIZER_OFFLINE and run this again with network")
                .contains("IMAGE_ORGANIZER_OFFLINE forbids downloading it");
    }

    @Test
    void withoutNetworkTheRefusedFp32DownloadIsNotWhatTheUserReads() {
        ModelException fp32 = new ModelDownloadException("Refusing to download clip.zip from https://resources.djl.ai/"
                + "demo/pytorch/clip.zip: this version of the application has no pinned SHA-256 checksum for it, and "
                + "a model file that cannot be verified is never used. Download clip.zip from … on another computer.",
                "no checksum of clip.zip is pinned yet", null);
        ModelException int8 = new ModelDownloadException("Cannot download the CLIP model: no network connection "
                + "(could not reach huggingface.co: the host name cannot be resolved). Download … on another computer.",
                "no network connection (could not reach huggingface.co: the host name cannot be resolved)",
                new UnknownHostException("huggingface.co"));

        String message = NoModelMessage.of(ModelSources.forPrecision("auto"), List.of(fp32, int8), false);

        assertShape(message);
        assertThat(message).startsWith("Run this again with network: it downloads the CLIP model (int8 variant, 156 MB).")
                .endsWith("Not this time: no network connection (could not reach huggingface.co: the host name cannot be resolved).");
    }

    @Test
    void askingForFp32ItSaysToAskForInt8OrSupplyItByHand() {
        ModelException fp32 = new ModelDownloadException("Refusing to download clip.zip …", "no checksum of clip.zip is pinned yet",
                null);

        String message = NoModelMessage.of(ModelSources.forPrecision("fp32"), List.of(fp32), false);

        assertThat(message.lines().toList()).hasSize(2);
        assertThat(message).startsWith("Use --precision int8 (a run with network downloads it), or supply the fp32 variant by hand")
                .contains(NoModelMessage.README_SECTION).endsWith("Not this time: no checksum of clip.zip is pinned yet.");
    }
}
