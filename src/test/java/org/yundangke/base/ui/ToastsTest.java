package org.yundangke.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.notification.Notification;
import org.junit.jupiter.api.Test;
import org.yundangke.KaribuTest;

/** A message stays long enough to be read twice, and a 关闭 button takes it away sooner. */
class ToastsTest extends KaribuTest {

    @Test
    void a_message_stays_at_least_ten_seconds_and_closes_with_its_button() {
        login("member");
        Toasts.done("live.check-in.done");
        Notification toast = _get(Notification.class);
        assertThat(toast.getDuration()).isGreaterThanOrEqualTo(10_000);
        assertThat(toast.getElement().getTextRecursively()).contains("已记下您参加了这次会议。");
        _get(toast, Button.class, spec -> spec.withText("关闭")).click();
        assertThat(toast.isOpened()).isFalse();
        assertThat(_find(Notification.class)).allSatisfy(n -> assertThat(n.isOpened()).isFalse());
    }
}
