package org.yundangke.org;

import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface MemberRepository extends JpaRepository<Member, Long> {

    /** Everyone attached to the branch, as primary or as managing branch ("1+2"), each once. */
    @Query(value = """
            select m from Member m join fetch m.primaryBranch
            where m.primaryBranch.id = :branchId
               or exists (select 1 from Member o join o.managingBranchIds mb where o = m and mb = :branchId)""",
            countQuery = """
            select count(m) from Member m
            where m.primaryBranch.id = :branchId
               or exists (select 1 from Member o join o.managingBranchIds mb where o = m and mb = :branchId)""")
    Page<Member> findAttachedTo(long branchId, Pageable pageable);

    @Query("""
            select count(m) from Member m
            where m.primaryBranch.id = :branchId
               or exists (select 1 from Member o join o.managingBranchIds mb where o = m and mb = :branchId)""")
    long countAttachedTo(long branchId);

    /** Members attached to the branch whose 政治生日 (the day they joined the Party) is in the month, by day. */
    @Query("""
            select m from Member m join fetch m.primaryBranch
            where (m.primaryBranch.id = :branchId
               or exists (select 1 from Member o join o.managingBranchIds mb where o = m and mb = :branchId))
              and extract(month from m.partyJoinDate) = :month
            order by extract(day from m.partyJoinDate), m.name""")
    List<Member> findPartyBirthdays(long branchId, int month);
}
