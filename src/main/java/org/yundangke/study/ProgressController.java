package org.yundangke.study;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yundangke.base.UserError;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where the player reports what it played: every ~12 s as JSON, and once more with {@code navigator.sendBeacon} when
 * the page is hidden or closed (a beacon cannot set headers, so it sends a form with the CSRF token and the report).
 */
@RestController
class ProgressController {

    private final StudyProgress progress;
    private final JsonMapper json = JsonMapper.builder().build();

    ProgressController(StudyProgress progress) {
        this.progress = progress;
    }

    @PostMapping(value = ProgressReport.PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
    StudyProgress.Standing report(@RequestBody ProgressReport report) {
        return progress.report(report.lessonId(), report.spansOrNone(), report.position());
    }

    @PostMapping(value = ProgressReport.PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    StudyProgress.Standing beacon(@RequestParam("report") String report) {
        ProgressReport read;
        try {
            read = json.readValue(report, ProgressReport.class);
        } catch (JacksonException malformed) {
            throw new UserError("progress.report.invalid");
        }
        return report(read);
    }
}
