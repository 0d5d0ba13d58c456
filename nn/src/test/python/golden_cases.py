"""The case writer shared by make_seq_golden.py and make_rnn_golden.py (F64 goldens of whole layers).

File format: '# ' comment lines; 'case NAME' starts a case; 'tensor NAME d0 d1 ...' is followed by one line
of space-separated values in row-major order (booleans as 0/1); 'end' closes a case. A case stores the
module's state dict (PyTorch names), the inputs, a fixed random cotangent R per output (the loss is
sum(output * R) over the outputs), the outputs, and the loss's gradients w.r.t. the F64 inputs and a few
parameters ("grad.input.<name>", "grad.param.<name>").
"""
import os

import torch


class GoldenFile:
    def __init__(self, script, out):
        """script: the generator's path from the repository root, named in the header; out: the file to write."""
        self.out = out
        self.lines = ["# made by " + script + " with torch " + torch.__version__ + " (F64); do not edit"]

    def put(self, name, t):
        t = t.detach()
        if t.dtype == torch.bool:
            t = t.to(torch.float64)
        dims = " ".join(str(d) for d in t.shape)
        self.lines.append(("tensor " + name + " " + dims).rstrip())
        self.lines.append(" ".join(repr(float(v)) for v in t.reshape(-1).tolist()))

    def case(self, name, module, inputs, run, grad_params):
        """inputs: dict name -> tensor (F64 ones get grads); run(module, inputs) -> dict name -> output."""
        lines, put = self.lines, self.put
        lines.append("case " + name)
        for k, v in module.state_dict().items():
            put("param." + k, v)
        for k, v in inputs.items():
            put("input." + k, v)
        for v in inputs.values():
            if v.dtype == torch.float64:
                v.requires_grad_(True)
        outs = run(module, inputs)
        loss = 0
        for k, v in outs.items():
            r = torch.randn(v.shape)
            put("cotangent." + k, r)
            put("output." + k, v)
            loss = loss + (v * r).sum()
        loss.backward()
        for k, v in inputs.items():
            if v.dtype == torch.float64:
                put("grad.input." + k, v.grad)
        named = dict(module.named_parameters())
        for k in grad_params:
            put("grad.param." + k, named[k].grad)
        lines.append("end")

    def write(self):
        with open(self.out, "w") as f:
            f.write("\n".join(self.lines) + "\n")
        print("wrote", os.path.normpath(self.out), len(self.lines), "lines")
