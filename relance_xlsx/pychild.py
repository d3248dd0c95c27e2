"""The command line of a Python child process of this tool, isolated from the current folder.

`python -c` and `python -m` put the current folder first on the import path: started from
the shared folder, a child would import a `json.py` planted there before the standard
library. Every child runs in isolated mode (-I: no current folder, no PYTHON* variables,
no user site) and is given this process's own import path, less the current folder.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def _kept(entry: str, here: Path) -> bool:
    """Whether an import path entry may be given to a child: absolute, not the current folder."""
    if not entry or not Path(entry).is_absolute():
        return False  # "" and relative entries are the current folder, or inside it
    return os.path.normcase(Path(entry).resolve()) != os.path.normcase(here)


def import_path() -> list[str]:
    """This process's import path less the current folder, with this package's root."""
    here = Path.cwd().resolve()
    paths = [p for p in sys.path if _kept(p, here)]
    root = str(Path(__file__).resolve().parent.parent)
    if root not in paths:
        paths.append(root)  # last: run from its source folder, the package is found there
    return paths


def command(code: str, *args: str) -> list[str]:
    """The command running code (Python source) in an isolated child, with args as sys.argv[1:]."""
    boot = f"import sys\nsys.path[:] = {import_path()!r}\n"
    return [sys.executable, "-I", "-c", boot + code, *args]


def module_command(module: str) -> list[str]:
    """The command running a module of this package as __main__ in an isolated child."""
    code = f"import runpy\nrunpy.run_module({module!r}, run_name='__main__', alter_sys=True)\n"
    return command(code)
