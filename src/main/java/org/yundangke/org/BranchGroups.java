package org.yundangke.org;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yundangke.base.UserError;

/**
 * Party groups (党小组): a branch's secretary puts members of the branch into named groups, so that work can be
 * assigned to one group. A member may be in groups of each of their branches.
 */
@Service
@Transactional(readOnly = true)
public class BranchGroups {

    /** A group of a branch and its members' ids. */
    public record BranchGroup(long id, long branchId, String name, Set<Long> memberIds) {
    }

    static final int MAX_NAME = 30;

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final OrgDirectory directory;

    BranchGroups(JdbcTemplate jdbc, OrgDirectory directory) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.directory = directory;
    }

    /** The groups of a branch in the caller's scope, by name. */
    @PreAuthorize("hasAnyRole('SECRETARY', 'ADMIN')")
    public List<BranchGroup> of(long branchId) {
        directory.requireBranchInScope(branchId);
        Map<Long, Set<Long>> members = new HashMap<>();
        jdbc.query("select m.group_id, m.member_id from branch_group_member m join branch_group g on g.id = m.group_id"
                + " where g.branch_id = ?", rs -> {
                    members.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2));
                }, branchId);
        return jdbc.query("select id, name from branch_group where branch_id = ? order by name, id",
                (rs, n) -> new BranchGroup(rs.getLong("id"), branchId, rs.getString("name"),
                        Set.copyOf(members.getOrDefault(rs.getLong("id"), Set.of()))), branchId);
    }

    /** One group, if it belongs to a branch in the caller's scope. */
    @PreAuthorize("hasAnyRole('SECRETARY', 'ADMIN')")
    public BranchGroup find(long groupId) {
        Long branchId = jdbc.query("select branch_id from branch_group where id = ?",
                (rs, n) -> rs.getLong(1), groupId).stream().findFirst()
                .orElseThrow(() -> new AccessDeniedException("no group " + groupId));
        return of(branchId).stream().filter(g -> g.id() == groupId).findFirst().orElseThrow();
    }

    /**
     * Creates a group ({@code groupId} null) or renames it and replaces its members; the members must be attached to
     * the branch and the name unused in it.
     */
    @PreAuthorize("hasAnyRole('SECRETARY', 'ADMIN')")
    @Transactional
    public BranchGroup save(long branchId, @Nullable Long groupId, String name, Collection<Long> memberIds) {
        directory.requireBranchInScope(branchId);
        String clean = name.strip();
        if (clean.isEmpty() || clean.length() > MAX_NAME) {
            throw new UserError("group.name");
        }
        Set<Long> attached = new HashSet<>(directory.memberAccountsOf(branchId).stream()
                .map(MemberAccount::memberId).toList());
        if (!attached.containsAll(memberIds)) {
            throw new AccessDeniedException("members outside branch " + branchId);
        }
        Integer taken = jdbc.queryForObject("select count(*) from branch_group where branch_id = ? and name = ?"
                + " and id <> ?", Integer.class, branchId, clean, groupId == null ? -1L : groupId);
        if (taken != null && taken > 0) {
            throw new UserError("group.duplicate");
        }
        long id;
        if (groupId == null) {
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            named.update("insert into branch_group (branch_id, name) values (:branch, :name)",
                    new MapSqlParameterSource("branch", branchId)
                            .addValue("name", clean), key, new String[] {"id"});
            id = key.getKeyAs(Number.class).longValue();
        } else {
            if (find(groupId).branchId() != branchId) {
                throw new AccessDeniedException("group " + groupId + " is not of branch " + branchId);
            }
            id = groupId;
            jdbc.update("update branch_group set name = ? where id = ?", clean, id);
            jdbc.update("delete from branch_group_member where group_id = ?", id);
        }
        List<Object[]> rows = new ArrayList<>();
        new LinkedHashSet<>(memberIds).forEach(m -> rows.add(new Object[] {id, m}));
        jdbc.batchUpdate("insert into branch_group_member (group_id, member_id) values (?, ?)", rows);
        return find(id);
    }

    /** Removes a group that no assignment names; the members stay in the branch. */
    @PreAuthorize("hasAnyRole('SECRETARY', 'ADMIN')")
    @Transactional
    public void delete(long groupId) {
        find(groupId);
        try {
            jdbc.update("delete from branch_group_member where group_id = ?", groupId);
            jdbc.update("delete from branch_group where id = ?", groupId);
        } catch (DataIntegrityViolationException namedByAnAssignment) {
            throw new UserError("group.in-use");
        }
    }
}
