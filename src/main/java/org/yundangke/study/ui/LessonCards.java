package org.yundangke.study.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import java.util.Collection;
import java.util.function.Function;
import org.yundangke.catalogue.LessonInfo;
import org.yundangke.study.AssignableWork;
import org.yundangke.study.OnMemberHome;

/** Lessons as big cards, each one link as a whole: the title, speaker, kind, length and a note, 开始学习. */
final class LessonCards {

    private LessonCards() {
    }

    /** A grid of cards; {@code note} adds a word to a card ("continue", "assigned", "completed"), or "" for none. */
    static Div of(Component context, Collection<LessonInfo> lessons, Function<LessonInfo, String> note) {
        Div cards = new Div();
        cards.addClassName("ydk-cards");
        lessons.forEach(lesson -> cards.add(card(context, lesson, note.apply(lesson))));
        return cards;
    }

    /**
     * One lesson as one link, the whole card the target: the title (the link's own text), speaker, kind and length, a
     * note, the summary cut to two lines, and 开始学习 (or 接着学) where a button would be.
     */
    static RouterLink card(Component context, LessonInfo lesson, String note) {
        RouterLink card = new RouterLink(lesson.title(), LessonView.class,
                new RouteParameters(LessonView.LESSON_ID, lesson.id().toString()));
        card.addClassNames("ydk-card", "ydk-card-link", "ydk-lesson-card");
        Span facts = new Span(facts(context, lesson) + (note.isEmpty() ? "" : " · " + note));
        facts.addClassName("ydk-card-note");
        Span summary = new Span(lesson.summary());
        summary.addClassName("ydk-card-summary");
        boolean continuing = note.equals(context.getTranslation("member.home.continue"));
        Span action = new Span(context.getTranslation(continuing ? "lesson.card.continue" : "lesson.card.start"));
        action.addClassName("ydk-card-action");
        card.add(facts, summary, action);
        return card;
    }

    /** A course as one link, the whole card the target, with its summary and 打开课程. */
    static RouterLink courseCard(Component context, RouterLink card, String summary) {
        card.addClassNames("ydk-card", "ydk-card-link", "ydk-lesson-card");
        Span text = new Span(summary);
        text.addClassName("ydk-card-summary");
        Span action = new Span(context.getTranslation("course.card.open"));
        action.addClassName("ydk-card-action");
        card.add(text, action);
        return card;
    }

    /** Assigned work (a test) as a card that is one link as a whole: its title, its kind and the note. */
    static Anchor workCard(Component context, AssignableWork.Work work, String note) {
        return otherCard(new OnMemberHome.Card(work.title(), context.getTranslation(work.kind()) + " · " + note,
                work.path(), false));
    }

    /** Another module's card (a live talk, a test): one link as a whole, marked while it is on now. */
    static Anchor otherCard(OnMemberHome.Card other) {
        Span title = new Span(other.title());
        title.addClassName("ydk-card-title");
        Span note = new Span(other.note());
        note.addClassName("ydk-card-note");
        Anchor card = new Anchor(other.path());
        card.getElement().setAttribute("router-link", true); // navigates inside the app, as a RouterLink does
        card.add(title, note);
        card.addClassName("ydk-card");
        card.addClassName("ydk-card-link");
        if (other.now()) {
            card.addClassName("ydk-card-now");
        }
        return card;
    }

    static String facts(Component context, LessonInfo lesson) {
        return lesson.speaker() + " · " + context.getTranslation("lesson.kind." + lesson.kind()) + " · "
                + LessonView.minutes(context, lesson);
    }
}
