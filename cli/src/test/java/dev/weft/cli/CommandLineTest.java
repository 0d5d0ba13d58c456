package dev.weft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.bench.BenchSuite;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * The picocli command tree: generated help on every command, unknown options and commands are exit code 2 with
 * one message naming them, the completion script covers commands, suites and options, and every option the
 * README documents parses (parse only: nothing is run).
 */
class CommandLineTest {
    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static CommandLine tree() {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return Main.commandLine(new Io(sink, sink));
    }

    /** The innermost command the arguments name, after a parse that must succeed. */
    private static ParseResult parse(String... args) {
        ParseResult r = tree().parseArgs(args);
        while (r.hasSubcommand()) r = r.subcommand();
        return r;
    }

    @Test
    void everyCommandHasGeneratedHelp() {
        for (String[] cmd : List.of(new String[] {}, new String[] {"info"}, new String[] {"demo"}, new String[] {"bench"},
                new String[] {"bench", "gemm"}, new String[] {"bench", "report"}, new String[] {"repro"}, new String[] {"repro", "report"},
                new String[] {"kan"}, new String[] {"kan", "plot"}, new String[] {"completion"})) {
            String[] args = java.util.Arrays.copyOf(cmd, cmd.length + 1);
            args[cmd.length] = "--help";
            Run r = run(args);
            String name = String.join(" ", List.of(cmd));
            assertEquals(0, r.code(), name + ": " + r.err());
            assertTrue(r.out().startsWith("Usage: weft" + (name.isEmpty() ? "" : " " + name)), r.out());
            assertEquals("", r.err(), name);
        }
        Run root = run("--help");
        for (String c : List.of("info", "demo", "bench", "repro", "kan", "completion", "help", "test")) {
            assertTrue(root.out().matches("(?s).*\n +" + c + " .*"), c + " listed:\n" + root.out());
        }
        assertEquals(root.out(), run().out(), "no command is the usage, exit code 0");
        assertEquals(0, run().code());
        assertEquals(root.out(), run("help").out());
        Run gemm = run("bench", "gemm", "--help");
        assertTrue(gemm.out().matches("(?s).*--sizes=256,512,1024 +square sizes \\(default 256,512,1024\\).*"), gemm.out());
        assertTrue(gemm.out().matches("(?s).*--json +one JSON object per result line.*"), gemm.out());
        Run trainCnn = run("bench", "train-cnn", "--help");
        assertTrue(trainCnn.out().contains("peer: env -u OPENBLAS_L2_SIZE"), "the usage text's other lines are the footer: " + trainCnn.out());
        Run bench = run("bench", "--help");
        for (BenchSuite s : BenchCommand.suites().values()) assertTrue(bench.out().contains(s.name()), s.name() + " in " + bench.out());
    }

    @Test
    void unknownOptionsAndBadValuesAreExitCode2WithOneMessage() {
        Map<List<String>, String> cases = Map.of(
                List.of("info", "--verbose"), "weft info: Unknown option: '--verbose'",
                List.of("demo", "extra"), "weft demo: Unmatched argument at index 1: 'extra'",
                List.of("bench", "gemm", "--thread", "2"), "weft bench gemm: Unknown options: '--thread', '2'",
                List.of("bench", "gemm", "--sizes"), "weft bench gemm: Missing required parameter for option '--sizes' (256,512,1024)",
                List.of("bench", "report", "--ful"), "weft bench report: Unknown option: '--ful'",
                List.of("repro", "--quik"), "weft repro: Unknown option: '--quik'",
                List.of("repro", "--seeds", "x"), "weft repro: Invalid value for option '--seeds': 'x' is not an int",
                List.of("kan", "plot", "--beta"), "weft kan plot: Missing required parameter for option '--beta' (B)",
                List.of("kan", "draw"), "weft kan: unknown subcommand 'draw' (known: plot)",
                List.of("frobnicate"), "weft: unknown command 'frobnicate' (known: info, demo, bench, repro, kan, completion, help)");
        for (Map.Entry<List<String>, String> c : cases.entrySet()) {
            Run r = run(c.getKey().toArray(String[]::new));
            assertEquals(2, r.code(), c.getKey() + ": " + r.err());
            assertTrue(r.err().startsWith(c.getValue()), c.getKey() + ": " + r.err());
            assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
            assertEquals("", r.out(), c.getKey().toString());
        }
        assertTrue(run("bench", "gemm", "--thread", "2").err().contains("--threads"), "a misspelt option gets a suggestion");
        assertTrue(run("repro", "--quik").err().contains("see 'weft repro --help'"));
    }

    @Test
    void completionPrintsABashScriptForTheWholeTree() {
        Run r = run("completion");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("#!/usr/bin/env bash"), r.out().lines().findFirst().orElse(""));
        assertTrue(r.out().contains("complete -F _complete_weft"), "registers the function for weft");
        for (String word : List.of("info", "demo", "bench", "repro", "kan", "plot", "completion", "gemm", "train-mlp", "report",
                "--sizes", "--first-steps", "--quick", "--seeds", "--samples", "--beta")) {
            assertTrue(r.out().contains(word), word + " in the completion script");
        }
        assertEquals(r.out(), CompletionCommand.script(tree()), "the same script as AutoComplete.bash over the tree");
    }

    /** Every option of README.md's command table, the suites' included, parses to the command it belongs to. */
    @Test
    void everyReadmeDocumentedOptionParses() {
        assertEquals("demo", parse("demo", "--out", "d").commandSpec().name());
        String[][] suites = {
                {"gemm", "--sizes", "256,512,1024", "--shapes", "mlp", "--threads", "1,2", "--impl", "scalar,simd", "--json", "--device", "cuda",
                        "--dtype", "f32,f64", "--reps", "3", "--tf32", "off,on", "--samples", "7"},
                {"elementwise", "--json", "--device", "cuda", "--sizes", "1024", "--ops", "add", "--threads", "1", "--impl", "simd", "--samples", "3"},
                {"autograd", "--json", "--ops", "10", "--rounds", "2", "--mlp", "1,2,3,4,5", "--heap"},
                {"train-mlp", "--threads", "1,2", "--json", "--first-steps", "--device", "cuda", "--steps", "5", "--batch", "8", "--sizes", "4,3,2",
                        "--rounds", "2", "--warmup", "0", "--checkpoints", "1,10"},
                {"train-cnn", "--threads", "1,2", "--steps", "5", "--json", "--first-steps"},
                {"train-lstm", "--threads", "1,2", "--json"},
                {"train-gcn", "--threads", "1,2", "--json", "--device", "cuda"},
                {"spmm", "--graphs", "cora,uniform,powerlaw", "--features", "16,64,256", "--threads", "1,2", "--json", "--reps", "5"},
                {"kan", "--threads", "1,2", "--json", "--sizes", "4,2", "--grid", "5", "--path", "faithful"},
                {"hyper", "--threads", "1,2", "--json", "--sizes", "4,2", "--code", "8", "--hidden", "32"},
                {"sparse-linear", "--sparsity", "0,0.5,0.9", "--threads", "1,2", "--json", "--batch", "8", "--in", "4", "--out", "2"},
                {"report", "--out", "d", "--full", "--threads", "1,2", "--from", "f.jsonl"}};
        for (String[] s : suites) {
            String[] args = new String[s.length + 1];
            args[0] = "bench";
            System.arraycopy(s, 0, args, 1, s.length);
            ParseResult r = parse(args);
            assertEquals(s[0], r.commandSpec().name());
            for (String a : s) if (a.startsWith("--")) assertTrue(r.hasMatchedOption(a), s[0] + " " + a);
            // what the suite receives: each option again, in order, valued ones as --name=value
            List<String> given = BenchCommand.args(r);
            assertTrue(given.contains("--json") || !List.of(s).contains("--json"), given.toString());
            if (s[0].equals("gemm")) assertEquals("--sizes=256,512,1024", given.getFirst());
        }
        ParseResult repro = parse("repro", "lstm-adding", "--quick", "--seed", "3", "--seeds", "2", "--out", "o", "--json", "--data", "d");
        ReproCommand rc = (ReproCommand) repro.commandSpec().userObject();
        assertEquals("lstm-adding", rc.name);
        assertTrue(rc.quick && rc.json);
        assertEquals(List.of(3L, 4L), rc.seedList());
        assertEquals("o", rc.out);
        assertEquals("d", rc.data);
        ParseResult grid = parse("repro", "gcn-cora", "--set", "hidden=32", "--grid", "lr=0.01,0.005", "--grid=dropout=0.5,0.3", "--spark", "local[2]");
        ReproCommand gc = (ReproCommand) grid.commandSpec().userObject();
        assertEquals(List.of("hidden=32"), gc.set);
        assertEquals(List.of("lr=0.01,0.005", "dropout=0.5,0.3"), gc.grid);
        assertEquals("local[2]", gc.spark);
        ParseResult report = parse("repro", "report", "--out", "o");
        assertEquals("report", report.commandSpec().name());
        assertEquals("o", ((ReproCommand.Report) report.commandSpec().userObject()).out);
        ParseResult plot = parse("kan", "plot", "m.safetensors", "--out", "o", "--samples", "s.csv", "--beta", "5", "--title", "t");
        KanCommand.Plot p = (KanCommand.Plot) plot.commandSpec().userObject();
        assertEquals(java.nio.file.Path.of("m.safetensors"), p.model);
        assertEquals(5.0, p.beta);
        assertEquals("t", p.title);
        assertEquals(java.nio.file.Path.of("s.csv"), p.samples);
        assertEquals(java.nio.file.Path.of("o"), p.dir);
    }

    @Test
    void reproSettingsAreCheckedBeforeAnythingRunsAndShownByHelpAndTheList() {
        Run bad = run("repro", "gcn-cora", "--grid", "lrr=0.1,0.2", "--data", "/nonexistent");
        assertEquals(2, bad.code());
        assertEquals("weft repro gcn-cora: --grid: unknown setting 'lrr' (settings: lr, weight_decay, dropout, hidden)\n", bad.err());
        assertEquals("", bad.out(), "nothing ran");
        Run malformed = run("repro", "gcn-cora", "--set", "hidden=wide", "--data", "/nonexistent");
        assertEquals(2, malformed.code());
        assertTrue(malformed.err().contains("gcn-cora: setting hidden takes an integer"), malformed.err());
        Run none = run("repro", "lstm-adding", "--grid", "lr=0.1,0.2");
        assertEquals(2, none.code());
        assertTrue(none.err().contains("lstm-adding declares no settings"), none.err());
        Run help = run("repro", "gcn-cora", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("Settings of gcn-cora (--set NAME=VALUE, --grid NAME=V1,V2,...):"), help.out());
        assertTrue(help.out().contains("  lr (double, default 0.01): Adam's learning rate"), help.out());
        assertTrue(help.out().contains("--grid=NAME=V1,V2,..."), help.out());
        assertFalse(run("repro", "--help").out().contains("Settings of"));
        Run list = run("repro", "--data", "/nonexistent");
        assertTrue(list.out().contains("settings (--set, --grid): lr=0.01 weight_decay=5.0E-4 dropout=0.5 hidden=16"), list.out());
    }
}
