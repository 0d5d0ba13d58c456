package dev.weft.spark;

import dev.weft.nn.train.FlatParameters;
import dev.weft.repro.Budget;
import dev.weft.repro.Claim;
import dev.weft.repro.Curve;
import dev.weft.repro.Outcome;
import dev.weft.repro.Paper;
import dev.weft.repro.Reproduction;
import dev.weft.repro.RunContext;
import dev.weft.repro.Setting;
import dev.weft.repro.Unit;
import dev.weft.tensor.Generator;
import java.util.List;
import java.util.Map;

/** A test reproduction (registered in the test resources): a seeded layer's first parameter (times the setting scale) and a curve, per seed and grid point. */
public final class SeedEcho implements Reproduction {
    /** For ServiceLoader. */
    public SeedEcho() {}

    @Override public String name() { return "seed-echo"; }
    @Override public String description() { return "test only: a seeded initial parameter"; }
    @Override public Paper paper() { return new Paper("none", "none", 2026, "test"); }
    @Override public String protocol() { return "one seeded initialisation"; }
    @Override public String quickProtocol() { return "the same"; }
    @Override public Budget time() { return new Budget(1, 1); }

    @Override
    public List<Claim> claims() {
        return List.of(new Claim("w0", Unit.LOSS, true, Double.NaN, Double.NaN, "none", -10, -10));
    }

    @Override
    public List<Setting> settings() {
        return List.of(Setting.ofDouble("scale", 1.0, "multiplies w0"), Setting.ofInt("inputs", 4, "inputs of the layer"),
                Setting.ofString("tag", "a", "a text echoed in the log"));
    }

    @Override
    public Outcome run(RunContext ctx) {
        Generator g = new Generator(ctx.seed());
        float[] w = FlatParameters.values(new dev.weft.nn.layers.Linear(ctx.intSetting("inputs"), 3, true, g).parameters());
        double w0 = w[0] * ctx.doubleSetting("scale");
        ctx.log().println("seed " + ctx.seed() + " " + ctx.stringSetting("tag") + " w0 " + w0);
        return new Outcome(Map.of("w0", w0), List.of(new Curve("f", "w", List.of(0.0, 1.0), List.of(w0, (double) w[1]))));
    }
}
