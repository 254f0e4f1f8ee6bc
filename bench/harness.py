"""Runs benchmark pairs alternately and reports min/median/max and ratios.

Each case is a list of named commands. Every run executes each command of the case
once, in turn (A, B, A, B, ...), after one warm-up round, so machine noise falls on
both sides alike. Wall time comes from time.perf_counter; peak memory from the
child's own rusage (os.wait4), so each command's RSS is its own.
"""

import os
import shlex
import statistics
import subprocess
import sys
import time


class Command:
    def __init__(self, name, argv, setup=None, env=None, cwd=None):
        self.name = name
        self.argv = argv
        self.setup = setup  # callable run before each timed run, not timed
        self.env = env
        self.cwd = cwd
        self.seconds = []
        self.peak_rss_kb = []

    def run_once(self, timed=True):
        if self.setup:
            self.setup()
        env = dict(os.environ)
        if self.env:
            env.update(self.env)
        start = time.perf_counter()
        proc = subprocess.Popen(self.argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                env=env, cwd=self.cwd)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        err = proc.stderr.read().decode(errors="replace")
        proc.stderr.close()
        code = os.waitstatus_to_exitcode(status)
        if code != 0:
            sys.stderr.write(f"\n{self.name} failed with {code}: {shlex.join(self.argv)}\n{err[-2000:]}\n")
            raise SystemExit(1)
        if timed:
            self.seconds.append(elapsed)
            self.peak_rss_kb.append(usage.ru_maxrss)
        return elapsed

    def summary(self):
        s = sorted(self.seconds)
        return {"min": s[0], "median": statistics.median(s), "max": s[-1],
                "peak_rss_mb": max(self.peak_rss_kb) / 1024.0}


def run_case(case_id, title, commands, runs, log=print):
    log(f"{case_id}: {title} — warm-up")
    for c in commands:
        c.run_once(timed=False)
    for i in range(runs):
        for c in commands:
            t = c.run_once()
            log(f"  run {i + 1}/{runs} {c.name:<28} {t:7.3f} s")
    return {c.name: c.summary() for c in commands}


def table(case_id, results, baseline):
    base = results[baseline]["median"]
    lines = []
    for name, r in results.items():
        ratio = r["median"] / base if base > 0 else float("nan")
        lines.append(f"| {case_id} | {name} | {r['min']:.3f} | {r['median']:.3f} | {r['max']:.3f} "
                     f"| {r['peak_rss_mb']:.0f} | {ratio:.2f}× |")
    return lines
