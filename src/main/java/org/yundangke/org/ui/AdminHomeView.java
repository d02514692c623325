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
import org.yundangke.base.ui.ResponsiveGrid;

/** An admin's home: their committee's subtree, every branch in it with its member count. */
@Route("admin")
@Menu(order = 15, icon = "vaadin:sitemap", title = "nav.admin.home")
@RolesAllowed("ADMIN")
class AdminHomeView extends VerticalLayout implements HasDynamicTitle {

    final ResponsiveGrid<BranchInfo> table = new ResponsiveGrid<>();
    final Grid<BranchInfo> branches = table.grid;

    AdminHomeView(OrgDirectory directory) {
        addClassName("ydk-page");
        setSizeFull();
        List<CommitteeInfo> committees = directory.committeesInScope();
        List<BranchInfo> inScope = directory.branchesInScope();
        String top = committees.isEmpty() ? "" : committees.getFirst().name();
        RouterLink onboard = new RouterLink(getTranslation("nav.admin.import"), MemberImportView.class);
        onboard.addClassName("ydk-big-link");
        add(new H2(top), new Paragraph(getTranslation("admin.home.summary", committees.size(), inScope.size(),
                inScope.stream().mapToLong(BranchInfo::memberCount).sum())), onboard);

        table.addComponentColumn(getTranslation("branch.name"), b -> new RouterLink(b.name(), BranchMembersView.class,
                new RouteParameters(BranchMembersView.BRANCH_ID, String.valueOf(b.id())))).setFlexGrow(2);
        table.addColumn(getTranslation("branch.committee"), BranchInfo::committeeName);
        table.addColumn(getTranslation("branch.kind"), b -> getTranslation("branch.kind." + b.kind()));
        table.addColumn(getTranslation("branch.member-count"), BranchInfo::memberCount);
        table.setEmptyStateText(getTranslation("admin.home.empty"));
        table.setAriaLabel(getTranslation("admin.home.branches"));
        table.setItems(inScope);
        add(table);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.admin.home");
    }
}
