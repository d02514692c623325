package org.yundangke.study.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JavaScript;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.yundangke.catalogue.ArticleText;
import org.yundangke.catalogue.LessonInfo;
import tools.jackson.databind.json.JsonMapper;

/**
 * The read-aloud toolbar over an article ({@code frontend/reader/ydk-reader.js}): read aloud, pause, stop; it also
 * keeps the article's reading clock and reports it like the player reports a talk.
 */
@Tag("ydk-reader")
@JavaScript("context://ydk/player/ydk-report.js")
@JavaScript("context://ydk/reader/ydk-reader.js")
class ArticleReader extends Component {

    /** With no {@code reportUrl} (an editor's preview of a draft) nothing is reported. */
    ArticleReader(LessonInfo article, double startAt, @Nullable String reportUrl) {
        getElement().setAttribute("duration", String.valueOf(article.durationSeconds()));
        getElement().setAttribute("start-at", String.valueOf(startAt));
        if (reportUrl != null) {
            getElement().setAttribute("report-url", reportUrl);
        }
        getElement().setAttribute("report-key", article.id().toString());
        getElement().setProperty("text", article.title() + "。\n" + ArticleText.plain(article.body() == null ? ""
                : article.body()));
        getElement().setAttribute("labels", JsonMapper.builder().build().writeValueAsString(Map.of(
                "toolbar", getTranslation("lesson.article.tools"), "readAloud", getTranslation("lesson.article.read"),
                "resume", getTranslation("lesson.article.resume"), "pause", getTranslation("lesson.article.pause"),
                "stop", getTranslation("lesson.article.stop"), "finished", getTranslation("lesson.article.finished"),
                "noVoice", getTranslation("lesson.article.no-voice"),
                "larger", getTranslation("lesson.article.larger"))));
    }
}
