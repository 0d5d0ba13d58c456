package dev.weft.repro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** --set and --grid: parsing, the cartesian product, defaults, the errors before anything runs, and a grid run through the Harness. */
class SettingGridTest {
    /** A reproduction with three settings whose metric is a function of them and the seed. */
    static final class Knobs implements Reproduction {
        @Override public String name() { return "knobs"; }
        @Override public String description() { return "test only"; }
        @Override public Paper paper() { return new Paper("none", "none", 2026, "test"); }
        @Override public String protocol() { return "a formula"; }
        @Override public String quickProtocol() { return "the same"; }
        @Override public Budget time() { return new Budget(1, 1); }

        @Override
        public List<Claim> claims() {
            return List.of(new Claim("v", Unit.LOSS, false, Double.NaN, Double.NaN, null, 1e9, 1e9));
        }

        @Override
        public List<Setting> settings() {
            return List.of(Setting.ofDouble("lr", 0.01, "a rate"), Setting.ofInt("hidden", 16, "a size"),
                    Setting.ofString("act", "relu", "a name"));
        }

        @Override
        public Outcome run(RunContext ctx) {
            double v = ctx.doubleSetting("lr") * ctx.intSetting("hidden") + ctx.seed() + ctx.stringSetting("act").length();
            ctx.log().println("v " + v);
            return new Outcome(Map.of("v", v), List.of());
        }
    }

    /** The same without settings. */
    static final class Plain implements Reproduction {
        final Knobs k = new Knobs();
        @Override public String name() { return "plain"; }
        @Override public String description() { return "test only"; }
        @Override public Paper paper() { return k.paper(); }
        @Override public String protocol() { return "x"; }
        @Override public String quickProtocol() { return "x"; }
        @Override public Budget time() { return k.time(); }
        @Override public List<Claim> claims() { return k.claims(); }
        @Override public Outcome run(RunContext ctx) { return new Outcome(Map.of("v", 1.0), List.of()); }
    }

    static final Knobs R = new Knobs();

    @Test
    void noOptionsIsOnePointAtTheDefaults() {
        List<Settings> p = SettingGrid.points(R, List.of(), List.of());
        assertEquals(1, p.size());
        assertEquals(Settings.defaults(R), p.get(0));
        assertEquals(Map.of("lr", 0.01, "hidden", 16, "act", "relu"), p.get(0).values());
        assertEquals(List.of("lr", "hidden", "act"), List.copyOf(p.get(0).values().keySet()), "declaration order");
        assertEquals("defaults", p.get(0).label());
        assertEquals("", p.get(0).fileSuffix());
    }

    @Test
    void setFixesAndGridsMultiplyFirstGridSlowest() {
        List<Settings> p = SettingGrid.points(R, List.of("act=tanh"), List.of("lr=0.1,0.2", "hidden=8,32,64"));
        assertEquals(6, p.size());
        int i = 0;
        for (double lr : new double[] {0.1, 0.2}) {
            for (int h : new int[] {8, 32, 64}) {
                Settings s = p.get(i++);
                assertEquals(lr, s.getDouble("lr"));
                assertEquals(h, s.getInt("hidden"));
                assertEquals("tanh", s.getString("act"));
                assertEquals(List.of("act", "lr", "hidden"), s.given());
            }
        }
        assertEquals("act=tanh lr=0.2 hidden=64", p.get(5).label());
        assertEquals("-act=tanh-lr=0.2-hidden=64", p.get(5).fileSuffix());
        assertEquals(p.get(4), SettingGrid.point(R, p.get(4).givenPairs()), "the pairs read back to the same point");
    }

    @Test
    void valuesParseByTypeAndRoundTrip() {
        Settings s = SettingGrid.point(R, List.of("lr= 5e-4", "hidden=7"));
        assertEquals(5e-4, s.getDouble("lr"));
        assertEquals(List.of("lr=5.0E-4", "hidden=7"), s.givenPairs());
        assertEquals(7.0, s.getDouble("hidden"), "an int reads as a double too");
        assertEquals(0.1 + 0.2, SettingGrid.point(R, List.of("lr=" + Setting.format(0.1 + 0.2))).getDouble("lr"), "shortest round-trip");
    }

    static void fails(String want, Reproduction r, List<String> sets, List<String> grids) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SettingGrid.points(r, sets, grids));
        assertEquals(want, e.getMessage());
    }

    @Test
    void badInputFailsNamingTheReproductionTheSettingAndTheAllowedNames() {
        fails("knobs: --set: unknown setting 'lrr' (settings: lr, hidden, act)", R, List.of("lrr=1"), List.of());
        fails("knobs: --grid: unknown setting 'dropout' (settings: lr, hidden, act)", R, List.of(), List.of("dropout=0.1,0.2"));
        fails("knobs: setting hidden takes an integer (e.g. 16), got '1.5'", R, List.of("hidden=1.5"), List.of());
        fails("knobs: setting lr takes a finite number (e.g. 0.01), got 'fast'", R, List.of(), List.of("lr=0.1,fast"));
        fails("knobs: setting lr takes a finite number (e.g. 0.01), got 'NaN'", R, List.of("lr=NaN"), List.of());
        fails("knobs: --grid lr=: no value for lr", R, List.of(), List.of("lr="));
        fails("knobs: --grid lr=0.1,,0.2: an empty value in the list of lr (give --grid lr=v1,v2,...)", R, List.of(), List.of("lr=0.1,,0.2"));
        fails("knobs: --grid lr=0.1,0.1: lr = 0.1 is listed twice", R, List.of(), List.of("lr=0.1,0.1"));
        fails("knobs: --set takes name=value, got 'lr' (settings: lr, hidden, act)", R, List.of("lr"), List.of());
        fails("knobs: setting lr is given more than once (by --set or --grid)", R, List.of("lr=1"), List.of("lr=2,3"));
        fails("plain: --grid: unknown setting 'lr' (settings: none: plain declares no settings)", new Plain(), List.of(), List.of("lr=1,2"));
    }

    @Test
    void readingAnUndeclaredSettingFailsClearly() {
        Settings s = Settings.defaults(R);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.getDouble("dropout"));
        assertEquals("knobs: no setting 'dropout' (settings: lr, hidden, act)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> s.getInt("act"));
        assertThrows(IllegalArgumentException.class, () -> new RunContext(Path.of("."), false, 0, System.out, false).doubleSetting("lr"));
        assertThrows(IllegalArgumentException.class, () -> Setting.ofInt("Bad Name", 1, "x"));
        assertThrows(IllegalArgumentException.class, () -> new Setting("x", Setting.Type.INT, 1.5, "x"));
    }

    @Test
    void aGridRunGivesOneResultPerPointEachRecordingItsSettings() throws Exception {
        PrintStream log = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        List<Settings> points = SettingGrid.points(R, List.of(), List.of("lr=0.5,1", "act=ab,abc"));
        List<Result> rs = Harness.runGrid(R, Path.of("."), false, points, List.of(0L, 1L), log, false, null, SeedRunner.LOCAL);
        assertEquals(4, rs.size());
        double[][] want = {{8 + 2, 8 + 1 + 2}, {8 + 3, 8 + 1 + 3}, {16 + 2, 16 + 1 + 2}, {16 + 3, 16 + 1 + 3}};
        for (int i = 0; i < 4; i++) {
            assertEquals(points.get(i), rs.get(i).settings());
            assertEquals(List.of(want[i][0], want[i][1]), rs.get(i).metrics().get(0).values());
        }
        assertEquals("knobs-lr=1.0-act=abc", rs.get(3).stem());
        Map<?, ?> json = (Map<?, ?>) Json.parse(Json.write(ResultFile.toJson(rs.get(3))));
        assertEquals(Map.of("lr", 1.0, "hidden", 16.0, "act", "abc"), json.get("settings"));
        assertEquals(List.of("lr", "act"), json.get("settings_given"));
        Result back = ResultFile.fromJson(json);
        assertEquals(rs.get(3).settings(), back.settings(), "typed round trip (an int comes back as an int)");
        assertEquals(Map.of("lr", "double", "hidden", "int", "act", "string"), json.get("settings_types"));
        assertEquals(rs.get(3).stem(), back.stem());
        assertTrue(dev.weft.repro.report.ResultTable.formatUtf8(rs.get(3)).contains("settings: lr=1.0 act=abc (the rest at the protocol's defaults)"));
        String summary = dev.weft.repro.report.ResultTable.gridSummary(rs);
        assertEquals(List.of("grid of knobs: 4 points x 2 seeds [0, 1]", "lr   act      v (loss)  verdict", "0.5  ab   10.5 ± 0.707  [pass]",
                "0.5  abc  11.5 ± 0.707  [pass]", "1.0  ab   18.5 ± 0.707  [pass]", "1.0  abc  19.5 ± 0.707  [pass]"),
                summary.replace("+-", "±").lines().toList());
    }

    @Test
    void theHarnessRefusesPointsOfAnotherReproduction() {
        PrintStream log = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Harness.runGrid(new Plain(), Path.of("."), false,
                List.of(Settings.defaults(R)), List.of(0L), log, false, null, SeedRunner.LOCAL));
        assertEquals("plain: grid point [defaults] has the settings [lr, hidden, act], plain declares [] (make points with "
                + "SettingGrid.points)", e.getMessage());
    }

    @Test
    void theDefaultsGiveTheSameOutcomeAsSettingThemExplicitly() throws Exception {
        PrintStream log = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        Result plain = Harness.run(R, Path.of("."), false, List.of(3L), log, false, null, SeedRunner.LOCAL);
        Result explicit = Harness.runGrid(R, Path.of("."), false, SettingGrid.points(R, List.of("lr=0.01", "hidden=16", "act=relu"), List.of()),
                List.of(3L), log, false, null, SeedRunner.LOCAL).get(0);
        assertEquals(plain.metrics(), explicit.metrics());
        assertEquals(plain.settings().values(), explicit.settings().values());
    }
}
