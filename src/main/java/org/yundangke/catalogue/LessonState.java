package org.yundangke.catalogue;

public enum LessonState {
    DRAFT, PUBLISHED, ARCHIVED
}
