"""Password-protected ZIP archives, as Alipay (AES) and WeChat (ZipCrypto) mail them."""

from __future__ import annotations

import contextlib
import io
import zipfile
import zlib

import pyzipper

from ..errors import PasswordError, StatementError
from .limits import Budget, read_member

MAX_MEMBER_BYTES = 512 * 1024 * 1024
# pyzipper vendors its own zipfile module, whose BadZipFile is not the standard library's.
_BAD_ZIP = (zipfile.BadZipFile, pyzipper.BadZipFile)


def _damage_id(exc: BaseException) -> str:
    """A ZIP that cannot be opened, said in words: without its end directory (cut off)
    or broken inside (zipfile's own text is English and names no remedy)."""
    if isinstance(exc, _BAD_ZIP) and "not a zip file" in str(exc):
        return "archive.damaged.cut_off"
    return "archive.damaged.broken"


def members(name: str, data: bytes, password: str | None) -> list[tuple[str, bytes]]:
    """(member name, bytes) of every file in the archive, decrypted with ``password``."""
    try:
        archive = pyzipper.AESZipFile(io.BytesIO(data))
    except (*_BAD_ZIP, OSError, ValueError, EOFError, NotImplementedError) as exc:
        raise StatementError.of(_damage_id(exc), source=name) from exc
    out = []
    budget = Budget(name)  # all members together, counted as they inflate
    with archive:
        infos = [
            i
            for i in archive.infolist()
            if not i.is_dir() and not i.filename.startswith("__MACOSX/")
        ]
        if not infos:
            raise StatementError.of("archive.no_files", source=name)
        encrypted = any(i.flag_bits & 0x1 for i in infos)
        if encrypted and not password:
            raise PasswordError.of(
                "archive.needs_password", source=name, hint="archive.needs_password.cli_hint"
            )
        if password:
            archive.setpassword(password.encode("utf-8"))
        for info in infos:
            if info.file_size > MAX_MEMBER_BYTES:
                raise StatementError.of(
                    "archive.member_too_large", source=name, member=_member_name(info)
                )
            try:
                out.append((_member_name(info), read_member(archive, info, budget)))
            except RuntimeError as exc:
                if "password" in str(exc).lower():
                    raise PasswordError.of("archive.wrong_password", source=name) from exc
                raise _member_refusal(exc, name, info) from exc
            except (
                *_BAD_ZIP,
                OSError,
                ValueError,
                EOFError,
                NotImplementedError,
                zlib.error,
            ) as exc:
                if info.flag_bits & 0x1:
                    # ZipCrypto checks only one byte of the password: about one wrong password
                    # in 256 gets past it and fails later as garbage data or a bad CRC.
                    raise PasswordError.of(
                        "archive.wrong_password_garbage", source=name, member=_member_name(info)
                    ) from exc
                raise _member_refusal(exc, name, info) from exc
    return out


def _member_refusal(exc: BaseException, name: str, info: zipfile.ZipInfo) -> StatementError:
    """A member that cannot be read, said in words: its checksum does not match (the bytes
    changed) or it is damaged otherwise (zipfile's and zlib's own text is English)."""
    crc = isinstance(exc, _BAD_ZIP) and "CRC" in str(exc)
    message_id = "archive.member_checksum" if crc else "archive.member_unreadable"
    return StatementError.of(message_id, source=name, member=_member_name(info))


def _member_name(info: zipfile.ZipInfo) -> str:
    """Member names without the UTF-8 flag are read as cp437 by zipfile; in Chinese
    archives they are GBK (Windows' zip) or UTF-8 written by tools that leave the flag
    off (Info-ZIP on Linux and macOS). UTF-8 is tried first: GBK names are almost never
    valid UTF-8, while UTF-8 names always decode, wrongly, as GBK."""
    filename = info.filename
    if not info.flag_bits & 0x800:
        with contextlib.suppress(UnicodeEncodeError):
            raw = filename.encode("cp437")
            for encoding in ("utf-8", "gb18030"):
                try:
                    filename = raw.decode(encoding)
                    break
                except UnicodeDecodeError:
                    continue
    return filename.rsplit("/", 1)[-1]
