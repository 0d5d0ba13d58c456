package dev.weft.bench.report;

/**
 * Host&lt;-&gt;device copy bandwidth of one device (GB/s each way), from {@code "suite":"transfer"} lines
 * (case {@code h2d} or {@code d2h}, metric {@code gbps}): what a GPU run pays to bring its operands over
 * and its result back.
 */
record Transfer(String device, double h2dGbps, double d2hGbps) {

    /** Seconds to copy {@code in} bytes to the device and {@code out} bytes back. */
    double seconds(double in, double out) {
        return in / (h2dGbps * 1e9) + out / (d2hGbps * 1e9);
    }
}
