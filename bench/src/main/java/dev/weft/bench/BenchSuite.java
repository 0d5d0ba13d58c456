package dev.weft.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/**
 * One suite of {@code weft bench SUITE}. Suites register through
 * {@code META-INF/services/dev.weft.bench.BenchSuite}; the CLI lists and runs them.
 * Human output is a table on {@code out}; with {@code --json} one JSON object per result line
 * (see {@link JsonLine}). The options a suite takes are declared by {@link #flags} and {@link #valued}; its command
 * line is parsed by picocli ({@link SuiteSpec}, {@link BenchArgs}).
 */
public interface BenchSuite {
    /** The name after {@code weft bench}, e.g. "gemm". */
    String name();

    /** One line for {@code weft bench --help}. */
    String description();

    /** Usage text: the options this suite takes. */
    String usage();

    /** The options without a value, named without "--" (e.g. "json"). */
    Set<String> flags();

    /** The options that take a value, named without "--" (e.g. "sizes"); the value follows, or comes after "=". */
    Set<String> valued();

    /** Runs with the arguments after the suite name; returns the process exit code. */
    int run(List<String> args, PrintStream out) throws Exception;
}
