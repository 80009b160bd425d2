package org.imageorganizer.cli;

import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * The lines of {@code list}'s table, exactly as {@code printf("%6d  %-24s %-24s %-12s %-17s %s%n")} with
 * {@code String.format("%s %.2f")} labels writes them in the locale, but without {@link java.util.Formatter}
 * for the common case (a locale with ASCII digits, ids and confidences that are plain numbers): on a
 * library of 10,000 images the Formatter took about half of the command's own time. Anything else
 * (other digits, a confidence on a rounding tie, negative or not finite) goes through the Formatter.
 */
final class ListTable {
    private static final String LINE = "%6d  %-24s %-24s %-12s %-17s %s%n";
    private static final int ID_WIDTH = 6;
    private static final int LABEL_WIDTH = 24;
    private static final int CLUSTER_WIDTH = 12;
    /** Below this the cents of a confidence fit a long with room; above it the Formatter is asked. */
    private static final double PLAIN_LIMIT = 1e6;
    /** How far from a rounding tie a confidence must be for its cents not to depend on how its digits are made. */
    private static final double TIE_MARGIN = 1e-6;

    private final Locale locale;
    private final boolean asciiDigits;
    private final char decimalSeparator;

    ListTable(Locale locale) {
        this.locale = locale;
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
        this.asciiDigits = symbols.getZeroDigit() == '0';
        this.decimalSeparator = symbols.getDecimalSeparator();
    }

    /** In the locale Formatter uses by default ({@code printf}, {@code String.format}). */
    static ListTable forDefaultLocale() {
        return new ListTable(Locale.getDefault(Locale.Category.FORMAT));
    }

    /** The header line, with its line separator. */
    String header() {
        return String.format(locale, "%6s  %-24s %-24s %-12s %-17s %s%n", "ID", "OBJECT", "BACKGROUND", "CLUSTER",
                "TAKEN", "PATH");
    }

    /** One row's line, with its line separator. */
    String line(ListCommand.Row row) {
        String cluster = row.clusterId() == null ? "-" : TreePrinter.clusterLabel(row.clusterId(), row.clusterName());
        String object = row.objectByUser() ? yours(row.object()) : label(row.object(), row.objectConfidence());
        String background = row.backgroundByUser() ? yours(row.background()) : label(row.background(), row.backgroundConfidence());
        if (!asciiDigits || row.id() < 0) {
            return String.format(locale, LINE, row.id(), object, background, cluster, TakenText.of(row.metadata()),
                    row.path());
        }
        StringBuilder line = new StringBuilder(96);
        String id = Long.toString(row.id());
        pad(line, ID_WIDTH - id.length());
        line.append(id).append("  ");
        padded(line, object, LABEL_WIDTH).append(' ');
        padded(line, background, LABEL_WIDTH).append(' ');
        padded(line, cluster, CLUSTER_WIDTH).append(' ');
        padded(line, TakenText.of(row.metadata()), TakenText.WIDTH).append(' ');
        return line.append(row.path()).append(System.lineSeparator()).toString();
    }

    /** A category the user chose: no confidence, since the model's is not for it. */
    static String yours(String name) {
        return name + " (yours)";
    }

    /** {@code String.format("%s %.2f", name, confidence)}. */
    String label(String name, double confidence) {
        String cents = twoDecimals(confidence);
        return cents != null ? name + " " + cents : String.format(locale, "%s %.2f", name, confidence);
    }

    /** The confidence with two decimals, rounded half up, or null when the Formatter must decide. */
    private String twoDecimals(double value) {
        if (!asciiDigits || !(value >= 0) || value >= PLAIN_LIMIT || Double.doubleToRawLongBits(value) < 0) {
            return null; // NaN, negative (or -0.0), infinite, huge
        }
        double scaled = value * 100;
        double floor = Math.floor(scaled);
        double fraction = scaled - floor;
        if (Math.abs(fraction - 0.5) < TIE_MARGIN) {
            return null;
        }
        long cents = (long) floor + (fraction > 0.5 ? 1 : 0);
        long hundredths = cents % 100;
        return (cents / 100) + String.valueOf(decimalSeparator) + (hundredths < 10 ? "0" : "") + hundredths;
    }

    private static StringBuilder padded(StringBuilder line, String text, int width) {
        String shown = String.valueOf(text);
        line.append(shown);
        pad(line, width - shown.length());
        return line;
    }

    private static void pad(StringBuilder line, int spaces) {
        for (int i = 0; i < spaces; i++) {
            line.append(' ');
        }
    }
}
