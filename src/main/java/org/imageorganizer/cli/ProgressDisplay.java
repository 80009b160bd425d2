package org.imageorganizer.cli;

/**
 * A command's progress on stderr: a bar redrawn in place on a terminal ({@link TerminalProgress}), a
 * plain line every few seconds when stderr goes to a file or a pipe ({@link PlainProgress}). Made by
 * {@link ConsoleBars}; safe to call from several threads.
 */
interface ProgressDisplay extends AutoCloseable {

    /**
     * @param done        items finished
     * @param total       items known so far
     * @param detail      the counts behind {@code done}, e.g. "110 new, 7 duplicates, 3 failed"
     * @param currentFile the file just finished, or null
     */
    void update(long done, long total, String detail, String currentFile);

    /** Prints a message on a line of its own (on a terminal, above the bar). */
    void message(String line);

    /** Shows the final state and ends the display's line. */
    @Override
    void close();
}
