package org.imageorganizer.bench.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The first and last image commits read from a child's log written with the bench's logback configuration. */
class CommitTraceTest {
    private static long at(String time) {
        return OffsetDateTime.parse("2026-12-07T" + time + "Z").toInstant().toEpochMilli();
    }

    @Test
    void anImageIsCommittedByItsSessionsNextCommit() {
        List<String> log = List.of(
                "2026-12-07T00:16:47.004Z INFO  [main] h2database - lib:database opening retry:/tmp/lib (build 232)",
                "2026-12-07T00:16:48.314Z INFO  [main] h2database - lib:jdbc[3] ",
                "/*SQL */COMMIT;",
                "2026-12-07T00:16:48.400Z INFO  [main] h2database - lib:jdbc[3] ",
                "/*SQL #:2*/INSERT INTO library_info (info_key, info_value) VALUES ('library_version', '0');",
                "2026-12-07T00:16:48.401Z INFO  [main] h2database - lib:jdbc[3] ",
                "/*SQL */COMMIT;",
                "2026-12-07T00:17:10.799Z INFO  [main] h2database - lib:jdbc[4] ",
                "/*SQL l:250 #:1 t:7*/insert into image (background_confidence,background_label) values (?, ?) {1: 0.5, 2: 'x'};",
                "2026-12-07T00:17:10.802Z INFO  [main] h2database - lib:jdbc[3] ",
                "/*SQL */COMMIT;",
                "2026-12-07T00:17:10.810Z INFO  [main] h2database - lib:jdbc[4] ",
                "/*SQL l:250 #:1*/insert into image (background_confidence,background_label) values (?, ?) {1: 0.7, 2: 'y'};",
                "2026-12-07T00:17:10.815Z INFO  [main] h2database - lib:jdbc[4] ",
                "/*SQL t:3*/COMMIT;",
                "2026-12-07T00:17:12.644Z INFO  [main] h2database - lib:jdbc[4] ",
                "/*SQL l:250 #:1*/insert into image (background_confidence,background_label) values (?, ?) {1: 0.2, 2: 'z'};",
                "2026-12-07T00:17:12.650Z INFO  [main] h2database - lib:jdbc[4] ",
                "/*SQL */COMMIT;",
                "2026-12-07T00:17:12.662Z INFO  [main] o.i.importer.ImportPipeline - Import finished: 3 imported");
        Optional<CommitTrace.Commits> commits = CommitTrace.parse(log);
        assertThat(commits).isPresent();
        assertThat(commits.get().firstMillis()).isEqualTo(at("00:17:10.815"));
        assertThat(commits.get().lastMillis()).isEqualTo(at("00:17:12.650"));
        assertThat(commits.get().images()).isEqualTo(3);
    }

    @Test
    void withoutACommitLineTheInsertIsTheCommit() {
        List<String> log = List.of(
                "2026-12-07T01:00:00.100+01:00 INFO  [main] h2database - lib:jdbc[7] ",
                "/*SQL*/INSERT INTO \"PUBLIC\".\"IMAGE\"(SHA256) VALUES (?);",
                "2026-12-07T01:00:01.000+01:00 INFO  [main] h2database - lib:jdbc[7] ",
                "/*SQL*/INSERT INTO \"PUBLIC\".\"IMAGE\"(SHA256) VALUES (?);");
        CommitTrace.Commits commits = CommitTrace.parse(log).orElseThrow();
        assertThat(commits.firstMillis()).isEqualTo(at("00:00:00.100"));
        assertThat(commits.lastMillis()).isEqualTo(at("00:00:00.100")); // one pending insert per session: its first
    }

    @Test
    void otherTablesAndALogWithoutTraceGiveNothing() {
        assertThat(CommitTrace.parse(List.of(
                "2026-12-07T00:00:00.000Z INFO  [main] h2database - lib:jdbc[3] ",
                "/*SQL*/insert into image_tag (image_id) values (1);",
                "2026-12-07T00:00:00.001Z INFO  [main] h2database - lib:jdbc[3] ",
                "/*SQL*/COMMIT;"))).isEmpty();
        assertThat(CommitTrace.parse(List.of(
                "2026-12-07T00:00:00.000Z INFO  [main] o.i.importer.ImportPipeline - Import finished: 3 imported"))).isEmpty();
        assertThat(CommitTrace.parse(List.of())).isEmpty();
    }

    @Test
    void theConfigurationWritesTheTraceAndExactTimes() {
        assertThat(CommitTrace.LOGBACK_XML).contains("<logger name=\"h2database\" level=\"INFO\"/>")
                .contains("HH:mm:ss.SSSXXX").contains(CommitTrace.LOG_FILE);
    }
}
