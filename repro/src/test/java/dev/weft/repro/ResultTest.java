package dev.weft.repro;

import static org.junit.jupiter.api.Assertions.*;

import dev.weft.repro.report.HtmlReport;
import dev.weft.repro.report.ResultTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Statistics over seeds, verdicts, the table's columns, the JSON and the report page, on a made-up result. */
class ResultTest {
    static final Claim ACC = new Claim("test accuracy", Unit.PERCENT, true, 99.05, 0.1, "Table 1", 99.0, 95.0);
    static final Claim MSE = new Claim("mse", Unit.MSE, false, Double.NaN, Double.NaN, null, 1e-3, 1e-2);

    static Result sample(boolean quick) {
        return new Result("toy", "a toy", new Paper("A title", "Ann Author, Bob Builder, Cy Coder", 2001, "Venue 1"),
                "the protocol", "the quick protocol", quick, List.of(3L, 4L, 5L), List.of(1.5, 2.0, 2.5),
                List.of(new MetricResult(ACC, List.of(99.1, 99.2, 99.3)), new MetricResult(MSE, List.of(2e-3, 3e-3, 4e-3))),
                List.of(new Figure("curve", "A curve", "x", "y", true, "Fig. 2")),
                List.of(new Curve("curve", "loss, seed 3", List.of(1.0, 2.0), List.of(0.5, Double.NaN))), List.of("toy-curve.svg"),
                "0.1.0", new Machine("cpu \"x\"", 2, 2, 512, 16, "25", "Linux amd64"), "2026-01-01T00:00:00Z");
    }

    @Test
    void meanStdDifferenceAndVerdicts() {
        Result r = sample(false);
        MetricResult acc = r.metrics().get(0), mse = r.metrics().get(1);
        assertEquals(99.2, acc.mean(), 1e-12);
        assertEquals(0.1, acc.std(), 1e-12);                     // sample std, n - 1
        assertEquals(0.15, acc.difference(), 1e-12);
        assertTrue(acc.pass(false));
        assertFalse(mse.pass(false), "3e-3 > 1e-3");
        assertTrue(mse.pass(true), "3e-3 <= the quick bound 1e-2");
        assertFalse(r.pass());
        assertTrue(sample(true).pass());
        assertTrue(Double.isNaN(new MetricResult(ACC, List.of(99.0)).std()), "no std from one seed");
    }

    @Test
    void theTableShowsPaperWithSpreadBoundMeanStdDifferenceAndVerdict() {
        List<List<String>> rows = ResultTable.rows(sample(false));
        assertEquals(List.of("test accuracy (%)", "99.05 ± 0.10", ">= 99.00", "99.20 ± 0.10", "+0.15", "[pass]"), rows.get(0));
        assertEquals(List.of("mse (mse)", "-", "<= 1.00e-03", "3.00e-03 ± 1.00e-03", "-", "[FAIL]"), rows.get(1));
        assertEquals(List.of("time per seed (s)", "-", "-", "2.0 ± 0.5", "-", "-"), rows.get(2));
        String t = ResultTable.formatUtf8(sample(false));
        assertTrue(t.contains("test accuracy (%)  99.05 ± 0.10     >= 99.00         99.20 ± 0.10  +0.15  [pass]"), t);
        assertTrue(t.contains("paper: Author et al. 2001"), t);
        assertTrue(t.contains("full protocol"), t);
        assertTrue(ResultTable.format(sample(true)).contains("--quick, judged against the quick bounds"));
    }

    @Test
    void jsonRoundTripsEveryValueNaNIncluded() {
        Result r = sample(false);
        String text = Json.write(ResultFile.toJson(r));
        assertEquals(r, ResultFile.fromJson((Map<?, ?>) Json.parse(text)));
        assertEquals(List.of(1.0, "a\"\\\n\u0001", true), Json.parse(Json.write(List.of(1.0, "a\"\\\n\u0001", true))));
        assertTrue(Json.writeLine(ResultFile.toJson(r)).lines().count() == 1);
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\": 1,}"));
    }

    @Test
    void theReportGathersEveryResultFileAndSkipsOtherJson(@TempDir Path dir) throws Exception {
        ResultFile.write(sample(false), dir.resolve("toy.json"));
        ResultFile.write(sample(true), dir.resolve("toy-quick.json"));
        Files.writeString(dir.resolve("other.json"), "{\"x\": 1}");
        HtmlReport.Written w = HtmlReport.write(dir);
        assertEquals(2, w.results().size());
        assertEquals(1, w.skipped().size(), w.skipped().toString());
        String html = Files.readString(w.page());
        assertTrue(html.startsWith("<!DOCTYPE html>"), html);
        assertTrue(html.contains("<td>99.05 ± 0.10</td>"), html);
        assertTrue(html.contains("<img src=\"toy-curve.svg\""), html);
        assertTrue(html.contains("cpu &quot;x&quot;"), "escaped: " + html);
        assertTrue(html.contains("class=\"fail\">[FAIL]"), html);
        assertTrue(html.endsWith("</body></html>\n"));
        assertThrows(IllegalArgumentException.class, () -> HtmlReport.write(dir.resolve("nope")));
    }
}
