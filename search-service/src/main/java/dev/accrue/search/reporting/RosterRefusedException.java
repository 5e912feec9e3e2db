package dev.accrue.search.reporting;

/** An export that cannot be made or found as asked, with what kind of refusal it is and the sentence to show. */
public class RosterRefusedException extends RuntimeException {

    public enum Kind { NOT_FOUND, UNPROCESSABLE, CONFLICT }

    private final Kind kind;

    RosterRefusedException(Kind kind, String detail) {
        super(detail);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static RosterRefusedException notFound(String detail) {
        return new RosterRefusedException(Kind.NOT_FOUND, detail);
    }

    public static RosterRefusedException unprocessable(String detail) {
        return new RosterRefusedException(Kind.UNPROCESSABLE, detail);
    }

    public static RosterRefusedException conflict(String detail) {
        return new RosterRefusedException(Kind.CONFLICT, detail);
    }
}
