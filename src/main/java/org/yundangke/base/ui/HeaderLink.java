package org.yundangke.base.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * A link another module puts in the header, before 设置 (the bell of unread notices), so that the layout knows only
 * this interface and the arrows point into base. Empty for users it does not concern.
 */
public interface HeaderLink {

    Optional<Component> create();
}
