package org.yundangke.org;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A mainland mobile number (1 and ten more digits), however the branch wrote it down. */
public final class Mobile {

    private Mobile() {
    }

    /** The number's eleven digits, or nothing when {@code phone} is no mobile number. */
    public static Optional<String> digits(@Nullable String phone) {
        String digits = phone == null ? "" : phone.replaceAll("[^0-9]", "");
        return digits.matches("1\\d{10}") ? Optional.of(digits) : Optional.empty();
    }
}
