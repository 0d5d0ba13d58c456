package dev.weft.bench.report;

import java.util.List;
import java.util.Map;

/**
 * What one report page is drawn from: the result lines, where they came from ({@code origin}: the suite runs
 * or the file read), the command lines that produced them, the machine facts, and the GPU status line
 * ({@code gpuStatus}: why there is no CUDA device here, or "" when one was measured).
 */
record Report(List<ResultLine> lines, String origin, List<String> commands, Map<String, String> facts, String gpuStatus) {
    Report {
        lines = List.copyOf(lines);
        commands = List.copyOf(commands);
        facts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facts));   // keeps the order
    }
}
