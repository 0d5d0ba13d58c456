package dev.weft.cli;

import java.io.PrintStream;
import java.util.List;

/** {@code weft repro [NAME]}: paper reproductions. None has landed yet; the list grows with later issues. */
final class ReproCommand {
    private ReproCommand() {}

    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            out.println("no reproductions yet (they arrive with the nn, graph and KAN work)");
            return 0;
        }
        err.println("weft repro: unknown reproduction '" + args.get(0) + "' (none is available yet)");
        return 2;
    }
}
