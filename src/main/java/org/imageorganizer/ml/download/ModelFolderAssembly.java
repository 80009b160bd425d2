package org.imageorganizer.ml.download;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.imageorganizer.model.ModelException;
import org.imageorganizer.ml.ModelFolder;
import org.imageorganizer.ml.ModelManifest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model folder on disk for {@link ModelDownloader}: checks whether {@code <models directory>/<id>} is a
 * usable folder, clears a damaged folder and the leftovers of earlier runs from {@code .partial} (keeping
 * downloads that can be resumed, named by {@link #partName}), and assembles verified downloads into a folder in
 * {@code .partial/<id>.assembly-*} (zip entry extracted, {@code manifest.json} written, the result checked by
 * {@link ModelFolder#open}) that is then moved to its final path atomically.
 */
final class ModelFolderAssembly {
    // logs under the downloader's name, as before this class was split out of it
    private static final Logger LOG = LoggerFactory.getLogger(ModelDownloader.class);

    private ModelFolderAssembly() {
    }

    /** The folder at {@code target} if {@link ModelFolder#open} accepts it, otherwise {@code null}. */
    static Path validFolder(Path target, boolean logProblem) {
        if (!Files.exists(target)) {
            return null;
        }
        try {
            return ModelFolder.open(target).directory();
        } catch (ModelException e) {
            if (logProblem) {
                LOG.warn("The model folder {} is not usable: {}", target, e.getMessage());
            }
            return null;
        }
    }

    /** Moves a folder that is not usable out of the way and deletes it. */
    static void removeDamaged(Path target, Path partialDir, String id) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Path aside = partialDir.resolve(id + ".damaged-" + Long.toUnsignedString(System.nanoTime()));
        Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
        deleteRecursively(aside);
    }

    /** Deletes what earlier runs left behind for this model, except downloads that can still be resumed. */
    static void removeLeftovers(Path partialDir, ModelSource source) throws IOException {
        Set<String> keep = source.files().stream().map(f -> partName(source, f)).collect(Collectors.toSet());
        keep.add(source.id() + ".lock");
        List<Path> stale;
        try (Stream<Path> children = Files.list(partialDir)) {
            stale = children.filter(p -> {
                String name = p.getFileName().toString();
                return name.startsWith(source.id() + ".") && !keep.contains(name);
            }).collect(Collectors.toList());
        }
        for (Path path : stale) {
            LOG.debug("Removing leftover {}", path);
            deleteRecursively(path);
        }
    }

    /** The name of the (resumable) download of {@code file} in {@code .partial}. */
    static String partName(ModelSource source, RemoteFile file) {
        return source.id() + "." + file.sha256().substring(0, 16) + "." + file.name() + ".part";
    }

    /**
     * Builds the model folder from the verified {@code downloads} (one per file of the source, in order) and
     * moves it to {@code target}; the downloads are consumed, and deleted when the folder is refused.
     */
    static Path assemble(ModelSource source, List<Path> downloads, Path partialDir, Path target) throws IOException {
        Path assembly = Files.createTempDirectory(partialDir, source.id() + ".assembly-");
        try {
            for (int i = 0; i < downloads.size(); i++) {
                RemoteFile file = source.files().get(i);
                Path dest = assembly.resolve(file.targetName());
                if (file.unzip()) {
                    ZipExtractor.extract(downloads.get(i), file.name(), file.extractEntry(), dest,
                            ModelDownloader.MAX_FILE_BYTES, ModelDownloader.MAX_ZIP_ENTRIES);
                    forceToDisk(dest);
                    Files.delete(downloads.get(i));
                } else {
                    Files.move(downloads.get(i), dest, StandardCopyOption.ATOMIC_MOVE);
                }
            }
            writeManifest(source, assembly);
            ModelFolder.open(assembly); // never publish a folder the application would refuse
            return publish(assembly, target);
        } catch (ModelException e) {
            // the verified downloads are what upstream serves: keeping them would only fail again
            for (Path download : downloads) {
                Files.deleteIfExists(download);
            }
            throw e;
        } finally {
            if (Files.exists(assembly, LinkOption.NOFOLLOW_LINKS)) {
                deleteRecursively(assembly);
            }
        }
    }

    private static void writeManifest(ModelSource source, Path folder) throws IOException {
        ModelSource.ManifestValues v = source.manifest();
        List<ModelManifest.FileEntry> entries = new ArrayList<>();
        for (RemoteFile file : source.files()) {
            // computed here: downloads were verified against their pins, extracted entries come from a verified zip
            entries.add(new ModelManifest.FileEntry(file.targetName(), Sha256.of(folder.resolve(file.targetName()))));
        }
        ModelManifest manifest = new ModelManifest(1, v.modelId(), source.name(), v.engine(), v.precision(),
                v.embeddingSize(), v.imageSize(), v.mean(), v.std(), v.contextLength(), v.logitScale(), v.modelFile(),
                v.tokenizerFile(), entries, v.textModelFile(), null, null);
        byte[] json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(manifest);
        Path file = folder.resolve(ModelManifest.FILE_NAME);
        Files.write(file, json, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        forceToDisk(file);
    }

    private static Path publish(Path assembly, Path target) throws IOException {
        try {
            Files.move(assembly, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new ModelException("Cannot move the downloaded model into " + target
                    + " in one step on this file system; the model was not installed.", e);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            Path existing = validFolder(target, true);
            if (existing != null) {
                LOG.info("{} appeared while downloading; using it", target);
                return existing;
            }
            throw new ModelException(target + " appeared while the model was being downloaded and is not a valid"
                    + " model folder; remove it and try again.", e);
        }
        LOG.info("Model installed in {}", target);
        return target;
    }

    static void forceToDisk(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    static void deleteRecursively(Path root) throws IOException {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    if (e != null) {
                        throw e;
                    }
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException e) {
            // already gone
        }
    }
}
