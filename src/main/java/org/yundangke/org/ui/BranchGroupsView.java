package org.yundangke.org.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.yundangke.base.ui.EmptyState;
import org.yundangke.base.ui.RouteTarget;
import org.yundangke.base.ui.Toasts;
import org.yundangke.base.ui.UserErrors;
import org.yundangke.org.BranchGroups;
import org.yundangke.org.BranchInfo;
import org.yundangke.org.MemberAccount;
import org.yundangke.org.OrgDirectory;

/**
 * A branch's Party groups (党小组): each a card with its members, 修改 and 删除 (after confirming); below, the form to
 * make a new group or change the one being edited, its members ticked from the branch's list.
 */
@Route("branches/:branchId/groups")
@RolesAllowed({"SECRETARY", "ADMIN"})
class BranchGroupsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String BRANCH_ID = "branchId";

    final H2 title = new H2();
    final Div cards = new Div();
    final H3 formTitle = new H3();
    final TextField name = new TextField();
    final CheckboxGroup<MemberAccount> members = new CheckboxGroup<>();
    final Button save = new Button();
    private final BranchGroups groups;
    private final OrgDirectory directory;
    private long branchId;
    private @Nullable Long editing;
    private Map<Long, MemberAccount> byId = Map.of();

    BranchGroupsView(BranchGroups groups, OrgDirectory directory) {
        this.groups = groups;
        this.directory = directory;
        addClassName("ydk-page");
        cards.addClassName("ydk-cards");
        name.setLabel(getTranslation("group.field.name"));
        name.setMaxLength(30);
        name.setHelperText(getTranslation("group.field.name.help"));
        members.setLabel(getTranslation("group.field.members"));
        members.setItemLabelGenerator(MemberAccount::name);
        members.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        Button cancel = new Button(getTranslation("action.cancel"), e -> startNew());
        add(title, new Paragraph(getTranslation("group.hint")), cards, formTitle, name, members,
                new HorizontalLayout(save, cancel));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        BranchInfo branch = RouteTarget.find(event, BRANCH_ID, directory::branchInScope).orElse(null);
        if (branch == null) {
            return;
        }
        branchId = branch.id();
        title.setText(getTranslation("group.page", branch.name()));
        List<MemberAccount> attached = directory.memberAccountsOf(branchId);
        byId = attached.stream().collect(Collectors.toMap(MemberAccount::memberId, Function.identity()));
        members.setItems(attached);
        showGroups();
        startNew();
    }

    private void showGroups() {
        cards.removeAll();
        List<BranchGroups.BranchGroup> all = groups.of(branchId);
        if (all.isEmpty()) {
            cards.add(new EmptyState(getTranslation("group.empty.title"), getTranslation("group.empty.text")));
        }
        all.forEach(group -> cards.add(card(group)));
    }

    private Div card(BranchGroups.BranchGroup group) {
        Span names = new Span(group.memberIds().isEmpty() ? getTranslation("group.no-members")
                : group.memberIds().stream().map(byId::get).filter(m -> m != null).map(MemberAccount::name).sorted()
                        .collect(Collectors.joining("、")));
        Button edit = new Button(getTranslation("group.edit"), e -> startEditing(group));
        Button delete = new Button(getTranslation("group.delete"), e -> confirmDelete(group));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Div card = new Div(new H3(getTranslation("group.card", group.name(), group.memberIds().size())), names,
                new HorizontalLayout(edit, delete));
        card.addClassName("ydk-card");
        return card;
    }

    private void startNew() {
        editing = null;
        formTitle.setText(getTranslation("group.new"));
        save.setText(getTranslation("group.create"));
        name.clear();
        members.clear();
    }

    private void startEditing(BranchGroups.BranchGroup group) {
        editing = group.id();
        formTitle.setText(getTranslation("group.editing", group.name()));
        save.setText(getTranslation("group.save"));
        name.setValue(group.name());
        members.setValue(group.memberIds().stream().map(byId::get).filter(m -> m != null)
                .collect(Collectors.toSet()));
        name.focus();
    }

    private void save() {
        Set<Long> chosen = members.getValue().stream().map(MemberAccount::memberId).collect(Collectors.toSet());
        if (UserErrors.attempt(() -> groups.save(branchId, editing, name.getValue(), chosen))) {
            Toasts.done("group.saved");
            showGroups();
            startNew();
        }
    }

    private void confirmDelete(BranchGroups.BranchGroup group) {
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("group.delete.title", group.name()),
                getTranslation("group.delete.text"), getTranslation("group.delete"), e -> {
                    if (UserErrors.attempt(() -> groups.delete(group.id()))) {
                        showGroups();
                        startNew();
                    }
                });
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    @Override
    public String getPageTitle() {
        return title.getText();
    }
}
