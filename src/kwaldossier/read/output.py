"""Writing result files: all or nothing, never over something that is not a regular file.

Rules (README, "Conventions"): --out names the file (or, for `parse --out`, the folder) to
create; its parent folder must exist (nothing is created silently). An existing regular file
is replaced atomically (temp file + rename in the same folder). A symlink is followed and its
target is treated the same way (the link stays). A character device or FIFO (/dev/null,
/dev/stdout, a named pipe) is written through, never replaced. A directory, block device or
socket is refused with exit 2.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import OutputError
from ..taal import _


def check_target(path: Path) -> Path:
    """The real file to write for `path` (symlinks followed), or OutputError saying why not."""
    name = str(path)
    if not name or name.endswith(os.sep):
        raise OutputError(name or "''", _("expected a file name, not a folder"))
    if _is_stream(path):  # /dev/stdout, a pipe, a tty: written as it is, its links never resolved
        return path
    real = Path(os.path.realpath(path)) if path.is_symlink() else path
    parent = real.parent
    if not parent.exists():
        raise OutputError(name, _("folder {folder} does not exist (create it first)").format(folder=parent))
    if not parent.is_dir():
        raise OutputError(name, _("{folder} is not a folder").format(folder=parent))
    try:
        st = os.stat(real)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise OutputError(name, _("cannot write: {reason}").format(reason=exc.strerror)) from None
    if st is not None:
        if stat.S_ISDIR(st.st_mode):
            raise OutputError(name, _("is a directory; give a file name"))
        if not (stat.S_ISREG(st.st_mode) or stat.S_ISCHR(st.st_mode) or stat.S_ISFIFO(st.st_mode)):
            raise OutputError(name, _("is a block device or socket: refusing to write to it"))
    return real


def _is_stream(path: Path) -> bool:
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)


def _write_through(path: Path, name: str, data: Iterable[bytes]) -> None:
    """A device or FIFO: opened for writing as it is (never created, truncated or replaced)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK | os.O_NOCTTY)
    except OSError as exc:
        if exc.errno == errno.ENXIO:
            raise OutputError(name, _("is a FIFO that no process is reading")) from None
        raise OutputError(name, _("cannot write: {reason}").format(reason=exc.strerror)) from None
    try:
        os.set_blocking(fd, True)
        for stuk in data:
            view = memoryview(stuk)
            while view:
                view = view[os.write(fd, view) :]
    except OSError as exc:
        raise OutputError(name, _("cannot write: {reason}").format(reason=exc.strerror)) from None
    finally:
        os.close(fd)


def write_atomic(path: Path, text: str) -> None:
    """Write text as UTF-8 (rules in write_bytes_atomic)."""
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise OutputError(
            str(path), _("text holds an unencodable character ({reason})").format(reason=exc.reason)
        ) from None
    write_bytes_atomic(path, data)


def write_bytes_atomic(path: Path, data: bytes | Iterable[bytes], klaar: list[Path] | None = None) -> None:
    """Write via a temporary file and rename: never a partial file, never a replaced device.
    `data` may come in pieces (written one by one: a generator need not hold the whole).
    `klaar` gets the path once it is renamed (a Ctrl-C held till then arrives after it)."""
    if isinstance(data, bytes):
        data = [data]
    real = check_target(path)
    if _is_stream(real):
        return _write_through(real, str(path), data)
    # Ctrl-C (SIGINT/SIGTERM) waits until the file is renamed or removed: a signal between
    # mkstemp and the try, or inside the clean-up, would otherwise leave a .tmp file behind.
    with _signals_held():
        _write_via_temp(path, real, data)
        if klaar is not None:
            klaar.append(path)


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    held = {signal.SIGINT, signal.SIGTERM}
    if not hasattr(signal, "pthread_sigmask"):  # Windows: no signal masks
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def _write_via_temp(path: Path, real: Path, data: Iterable[bytes]) -> None:
    import tempfile

    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{real.name}.", suffix=".tmp", dir=real.parent)
    except OSError as exc:
        raise OutputError(str(path), _("cannot write: {reason}").format(reason=exc.strerror)) from None
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        with os.fdopen(fd, "wb") as fh:
            for stuk in data:
                fh.write(stuk)
        # re-check just before the rename: something may have appeared at the target
        check_target(path)
        if _is_stream(real):
            raise OutputError(str(path), _("became a device or FIFO while writing: not replaced"))
        os.replace(tmp, real)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise OutputError(str(path), _("cannot write: {reason}").format(reason=exc.strerror or exc)) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def check_out_dir(folder: Path) -> None:
    """`parse --out DIR`: DIR may be created, but its parent must exist; not over a file."""
    if folder.exists():
        if not folder.is_dir():
            raise OutputError(str(folder), _("--out must be a folder (it is a file)"))
        if not os.access(folder, os.W_OK | os.X_OK):
            raise OutputError(str(folder), _("cannot write: {reason}").format(reason=_("permission denied")))
        return
    parent = folder.resolve().parent
    if not parent.is_dir():
        raise OutputError(str(folder), _("folder {folder} does not exist (create it first)").format(folder=parent))
    try:
        folder.mkdir()
    except OSError as exc:
        raise OutputError(str(folder), _("cannot create the folder: {reason}").format(reason=exc.strerror)) from None
