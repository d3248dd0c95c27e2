"""The sandbox's Jinja code: `~` bounded like the other operators, each `{{ value }}` written
by one call, and the names a template reads from its context noted while its code is generated
(one pass, where jinja2.meta takes a second)."""

from __future__ import annotations

from typing import Any

import jinja2
from jinja2 import meta, nodes
from jinja2.compiler import CodeGenerator, Frame

# Jinja's code for `{{ value }}` with autoescape and a finalize: escape(environment.finalize(v)).
_FINALIZE = "environment.finalize("


class BoundedCodeGenerator(CodeGenerator):
    """Jinja's code, with `~` going through the environment's bounds and `{{ value }}` through
    its `escaped` (finalize and escape in one call); notes the names the template reads from
    its context while it generates the code."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.undeclared: set[str] = set()
        self._fused: list[bool] = []  # for each output being written, whether by `escaped`

    def enter_frame(self, frame: Frame) -> None:
        """What jinja2.meta.find_undeclared_variables notes, without its second code pass."""
        super().enter_frame(frame)
        for action, param in frame.symbols.loads.values():
            if action == "resolve" and param not in self.environment.globals:
                self.undeclared.add(param)

    def _output_child_pre(self, node: nodes.Expr, frame: Frame, finalize: Any) -> None:
        """`{{ value }}` as environment.escaped(value): a letter writes a thousand values,
        and Jinja's two calls a value (finalize, then markupsafe's escape making a Markup of
        each) were half of its filling, 1.2 ms of a letter of 60 invoices."""
        fused = bool(
            not frame.eval_ctx.volatile and frame.eval_ctx.autoescape and finalize.src == _FINALIZE
        )
        self._fused.append(fused)
        if fused:
            self.write("environment.escaped(")
        else:
            super()._output_child_pre(node, frame, finalize)

    def _output_child_post(self, node: nodes.Expr, frame: Frame, finalize: Any) -> None:
        """The end of what _output_child_pre began."""
        if self._fused.pop():
            self.write(")")
        else:
            super()._output_child_post(node, frame, finalize)

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.bounded_join((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("), ")
        if frame.eval_ctx.volatile:
            self.write("context.eval_ctx.autoescape")
        else:
            self.write(repr(bool(frame.eval_ctx.autoescape)))
        self.write(")")


def compile_tree(env: jinja2.Environment, tree: nodes.Template) -> tuple[Any, set[str]]:
    """A parsed template's code, and the names it reads from its context (as
    jinja2.meta.find_undeclared_variables gives them): one code generation, not two."""
    generator = env.code_generator_class(env, None, "<template>", optimized=env.optimized)
    if not isinstance(generator, BoundedCodeGenerator):
        return env.compile(tree), meta.find_undeclared_variables(tree)
    generator.visit(tree)
    source = generator.stream.getvalue()  # type: ignore[attr-defined]  # a StringIO
    return env._compile(source, "<template>"), generator.undeclared


__all__ = ["BoundedCodeGenerator", "compile_tree"]
