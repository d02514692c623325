package org.yundangke.base.ui;

import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.util.function.Supplier;

/** An Excel workbook made when the user asks for it, named {@code name}.xlsx. */
public final class Downloads {

    private Downloads() {
    }

    public static DownloadHandler workbook(Supplier<byte[]> workbook, String name) {
        return DownloadHandler.fromInputStream(event -> {
            byte[] xlsx = workbook.get();
            return new DownloadResponse(new ByteArrayInputStream(xlsx), name + ".xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.length);
        });
    }
}
