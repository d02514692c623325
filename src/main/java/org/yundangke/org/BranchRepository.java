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

    /** The secretaries of the given branches, in the order of the ids' branches' names. */
    @Query(value = """
            select b.name as branch_name, m.name as name, m.phone as phone, b.id as branch_id
            from branch_secretary s join user_account u on u.id = s.user_id join member m on m.id = u.member_id
            join branch b on b.id = s.branch_id where s.branch_id in (:ids) order by b.name, m.name""",
            nativeQuery = true)
    List<SecretaryRow> findSecretaries(Collection<Long> ids);

    interface SecretaryRow {
        String getBranchName();

        String getName();

        String getPhone();

        Long getBranchId();
    }
}
