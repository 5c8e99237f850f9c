"""A writer that pushes text (``kept.write_json`` writes to a file) turned into the chunks a streamed HTTP
answer pulls, so that an export leaves the desk as it is read from the store, never whole in memory."""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator
from typing import IO

CHUNK = 64 * 1024  # characters gathered before a chunk is handed on
AHEAD = 8  # chunks the writer may run ahead of the reader
_DONE = object()


class _Stopped(Exception):
    """The reader went away (the client disconnected): the writer stops at its next write."""


class _Out:
    """The file the writer writes to: gathers text into chunks and queues them, waiting while the queue is full."""

    def __init__(self, chunks: queue.Queue, stop: threading.Event):
        self.chunks, self.stop = chunks, stop
        self.parts: list[str] = []
        self.size = 0

    def write(self, text: str) -> int:
        self.parts.append(text)
        self.size += len(text)
        if self.size >= CHUNK:
            self.flush()
        return len(text)

    def flush(self) -> None:
        if self.parts:
            self.put("".join(self.parts).encode("utf-8"))
            self.parts, self.size = [], 0

    def put(self, item) -> None:
        while True:
            if self.stop.is_set():
                raise _Stopped
            try:
                self.chunks.put(item, timeout=0.2)
                return
            except queue.Full:
                continue


def streamed(write: Callable[[IO[str]], None]) -> Iterator[bytes]:
    """The UTF-8 chunks of what ``write(out)`` writes, produced on a thread of their own as they are read.
    The first chunk is made before this returns, so that a failure before any output (a story that cannot be
    read) is raised here, to be answered as an error, rather than in the middle of a 200."""
    chunks: queue.Queue = queue.Queue(maxsize=AHEAD)
    stop = threading.Event()
    out = _Out(chunks, stop)

    def run() -> None:
        try:
            write(out)
            out.flush()
            out.put(_DONE)
        except _Stopped:
            pass
        except BaseException as exc:  # handed to the reader, raised there
            try:
                out.put(exc)
            except _Stopped:
                pass

    threading.Thread(target=run, name="export-stream", daemon=True).start()

    def pull() -> Iterator[bytes]:
        try:
            while True:
                item = chunks.get()
                if item is _DONE:
                    return
                if isinstance(item, BaseException):
                    raise item
                yield item
        finally:
            stop.set()

    pulled = pull()
    try:
        first = next(pulled)
    except StopIteration:
        return iter(())

    def joined() -> Iterator[bytes]:
        yield first
        yield from pulled

    return joined()
