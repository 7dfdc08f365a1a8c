"""Run a Textual app and end it the moment its first frame showing TEXT goes to the terminal.

    python benchmarks/first_paint.py TEXT script.py [args...]
    python benchmarks/first_paint.py TEXT -m module [args...]

Used by bench_instructions.py, which counts the instructions a process executes under
cachegrind: ending the process right there makes the count "everything up to the first
paint", and nothing after it.
"""

from __future__ import annotations

import os
import runpy
import sys


def main() -> None:
    text, target = sys.argv[1], sys.argv[2:]
    # The module every app run in a terminal imports anyway; patched before the app starts.
    from textual.drivers.linux_driver import LinuxDriver

    write = LinuxDriver.write

    def write_then_exit(self: LinuxDriver, data: str) -> None:
        write(self, data)
        if text in data:
            os._exit(0)

    LinuxDriver.write = write_then_exit  # type: ignore[method-assign]
    if target[0] == "-m":
        sys.argv = target[1:]
        runpy.run_module(target[1], run_name="__main__", alter_sys=True)
    else:
        sys.argv = target
        runpy.run_path(target[0], run_name="__main__")


if __name__ == "__main__":
    main()
