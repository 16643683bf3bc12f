"""Files the console can't show: written into a folder, their path printed instead."""

import os
import re
from pathlib import Path

from bot.ports.replies import Attachment

# Next to the database unless `turnout console --files` says otherwise.
FOLDER = "turnout-files"
# A name from the core is still kept to one plain file name inside the folder.
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


class FileShelf:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        # The last number given to each name, so the thousandth `shift.ics` is not found
        # free only after trying the 999 before it.
        self._last: dict[str, int] = {}

    def keep(self, attachment: Attachment) -> Path:
        """Write the file (readable by its owner only: exports hold personal data)."""
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        path = self._free(_UNSAFE.sub("-", attachment.filename).strip(".-") or "file")
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as written:
            written.write(attachment.content)
        return path

    def _free(self, name: str) -> Path:
        """`export.csv`, else `export-2.csv`, …: an earlier file is never overwritten."""
        stem, dot, suffix = name.rpartition(".")
        if not dot:
            stem, suffix = name, ""
        n = self._last.get(name, 1)
        path = self._numbered(stem, suffix, n)
        while path.exists():
            n += 1
            path = self._numbered(stem, suffix, n)
        self._last[name] = n
        return path

    def _numbered(self, stem: str, suffix: str, n: int) -> Path:
        name = f"{stem}-{n}" if n > 1 else stem
        return self.folder / (f"{name}.{suffix}" if suffix else name)
