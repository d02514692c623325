package org.yundangke.org;

import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface BranchRepository extends JpaRepository<Branch, Long> {

    @Query("select b from Branch b join fetch b.committee c where c.path like concat(:pathPrefix, '%') order by c.path, b.name")
    List<Branch> findInSubtree(String pathPrefix);

    @Query(value = "select b from Branch b join fetch b.committee c where c.path like concat(:pathPrefix, '%')",
            countQuery = "select count(b) from Branch b where b.committee.path like concat(:pathPrefix, '%')")
    Page<Branch> findInSubtree(String pathPrefix, Pageable pageable);

    @Query("select b from Branch b join fetch b.committee where b.id in :ids order by b.name")
    List<Branch> findAllWithCommittee(Collection<Long> ids);
}
