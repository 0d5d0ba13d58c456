"""Writes the optimizer and scheduler goldens under nn/src/test/resources/golden/:

optim_trajectories.txt: for each optimizer configuration and problem, the loss before each step
  and every parameter after each step (float64). Problems: Rosenbrock from (-1.5, 2.0), and a tiny
  linear regression (W (3, 2), b (2), data X (8, 3), Y (8, 2), mean squared error).
optim_lr.txt: the lr of each of two param groups (and the momentum for OneCycleLR) after
  construction and after each of 30 scheduler steps.

OptimizerGoldenTest and SchedulerGoldenTest replay the same configurations in Weft.
Run from the repository root: /usr/bin/python3 nn/src/test/python/optim_golden.py
"""
import os
import torch
from torch.optim import SGD, Adam, AdamW, RMSprop, Adagrad, LBFGS
from torch.optim import lr_scheduler as L

torch.manual_seed(4321)
D = torch.float64
HERE = os.path.dirname(__file__)
GOLD = os.path.join(HERE, "..", "resources", "golden")
HEADER = "# made by nn/src/test/python/optim_golden.py with torch {}; line: case key dtype shape(- for 0-d) values\n"


def fmt(t):
    t = t.detach()
    shape = ",".join(str(s) for s in t.shape) if t.dim() > 0 else "-"
    return f"f64 {shape} " + " ".join(repr(float(v)) for v in t.reshape(-1).tolist())


X = torch.randn(8, 3, dtype=D)
Y = torch.randn(8, 2, dtype=D)
W0 = torch.randn(3, 2, dtype=D) * 0.5
B0 = torch.randn(2, dtype=D) * 0.1


def rosen_params():
    return [torch.tensor([-1.5, 2.0], dtype=D, requires_grad=True)]


def rosen_loss(ps):
    x = ps[0]
    return (1 - x[0]) ** 2 + 100 * (x[1] - x[0] ** 2) ** 2


def lin_params():
    return [W0.clone().requires_grad_(True), B0.clone().requires_grad_(True)]


def lin_loss(ps):
    return ((X @ ps[0] + ps[1] - Y) ** 2).mean()


PROBLEMS = {"rosen": (rosen_params, rosen_loss), "linreg": (lin_params, lin_loss)}

# name -> (factory(params) -> optimizer, steps); the Java test builds the same
CONFIGS = {
    "sgd": (lambda ps: SGD(ps, lr=1e-3), 10),
    "sgd_momentum": (lambda ps: SGD(ps, lr=1e-3, momentum=0.9, dampening=0.1), 10),
    "sgd_nesterov": (lambda ps: SGD(ps, lr=1e-3, momentum=0.9, nesterov=True), 10),
    "sgd_wd_maximize": (lambda ps: SGD(ps, lr=1e-3, momentum=0.5, weight_decay=0.1, maximize=True), 10),
    "adam": (lambda ps: Adam(ps, lr=0.05), 10),
    "adam_wd": (lambda ps: Adam(ps, lr=0.05, betas=(0.8, 0.95), eps=1e-6, weight_decay=0.1), 10),
    "adam_amsgrad": (lambda ps: Adam(ps, lr=0.05, amsgrad=True), 10),
    "adamw": (lambda ps: AdamW(ps, lr=0.05, weight_decay=0.1), 10),
    "adamw_amsgrad_maximize": (lambda ps: AdamW(ps, lr=0.05, amsgrad=True, maximize=True), 10),
    "rmsprop": (lambda ps: RMSprop(ps, lr=0.01), 10),
    "rmsprop_centered_momentum": (lambda ps: RMSprop(ps, lr=0.01, alpha=0.9, eps=1e-6, weight_decay=0.01,
                                                     momentum=0.5, centered=True), 10),
    "adagrad": (lambda ps: Adagrad(ps, lr=0.5, lr_decay=0.01, weight_decay=0.01, initial_accumulator_value=0.1), 10),
    "lbfgs": (lambda ps: LBFGS(ps, lr=1, max_iter=5, history_size=4), 4),
    "lbfgs_wolfe": (lambda ps: LBFGS(ps, lr=1, max_iter=5, history_size=4, line_search_fn="strong_wolfe"), 4),
}

lines = [f"data X {fmt(X)}", f"data Y {fmt(Y)}", f"data W0 {fmt(W0)}", f"data B0 {fmt(B0)}"]
for name, (factory, steps) in CONFIGS.items():
    for pname, (make, loss_fn) in PROBLEMS.items():
        ps = make()
        opt = factory(ps)
        sign = -1.0 if "maximize" in name else 1.0
        losses = []

        def closure():
            opt.zero_grad()
            loss = sign * loss_fn(ps)
            loss.backward()
            return loss

        for k in range(steps):
            loss = opt.step(closure)
            losses.append(float(loss))
            for j, p in enumerate(ps):
                lines.append(f"{name}@{pname} p{j}.step{k} {fmt(p)}")
        lines.append(f"{name}@{pname} losses {fmt(torch.tensor(losses, dtype=D))}")

# parameter groups: W with lr 0.05, b with its own lr and betas
ps = lin_params()
opt = Adam([{"params": [ps[0]], "lr": 0.05}, {"params": [ps[1]], "lr": 0.2, "betas": (0.8, 0.99)}], lr=1.0)
for k in range(10):
    opt.zero_grad()
    lin_loss(ps).backward()
    opt.step()
    for j, p in enumerate(ps):
        lines.append(f"adam_groups@linreg p{j}.step{k} {fmt(p)}")

with open(os.path.join(GOLD, "optim_trajectories.txt"), "w") as f:
    f.write(HEADER.format(torch.__version__))
    f.write("\n".join(lines) + "\n")


# ---------------------------------------------------------------- schedulers
def sgd2():
    a = torch.zeros(2, dtype=D, requires_grad=True)
    b = torch.zeros(2, dtype=D, requires_grad=True)
    return SGD([{"params": [a], "lr": 0.1}, {"params": [b], "lr": 0.5}], lr=0.1, momentum=0.9)


def adam2():
    a = torch.zeros(2, dtype=D, requires_grad=True)
    b = torch.zeros(2, dtype=D, requires_grad=True)
    return Adam([{"params": [a], "lr": 0.1}, {"params": [b], "lr": 0.5}], lr=0.1)


SCHEDS = {
    "step": (sgd2, lambda o: L.StepLR(o, step_size=3, gamma=0.5)),
    "multistep": (sgd2, lambda o: L.MultiStepLR(o, milestones=[2, 5, 5, 9], gamma=0.3)),
    "exponential": (sgd2, lambda o: L.ExponentialLR(o, gamma=0.9)),
    "cosine": (sgd2, lambda o: L.CosineAnnealingLR(o, T_max=7, eta_min=0.01)),
    "linear": (sgd2, lambda o: L.LinearLR(o, start_factor=0.1, end_factor=1.0, total_iters=6)),
    "linear_default": (sgd2, lambda o: L.LinearLR(o)),
    "onecycle_cos": (sgd2, lambda o: L.OneCycleLR(o, max_lr=1.0, total_steps=30)),
    "onecycle_linear_adam": (adam2, lambda o: L.OneCycleLR(o, max_lr=[0.5, 2.0], total_steps=30, pct_start=0.25,
                                                           anneal_strategy="linear", div_factor=10.0,
                                                           final_div_factor=100.0)),
    "onecycle_three_phase": (sgd2, lambda o: L.OneCycleLR(o, max_lr=1.0, total_steps=30, three_phase=True,
                                                          base_momentum=0.8, max_momentum=0.9)),
    "sequential_warmup_cosine": (sgd2, lambda o: L.SequentialLR(
        o, [L.LinearLR(o, start_factor=0.1, total_iters=4), L.CosineAnnealingLR(o, T_max=10)], milestones=[4])),
    "sequential_exp_step": (sgd2, lambda o: L.SequentialLR(
        o, [L.ExponentialLR(o, gamma=0.9), L.StepLR(o, step_size=3, gamma=0.5)], milestones=[5])),
}
lines = []
for name, (make_opt, make_sched) in SCHEDS.items():
    opt = make_opt()
    sched = make_sched(opt)
    lr0, lr1, mom0, last0 = [], [], [], []
    for k in range(31):
        if k > 0:
            opt.step()
            sched.step()
        lr0.append(opt.param_groups[0]["lr"])
        lr1.append(opt.param_groups[1]["lr"])
        g = opt.param_groups[0]
        mom0.append(g["betas"][0] if "betas" in g else g["momentum"])
        last0.append(sched.get_last_lr()[0])
    for key, v in (("lr0", lr0), ("lr1", lr1), ("mom0", mom0), ("last0", last0)):
        lines.append(f"{name} {key} {fmt(torch.tensor(v, dtype=D))}")
with open(os.path.join(GOLD, "optim_lr.txt"), "w") as f:
    f.write(HEADER.format(torch.__version__))
    f.write("\n".join(lines) + "\n")
print("wrote optim_trajectories.txt and optim_lr.txt")
