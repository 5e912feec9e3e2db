package dev.accrue.platform.web;

/** A request body passed its endpoint's limit while it was read; answered 413 by {@link RequestLimitProblems}. */
public class BodyTooLargeException extends RuntimeException {

    public BodyTooLargeException(String detail) {
        super(detail, null, false, false);
    }

    /** A byte count as people write it: 64 KB, 16 MB, or bytes when neither divides it. */
    public static String describe(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KB";
        }
        return bytes + " bytes";
    }
}
