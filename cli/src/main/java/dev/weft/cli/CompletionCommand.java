package dev.weft.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code weft completion}: prints picocli's bash (and zsh, through bashcompinit) completion script for the whole
 * command tree, suites and their options included. Use: {@code source <(./weft completion)}.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Prints a bash completion script for weft (commands, bench suites, options).",
                "Use: source <(./weft completion), or save it under /etc/bash_completion.d/."})
final class CompletionCommand implements Callable<Integer> {
    private final Io io;

    @Spec
    CommandSpec spec;

    CompletionCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        io.out().print(script(spec.root().commandLine()));
        io.out().flush();
        return 0;
    }

    /** The script for this command tree, the command named "weft". */
    static String script(picocli.CommandLine root) {
        return AutoComplete.bash("weft", root);
    }
}
