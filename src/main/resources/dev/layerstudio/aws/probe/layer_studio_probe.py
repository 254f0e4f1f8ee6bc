"""Layer Studio's probe: imports a layer's modules inside the Lambda runtime.

Lambda calls handler(event, context); the answer is one JSON object (Lambda sends it as
one line). event may name the modules to import ({"modules": ["numpy"]}); otherwise
every top-level module the layer holds is tried. Each import runs in its own Python
process with the function's sys.path, so one that crashes or hangs cannot hide the
others, and each time is the module's own.

Run locally as  python3 layer_studio_probe.py OPT_DIR [MODULE ...]  to print the same
answer for a layer unpacked in OPT_DIR (only the standard library beside it).
"""
import json
import os
import platform
import subprocess
import sys
import time

PROBE_VERSION = 1
MAX_SECONDS_PER_IMPORT = 30
MARGIN_SECONDS = 3
ERROR_CHARS = 2000

CHILD = r"""
import importlib, json, sys, time
sys.path[:] = json.loads(sys.argv[1])
name = sys.argv[2]
start = time.perf_counter()
try:
    importlib.import_module(name)
    answer = {"ok": True, "error": None}
except BaseException as e:
    answer = {"ok": False, "error": (type(e).__name__ + ": " + str(e)).strip()}
answer["seconds"] = round(time.perf_counter() - start, 4)
sys.stdout.write("\n" + json.dumps(answer) + "\n")
sys.stdout.flush()
"""


def layer_paths(opt):
    """The folders of a layer that Lambda's Python runtimes put on sys.path."""
    version = "python%d.%d" % sys.version_info[:2]
    return [os.path.join(opt, "python"), os.path.join(opt, "python", "lib", version, "site-packages")]


def top_level_modules(paths):
    """Names importable from the given folders: packages, plain modules, extension modules."""
    names = set()
    for folder in paths:
        try:
            entries = os.listdir(folder)
        except OSError:
            continue
        for entry in entries:
            full = os.path.join(folder, entry)
            if os.path.isdir(full):
                name = entry
                if entry in ("__pycache__", "bin") or (
                        entry == "lib" and not os.path.exists(os.path.join(full, "__init__.py"))):
                    continue
            elif entry.endswith((".py", ".so", ".pyc")):
                name = entry.split(".")[0]
            else:
                continue
            if name.isidentifier() and name != "__init__":
                names.add(name)
    return sorted(names)


def folder_size(opt):
    total, files = 0, 0
    for root, dirs, names in os.walk(opt):
        for name in names:
            try:
                total += os.lstat(os.path.join(root, name)).st_size
                files += 1
            except OSError:
                pass
    return total, files


def glibc_version():
    try:
        return os.confstr("CS_GNU_LIBC_VERSION").split()[-1]
    except (AttributeError, ValueError, OSError, IndexError):
        lib, version = platform.libc_ver()
        return version or None


def import_one(name, search_path, timeout):
    if timeout <= 0:
        return {"name": name, "ok": False, "seconds": 0.0,
                "error": "Not tried: the probe ran out of time before this import."}
    try:
        done = subprocess.run([sys.executable, "-I", "-S", "-B", "-c", CHILD, json.dumps(search_path), name],
                              capture_output=True, text=True, timeout=timeout, cwd="/tmp")
    except subprocess.TimeoutExpired:
        return {"name": name, "ok": False, "seconds": round(timeout, 4),
                "error": "TimeoutError: the import did not finish in %d seconds." % timeout}
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode == 0 and lines:
        answer = json.loads(lines[-1])
        error = answer["error"][:ERROR_CHARS] if answer["error"] else None
        return {"name": name, "ok": answer["ok"], "seconds": answer["seconds"], "error": error}
    why = done.stderr.strip().splitlines()[-1:] if done.stderr.strip() else []
    ended = ("signal %d" % -done.returncode) if done.returncode < 0 else ("exit code %d" % done.returncode)
    return {"name": name, "ok": False, "seconds": None,
            "error": ("The import ended the Python process (%s)%s"
                      % (ended, ": " + why[0] if why else "."))[:ERROR_CHARS]}


def run(opt, modules=None, remaining=None, local=False):
    """The probe's answer for the layer content in opt; remaining() gives the seconds left."""
    started = time.perf_counter()
    paths = layer_paths(opt)
    if local:
        base = [p for p in sys.path[1:] if "site-packages" not in p and "dist-packages" not in p]
    else:
        base = list(sys.path)
    search_path = [p for p in paths if p not in base] + base
    names = list(modules) if modules else top_level_modules(paths)
    results = []
    for name in names:
        left = remaining() - MARGIN_SECONDS if remaining else MAX_SECONDS_PER_IMPORT
        results.append(import_one(name, search_path, min(MAX_SECONDS_PER_IMPORT, left)))
    opt_bytes, opt_files = folder_size(opt)
    return {
        "probe": PROBE_VERSION,
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "glibc": glibc_version(),
        "machine": platform.machine(),
        "optBytes": opt_bytes,
        "optFiles": opt_files,
        "modulesGiven": bool(modules),
        "modules": results,
        "seconds": round(time.perf_counter() - started, 4),
    }


def handler(event, context):
    modules = (event or {}).get("modules") if isinstance(event, dict) else None
    return run("/opt", modules, lambda: context.get_remaining_time_in_millis() / 1000.0)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: python3 layer_studio_probe.py OPT_DIR [MODULE ...]")
    print(json.dumps(run(sys.argv[1], sys.argv[2:], local=True), separators=(",", ":")))
