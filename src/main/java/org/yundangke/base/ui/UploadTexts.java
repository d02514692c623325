package org.yundangke.base.ui;

import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;

/**
 * Vaadin's upload box in the user's language (its own texts are English only): what to drop, what went wrong and
 * what to do about it. Also caps the file size in the browser, so a huge file is refused before it is sent.
 */
public final class UploadTexts {

    private UploadTexts() {
    }

    public static Upload apply(Upload upload, int maxBytes) {
        upload.setMaxFileSize(maxBytes);
        upload.setI18n(new UploadI18N()
                .setDropFiles(new UploadI18N.DropFiles().setOne(t(upload, "upload.drop")).setMany(t(upload, "upload.drop")))
                .setAddFiles(new UploadI18N.AddFiles().setOne(t(upload, "upload.add")).setMany(t(upload, "upload.add")))
                .setError(new UploadI18N.Error()
                        .setTooManyFiles(t(upload, "upload.too-many"))
                        .setFileIsTooBig(upload.getTranslation("upload.too-big", Math.max(1, maxBytes / 1024 / 1024)))
                        .setIncorrectFileType(t(upload, "upload.wrong-type")))
                .setUploading(new UploadI18N.Uploading()
                        .setStatus(new UploadI18N.Uploading.Status().setConnecting(t(upload, "upload.connecting"))
                                .setStalled(t(upload, "upload.stalled")).setProcessing(t(upload, "upload.processing"))
                                .setHeld(t(upload, "upload.held")))
                        .setRemainingTime(new UploadI18N.Uploading.RemainingTime()
                                .setPrefix(t(upload, "upload.remaining")).setUnknown(t(upload, "upload.remaining.unknown")))
                        .setError(new UploadI18N.Uploading.Error()
                                .setServerUnavailable(t(upload, "upload.server-unavailable"))
                                .setUnexpectedServerError(t(upload, "upload.server-error"))
                                .setForbidden(t(upload, "upload.forbidden"))
                                .setFileTooLarge(upload.getTranslation("upload.too-big",
                                        Math.max(1, maxBytes / 1024 / 1024))))));
        return upload;
    }

    private static String t(Upload upload, String key) {
        return upload.getTranslation(key);
    }
}
