package dev.weft.cli;

import dev.weft.bench.SuiteSpec;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Entry point of the {@code weft} command: info, demo, bench SUITE, repro [NAME], kan plot MODEL, completion
 * ({@code weft test} is handled by the launcher script, which runs Maven). The command line is parsed by picocli,
 * one command per class ({@link InfoCommand}, {@link DemoCommand}, {@link BenchCommand} with one command per
 * registered suite, {@link ReproCommand}, {@link KanCommand}, {@link CompletionCommand}); {@link #commandLine}
 * builds the tree. Exit codes: 0 done, 2 bad usage (unknown command or option, bad value, missing data, an
 * IllegalArgumentException from a command), 3 a reproduction outside its bounds, 1 any other failure.
 */
@Command(name = "weft", mixinStandardHelpOptions = true, versionProvider = WeftVersion.class,
        description = "Weft: a pure-Java deep-learning engine.",
        footer = {"", "Handled by the ./weft launcher itself:",
                "  test     run the whole test suite (Maven)",
                "  build    compile every module (and the start-up cache)",
                "  install  the modules and the BOM (dev.weft:weft-bom) into ~/.m2",
                "  jlink    a minimal runtime of the CPU engine [--out DIR]",
                "  docs     the API docs of the library modules [--out DIR]",
                "  setup    cuda-libs: NVIDIA's NVRTC and driver library from Debian non-free",
                "", "'weft COMMAND --help' shows a command's options; 'weft completion' prints a bash completion script."})
public final class Main implements Callable<Integer> {
    static final int USAGE = 2;

    @Spec
    CommandSpec spec;

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cl = commandLine(new Io(out, err));
        try {
            return cl.execute(args);
        } finally {
            cl.getOut().flush();
            cl.getErr().flush();
        }
    }

    /** The whole command tree, writing to io; every command parses with {@link SuiteSpec#configure}'s settings. */
    static CommandLine commandLine(Io io) {
        CommandLine cl = new CommandLine(new Main());
        cl.addSubcommand(new InfoCommand(io));
        cl.addSubcommand(new DemoCommand(io));
        cl.addSubcommand(BenchCommand.commandLine(io));
        cl.addSubcommand(ReproCommand.commandLine(io));
        cl.addSubcommand(KanCommand.commandLine(io));
        cl.addSubcommand(new CompletionCommand(io));
        cl.addSubcommand(new CommandLine.HelpCommand());
        SuiteSpec.configure(cl);
        cl.setOut(writer(io.out()));
        cl.setErr(writer(io.err()));
        cl.setExecutionExceptionHandler(Main::failed);
        cl.setParameterExceptionHandler(Main::badUsage);
        return cl;
    }

    /** Without a command: the usage, exit code 0 (as {@code weft help}). */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    private static PrintWriter writer(PrintStream s) {
        return new PrintWriter(new java.io.OutputStreamWriter(s, s.charset() == null ? Charset.defaultCharset() : s.charset()), true);
    }

    /** "weft CMD: message": CMD the command under weft the arguments named (bench, repro, kan, ...). */
    static String prefix(CommandLine failing) {
        CommandLine c = failing;
        while (c.getParent() != null && c.getParent().getParent() != null) c = c.getParent();
        return c.getParent() == null ? "weft" : "weft " + c.getCommandName();
    }

    /** An IllegalArgumentException is bad usage: one line, exit code 2; anything else a failure with its stack, 1. */
    private static int failed(Exception e, CommandLine failing, CommandLine.ParseResult parsed) {
        PrintWriter err = failing.getErr();
        if (e instanceof IllegalArgumentException) {
            err.println(prefix(failing) + ": " + e.getMessage());
            err.flush();
            return USAGE;
        }
        err.println(prefix(failing) + ": failed: " + e);
        e.printStackTrace(err);
        err.flush();
        return 1;
    }

    /**
     * An unknown command or option, a missing or bad value: one line naming it (an unknown command lists the known
     * ones), picocli's suggestions for a misspelt name, a pointer to the command's --help; exit code 2.
     */
    private static int badUsage(CommandLine.ParameterException e, String[] args) {
        CommandLine failing = e.getCommandLine();
        PrintWriter err = failing.getErr();
        CommandSpec spec = failing.getCommandSpec();
        String name = spec.qualifiedName(" ");
        if (e instanceof CommandLine.UnmatchedArgumentException u && !spec.subcommands().isEmpty() && spec.positionalParameters().isEmpty()
                && !u.getUnmatched().isEmpty() && !u.getUnmatched().getFirst().startsWith("-")) {
            String what = failing.getParent() == null ? "command" : "subcommand";
            err.println(name + ": unknown " + what + " '" + u.getUnmatched().getFirst() + "' (known: "
                    + String.join(", ", List.copyOf(spec.subcommands().keySet())) + ")");
            if (failing.getParent() == null) failing.usage(err);
        } else {
            err.println(name + ": " + e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        }
        err.println("see '" + name + " --help'");
        err.flush();
        return USAGE;
    }
}
