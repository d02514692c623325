package org.yundangke.base;

/**
 * The font-size steps a user can choose. The CSS in {@code frontend/styles/yundangke.css} maps each step to a root
 * font size; everything in Lumo is sized in rem, so text, spacing and touch targets grow together.
 */
public enum FontStep {
    STANDARD(18), LARGE(21), EXTRA_LARGE(24), HUGE(30);

    private final int bodyPixels;

    FontStep(int bodyPixels) {
        this.bodyPixels = bodyPixels;
    }

    /** Body text size in CSS pixels at this step (kept equal to the CSS; a browser test checks it). */
    public int bodyPixels() {
        return bodyPixels;
    }

    public static FontStep of(int ordinal) {
        FontStep[] steps = values();
        return steps[Math.clamp(ordinal, 0, steps.length - 1)];
    }
}
