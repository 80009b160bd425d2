package org.imageorganizer.ml.download;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.imageorganizer.model.ModelException;

/**
 * Extracts one entry of a zip archive. The archive is refused as a whole when any entry name could
 * escape a folder (zip-slip: {@code ..} segments, absolute paths, drive letters), when it has too many
 * entries, or when the entry inflates beyond a cap (zip bomb; counted while inflating, the header's
 * size is not trusted).
 */
final class ZipExtractor {
    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");

    private ZipExtractor() {
    }

    /**
     * Writes the entry named {@code entryName} (or the single entry of that file name inside one folder)
     * to {@code target}, which must not exist.
     *
     * @throws ModelException when the archive is unreadable, unsafe, or lacks the entry
     */
    static void extract(Path zip, String archiveName, String entryName, Path target, long maxBytes,
                        int maxEntries) {
        try (ZipFile zipFile = new ZipFile(zip.toFile())) {
            if (zipFile.size() > maxEntries) {
                throw new ModelException(archiveName + " has " + zipFile.size() + " entries, more than the "
                        + maxEntries + " a model archive may have; it is refused.");
            }
            List<ZipEntry> matches = new ArrayList<>();
            ZipEntry exact = null;
            int count = 0;
            Enumeration<? extends ZipEntry> entries = zipFile.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (++count > maxEntries) {
                    throw new ModelException(archiveName + " has more than " + maxEntries
                            + " entries; it is refused.");
                }
                String name = entry.getName();
                if (unsafe(name)) {
                    throw new ModelException(archiveName + " contains an unsafe entry name \"" + name
                            + "\" (a path outside the folder it is unpacked in); the archive is refused.");
                }
                if (entry.isDirectory()) {
                    continue;
                }
                if (name.equals(entryName)) {
                    exact = entry;
                } else if (name.endsWith("/" + entryName) && name.indexOf('/') == name.length() - entryName.length() - 1) {
                    matches.add(entry);
                }
            }
            ZipEntry chosen = exact;
            if (chosen == null) {
                if (matches.size() != 1) {
                    throw new ModelException(archiveName + " does not contain " + entryName
                            + (matches.isEmpty() ? "" : " (it has " + matches.size() + " candidates)") + ".");
                }
                chosen = matches.get(0);
            }
            if (chosen.getSize() > maxBytes) {
                throw tooLarge(archiveName, entryName, maxBytes);
            }
            copy(zipFile, chosen, archiveName, entryName, target, maxBytes);
        } catch (ZipException e) {
            throw new ModelException(archiveName + " is not a valid zip archive: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ModelException("Cannot unpack " + entryName + " from " + archiveName + ": " + e.getMessage(), e);
        }
    }

    private static void copy(ZipFile zipFile, ZipEntry entry, String archiveName, String entryName, Path target,
                             long maxBytes) throws IOException {
        boolean done = false;
        try (InputStream in = zipFile.getInputStream(entry);
             OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW,
                     StandardOpenOption.WRITE)) {
            byte[] buffer = new byte[1 << 16];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) >= 0) {
                total += n;
                if (total > maxBytes) {
                    throw tooLarge(archiveName, entryName, maxBytes);
                }
                out.write(buffer, 0, n);
            }
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(target);
            }
        }
    }

    static boolean unsafe(String entryName) {
        String name = entryName.replace('\\', '/');
        if (name.isEmpty() || name.startsWith("/") || DRIVE.matcher(name).matches() || name.indexOf('\0') >= 0) {
            return true;
        }
        for (String segment : name.split("/")) {
            if (segment.equals("..")) {
                return true;
            }
        }
        return false;
    }

    private static ModelException tooLarge(String archiveName, String entryName, long maxBytes) {
        return new ModelException(entryName + " in " + archiveName + " unpacks to more than " + maxBytes
                + " bytes; the archive is refused.");
    }
}
