package dev.weft.repro.kan.feynman;

import static org.junit.jupiter.api.Assertions.*;

import dev.weft.repro.ReproArgs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The equations file reader: a small inline CSV, its errors, and (when the data folder is there) every row of the real file. */
class FeynmanEquationsTest {
    static final String HEADER = "Filename,datapoints,Number,Output,Formula,# variables,v1_name,v1_low,v1_high,v2_name,v2_low,v2_high";

    @Test
    void readsNamesFormulasAndRanges() {
        Map<String, FeynmanEquations.Equation> eqs = FeynmanEquations.parse(List.of(HEADER,
                "I.6.2,100,2,f,exp(-(theta/sigma)**2/2)/(sqrt(2*pi)*sigma),2,sigma,1,3,theta,1,3",
                "I.12.1,100,5,F,mu*Nn,2,mu,1,5,Nn,1,5", ""), "inline");
        assertEquals(List.of("I.6.2", "I.12.1"), List.copyOf(eqs.keySet()));
        FeynmanEquations.Equation e = eqs.get("I.6.2");
        assertEquals(List.of("sigma", "theta"), e.variables());
        assertArrayEquals(new double[] {1, 1}, e.low());
        assertArrayEquals(new double[] {3, 3}, e.high());
        assertEquals(Math.exp(-0.125) / (2 * Math.sqrt(2 * Math.PI)), e.formula().eval(2, 1), 1e-15);
        assertEquals(12, eqs.get("I.12.1").formula().eval(3, 4), 0);
    }

    @Test
    void aBadRowNamesTheLineAndTheEquation() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FeynmanEquations.parse(List.of(HEADER,
                "I.12.1,100,5,F,mu*Nn,2,mu,1,5,Nn,1,5", "X.1,100,5,F,mu*(Nn,2,mu,1,5,Nn,1,5"), "inline"));
        assertTrue(e.getMessage().contains("line 3 (X.1)") && e.getMessage().contains("offset"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FeynmanEquations.parse(List.of("Filename,Formula"), "inline"));
        assertTrue(e.getMessage().contains("no column '# variables'"), e.getMessage());
    }

    @Test
    void everyEquationOfTheRealFileParsesAndIsFiniteInsideItsBox() throws Exception {
        Path data = ReproArgs.dataDir(System.getProperty("weft.data", System.getenv().getOrDefault("WEFT_DATA", "../../shared/data")));
        Path file = data.resolve("misc/FeynmanEquations.csv");
        Assumptions.assumeTrue(Files.isRegularFile(file), file.toAbsolutePath() + " not found (set -Dweft.data or WEFT_DATA)");
        Map<String, FeynmanEquations.Equation> eqs = FeynmanEquations.read(file);
        assertEquals(100, eqs.size());
        for (FeynmanEquations.Equation e : eqs.values()) {
            // not the centre: III.9.52's sin(w - w0)^2 / (w - w0)^2 is 0/0 where its ranges for w and w0 meet
            double[] p = new double[e.variables().size()];
            for (int i = 0; i < p.length; i++) p[i] = e.low()[i] + (e.high()[i] - e.low()[i]) * (0.3 + 0.05 * i);
            assertTrue(Double.isFinite(e.formula().eval(p)), e.name() + " " + e.formula() + " at " + java.util.Arrays.toString(p));
        }
    }
}
