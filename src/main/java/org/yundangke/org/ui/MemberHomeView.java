package org.yundangke.org.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import org.yundangke.org.BranchInfo;
import org.yundangke.org.MemberInfo;
import org.yundangke.org.OrgDirectory;

/** A member's home: today's study (empty until courses are assigned) and the branches they belong to. */
@Route("member")
@Menu(order = 0, icon = "vaadin:home", title = "nav.member.home")
@RolesAllowed("MEMBER")
class MemberHomeView extends VerticalLayout implements HasDynamicTitle {

    final Section today = new Section();
    final UnorderedList branches = new UnorderedList();

    MemberHomeView(OrgDirectory directory) {
        addClassName("ydk-page");
        add(new H2(getTranslation("member.home.greeting", directory.currentActor().displayName())));

        today.add(new H3(getTranslation("member.home.today")),
                new EmptyState(getTranslation("member.home.today.empty.title"),
                        getTranslation("member.home.today.empty.text")));
        add(today);

        Section mine = new Section(new H3(getTranslation("member.home.branches")), branches);
        directory.myMemberRecord().ifPresentOrElse(record -> listBranches(directory, record),
                () -> branches.add(new ListItem(getTranslation("member.home.no-branch"))));
        add(mine);
    }

    private void listBranches(OrgDirectory directory, MemberInfo record) {
        List<Long> ids = new ArrayList<>(record.managingBranchIds());
        ids.addFirst(record.primaryBranchId());
        for (BranchInfo branch : directory.branchesByIds(ids)) {
            String relation = getTranslation(branch.id() == record.primaryBranchId()
                    ? "member.home.branch.primary" : "member.home.branch.managing");
            branches.add(new ListItem(branch.name() + " · " + relation));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.member.home");
    }
}
