package org.imageorganizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@code list}'s lines are exactly what printf and String.format wrote, in every locale, for any value. */
class ListTableTest {
    private static final List<Locale> LOCALES = List.of(Locale.ROOT, Locale.US, Locale.GERMANY, Locale.FRANCE,
            Locale.forLanguageTag("ar-EG"), Locale.forLanguageTag("th-TH-u-nu-thai"), Locale.forLanguageTag("hi-IN-u-nu-deva"),
            Locale.forLanguageTag("fa-IR"));

    /** The line as ListCommand printed it before ListTable. */
    private static String formatted(Locale locale, ListCommand.Row row) {
        return String.format(locale, "%6d  %-24s %-24s %-12s %s%n", row.id(),
                String.format(locale, "%s %.2f", row.object(), row.objectConfidence()),
                String.format(locale, "%s %.2f", row.background(), row.backgroundConfidence()),
                row.clusterId() == null ? "-" : row.clusterId() < 0 ? "Ungrouped"
                        : "cluster " + row.clusterId() + (row.clusterName() == null ? "" : " \"" + row.clusterName() + "\""),
                row.path());
    }

    private static List<Double> confidences() {
        List<Double> values = new ArrayList<>(List.of(0.0, -0.0, 1.0, 0.285, 0.125, 0.005, 0.015, 0.045, 0.995, 0.675,
                1.005, 0.3350000000000001, 0.8049999999999999, 0.999999, 0.004999999, -0.5, 12.345, 999_999.995,
                123_456_789.125, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE,
                Double.MAX_VALUE));
        Random random = new Random(16);
        for (int i = 0; i < 5_000; i++) {
            values.add(random.nextDouble());
            values.add(random.nextInt(100_000) / 10_000.0); // many exact ties at the third decimal
            values.add(random.nextInt(2_000) / 1_000.0);
        }
        return values;
    }

    @Test
    void everyLineIsWhatTheFormatterWrote() {
        List<Double> confidences = confidences();
        for (Locale locale : LOCALES) {
            ListTable table = new ListTable(locale);
            assertThat(table.header()).isEqualTo(String.format(locale, "%6s  %-24s %-24s %-12s %s%n", "ID", "OBJECT",
                    "BACKGROUND", "CLUSTER", "PATH"));
            for (int i = 0; i < confidences.size(); i++) {
                double object = confidences.get(i);
                double background = confidences.get(confidences.size() - 1 - i);
                Integer cluster = i % 4 == 0 ? null : i % 4 - 2;
                String name = cluster != null && cluster >= 0 && i % 3 == 0 ? "Ski trip " + "ä".repeat(i % 7) : null;
                ListCommand.Row row = new ListCommand.Row(i * 37L % 2_000_000, "/photos/" + i + ".jpg",
                        i % 50 == 0 ? null : "a label that is longer than twenty-four characters".substring(0, i % 40),
                        object, "background", background, cluster, name, 640, 480, "jpeg", false, false);
                assertThat(table.line(row)).as("%s %s %s", locale, object, background).isEqualTo(formatted(locale, row));
            }
        }
    }

    @Test
    void oddIdsAndPathsToo() {
        for (Locale locale : LOCALES) {
            ListTable table = new ListTable(locale);
            for (long id : new long[] {0, 7, 999_999, 1_000_000, 123_456_789_012L, -1, Long.MIN_VALUE}) {
                ListCommand.Row row = new ListCommand.Row(id, id % 2 == 0 ? null : "C:\\photos\\ä ö.jpg", "dog", 0.5,
                        "beach", 0.25, 12, id % 3 == 0 ? "Ski trip" : null, 1, 1, "png", false, false);
                assertThat(table.line(row)).isEqualTo(formatted(locale, row));
            }
        }
    }

    @Test
    void aCategoryTheUserChoseShowsAsTheirsWithoutTheModelsConfidence() {
        ListTable table = new ListTable(Locale.ROOT);
        ListCommand.Row row = new ListCommand.Row(7, "/photos/a.jpg", "my bike", 0.31, "beach", 0.42, 0, null, 640, 480, "jpeg",
                true, false);
        assertThat(table.line(row)).isEqualTo(String.format(Locale.ROOT, "%6d  %-24s %-24s %-12s %s%n", 7L,
                "my bike (yours)", "beach 0.42", "cluster 0", "/photos/a.jpg"));
    }
}
