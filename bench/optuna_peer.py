#!/usr/bin/env python3
"""An Optuna 3.1 peer for `tunelab bench bbob`: ask/tell in JSON lines over stdin/stdout.

Tunelab evaluates the function; this program only proposes points, so both sides see the same
function, instance and budget. Protocol (one JSON object per line):

  peer   -> {"peer": "optuna-tpe", "protocol": 1}                       once, at start
  tunelab-> {"op": "start", "dim": D, "low": [...], "high": [...], "seed": S}
                                      (plus "step": H when every coordinate is on a grid of step H)
  peer   -> {"ok": true}                                                a new study
  tunelab-> {"op": "ask"}
  peer   -> {"trial": N, "x": [...], "seconds": T}                      T: time inside Optuna
  tunelab-> {"op": "tell", "trial": N, "value": V}
  peer   -> {"ok": true, "seconds": T}
  tunelab-> {"op": "stop"}                                              the peer exits

Several objectives (all minimised): start carries {"objectives": M}, and tell carries {"values": [...]} (M numbers)
instead of "value"; the nsga2 sampler is meant for these.

Define-by-run (problems that are not a box of floats: ints, log scales, categoricals): start carries
{"define_by_run": true} instead of dim/low/high, ask is answered with {"trial": N, "seconds": T} alone, and
the parameters are asked for one by one before the tell:

  tunelab-> {"op": "suggest", "trial": N, "name": "lr",
             "distribution": {"type": "float", "low": 1e-05, "high": 0.1, "log": true, "step": 0}}
  peer   -> {"value": 0.0031, "seconds": T}             (for a categorical: {"index": I}, I into "choices")

Errors are answered with {"error": "message"}, also in place of the greeting when Optuna cannot be imported.
Logging goes to stderr.
"""
import argparse
import json
import sys
import time
import warnings

try:
    import optuna
    from optuna.distributions import FloatDistribution
except ImportError as missing:  # answer the greeting with the fix instead of a traceback
    sys.stdout.write(json.dumps({"error": "optuna cannot be imported by %s (Python %d.%d): %s; install Debian's "
                                          "python3-optuna (3.1) for /usr/bin/python3, or pass --peer optuna:SAMPLER, "
                                          "which runs /usr/bin/python3 when it exists"
                                          % (sys.executable, sys.version_info[0], sys.version_info[1], missing)}) + "\n")
    sys.stdout.flush()
    sys.exit(2)

SAMPLERS = ("random", "tpe", "tpe-multivariate", "cmaes", "nsga2")


def make_sampler(name, seed):
    if name == "random":
        return optuna.samplers.RandomSampler(seed=seed)
    if name == "tpe":
        return optuna.samplers.TPESampler(seed=seed)
    if name == "tpe-multivariate":
        return optuna.samplers.TPESampler(seed=seed, multivariate=True)
    if name == "nsga2":
        return optuna.samplers.NSGAIISampler(seed=seed)
    return optuna.samplers.CmaEsSampler(seed=seed)


def suggest(trial, name, dist):
    """The trial's value for one parameter, in Tunelab's distribution JSON, as the reply to a suggest."""
    kind = dist.get("type")
    if kind == "float":
        step = dist.get("step") or None
        return {"value": trial.suggest_float(name, dist["low"], dist["high"], step=step, log=bool(dist.get("log")))}
    if kind == "int":
        return {"value": trial.suggest_int(name, int(dist["low"]), int(dist["high"]), step=int(dist.get("step", 1)),
                                           log=bool(dist.get("log")))}
    if kind == "categorical":
        choices = dist["choices"]
        return {"index": choices.index(trial.suggest_categorical(name, choices))}
    raise ValueError("parameter %r: distribution type %r has no Optuna counterpart (float, int and categorical do)"
                     % (name, kind))


def reply(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sampler", choices=SAMPLERS, default="tpe")
    args = parser.parse_args()
    optuna.logging.set_verbosity(optuna.logging.ERROR)
    warnings.simplefilter("ignore")
    reply({"peer": "optuna-" + args.sampler, "protocol": 1})
    study, space, pending = None, None, {}
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            msg = json.loads(line)
            op = msg.get("op")
            if op == "start":
                study = optuna.create_study(sampler=make_sampler(args.sampler, int(msg["seed"])),
                                            directions=["minimize"] * int(msg.get("objectives", 1)))
                if msg.get("define_by_run"):
                    space = None
                else:
                    step = msg.get("step")
                    space = {"x%d" % i: FloatDistribution(lo, hi, step=step)
                             for i, (lo, hi) in enumerate(zip(msg["low"], msg["high"]))}
                pending = {}
                reply({"ok": True})
            elif op == "ask":
                start = time.perf_counter()
                trial = study.ask(space)
                elapsed = time.perf_counter() - start
                pending[trial.number] = trial
                if space is None:
                    reply({"trial": trial.number, "seconds": elapsed})
                else:
                    reply({"trial": trial.number, "x": [trial.params["x%d" % i] for i in range(len(space))],
                           "seconds": elapsed})
            elif op == "suggest":
                start = time.perf_counter()
                answer = suggest(pending[int(msg["trial"])], msg["name"], msg["distribution"])
                answer["seconds"] = time.perf_counter() - start
                reply(answer)
            elif op == "tell":
                start = time.perf_counter()
                told = [float(v) for v in msg["values"]] if "values" in msg else float(msg["value"])
                study.tell(pending.pop(int(msg["trial"])), told)
                reply({"ok": True, "seconds": time.perf_counter() - start})
            elif op == "stop":
                return
            else:
                reply({"error": "unknown op %r, expected start, ask, suggest, tell or stop" % (op,)})
        except Exception as e:  # answer instead of dying, so Tunelab can report the message
            reply({"error": "%s: %s" % (type(e).__name__, e)})


if __name__ == "__main__":
    main()
