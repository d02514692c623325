package org.yundangke.org.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.yundangke.org.BranchInfo;
import org.yundangke.org.CommitteeInfo;
import org.yundangke.org.OrgDirectory;

/** An admin's home: their committee's subtree, every branch in it with its member count. */
@Route("admin")
@Menu(order = 15, icon = "vaadin:sitemap", title = "nav.admin.home")
@RolesAllowed("ADMIN")
class AdminHomeView extends VerticalLayout implements HasDynamicTitle {

    final Grid<BranchInfo> branches = new Grid<>();

    AdminHomeView(OrgDirectory directory) {
        addClassName("ydk-page");
        setSizeFull();
        List<CommitteeInfo> committees = directory.committeesInScope();
        List<BranchInfo> inScope = directory.branchesInScope();
        String top = committees.isEmpty() ? "" : committees.getFirst().name();
        add(new H2(top), new Paragraph(getTranslation("admin.home.summary", committees.size(), inScope.size(),
                inScope.stream().mapToLong(BranchInfo::memberCount).sum())));

        branches.addComponentColumn(b -> new RouterLink(b.name(), BranchMembersView.class,
                new RouteParameters(BranchMembersView.BRANCH_ID, String.valueOf(b.id()))))
                .setHeader(getTranslation("branch.name")).setFlexGrow(2);
        branches.addColumn(BranchInfo::committeeName).setHeader(getTranslation("branch.committee"));
        branches.addColumn(b -> getTranslation("branch.kind." + b.kind())).setHeader(getTranslation("branch.kind"));
        branches.addColumn(BranchInfo::memberCount).setHeader(getTranslation("branch.member-count"));
        branches.setEmptyStateText(getTranslation("admin.home.empty"));
        branches.setAriaLabel(getTranslation("admin.home.branches"));
        branches.setItems(inScope);
        add(branches);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.admin.home");
    }
}
