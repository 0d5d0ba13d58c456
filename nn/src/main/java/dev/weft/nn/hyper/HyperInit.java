package dev.weft.nn.hyper;

import dev.weft.nn.OptionEnums;

/** How a hypernetwork's own weights start. */
public enum HyperInit {
    /** PyTorch's Linear init in trunk and heads (what hypnettorch's constructors leave). */
    DEFAULT,
    /**
     * Generated parameters at the target's own init scale: hyperfan-in (Chang, Flokas and Lipson 2020) aimed at
     * the target's default init as read from its tensors; see {@link TargetScale}.
     */
    TARGET_SCALE;

    /**
     * {@return the init named "default" or "target_scale"}
     *
     * @param s the name
     * @throws IllegalArgumentException when the name is neither
     */
    public static HyperInit of(String s) {
        return OptionEnums.of("HyperInit", values(), s);
    }

    @Override
    public String toString() {
        return OptionEnums.torchName(this);
    }
}
