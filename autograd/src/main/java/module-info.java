/**
 * The tape autograd: backward rules, Autograd.backward/grad, no-grad scopes, vjp/jvp/jacobian/hvp,
 * Gradcheck. Its API takes and returns tensors, so dev.weft.tensor comes with it (transitive).
 */
module dev.weft.autograd {
    requires transitive dev.weft.tensor;

    exports dev.weft.autograd;

    provides dev.weft.tensor.Recorder with dev.weft.autograd.Tape;
}
