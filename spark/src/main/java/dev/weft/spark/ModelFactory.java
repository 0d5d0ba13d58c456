package dev.weft.spark;

import dev.weft.nn.Module;
import java.io.Serializable;

/**
 * Builds the model's architecture; shipped to the executors (so it must be serializable: a lambda whose
 * target is this interface is). Its initial values do not matter on the executors: the driver's are
 * broadcast before every step.
 */
@FunctionalInterface
public interface ModelFactory extends Serializable {
    /** {@return a new model} */
    Module create();
}
