package org.imageorganizer.store;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The other process of {@link TwoProcessTest}: opens the same library (through H2's AUTO_SERVER,
 * since the test's JVM holds the file), says it is ready by creating a file, waits for the go file,
 * and inserts images. Prints one line: inserted and duplicate counts.
 */
public final class SecondProcess {

    private SecondProcess() {
    }

    /** @param args library file, number of own images, number of shared images, ready file, go file */
    public static void main(String[] args) throws Exception {
        QuietLogging.apply();
        int own = Integer.parseInt(args[1]);
        int shared = Integer.parseInt(args[2]);
        int inserted = 0;
        int duplicates = 0;
        try (LibraryDatabase library = LibraryDatabase.open(Path.of(args[0]))) {
            library.info().claimModel(TestRecords.MODEL);
            Files.createFile(Path.of(args[3]));
            for (int wait = 0; !Files.exists(Path.of(args[4])) && wait < 3000; wait++) {
                Thread.sleep(10);
            }
            // shared images first, in the reverse of the parent's order, so that the two meet in the middle
            for (int i = shared - 1; i >= 0; i--) {
                try {
                    library.images().insert(TestRecords.image("shared-" + i, "cat", "sofa"));
                    inserted++;
                } catch (DuplicateImageException e) {
                    duplicates++;
                }
            }
            for (int i = 0; i < own; i++) {
                library.images().insert(TestRecords.image("child-" + i, "dog", "beach"));
                inserted++;
            }
        }
        System.out.println(inserted + " " + duplicates);
    }
}
