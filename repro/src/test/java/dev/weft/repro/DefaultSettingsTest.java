package dev.weft.repro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reproductions with settings: a --quick run at the defaults gives the same bits (metrics and curves) as one that
 * sets every default explicitly with --set, and changing one setting changes the outcome (it is read). Skipped where
 * the data is absent.
 */
class DefaultSettingsTest {
    static Stream<String> withSettings() {
        return Stream.of("gcn-cora", "sgc-cora", "mnist-mlp");
    }

    static Reproduction find(String name) {
        for (Reproduction r : ServiceLoader.load(Reproduction.class)) if (r.name().equals(name)) return r;
        throw new AssertionError("no reproduction " + name);
    }

    @ParameterizedTest(name = "defaults[{0}]")
    @MethodSource("withSettings")
    void defaultsEqualExplicitSetOfTheDefaults(String name) throws Exception {
        Reproduction r = find(name);
        assertFalse(r.settings().isEmpty(), name + " declares settings");
        for (DataSet d : r.data()) Assumptions.assumeTrue(d.present(QuickReproductionsTest.data()), name + ": no " + d.folder());
        PrintStream log = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        List<String> sets = new ArrayList<>();
        for (Setting s : r.settings()) sets.add(s.name() + "=" + Setting.format(s.defaultValue()));
        Result plain = Harness.run(r, QuickReproductionsTest.data(), true, List.of(1L), log, false, null);
        Result explicit = Harness.runGrid(r, QuickReproductionsTest.data(), true, SettingGrid.points(r, sets, List.of()), List.of(1L), log,
                false, null, SeedRunner.LOCAL).get(0);
        assertEquals(plain.metrics(), explicit.metrics(), name);
        assertEquals(plain.curves(), explicit.curves(), name);
        if (!name.equals("mnist-mlp")) {   // one more run of the graph ones: a changed lr changes the outcome
            Setting lr = r.settings().get(0);
            Result other = Harness.runGrid(r, QuickReproductionsTest.data(), true, SettingGrid.points(r, List.of(lr.name() + "="
                    + ((Double) lr.defaultValue() * 0.5)), List.of()), List.of(1L), log, false, null, SeedRunner.LOCAL).get(0);
            assertNotEquals(plain.curves(), other.curves(), name + ": " + lr.name() + " is read");
        }
    }
}
