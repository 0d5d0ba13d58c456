package dev.weft.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BenchArgsTest {
    private static final Set<String> FLAGS = Set.of("json", "first-steps");
    private static final Set<String> VALUED = Set.of("threads", "steps");

    private static BenchArgs parse(String... args) {
        return BenchArgs.parse("train-cnn", List.of(args), FLAGS, VALUED);
    }

    @Test
    void flagsAndBothValueFormsAreRead() {
        BenchArgs a = parse("--threads", "1,2", "--steps=7", "--json");
        assertTrue(a.flag("json"));
        assertFalse(a.flag("first-steps"));
        assertArrayEquals(new int[] {1, 2}, a.ints("threads", "4"));
        assertArrayEquals(new int[] {7}, a.ints("steps", "50"));
        assertEquals("dflt", a.get("nothing", "dflt"));
        assertEquals(List.of("a", "b"), a.list("nothing", "a, b,"));
    }

    @Test
    void badInputIsAnErrorNamingTheSuiteAndTheOption() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse("--thread", "1"));
        assertEquals("bench train-cnn: Unknown options: '--thread', '1' (known: --first-steps, --json, --steps, --threads)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> parse("--steps"));
        assertEquals("bench train-cnn: Missing required parameter for option '--steps' (STEPS)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> parse("--json=yes"));
        assertEquals("bench train-cnn: option '--json' should be specified without 'yes' parameter", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> parse("steps"));
        assertTrue(e.getMessage().startsWith("bench train-cnn: Unmatched argument at index 0: 'steps'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> parse("--threads", "1,x").ints("threads", "1"));
        assertEquals("bench train-cnn: --threads: 'x' is not an integer", e.getMessage());
    }

    @Test
    void aRepeatedOptionsLastValueWinsAsBefore() {
        assertArrayEquals(new int[] {3}, parse("--steps", "1", "--steps=3").ints("steps", "50"));
    }

    @Test
    void everySuitesHelpNamesEachOfItsOptionsWithItsUsageText() {
        for (BenchSuite s : java.util.ServiceLoader.load(BenchSuite.class)) {
            picocli.CommandLine cl = new picocli.CommandLine(SuiteSpec.of(s));
            String help = cl.getUsageMessage(picocli.CommandLine.Help.Ansi.OFF);
            for (String o : s.flags()) assertTrue(help.contains("--" + o), s.name() + " help lacks --" + o + ":\n" + help);
            for (String o : s.valued()) assertTrue(help.contains("--" + o + "="), s.name() + " help lacks --" + o + ":\n" + help);
            for (picocli.CommandLine.Model.OptionSpec o : cl.getCommandSpec().options()) {
                if (o.usageHelp() || o.versionHelp()) continue;
                assertTrue(o.description().length > 0 && !o.description()[0].isBlank(),
                        s.name() + " " + o.longestName() + " has no description from the usage text");
            }
        }
    }

    @Test
    void aJsonLineKeepsItsFieldOrderAndEscapes() {
        String line = JsonLine.of("s", "c\"q\\\n", "weft", 2, "cpu").put("n", 3).put("x", 0.25).put("bad", Double.NaN)
                .put("t", true).toString();
        Map<String, Object> m = FlatJson.parse(line);
        assertEquals(Arrays.asList("suite", "case", "impl", "threads", "device", "n", "x", "bad", "t"), List.copyOf(m.keySet()));
        assertEquals("c\"q\\\n", m.get("case"));
        assertEquals(2.0, m.get("threads"));
        assertEquals(0.25, m.get("x"));
        assertEquals(null, m.get("bad"));
        assertEquals(Boolean.TRUE, m.get("t"));
        assertThrows(IllegalArgumentException.class, () -> FlatJson.parse("{\"a\":1,}"));
        assertThrows(IllegalArgumentException.class, () -> FlatJson.parse("{\"a\":1} x"));
    }
}
