package dev.accrue.cli;

import java.util.List;

/** {@code ./accrue demo [--licensees N] [--days D] [--exit]}. */
public record DemoOptions(int licensees, int days, boolean exit, long seed) {

    public static DemoOptions parse(List<String> args) {
        int licensees = 300;
        int days = 60;
        boolean exit = false;
        long seed = 42;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--licensees" -> licensees = positive(args, ++i);
                case "--days" -> days = positive(args, ++i);
                case "--seed" -> seed = positive(args, ++i);
                case "--exit" -> exit = true;
                default -> throw new IllegalArgumentException("Unknown option " + args.get(i)
                        + " (use --licensees N, --days D, --exit)");
            }
        }
        return new DemoOptions(licensees, days, exit, seed);
    }

    private static int positive(List<String> args, int i) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(args.get(i - 1) + " needs a number");
        }
        int value = Integer.parseInt(args.get(i));
        if (value <= 0) {
            throw new IllegalArgumentException(args.get(i - 1) + " must be positive");
        }
        return value;
    }
}
