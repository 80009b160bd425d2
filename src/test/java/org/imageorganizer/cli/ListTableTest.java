package org.imageorganizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import org.imageorganizer.model.PhotoMetadata;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@code list}'s lines are exactly what printf and String.format wrote, in every locale, for any value. */
class ListTableTest {
    private static final List<Locale> LOCALES = List.of(Locale.ROOT, Locale.US, Locale.GERMANY, Locale.FRANCE,
            Locale.forLanguageTag("ar-EG"), Locale.forLanguageTag("th-TH-u-nu-thai"), Locale.forLanguageTag("hi-IN-u-nu-deva"),
            Locale.forLanguageTag("fa-IR"));

    /** The line as ListCommand printed it before ListTable. */
    private static String formatted(Locale locale, ListCommand.Row row) {
        return String.format(locale, "%6d  %-24s %-24s %-12s %-17s %s%n", row.id(),
                String.format(locale, "%s %.2f", row.object(), row.objectConfidence()),
                String.format(locale, "%s %.2f", row.background(), row.backgroundConfidence()),
                row.clusterId() == null ? "-" : row.clusterId() < 0 ? "Ungrouped"
                        : "cluster " + row.clusterId() + (row.clusterName() == null ? "" : " \"" + row.clusterName() + "\""),
                taken(row.metadata()), row.path());
    }

    /** The TAKEN column worked out another way than the table does. */
    private static String taken(PhotoMetadata m) {
        if (m.taken() == null) {
            return "-";
        }
        String shown = String.format(Locale.ROOT, "%tY-%<tm-%<td %<tH:%<tM", m.taken());
        return m.takenFrom() == PhotoMetadata.TakenFrom.FILE_TIME ? "~" + shown : shown;
    }

    private static PhotoMetadata metadata(int i) {
        return switch (i % 3) {
            case 0 -> PhotoMetadata.NONE;
            case 1 -> PhotoMetadata.fromPhoto(LocalDateTime.of(2000 + i % 30, 1 + i % 12, 1 + i % 28, i % 24, i % 60, 7),
                    i % 2 == 0 ? ZoneOffset.ofHours(2) : null, "Canon", "EOS R6");
            default -> PhotoMetadata.NONE.orFileTime(Instant.ofEpochSecond(1_700_000_000L + i * 86_400L), ZoneOffset.UTC);
        };
    }

    private static ListCommand.Row row(long id, String path, String object, double objectConfidence, String background,
            double backgroundConfidence, Integer cluster, String name, boolean objectByUser, PhotoMetadata m) {
        return new ListCommand.Row(id, path, object, objectConfidence, background, backgroundConfidence, cluster, name,
                640, 480, "jpeg", objectByUser, false, m.takenIso(), m.takenSourceCode(), m.camera(), m);
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
            assertThat(table.header()).isEqualTo(String.format(locale, "%6s  %-24s %-24s %-12s %-17s %s%n", "ID", "OBJECT",
                    "BACKGROUND", "CLUSTER", "TAKEN", "PATH"));
            for (int i = 0; i < confidences.size(); i++) {
                double object = confidences.get(i);
                double background = confidences.get(confidences.size() - 1 - i);
                Integer cluster = i % 4 == 0 ? null : i % 4 - 2;
                String name = cluster != null && cluster >= 0 && i % 3 == 0 ? "Ski trip " + "ä".repeat(i % 7) : null;
                ListCommand.Row row = row(i * 37L % 2_000_000, "/photos/" + i + ".jpg",
                        i % 50 == 0 ? null : "a label that is longer than twenty-four characters".substring(0, i % 40),
                        object, "background", background, cluster, name, false, metadata(i));
                assertThat(table.line(row)).as("%s %s %s", locale, object, background).isEqualTo(formatted(locale, row));
            }
        }
    }

    @Test
    void oddIdsAndPathsToo() {
        for (Locale locale : LOCALES) {
            ListTable table = new ListTable(locale);
            for (long id : new long[] {0, 7, 999_999, 1_000_000, 123_456_789_012L, -1, Long.MIN_VALUE}) {
                ListCommand.Row row = row(id, id % 2 == 0 ? null : "C:\\photos\\ä ö.jpg", "dog", 0.5,
                        "beach", 0.25, 12, id % 3 == 0 ? "Ski trip" : null, false, metadata((int) Math.floorMod(id, 3L)));
                assertThat(table.line(row)).isEqualTo(formatted(locale, row));
            }
        }
    }

    @Test
    void aCategoryTheUserChoseShowsAsTheirsWithoutTheModelsConfidence() {
        ListTable table = new ListTable(Locale.ROOT);
        ListCommand.Row row = row(7, "/photos/a.jpg", "my bike", 0.31, "beach", 0.42, 0, null, true, PhotoMetadata.NONE);
        assertThat(table.line(row)).isEqualTo(String.format(Locale.ROOT, "%6d  %-24s %-24s %-12s %-17s %s%n", 7L,
                "my bike (yours)", "beach 0.42", "cluster 0", "-", "/photos/a.jpg"));
    }

    @Test
    void theDateTakenShowsByTheCameraClockAndAFileTimeIsMarked() {
        ListTable table = new ListTable(Locale.ROOT);
        PhotoMetadata photo = PhotoMetadata.fromPhoto(LocalDateTime.of(2024, 6, 1, 14, 3, 59), ZoneOffset.ofHours(-7),
                null, null);
        assertThat(table.line(row(1, "/a.jpg", "dog", 0.5, "beach", 0.5, null, null, false, photo)))
                .contains(" 2024-06-01 14:03  /a.jpg");
        PhotoMetadata file = PhotoMetadata.NONE.orFileTime(Instant.parse("2023-12-31T23:30:00Z"), ZoneOffset.ofHours(1));
        assertThat(table.line(row(2, "/b.jpg", "dog", 0.5, "beach", 0.5, null, null, false, file)))
                .contains(" ~2024-01-01 00:30 /b.jpg");
    }
}
