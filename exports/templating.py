"""Finding and running the Jinja2 templates of the recap, in a sandbox.

A template name (`recap.md.j2`) is looked up, in order: the file the user named, the user's
config folder (`platformdirs.user_config_path("open-bargaining") / "templates"`), then the
templates shipped in `exports/templates/`. A template may `{% include %}` only templates of
those two folders, by their plain name (`part.md.j2`); `builtin/recap.md.j2` always names the
shipped one, even when the user's folder overrides it. A path (`/etc/passwd`, `../x`) or the
`--template` file's own key (`@user:...`) is refused.

Every template runs in the bounded sandbox of `exports.sandbox` (strict undefined variables,
values and output of bounded size, no methods of the snapshot's records); any error comes back
as a DomainError naming the template and the line.

Nothing here writes: templates are compiled in memory, once per process; a caller that hands
in a store (`exports.kept.Kept`) gets the compiled code kept there between runs (Jinja's
bytecode, checked against the template's source when loaded), so the next process does not
compile again.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from functools import lru_cache
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, NamedTuple

from models.errors import DomainError

if TYPE_CHECKING:
    from jinja2.sandbox import SandboxedEnvironment

    from exports.kept import Kept

BUILTIN_DIR = Path(__file__).with_name("templates")
APP_NAME = "open-bargaining"


class OutsideTemplateFolders(Exception):
    """An include that names no template of the templates folders."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


def user_template_dir() -> Path:
    """The folder where a user's own templates override the built-in ones."""
    from platformdirs import user_config_path

    return user_config_path(APP_NAME) / "templates"


class RenderOptions(NamedTuple):
    """How a recap is rendered besides its format and language."""

    template: Path | None = None
    """The user's own template file, in place of the built-in one."""
    user_dir: Path | None = None
    """The folder of the user's template overrides (None: the user config folder)."""
    kept: Kept | None = None
    """Where the compiled templates and the chart's picture are kept between runs."""


BUILT_IN = RenderOptions()
"""The built-in templates, nothing kept."""


def render_template(
    name: str, escaping: str, context: Mapping[str, Any], options: RenderOptions = BUILT_IN
) -> str:
    """Render the template `name` (or the user's file `options.template`) with `context`."""
    template, kept = options.template, options.kept
    user_dir = options.user_dir if options.user_dir is not None else user_template_dir()
    env, loader = _environment(escaping, user_dir, template)
    env.bytecode_cache = _kept_bytecode(escaping, kept) if kept is not None else None
    wanted = _user_key(template) if template is not None else name
    try:
        from exports.sandbox import bounded_output

        loader.top = True
        try:
            compiled = env.get_template(wanted)
        finally:
            loader.top = False
        return bounded_output(compiled.generate(context))
    except DomainError:
        raise
    except Exception as error:  # every template failure becomes one readable line
        raise _template_error(error, wanted) from None


def _user_key(template: Path) -> str:
    return "@user:" + str(Path(template).expanduser().resolve())


class _Loader:
    """Finds templates by name in the templates folders. The `--template` file (`own`) is the
    one path it takes, and only while that file itself is being loaded (`top`), never as an
    include."""

    def __init__(self, user_dir: Path, own: str | None) -> None:
        self.user_dir = user_dir
        self.own = own
        self.top = False

    def __call__(self, name: str) -> tuple[str, str, Callable[[], bool]] | None:
        if name.startswith("@user:") and not (self.top and name == self.own):
            raise OutsideTemplateFolders(name)
        return _load(name, self.user_dir)


_ENVIRONMENTS: dict[tuple[str, str, str], tuple[SandboxedEnvironment, _Loader]] = {}


def _environment(
    escaping: str, user_dir: Path, template: Path | None
) -> tuple[SandboxedEnvironment, _Loader]:
    key = (escaping, str(user_dir), str(template or ""))
    found = _ENVIRONMENTS.get(key)
    if found is None:
        loader = _Loader(user_dir, _user_key(template) if template is not None else None)
        found = _ENVIRONMENTS[key] = (_make_environment(escaping, loader), loader)
    return found


def _kept_bytecode(escaping: str, kept: Kept) -> Any:
    """Jinja's bytecode cache over `kept`: one key per template, its file and the escaping
    (the same template compiles differently with autoescape); Jinja checks the source's
    checksum and its own and Python's version when it loads the code back."""
    return _kept_bytecode_class()(escaping, kept)


@lru_cache(maxsize=1)
def _kept_bytecode_class() -> type:
    """The bytecode cache's class, made once (Jinja is imported only when a template is)."""
    from hashlib import sha256

    from jinja2.bccache import Bucket, BytecodeCache

    class KeptBytecode(BytecodeCache):
        def __init__(self, escaping: str, kept: Kept) -> None:
            self.escaping = escaping
            self.kept = kept

        def get_cache_key(self, name: str, filename: str | None = None) -> str:
            return sha256(f"{self.escaping}\0{name}\0{filename or ''}".encode()).hexdigest()

        def load_bytecode(self, bucket: Bucket) -> None:
            data = self.kept.get("templates", bucket.key)
            if data is not None:
                bucket.bytecode_from_string(data)

        def dump_bytecode(self, bucket: Bucket) -> None:
            self.kept.put("templates", bucket.key, bucket.bytecode_to_string())

    return KeptBytecode


TEMPLATE_WHITESPACE = {
    "trim_blocks": True,
    "lstrip_blocks": True,
    "keep_trailing_newline": True,
    "auto_reload": True,
}
"""How every recap template is read: a block tag's line leaves no blank line or indent behind,
the file's last newline is kept, and a template changed on disk is read again."""


def _make_environment(escaping: str, loader: _Loader) -> SandboxedEnvironment:
    from jinja2 import FunctionLoader, StrictUndefined

    from exports.escape import md_finalize, text_finalize
    from exports.sandbox import sandbox_class

    finalize: Callable[[Any], Any] | None
    if escaping == "md":
        finalize = md_finalize
    elif escaping == "text":
        finalize = text_finalize
    else:
        finalize = None
    return sandbox_class()(
        loader=FunctionLoader(loader),
        autoescape=escaping == "html",
        finalize=finalize,
        undefined=StrictUndefined,
        **TEMPLATE_WHITESPACE,
    )


def _load(name: str, user_dir: Path) -> tuple[str, str, Callable[[], bool]] | None:
    if name.startswith("@user:"):
        path = Path(name.removeprefix("@user:"))
        if not path.is_file():
            raise DomainError(f"template {path.name} does not exist ({path})")
    elif name.startswith("builtin/"):
        base = name.removeprefix("builtin/")
        if not _plain_name(base):
            raise OutsideTemplateFolders(name)
        path = BUILTIN_DIR / base
        if not path.is_file():
            return None
    else:
        if not _plain_name(name):
            raise OutsideTemplateFolders(name)
        path = user_dir / name
        if not path.is_file():
            path = BUILTIN_DIR / name
            if not path.is_file():
                return None
        if not _inside(path, (user_dir, BUILTIN_DIR)):  # a link out of the folder
            raise OutsideTemplateFolders(name)
    try:
        source = path.read_text(encoding="utf-8")
        stamp = path.stat().st_mtime_ns
    except UnicodeDecodeError:
        raise DomainError(f"template {path.name} is not UTF-8 text") from None
    except OSError as error:
        raise DomainError(f"cannot read template {path}: {error.strerror or error}") from None

    def uptodate() -> bool:
        try:
            return path.stat().st_mtime_ns == stamp
        except OSError:
            return False

    return source, str(path), uptodate


def _plain_name(name: str) -> bool:
    return (
        bool(name)
        and "/" not in name
        and "\\" not in name
        and "\0" not in name
        and ":" not in name
        and not name.startswith(".")
    )


def _inside(path: Path, folders: tuple[Path, ...]) -> bool:
    real = path.resolve()
    return any(real.is_relative_to(folder.resolve()) for folder in folders)


def _template_error(error: Exception, wanted: str) -> DomainError:
    from jinja2 import TemplateNotFound, TemplateSyntaxError
    from jinja2.exceptions import SecurityError

    from exports.sandbox import TemplateTooLarge

    shown = _display_name(wanted)
    if isinstance(error, OutsideTemplateFolders | TemplateTooLarge | SecurityError):
        line, where = _template_line(error.__traceback__)
        at = f"{where or shown}, line {line}" if line is not None else shown
        if isinstance(error, OutsideTemplateFolders):
            return DomainError(
                f"template {at}: may include only templates of the templates folders, by name"
                f" (like part.md.j2), not {error.name!r}"
            )
        return DomainError(f"template {at}: {error}")
    if isinstance(error, TemplateNotFound):
        missing = _display_name(str(error.name or wanted))
        if wanted.startswith("@user:") and missing == shown:
            return DomainError(f"template {shown} does not exist")
        return DomainError(f"template {shown}: cannot find template {missing}")
    if isinstance(error, TemplateSyntaxError):
        where = _display_name(str(error.filename or error.name or wanted))
        return DomainError(f"template {where}, line {error.lineno}: {error.message}")
    line, where = _template_line(error.__traceback__)
    message = str(error) or type(error).__name__
    if line is None:
        return DomainError(f"template {shown}: {message}")
    return DomainError(f"template {where or shown}, line {line}: {message}")


def _template_line(tb: TracebackType | None) -> tuple[int | None, str]:
    """The last template frame of a traceback: Jinja maps it to the template's own line."""
    found: tuple[int | None, str] = (None, "")
    while tb is not None:
        frame = tb.tb_frame
        if "__jinja_exception__" in frame.f_globals:  # a frame Jinja rewrote to the template
            found = (tb.tb_lineno, _display_name(frame.f_code.co_filename))
        tb = tb.tb_next
    return found


def _display_name(name: str) -> str:
    name = name.removeprefix("@user:")
    return os.path.basename(name) or name


def clear_cache() -> None:
    """Forget compiled templates (tests that swap the user's folder call it)."""
    _ENVIRONMENTS.clear()
