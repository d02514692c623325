package org.yundangke.org.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;
import org.yundangke.base.ui.RouteTarget;
import org.yundangke.base.ui.UserErrors;
import org.yundangke.org.Accounts;
import org.yundangke.org.BranchInfo;
import org.yundangke.org.MemberInfo;
import org.yundangke.org.OrgDirectory;
import org.yundangke.base.ui.ResponsiveGrid;
import java.util.HashMap;
import java.util.Map;

/**
 * One branch's members, primary and "1+2" managed, paged from the server, with 开通账号 for those without a login and
 * 重设密码 for those with one (each ending in a sheet to print); refused outside the user's scope.
 */
@Route("branches/:branchId")
@RolesAllowed({"SECRETARY", "ADMIN"})
class BranchMembersView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String BRANCH_ID = "branchId";

    final H2 title = new H2();
    final ResponsiveGrid<MemberInfo> table = new ResponsiveGrid<>();
    final Grid<MemberInfo> grid = table.grid;
    private final OrgDirectory directory;
    private final Accounts accounts;

    BranchMembersView(OrgDirectory directory, Accounts accounts) {
        this.directory = directory;
        this.accounts = accounts;
        addClassName("ydk-page");
        setSizeFull();
        table.addColumn(getTranslation("member.name"), MemberInfo::name).setSortProperty("name");
        table.addColumn(getTranslation("member.gender"), MemberInfo::gender);
        table.addColumn(getTranslation("member.birth-year"), MemberInfo::birthYear);
        table.addColumn(getTranslation("member.party-join-date"), MemberInfo::partyJoinDate);
        table.addColumn(getTranslation("member.former-unit"), MemberInfo::formerUnit);
        table.addColumn(getTranslation("member.relation"), this::relation);
        table.addComponentColumn(getTranslation("media.actions"), this::accountButton).setAutoWidth(true)
                .setFlexGrow(0).setKey("actions");
        table.setEmptyStateText(getTranslation("branch.members.empty"));
        table.setAriaLabel(getTranslation("branch.members.grid"));
        add(title, table);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        BranchInfo branch = RouteTarget.find(event, BRANCH_ID, directory::branchInScope).orElse(null);
        if (branch == null) {
            return;
        }
        long branchId = branch.id();
        title.setText(branch.name());
        readLogins(branchId);
        table.setItems(query -> directory.membersOf(branchId, VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        grid.getElement().setAttribute("data-branch-id", String.valueOf(branchId));
        currentBranch = branchId;
    }

    private long currentBranch;

    private String relation(MemberInfo member) {
        return getTranslation(member.primaryBranchId() == currentBranch
                ? "member.home.branch.primary" : "member.home.branch.managing");
    }

    /** Which members have a login, and its user name (one query for the branch, not one per row). */
    private void readLogins(long branchId) {
        logins.clear();
        directory.memberAccountsOf(branchId).stream().filter(a -> a.username() != null)
                .forEach(a -> logins.put(a.memberId(), a.username()));
    }

    private final Map<Long, String> logins = new HashMap<>();

    /** 重设密码 for a member with a login, 开通账号 for one without. */
    private Button accountButton(MemberInfo member) {
        return logins.containsKey(member.id()) ? resetButton(member) : openButton(member);
    }

    /** A member without a login gets one in one step, and the sheet to hand over. */
    private Button openButton(MemberInfo member) {
        Button open = new Button(getTranslation("account.open"), e -> UserErrors
                .attemptGet(() -> accounts.openFor(member.id())).ifPresent(login -> {
                    logins.put(member.id(), login.username());
                    table.refresh();
                    new LoginSheet(member.name(), login.username(), login.oneTimePassword()).open();
                }));
        open.addClassName("ydk-open-account");
        return open;
    }

    /** A forgotten password: after a confirmation, a one-time password on the sheet to hand over. */
    private Button resetButton(MemberInfo member) {
        return new Button(getTranslation("account.reset"), e -> {
            ConfirmDialog confirm = new ConfirmDialog();
            confirm.setHeader(getTranslation("account.reset"));
            confirm.setText(getTranslation("account.reset.confirm", member.name()));
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("action.cancel"));
            confirm.setConfirmText(getTranslation("account.reset"));
            confirm.addConfirmListener(ok -> UserErrors.attemptGet(() -> accounts.resetPassword(member.id()))
                    .ifPresent(password -> new LoginSheet(member.name(), logins.get(member.id()), password).open()));
            confirm.open();
        });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("branch.members.title");
    }
}
