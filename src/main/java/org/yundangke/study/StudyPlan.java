package org.yundangke.study;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yundangke.catalogue.Catalogue;
import org.yundangke.catalogue.LessonInfo;

/**
 * What a member studies today: what their branch assigned (soonest due first), then lessons they began and have not
 * completed this year, and when there is neither, the newest lessons meant for them. Each lesson once.
 */
@Service
@Transactional(readOnly = true)
public class StudyPlan {

    /** Why a lesson is on today's list. */
    public enum Why { ASSIGNED, CONTINUING, NEWEST }

    /** One lesson of today's list; {@code dueOn} only for an assignment with a date, {@code note} its note. */
    public record Item(LessonInfo lesson, Why why, @Nullable LocalDate dueOn, String note) {
    }

    private final Assignments assignments;
    private final StudyProgress progress;
    private final Catalogue catalogue;

    StudyPlan(Assignments assignments, StudyProgress progress, Catalogue catalogue) {
        this.assignments = assignments;
        this.progress = progress;
        this.catalogue = catalogue;
    }

    /** Today's lessons in the order above: up to {@code max} assigned, up to {@code max} begun, else the newest. */
    @PreAuthorize("hasRole('MEMBER')")
    public List<Item> today(int max) {
        Map<UUID, Item> today = new LinkedHashMap<>();
        for (Assignments.ToDo toDo : assignments.toDo().stream().limit(max).toList()) {
            today.putIfAbsent(toDo.lesson().id(), new Item(toDo.lesson(), Why.ASSIGNED, toDo.dueOn(), toDo.note()));
        }
        for (UUID started : progress.continuing(max)) {
            if (!today.containsKey(started)) {
                try {
                    today.put(started, new Item(catalogue.open(started), Why.CONTINUING, null, ""));
                } catch (AccessDeniedException noLongerForThem) {
                    // archived or re-aimed since: not shown
                }
            }
        }
        if (today.isEmpty()) {
            catalogue.forMe(PageRequest.of(0, max)).forEach(l -> today.put(l.id(), new Item(l, Why.NEWEST, null, "")));
        }
        return new ArrayList<>(today.values());
    }
}
