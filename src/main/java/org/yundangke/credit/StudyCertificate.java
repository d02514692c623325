package org.yundangke.credit;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfWriter;
import org.yundangke.base.Translations;

/**
 * The yearly study certificate (学习证明) as a one-page A4 PDF with the Chinese font embedded (subset).
 *
 * <p>The font (Noto Sans SC Regular, OFL-1.1) is read from the classpath once per instance; one instance can
 * render many certificates, also from several threads at once (each render has its own document and writer;
 * the {@link BaseFont} is only read).
 */
@org.springframework.stereotype.Component
@org.springframework.context.annotation.Lazy
class StudyCertificate {

    static final String FONT_RESOURCE = "/fonts/NotoSansSC-Regular.ttf";

    private static final Color RED = new Color(0xB7, 0x1C, 0x1C);
    private static final Color INK = new Color(0x21, 0x21, 0x21);

    private static final float BODY_SIZE = 16f;
    private static final float BODY_LEADING = BODY_SIZE * 2f;

    private final BaseFont baseFont;
    private final Translations translations;

    StudyCertificate(Translations translations) {
        this.translations = translations;
        byte[] fontBytes;
        try (InputStream in = StudyCertificate.class.getResourceAsStream(FONT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Font not on the classpath: " + FONT_RESOURCE);
            }
            fontBytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + FONT_RESOURCE, e);
        }
        try {
            // The name must end in .ttf so that OpenPDF takes the bytes as a TrueType font;
            // IDENTITY_H makes it a CID font (TrueTypeFontUnicode), EMBEDDED makes it a subset in each PDF;
            // cached=false keeps this 10 MB font out of BaseFont's static cache (this instance holds it).
            baseFont = BaseFont.createFont("NotoSansSC-Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED,
                    false, fontBytes, null);
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("Cannot load font " + FONT_RESOURCE, e);
        }
    }

    byte[] render(Certificate c) {
        Font titleFont = new Font(baseFont, 36f, Font.BOLD, RED);
        Font bodyFont = new Font(baseFont, BODY_SIZE, Font.NORMAL, INK);

        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        Document document = new Document(PageSize.A4, 72f, 72f, 96f, 72f);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            // justify Chinese text by spacing all characters alike, not mainly the few spaces (default 2.5)
            writer.setSpaceCharRatio(1f);
            document.addTitle(text("certificate.document-title", String.valueOf(c.year()), c.memberName()));
            document.addCreator(c.issuer());
            document.open();

            drawBorder(writer.getDirectContentUnder(), document.getPageSize());

            Paragraph title = new Paragraph(text("certificate.title"), titleFont);
            title.setAlignment(Element.ALIGN_CENTER);
            title.setSpacingAfter(40f);
            document.add(title);

            document.add(body(text("certificate.body", c.memberName(), c.primaryBranchName(),
                    String.valueOf(c.year()), number(c.studyHours()), number(c.targetHours()), number(c.points()),
                    String.valueOf(c.lessonsCompleted())), bodyFont));

            document.add(body(targetLine(c), bodyFont));
            document.add(body(text("certificate.closing"), bodyFont));

            String issuedOn = text("certificate.date", String.valueOf(c.issuedOn().getYear()),
                    String.valueOf(c.issuedOn().getMonthValue()), String.valueOf(c.issuedOn().getDayOfMonth()));
            Paragraph signature = new Paragraph(BODY_LEADING, c.issuer() + "\n" + issuedOn, bodyFont);
            signature.setAlignment(Element.ALIGN_RIGHT);
            signature.setSpacingBefore(72f);
            signature.setIndentationRight(16f);
            document.add(signature);
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("Cannot render the study certificate", e);
        }
        return out.toByteArray();
    }

    /** Target reached, or how many 学时 are still missing. */
    String targetLine(Certificate c) {
        BigDecimal shortfall = c.targetHours().subtract(c.studyHours());
        if (shortfall.signum() <= 0) {
            return text("certificate.target-reached");
        }
        return text("certificate.target-short", number(shortfall));
    }

    /** The certificate is an official document: always in Chinese. */
    private String text(String key, Object... args) {
        return translations.getTranslation(key, Translations.CHINESE, args);
    }

    /** 32, 12.5, 0.25: no trailing zeros, never an exponent. */
    static String number(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static Paragraph body(String text, Font font) {
        Chunk chunk = new Chunk(text, font);
        chunk.setSplitCharacter(ChineseLineBreaking.INSTANCE);
        Paragraph p = new Paragraph(BODY_LEADING, chunk);
        p.setAlignment(Element.ALIGN_JUSTIFIED);
        p.setFirstLineIndent(2 * BODY_SIZE); // two Chinese characters, as in formal Chinese letters
        return p;
    }

    private static void drawBorder(PdfContentByte canvas, Rectangle page) {
        canvas.saveState();
        canvas.setColorStroke(RED);
        canvas.setLineWidth(2.5f);
        canvas.rectangle(36f, 36f, page.getWidth() - 72f, page.getHeight() - 72f);
        canvas.stroke();
        canvas.setLineWidth(0.75f);
        canvas.rectangle(42f, 42f, page.getWidth() - 84f, page.getHeight() - 84f);
        canvas.stroke();
        canvas.restoreState();
    }
}
