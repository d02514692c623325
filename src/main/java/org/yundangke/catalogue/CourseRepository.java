package org.yundangke.catalogue;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CourseRepository extends JpaRepository<Course, UUID> {

    List<Course> findByOwnerUsernameOrderByTitle(String owner);

    List<Course> findAllByOrderByTitle();

    /** Courses with at least one published lesson meant for members with this reach. */
    @Query("select c from Course c where exists (select 1 from Lesson l where l.courseId = c.id and "
            + LessonRepository.PUBLISHED_FOR + ") order by c.title")
    List<Course> findWithLessonsFor(Collection<Long> committees, Collection<Long> branches);
}
