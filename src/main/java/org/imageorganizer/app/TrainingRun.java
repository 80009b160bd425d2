package org.imageorganizer.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.imageorganizer.cli.CliServices;
import org.imageorganizer.cluster.LibraryClusterer;
import org.imageorganizer.config.DatabaseLocation;
import org.imageorganizer.config.ServerOptions;
import org.imageorganizer.config.SettingsStore;
import org.imageorganizer.imaging.DecodedImage;
import org.imageorganizer.imaging.ImageDecoder;
import org.imageorganizer.imaging.ImageLimits;
import org.imageorganizer.imaging.ImageRejectedException;
import org.imageorganizer.model.Classification;
import org.imageorganizer.model.ClusterSettings;
import org.imageorganizer.model.Label;
import org.imageorganizer.model.LabelSettings;
import org.imageorganizer.model.StorageKind;
import org.imageorganizer.store.LibraryDatabase;
import org.imageorganizer.store.NewImage;

/**
 * The material of the class-data training run (ADR 0030) in the core's data folder, which {@link
 * ClassDataTraining} makes a scratch folder: the photos, the library, the model folders, and the server
 * the run starts once. The command ({@code cli.CdsTrainingCommand}) runs the user's commands on them.
 */
final class TrainingRun implements CliServices.Training {
    /** The model id of the embeddings made up when there is no model. */
    static final String SYNTHETIC_MODEL = "cds-training-synthetic";
    private static final int DIMENSION = 512;

    private final Core core;
    private final CliWiring commands;
    private final Path photos;
    private final Path library;
    private final List<Path> modelDirs;

    private TrainingRun(Core core, CliWiring commands, Path photos, Path library, List<Path> modelDirs) {
        this.core = core;
        this.commands = commands;
        this.photos = photos;
        this.library = library;
        this.modelDirs = modelDirs;
    }

    /**
     * Loads and saves the settings (a new data folder has none: the defaults are written, then read back),
     * and writes the photos.
     *
     * @param given {@code --model-dir}; empty for IMAGE_ORGANIZER_MODEL_DIR (which {@link ClassDataTraining}
     *              sets to the folders found for the user)
     */
    static TrainingRun start(Core core, CliWiring commands, List<Path> given) {
        core.settings();
        new SettingsStore(core.environment().settingsFile()).load();
        Path data = core.environment().dataDir();
        Path photos = TrainingPhotos.write(data.resolve("training-photos"));
        return new TrainingRun(core, commands, photos, data.resolve("library.mv.db"), core.models().configured(given));
    }

    @Override
    public Path photos() {
        return photos;
    }

    @Override
    public Path library() {
        return library;
    }

    @Override
    public List<Path> modelDirs() {
        return modelDirs;
    }

    @Override
    public void fillWithoutModel() {
        ImageDecoder decoder = core.decoder(ImageLimits.DEFAULT_MAX_FILE_BYTES);
        LabelSettings labels = core.settings().labels();
        Random random = new Random(30);
        List<NewImage> images = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Path file : files()) {
            try {
                byte[] content = decoder.read(file);
                if (!seen.add(sha256(content))) {
                    continue; // the copy, a duplicate as organize would find it
                }
                DecodedImage decoded = decoder.decode(content, 224);
                Classification labelled = new Classification(
                        new Label(labels.objects().get(images.size() % 2), 0.5 + random.nextDouble() / 2),
                        new Label(labels.backgrounds().get(0), 0.5 + random.nextDouble() / 2));
                images.add(new NewImage(sha256(content), file.toAbsolutePath().toString(), file.getFileName().toString(),
                        content.length, decoded.width(), decoded.height(), decoded.format(), StorageKind.INDEXED, labelled,
                        unitVector(random), SYNTHETIC_MODEL, Files.getLastModifiedTime(file).to(TimeUnit.NANOSECONDS)));
            } catch (ImageRejectedException e) {
                // the file that is not an image, as organize would skip it
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try (LibraryDatabase opened = core.openLibrary(location());
             LibraryClusterer clusterer = core.clusterer(opened, clustering(), CliWiring.CLUSTER_DEBOUNCE)) {
            opened.images().insertAll(images);
            clusterer.refreshNow();
        }
    }

    @Override
    public void serveOnce() {
        Path storage = core.environment().managedStorageDir();
        Path upload = photos.resolve("picture-03.jpg");
        try {
            if (modelDirs.isEmpty()) {
                try (LibraryDatabase opened = core.openLibrary(location());
                     LibraryClusterer clusterer = core.clusterer(opened, clustering(), CliWiring.CLUSTER_DEBOUNCE)) {
                    ServerWiring.Parts server = new ServerWiring(core, opened, storage, CliWiring.CLUSTER_DEBOUNCE,
                            Optional.empty()).startWithoutModel(ServerOptions.local(0), clusterer);
                    try {
                        new TrainingRequests(server.url()).askAll(upload);
                    } finally {
                        server.stop();
                    }
                }
            } else {
                try (CliServices.RunningServer server = commands.startServer(ServerOptions.local(0), location(), storage,
                        modelDirs, null)) {
                    new TrainingRequests(server.url()).askAll(upload);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The training run's server did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private DatabaseLocation location() {
        return DatabaseLocation.file(library);
    }

    private ClusterSettings clustering() {
        return core.settings().clustering().toClusterSettings();
    }

    private List<Path> files() {
        try (Stream<Path> walk = Files.walk(photos)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static float[] unitVector(Random random) {
        float[] v = new float[DIMENSION];
        double norm = 0;
        for (int d = 0; d < DIMENSION; d++) {
            v[d] = (float) random.nextGaussian();
            norm += v[d] * v[d];
        }
        for (int d = 0; d < DIMENSION; d++) {
            v[d] /= (float) Math.sqrt(norm);
        }
        return v;
    }
}
