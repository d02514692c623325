package org.yundangke.org.ui;

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
import org.yundangke.org.BranchInfo;
import org.yundangke.org.MemberInfo;
import org.yundangke.org.OrgDirectory;

/** One branch's members, primary and "1+2" managed, paged from the server; refused outside the user's scope. */
@Route("branches/:branchId")
@RolesAllowed({"SECRETARY", "ADMIN"})
class BranchMembersView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String BRANCH_ID = "branchId";

    final H2 title = new H2();
    final Grid<MemberInfo> grid = new Grid<>();
    private final OrgDirectory directory;

    BranchMembersView(OrgDirectory directory) {
        this.directory = directory;
        addClassName("ydk-page");
        setSizeFull();
        grid.addColumn(MemberInfo::name).setHeader(getTranslation("member.name")).setSortProperty("name");
        grid.addColumn(MemberInfo::gender).setHeader(getTranslation("member.gender"));
        grid.addColumn(MemberInfo::birthYear).setHeader(getTranslation("member.birth-year"));
        grid.addColumn(MemberInfo::partyJoinDate).setHeader(getTranslation("member.party-join-date"));
        grid.addColumn(MemberInfo::formerUnit).setHeader(getTranslation("member.former-unit"));
        grid.addColumn(this::relation).setHeader(getTranslation("member.relation"));
        grid.setEmptyStateText(getTranslation("branch.members.empty"));
        grid.setAriaLabel(getTranslation("branch.members.grid"));
        add(title, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        BranchInfo branch = RouteTarget.find(event, BRANCH_ID, directory::branchInScope).orElse(null);
        if (branch == null) {
            return;
        }
        long branchId = branch.id();
        title.setText(branch.name());
        grid.setItems(query -> directory.membersOf(branchId, VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        grid.getElement().setAttribute("data-branch-id", String.valueOf(branchId));
        currentBranch = branchId;
    }

    private long currentBranch;

    private String relation(MemberInfo member) {
        return getTranslation(member.primaryBranchId() == currentBranch
                ? "member.home.branch.primary" : "member.home.branch.managing");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("branch.members.title");
    }
}
