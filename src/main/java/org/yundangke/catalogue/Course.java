package org.yundangke.catalogue;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** A course (专题): lessons meant to be taken in order, e.g. a six-part series on Party history. */
@Entity
class Course {

    @Id
    private UUID id = UUID.randomUUID();
    private String title;
    private String summary;
    private String ownerUsername;
    private Instant createdAt = Instant.EPOCH; // set on creation; JPA sets the stored one

    protected Course() {
        this.title = "";
        this.summary = "";
        this.ownerUsername = "";
    }

    Course(String title, String summary, String ownerUsername, Instant now) {
        this.createdAt = now;
        this.title = title.strip();
        this.summary = summary.strip();
        this.ownerUsername = ownerUsername;
    }

    UUID getId() {
        return id;
    }

    String getOwnerUsername() {
        return ownerUsername;
    }

    CourseInfo toInfo() {
        return new CourseInfo(id, title, summary, ownerUsername);
    }
}
