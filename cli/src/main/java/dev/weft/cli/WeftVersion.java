package dev.weft.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code weft --version}: the jar's implementation version, or "(development build)". */
final class WeftVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = WeftVersion.class.getPackage().getImplementationVersion();
        return new String[] {"Weft " + (v == null ? "(development build)" : v)};
    }
}
