package org.yundangke.catalogue;

public enum LessonKind {
    VIDEO, AUDIO, ARTICLE
}
