package org.yundangke.media.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.shared.Registration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** {@code <ydk-upload>} (frontend/upload/ydk-upload.js): the resumable, part-by-part upload of one talk. */
@Tag("ydk-upload")
@JavaScript("context://ydk/upload/ydk-upload.js")
class UploadField extends Component {

    private static final List<String> TEXTS = List.of("pick", "pending", "cancel", "checking", "done", "offline",
            "figures", "minutes", "seconds", "cancelled", "failed");

    UploadField() {
        Map<String, String> texts = new LinkedHashMap<>();
        TEXTS.forEach(key -> texts.put(key, getTranslation("media.upload." + key)));
        getElement().setProperty("textsJson", JsonMapper.builder().build().writeValueAsString(texts));
        getElement().setAttribute("lang", getLocale().toLanguageTag());
    }

    @DomEvent("ydk-upload-complete")
    public static class CompleteEvent extends ComponentEvent<UploadField> {
        public CompleteEvent(UploadField source, boolean fromClient) {
            super(source, fromClient);
        }
    }

    Registration addCompleteListener(ComponentEventListener<CompleteEvent> listener) {
        return addListener(CompleteEvent.class, listener);
    }
}
