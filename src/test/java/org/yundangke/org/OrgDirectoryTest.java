package org.yundangke.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.test.context.ActiveProfiles;
import org.yundangke.Logins;
import java.time.Month;
import java.util.Arrays;
import org.springframework.data.domain.PageRequest;

/** Scope rules on the service itself, with the demo organisation: nothing here depends on what a view shows. */
@SpringBootTest
@ActiveProfiles("test")
class OrgDirectoryTest {

    @Autowired
    OrgDirectory directory;

    @Autowired
    Logins logins;

    @Autowired
    BranchRepository branches;

    @AfterEach
    void logout() {
        logins.logout();
    }

    @Test
    void demo_data_covers_the_organisation_the_readme_promises() {
        logins.as("province");
        assertThat(directory.committeesInScope()).extracting(CommitteeInfo::level)
                .containsExactly(CommitteeLevel.PROVINCE, CommitteeLevel.CITY, CommitteeLevel.COUNTY,
                        CommitteeLevel.COUNTY, CommitteeLevel.CITY, CommitteeLevel.COUNTY);
        List<BranchInfo> all = directory.branchesInScope();
        assertThat(all).hasSizeGreaterThanOrEqualTo(6);
        assertThat(all).extracting(BranchInfo::kind).containsAll(List.of(BranchKind.values()));
        assertThat(branches.count()).isEqualTo(all.size());
    }

    @Test
    void a_secretary_reaches_only_the_branches_they_lead() {
        logins.as("secretary");
        List<BranchInfo> led = directory.branchesInScope();
        assertThat(led).extracting(BranchInfo::name).containsExactly("梅园新村社区离退休干部党支部");
        assertThat(directory.membersOf(led.getFirst().id(), Pageable.ofSize(100))).isNotEmpty();

        long other = idOf("原苏州市教育局离退休干部党支部");
        assertThatThrownBy(() -> directory.membersOf(other, Pageable.ofSize(10)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void an_admin_reaches_only_their_committee_subtree() {
        logins.as("admin");
        assertThat(directory.committeesInScope()).extracting(CommitteeInfo::name)
                .contains("南京市委离退休干部工委", "玄武区委离退休干部工委", "鼓楼区委离退休干部工委")
                .doesNotContain("江苏省委离退休干部工委", "苏州市委离退休干部工委", "姑苏区委离退休干部工委");
        assertThat(directory.branchesInScope()).extracting(BranchInfo::committeeName)
                .allMatch(name -> name.startsWith("玄武区") || name.startsWith("鼓楼区"));
        assertThatThrownBy(() -> directory.membersOf(idOf("平江街道社区离退休干部党支部"), Pageable.ofSize(10)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_member_is_refused_the_secretary_and_admin_calls() {
        logins.as("member");
        assertThatThrownBy(directory::branchesInScope).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(directory::committeesInScope).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> directory.membersOf(idOf("梅园新村社区离退休干部党支部"), Pageable.ofSize(10)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void nobody_logged_in_gets_nothing() {
        assertThatThrownBy(directory::currentActor).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void a_one_plus_two_member_shows_their_primary_and_managing_branches() {
        logins.as("member");
        MemberInfo me = directory.myMemberRecord().orElseThrow();
        assertThat(me.primaryBranchName()).isEqualTo("原南京市财政局离退休干部党支部");
        assertThat(me.managingBranchIds()).hasSize(2);
        assertThat(directory.branchesByIds(me.managingBranchIds())).extracting(BranchInfo::name)
                .containsExactly("梅园新村社区离退休干部党支部", "鼓楼区老年大学离退休干部党支部");
    }

    @Test
    void a_branch_lists_its_managed_members_once_each() {
        logins.as("secretary");
        long meiyuan = idOf("梅园新村社区离退休干部党支部");
        var page = directory.membersOf(meiyuan, Pageable.ofSize(100));
        assertThat(page.getTotalElements()).isEqualTo(9 + 4);
        assertThat(page.getContent()).extracting(MemberInfo::id).doesNotHaveDuplicates();
        assertThat(page.getContent()).filteredOn(m -> m.primaryBranchId() != meiyuan).hasSize(4);
    }

    @Test
    void a_member_has_at_most_two_managing_branches_and_never_their_primary_one() {
        Committee county = new Committee("县", CommitteeLevel.COUNTY, null);
        Branch primary = branchWithId(1L, county);
        Member member = new Member("测试", primary);
        member.addManagingBranch(branchWithId(2L, county));
        member.addManagingBranch(branchWithId(3L, county));
        assertThatThrownBy(() -> member.addManagingBranch(branchWithId(4L, county)))
                .isInstanceOf(IllegalStateException.class);
        Member other = new Member("测试二", primary);
        assertThatThrownBy(() -> other.addManagingBranch(primary)).isInstanceOf(IllegalArgumentException.class);
        assertThat(member.getManagingBranchIds()).containsExactly(2L, 3L);
    }

    private long idOf(String branchName) {
        return branches.findAll().stream().filter(b -> b.getName().equals(branchName)).findFirst().orElseThrow().getId();
    }

    private static Branch branchWithId(long id, Committee committee) {
        Branch branch = new Branch("支部" + id, BranchKind.COMMUNITY, committee, false);
        org.springframework.test.util.ReflectionTestUtils.setField(branch, "id", id);
        return branch;
    }

    @Test
    void party_birthdays_of_a_month_are_the_branchs_members_who_joined_in_that_month_by_day_and_in_scope_only() {
        long meiyuan = branches.findAll().stream().filter(b -> b.getName().equals("梅园新村社区离退休干部党支部"))
                .findFirst().orElseThrow().getId();
        long pingjiang = branches.findAll().stream().filter(b -> b.getName().equals("平江街道社区离退休干部党支部"))
                .findFirst().orElseThrow().getId();
        logins.as("secretary");
        List<MemberInfo> everyone = directory.membersOf(meiyuan, PageRequest.of(0, 100)).getContent();
        for (Month month : Month.values()) {
            List<MemberInfo> found = directory.partyBirthdays(meiyuan, month);
            assertThat(found).as(month.toString()).containsExactlyInAnyOrderElementsOf(everyone.stream()
                    .filter(m -> m.partyJoinDate() != null && m.partyJoinDate().getMonth() == month).toList());
            assertThat(found).extracting(m -> m.partyJoinDate().getDayOfMonth()).isSorted();
        }
        assertThat(Arrays.stream(Month.values()).mapToInt(m -> directory.partyBirthdays(meiyuan, m).size()).sum())
                .as("every member with a date, once").isEqualTo((int) everyone.stream()
                        .filter(m -> m.partyJoinDate() != null).count());
        assertThatThrownBy(() -> directory.partyBirthdays(pingjiang, Month.JANUARY))
                .isInstanceOf(AccessDeniedException.class);
    }
}
