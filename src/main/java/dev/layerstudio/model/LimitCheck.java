package dev.layerstudio.model;

import java.util.List;

/**
 * One of Lambda's size limits against what the layer (and, when known, the rest of the
 * function) uses.
 *
 * @param name          a stable identifier: {@code direct-upload} or {@code unzipped-total}
 * @param headroomBytes limit minus used; negative when over
 * @param parts         what the used bytes are made of
 */
public record LimitCheck(String name, String description, long limitBytes, long usedBytes, long headroomBytes,
                         boolean ok, List<SizePart> parts) {

    public static final String DIRECT_UPLOAD = "direct-upload";
    public static final String UNZIPPED_TOTAL = "unzipped-total";

    public LimitCheck {
        parts = parts == null ? List.of() : List.copyOf(parts);
    }

    public static LimitCheck of(String name, String description, long limitBytes, List<SizePart> parts) {
        long used = parts.stream().mapToLong(SizePart::bytes).sum();
        return new LimitCheck(name, description, limitBytes, used, limitBytes - used, used <= limitBytes, parts);
    }

    /** Used bytes as a fraction of the limit (1.0 = full). */
    public double fraction() {
        return limitBytes <= 0 ? 0 : (double) usedBytes / limitBytes;
    }
}
