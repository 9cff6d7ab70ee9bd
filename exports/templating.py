"""Finding and running the Jinja2 templates of the recap, in a sandbox.

A template name (`recap.md.j2`) is looked up, in order: the file the user named, the user's
config folder (`platformdirs.user_config_path("open-bargaining") / "templates"`), then the
templates shipped in `exports/templates/`. A user template may `{% include %}` any of them;
`builtin/recap.md.j2` always names the shipped one, even when the user's folder overrides it.
Every template runs in Jinja2's SandboxedEnvironment with strict undefined variables; any
error comes back as a DomainError naming the template and the line.

Compiled templates are kept in a bytecode cache, `platformdirs.user_cache_path("open-bargaining")
/ "templates"`, so that only the first run compiles them: a private folder (0700, ours, not a
link), keyed by the template's name, its source and the environment it was compiled for. When
the folder cannot be made private or written, templates are compiled each time, silently.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Mapping
from contextlib import suppress
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from models.errors import DomainError

if TYPE_CHECKING:
    from jinja2.bccache import BytecodeCache
    from jinja2.sandbox import SandboxedEnvironment

BUILTIN_DIR = Path(__file__).with_name("templates")
APP_NAME = "open-bargaining"

# Output kinds: how printed values are escaped.
ESCAPING = ("md", "html", "text")

# Bumped whenever the environments below change in a way that changes compiled code.
_ENVIRONMENT_VERSION = 1


def user_template_dir() -> Path:
    """The folder where a user's own templates override the built-in ones."""
    from platformdirs import user_config_path

    return user_config_path(APP_NAME) / "templates"


def render_template(
    name: str,
    escaping: str,
    context: Mapping[str, Any],
    *,
    template: Path | None = None,
    user_dir: Path | None = None,
) -> str:
    """Render the template `name` (or the user's file `template`) with `context`."""
    if user_dir is None:
        user_dir = user_template_dir()
    env = _environment(escaping, user_dir, template)
    wanted = _user_key(template) if template is not None else name
    try:
        compiled = env.get_template(wanted)
        return compiled.render(context)
    except DomainError:
        raise
    except Exception as error:  # every template failure becomes one readable line
        raise _template_error(error, wanted) from None


def _user_key(template: Path) -> str:
    return "@user:" + str(Path(template).expanduser().resolve())


_ENVIRONMENTS: dict[tuple[str, str, str], SandboxedEnvironment] = {}


def _environment(escaping: str, user_dir: Path, template: Path | None) -> SandboxedEnvironment:
    key = (escaping, str(user_dir), str(template or ""))
    env = _ENVIRONMENTS.get(key)
    if env is None:
        env = _ENVIRONMENTS[key] = _make_environment(escaping, user_dir)
    return env


def _make_environment(escaping: str, user_dir: Path) -> SandboxedEnvironment:
    import jinja2
    from jinja2 import FunctionLoader, StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    from exports.escape import md_finalize, text_finalize

    finalize: Callable[[Any], Any] | None
    if escaping == "md":
        finalize = md_finalize
    elif escaping == "text":
        finalize = text_finalize
    else:
        finalize = None
    return SandboxedEnvironment(
        loader=FunctionLoader(lambda name: _load(name, user_dir)),
        autoescape=escaping == "html",
        finalize=finalize,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=True,
        bytecode_cache=_bytecode_cache(
            f"open-bargaining-{_ENVIRONMENT_VERSION}|{escaping}|jinja2-{jinja2.__version__}"
        ),
    )


def template_cache_dir() -> Path:
    """The folder of compiled templates (a cache: safe to delete)."""
    from platformdirs import user_cache_path

    return user_cache_path(APP_NAME) / "templates"


def _bytecode_cache(tag: str) -> BytecodeCache | None:
    """A bytecode cache in the private cache folder, its keys marked with `tag` (what the code
    was compiled for); None when the folder cannot be made private."""
    folder = template_cache_dir()
    if not _private_folder(folder):
        return None
    from jinja2.bccache import Bucket, FileSystemBytecodeCache

    class PrivateBytecodeCache(FileSystemBytecodeCache):
        """Keys carry the tag; a file that cannot be read or written is a cache miss."""

        def get_cache_key(self, name: str, filename: str | None = None) -> str:
            return super().get_cache_key(f"{tag}|{name}", filename)

        def load_bytecode(self, bucket: Bucket) -> None:
            try:
                super().load_bytecode(bucket)
            except Exception:  # unreadable or damaged: compile it again
                bucket.reset()

        def dump_bytecode(self, bucket: Bucket) -> None:
            with suppress(OSError):  # a read-only or full disk: compile again next time
                super().dump_bytecode(bucket)

    return PrivateBytecodeCache(str(folder), "%s.jinja")


def _private_folder(folder: Path) -> bool:
    """Make `folder` (and its parent) as private folders if missing; True when it is a real
    folder owned by this user that no one else can read or write."""
    try:
        for level in (folder.parent, folder):
            with suppress(FileExistsError):
                level.mkdir(mode=0o700, parents=True)
        info = folder.lstat()
        if not stat.S_ISDIR(info.st_mode):
            return False
        if hasattr(os, "getuid") and info.st_uid != os.getuid():
            return False
        if stat.S_IMODE(info.st_mode) & 0o077:
            os.chmod(folder, 0o700)
            info = folder.lstat()
            if stat.S_IMODE(info.st_mode) & 0o077:
                return False
    except OSError:
        return False
    return True


def _load(name: str, user_dir: Path) -> tuple[str, str, Callable[[], bool]] | None:
    if name.startswith("@user:"):
        path = Path(name.removeprefix("@user:"))
        if not path.is_file():
            raise DomainError(f"template {path.name} does not exist ({path})")
    elif name.startswith("builtin/"):
        base = name.removeprefix("builtin/")
        if not _plain_name(base):
            return None
        path = BUILTIN_DIR / base
        if not path.is_file():
            return None
    else:
        if not _plain_name(name):
            return None
        path = user_dir / name
        if not path.is_file():
            path = BUILTIN_DIR / name
            if not path.is_file():
                return None
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
    return bool(name) and "/" not in name and "\\" not in name and not name.startswith(".")


def _template_error(error: Exception, wanted: str) -> DomainError:
    from jinja2 import TemplateNotFound, TemplateSyntaxError

    shown = _display_name(wanted)
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
