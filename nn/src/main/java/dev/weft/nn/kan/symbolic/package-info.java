/**
 * The symbolic side of KANs (pykan's Symbolic_KANLayer, fit_params, SYMBOLIC_LIB, suggest/auto_symbolic and
 * symbolic_formula): {@link dev.weft.nn.kan.symbolic.SymbolicLib} (the library of functions f an edge may become as
 * c f(a x + b) + d), {@link dev.weft.nn.kan.symbolic.FitParams} (the grid search for a, b and least squares for c, d),
 * {@link dev.weft.nn.kan.symbolic.Suggestion} (pykan's R^2-and-complexity ranking),
 * {@link dev.weft.nn.kan.symbolic.SymbolicKANLayer} (the symbolic branch of a layer, a module with the affine
 * parameters) and {@link dev.weft.nn.kan.symbolic.SymbolicFormula} (the formula as a string). The model-level calls
 * (fixSymbolic, suggestSymbolic, autoSymbolic, symbolicFormula) are {@link dev.weft.nn.kan.KAN}'s.
 */
package dev.weft.nn.kan.symbolic;
