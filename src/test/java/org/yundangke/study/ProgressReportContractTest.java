package org.yundangke.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The progress report is agreed in one place, {@link ProgressReport}: the scripts that send it build an object with
 * exactly its fields, so a field renamed on one side fails here rather than silently crediting nothing.
 */
class ProgressReportContractTest {

    private static final List<Path> SENDERS = List.of(Path.of("frontend/player/ydk-player.js"),
            Path.of("frontend/reader/ydk-reader.js"));
    private static final Pattern REPORT = Pattern.compile("JSON\\.stringify\\(\\{(.*?)}\\)", Pattern.DOTALL);
    private static final Pattern KEY = Pattern.compile("(?:^|,)\\s*(\\w+)\\s*:");

    @Test
    void the_player_and_the_reader_send_the_fields_of_the_record() throws IOException {
        List<String> fields = Arrays.stream(ProgressReport.class.getRecordComponents()).map(RecordComponent::getName)
                .toList();
        for (Path sender : SENDERS) {
            List<List<String>> reports = reports(Files.readString(sender));
            assertThat(reports).as(sender + " builds one report").hasSize(1);
            assertThat(reports.getFirst()).as(sender.toString()).containsExactlyInAnyOrderElementsOf(fields);
        }
    }

    @Test
    void the_reading_of_a_script_finds_the_keys_of_its_report() {
        assertThat(reports("const body = JSON.stringify({lessonId: this.getAttribute('k'), spans: this.spans,\n"
                + "  position: this.video ? this.video.currentTime : 0});"))
                .containsExactly(List.of("lessonId", "spans", "position"));
    }

    private static List<List<String>> reports(String script) {
        List<List<String>> reports = new ArrayList<>();
        Matcher report = REPORT.matcher(script);
        while (report.find()) {
            List<String> keys = new ArrayList<>();
            Matcher key = KEY.matcher(report.group(1));
            while (key.find()) {
                keys.add(key.group(1));
            }
            reports.add(keys);
        }
        return reports;
    }
}
