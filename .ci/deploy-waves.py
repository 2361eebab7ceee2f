#!/usr/bin/env python3
"""Deploy waves of a synthesized cloud assembly, for .github/workflows/deploy.yml.

Reads <assembly>/manifest.json and groups the stacks by dependency depth: wave 1 holds the stacks that depend
on no other stack (bucket replicas, the backup vault), wave 2 what needs only those (the primary region), and so
on (secondary regions, then the accelerator and global stacks). Stacks of one wave deploy in parallel; a wave
starts when the one before it succeeded. The dependencies are the ones the app declares (StackLayout and
DataTier), so the waves follow the stack layout without a second list to keep in step.

Prints one line per wave for people, and with --github-output appends wave1=..waveN= (JSON lists of
{"stack", "region"}) for the workflow. Fails when the layout needs more waves than the workflow has jobs.
"""
import json
import os
import sys

MAX_WAVES = 5  # deploy.yml has a job per wave: wave-1 .. wave-5


def waves(manifest):
    stacks = {name: a for name, a in manifest["artifacts"].items() if a.get("type") == "aws:cloudformation:stack"}
    depth = {}

    def level(name, seen=()):
        if name in depth:
            return depth[name]
        if name in seen:
            raise SystemExit(f"dependency cycle through {name}")
        deps = [d for d in stacks[name].get("dependencies", []) if d in stacks]
        depth[name] = 1 + max((level(d, seen + (name,)) for d in deps), default=0)
        return depth[name]

    for name in stacks:
        level(name)
    out = [[] for _ in range(max(depth.values(), default=0))]
    for name in sorted(stacks):
        region = stacks[name]["environment"].rsplit("/", 1)[-1]
        out[depth[name] - 1].append({"stack": name, "region": region})
    return out


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) != 1:
        raise SystemExit("usage: deploy-waves.py <cloud assembly dir> [--github-output]")
    with open(os.path.join(args[0], "manifest.json")) as f:
        result = waves(json.load(f))
    if len(result) > MAX_WAVES:
        raise SystemExit(f"{len(result)} waves needed, deploy.yml has {MAX_WAVES}: add wave jobs to the workflow")
    for i, wave in enumerate(result, 1):
        print(f"wave {i}: " + ", ".join(f"{s['stack']} ({s['region']})" for s in wave))
    if "--github-output" in sys.argv:
        with open(os.environ["GITHUB_OUTPUT"], "a") as f:
            for i in range(MAX_WAVES):
                f.write(f"wave{i + 1}={json.dumps(result[i] if i < len(result) else [])}\n")


if __name__ == "__main__":
    main()
