"""A package's names imported from their modules on first use (PEP 562's module __getattr__)."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any


def on_first_use(
    package: str, namespace: dict[str, Any], where: dict[str, str]
) -> Callable[[str], Any]:
    """The package's __getattr__: each name of `where` imported from its module (relative to
    the package) when first asked for, then kept in the package's namespace."""

    def __getattr__(name: str) -> Any:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module, package), name)
        namespace[name] = value  # later uses find it at once
        return value

    return __getattr__


__all__ = ["on_first_use"]
