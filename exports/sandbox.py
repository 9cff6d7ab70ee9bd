"""The bounded Jinja2 sandbox every recap template runs in (built in or the user's).

Jinja2's SandboxedEnvironment keeps a template away from Python's internals; this one also
keeps it small and away from the snapshot's machinery:

- values are bounded: `*` and `**` are intercepted (so they are no longer folded at compile
  time) and refused when the result would be too large, and so are `%` with a huge width,
  `~` joins, `str.format` widths, calls and filters given a huge number, and text built by a
  call or a filter beyond the output bound;
- the output is bounded (`MAX_OUTPUT` characters), counted while it is produced;
- a snapshot record (a named tuple) shows its fields, never its methods:
  `recap.model_dump()`, `recap.model_copy()`, `recap._values()` are refused.

Every refusal is a `TemplateTooLarge` or Jinja2's `SecurityError`; `exports.templating` turns
it into one line naming the template and its line.
"""

from __future__ import annotations

import functools
import itertools
import re
import string
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jinja2.sandbox import SandboxedEnvironment

MAX_OUTPUT = 5_000_000
"""Characters a template may produce, and the longest text or list it may build."""
MAX_INT_BITS = 14_000
"""The largest integer a template may build (about 4,200 digits: Python prints no more)."""

_BIG_WIDTH = re.compile(r"%[#0 +\-]*(\d{7,}|\*)|%[#0 +\-]*\d*\.(\d{7,}|\*)")


class TemplateTooLarge(Exception):
    """A value or an output beyond the template bounds."""


def bounded_output(chunks: Iterable[str]) -> str:
    """Join the rendered chunks, refusing an output past MAX_OUTPUT characters."""
    out: list[str] = []
    total = 0
    for chunk in chunks:
        total += len(chunk)
        if total > MAX_OUTPUT:
            raise TemplateTooLarge(
                f"the output is too long (over {MAX_OUTPUT:,} characters); make it shorter"
            )
        out.append(chunk)
    return "".join(out)


def check_binop(operator: str, left: Any, right: Any) -> None:
    """Refuse `left operator right` when its result would be too large to build."""
    if operator == "*":
        for sequence, times in ((left, right), (right, left)):
            if _is_int(times) and isinstance(sequence, str | bytes | list | tuple):
                _check_size(len(sequence) * max(times, 0))
        if _is_int(left) and _is_int(right):
            _check_bits(abs(left).bit_length() + abs(right).bit_length())
    elif operator == "**":
        if _is_int(left) and _is_int(right) and right > 0 and abs(left) > 1:
            _check_bits((abs(left).bit_length() - 1) * right)
    elif operator == "%" and isinstance(left, str):
        arguments = right if isinstance(right, tuple) else (right,)
        match = _BIG_WIDTH.search(left)
        if match and ("*" not in match.group(0) or any(_huge(a) for a in arguments)):
            raise TemplateTooLarge("a % format with a width too large to build")


def check_length(value: Any) -> Any:
    """`value` when it is small enough; refused when it is text or a list past the bound."""
    if isinstance(value, str | bytes | list | tuple | dict | set) and len(value) > MAX_OUTPUT:
        raise TemplateTooLarge(
            f"a value too large to build ({len(value):,} items, more than {MAX_OUTPUT:,})"
        )
    return value


def is_record(obj: Any) -> bool:
    """A snapshot record: a named tuple (every read record is one)."""
    return isinstance(obj, tuple) and hasattr(type(obj), "_fields")


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _huge(value: Any) -> bool:
    return _is_int(value) and abs(value) > MAX_OUTPUT


def _check_size(size: int) -> None:
    if size > MAX_OUTPUT:
        raise TemplateTooLarge(
            f"a value too large to build ({size:,} items, more than {MAX_OUTPUT:,})"
        )


def _check_bits(bits: int) -> None:
    if bits > MAX_INT_BITS:
        raise TemplateTooLarge("a number too large to build (more than about 4,200 digits)")


def _check_arguments(args: Iterable[Any], kwargs: dict[str, Any]) -> None:
    for value in args:
        if value.__class__ is int and abs(value) > MAX_OUTPUT:
            raise TemplateTooLarge(f"a number too large for a template (over {MAX_OUTPUT:,})")
    if kwargs:
        _check_arguments(kwargs.values(), {})


def _check_join(obj: Any, args: tuple[Any, ...]) -> None:
    """Before `sep.join(items)`, `text.replace(old, new)` or their filters: the result's size."""
    name = getattr(obj, "__name__", "")
    if name not in ("join", "replace"):
        return
    owner = getattr(obj, "__self__", None)
    if name == "join" and isinstance(owner, str) and args:
        items = args[0]
        if isinstance(items, list | tuple):
            _check_size(
                sum(len(i) if isinstance(i, str) else 1 for i in items) + len(owner) * len(items)
            )
    elif name == "replace" and isinstance(owner, str) and len(args) >= 2:
        old, new = args[0], args[1]
        if isinstance(old, str) and isinstance(new, str) and len(new) > len(old):
            count = owner.count(old) if old else len(owner) + 1
            _check_size(len(owner) + count * (len(new) - len(old)))


def _bounded_filter(func: Callable[..., Any], name: str) -> Callable[..., Any]:
    @functools.wraps(func)
    def bounded(*args: Any, **kwargs: Any) -> Any:
        _check_arguments(args, kwargs)
        if name == "join" and len(args) >= 2:  # do_join(eval_ctx, value, d="", attribute=None)
            items = list(itertools.islice(iter(args[1]), MAX_OUTPUT + 1))
            _check_size(len(items))
            separator = args[2] if len(args) > 2 else kwargs.get("d", "")
            _check_size(sum(len(str(i)) for i in items) + len(str(separator)) * len(items))
            args = (args[0], items, *args[2:])
        values = [a for a in args if isinstance(a, str)]
        if name == "replace" and len(values) >= 3:  # do_replace(eval_ctx, s, old, new, count)
            text, old, new = values[:3]
            if len(new) > len(old):
                count = text.count(old) if old else len(text) + 1
                _check_size(len(text) + count * (len(new) - len(old)))
        return check_length(func(*args, **kwargs))

    return bounded


_SANDBOX: type[SandboxedEnvironment] | None = None


def sandbox_class() -> type[SandboxedEnvironment]:
    """The bounded SandboxedEnvironment class (made the first time a template is rendered)."""
    global _SANDBOX
    if _SANDBOX is not None:
        return _SANDBOX
    from jinja2 import nodes
    from jinja2.compiler import CodeGenerator, Frame
    from jinja2.sandbox import SandboxedEnvironment

    class BoundedCodeGenerator(CodeGenerator):
        """Compiles `a ~ b` so that the joined text is checked against the bound."""

        def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
            self.write("environment.check_length(")
            super().visit_Concat(node, frame)
            self.write(")")

    class BoundedSandbox(SandboxedEnvironment):
        intercepted_binops = frozenset({"*", "**", "%"})
        code_generator_class = BoundedCodeGenerator

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.filters = {
                name: _bounded_filter(func, name) for name, func in self.filters.items()
            }

        def check_length(self, value: Any) -> Any:
            return check_length(value)

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            check_binop(operator, left, right)
            return check_length(super().call_binop(context, operator, left, right))

        def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
            if (attr.startswith(("_", "model_")) or callable(value)) and is_record(obj):
                return False
            return bool(super().is_safe_attribute(obj, attr, value))

        def call(
            __self,
            __context: Any,
            __obj: Any,
            *args: Any,
            **kwargs: Any,
        ) -> Any:
            _check_arguments(args, kwargs)
            _check_join(__obj, args)
            return check_length(super().call(__context, __obj, *args, **kwargs))

        def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
            named = getattr(value, "__name__", None) in ("format", "format_map")
            text = getattr(value, "__self__", None) if named else None
            if isinstance(text, str):
                for _text, _field, spec, _conversion in string.Formatter().parse(text):
                    if spec and re.search(r"\d{7,}", spec):
                        raise TemplateTooLarge("a format width too large to build")
            return super().wrap_str_format(value)

    _SANDBOX = BoundedSandbox
    return BoundedSandbox
