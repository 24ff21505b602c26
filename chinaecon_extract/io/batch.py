"""Batch runs over article folders: files in, one streamed output out.

run_batch() walks the inputs lazily, reads and extracts in worker processes (each loads
the pipeline once; with fork they inherit the parent's), and hands each finished article
to a single writer in the main process. The task stream is throttled by a semaphore, so
neither queued tasks nor waiting results grow with the corpus: memory stays flat.

SIGINT / SIGTERM set a flag: the run stops after the article in hand, the writer closes
cleanly, and a second signal aborts at once. A rerun of the same command skips articles
whose (source, record, sha256) the output already holds.
"""
from __future__ import annotations

import itertools
import multiprocessing as mp
import os
import queue
import signal
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .readers import (ReadError, ReadOptions, _doc_id, _size_error, iter_files, iter_jsonl_lines, read_path,
                      read_record_line)
from .writers import open_writer, writer_class


@dataclass
class BatchSummary:
    """What a batch did. files: input files seen; articles: articles extracted in this
    run; skipped: articles already in the output; sidecars: annotation .json files and a folder's README/LICENSE files left out."""

    files: int = 0
    articles: int = 0
    skipped: int = 0
    sidecars: int = 0
    words: int = 0
    mentions: int = 0
    facts: int = 0
    errors: int = 0
    seconds: float = 0.0
    interrupted: bool = False
    error_list: list = field(default_factory=list, repr=False)

    def line(self) -> str:
        s = max(self.seconds, 1e-9)
        out = (f"files {self.files:,} | articles {self.articles:,} | skipped (done) {self.skipped:,} | "
               f"words {self.words:,} | mentions {self.mentions:,} | facts {self.facts:,} | "
               f"errors {self.errors:,} | {self.seconds:.1f} s "
               f"({self.articles / s:,.1f} files/s, {self.words / s:,.0f} words/s)")
        if self.sidecars:
            out += f" | {self.sidecars} non-article files left out (annotation .json sidecars, README/LICENSE)"
        if self.interrupted:
            out += " | INTERRUPTED: rerun the same command to resume"
        return out

    def as_dict(self) -> dict:
        d = asdict(self)
        d.pop("error_list")
        return d

    @property
    def exit_code(self) -> int:
        if self.interrupted:
            return 130
        return 1 if self.errors else 0


# --------------------------------------------------------------------------- workers

_W: dict = {}


def _init_worker(options: ReadOptions, done: frozenset, encode: Callable, in_child: bool = True,
                 running=None) -> None:
    if in_child:
        # The main process owns Ctrl-C: it stops the run and terminates the pool.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if running is not None:
        running = running.claim()
    _W.update(options=options, done=done, encode=encode, running=running)
    _warm()  # once per process (inherited from the parent under fork)


def _warm() -> None:
    """Build every lexicon and pattern now rather than on the first article."""
    from ..api import extract
    extract("In the first quarter of 2025, Gansu's output rose 5 percent to 3 billion yuan.")


def _process(task) -> list[tuple]:
    """Read one task (a file, or one line of a .jsonl file) and extract its articles.
    RETURNS: ("ok", payload, words, mentions, facts) / ("error", ReadError) / ("skip",) items."""
    from ..api import extract
    options, done, encode = _W["options"], _W["done"], _W["encode"]
    if task[0] == "line":
        _, path, root, lineno, line = task
        if line is None:
            doc_id = f"{_doc_id(Path(path), Path(root))}#{lineno}"
            items = [ReadError(doc_id, str(Path(path).absolute()), lineno,
                               _size_error(options.max_size * 2 + 1, options.max_size))]
        else:
            items = [read_record_line(line, path=path, lineno=lineno, root=root, options=options)]
    else:
        _, path, root = task
        items = read_path(path, root, options)
    out = []
    for item in items:
        if isinstance(item, ReadError):
            out.append(("error", item))
            continue
        if item.key in done:
            out.append(("skip",))
            continue
        try:
            result = extract(item.text, published=item.published)
            payload = encode(item, result)
        except Exception as e:  # a library bug on one article must not stop the batch
            out.append(("error", ReadError(item.doc_id, item.source, item.record,
                                           f"extraction failed: {type(e).__name__}: {e}", item.sha256)))
            continue
        out.append(("ok", payload, len(item.text.split()), len(result.mentions), len(result.facts)))
    return out


def _process_chunk(chunk: tuple[int, list]) -> tuple[int, int, list[tuple]]:
    """_process over a few tasks at once (fewer round trips); RETURNS (chunk id, tasks done, items).
    The worker's RunningChunks slot says which chunk it holds, so the parent can recover
    that chunk's files if the process is killed."""
    cid, tasks = chunk
    slot = _W.get("running")
    if slot is not None:
        slot.hold(cid)
    out = []
    for t in tasks:
        out.extend(_process(t))
    return cid, len(tasks), out


def _lost(tasks: list) -> list[tuple]:
    """Error items for the tasks of a chunk whose worker process died (killed, out of memory)."""
    out = []
    for t in tasks:
        path, root = Path(t[1]), Path(t[2])
        doc_id, record = _doc_id(path, root), 0
        if t[0] == "line":
            record = t[3]
            doc_id = f"{doc_id}#{record}"
        out.append(("error", ReadError(doc_id, str(path.absolute()), record,
                                       "the worker process died while extracting this (killed, or out of memory)")))
    return out


# --------------------------------------------------------------------------- tasks


def _count_tasks(paths, exclude) -> int:
    n = 0
    for f, _ in iter_files(paths, exclude=exclude):
        if f.suffix.lower() == ".jsonl":
            try:
                with open(f, "rb") as fh:
                    n += sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b""))
            except OSError:
                n += 1
        else:
            n += 1
    return n


def _tasks(paths, exclude, max_line: int, summary: BatchSummary, sidecars: list) -> Iterator[tuple]:
    for f, root in iter_files(paths, exclude=exclude, skipped=sidecars):
        summary.files += 1
        if f.suffix.lower() != ".jsonl":
            yield ("file", str(f), str(root))
            continue
        try:
            lines = iter_jsonl_lines(f, max_line)
            for lineno, line in lines:
                yield ("line", str(f), str(root), lineno, line)
        except OSError:
            yield ("file", str(f), str(root))  # the worker reports why


class _Throttle:
    """Feeds chunks of tasks to the pool's feeder thread while fewer than `window` chunks
    are unfinished (Pool.imap would otherwise queue the whole corpus)."""

    def __init__(self, window: int):
        self.sem = threading.Semaphore(window)
        self.stop = threading.Event()
        self.exhausted = False  # every task has been handed out

    def feed(self, tasks: Iterable, chunksize: int, pending: dict | None = None) -> Iterator[tuple[int, list]]:
        """(chunk id, tasks) pairs; each chunk is also kept in `pending` until its result arrives."""
        it = iter(tasks)
        cid = 0
        while True:
            while not self.sem.acquire(timeout=0.1):
                if self.stop.is_set():
                    return
            chunk = [t for _, t in zip(range(chunksize), it)]
            if not chunk:
                self.exhausted = True
                return
            if self.stop.is_set():
                return
            cid += 1
            if pending is not None:
                pending[cid] = chunk
            yield cid, chunk

    def done_one(self):
        self.sem.release()


# --------------------------------------------------------------------------- run


def default_workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def run_batch(paths: Iterable[str | os.PathLike], output: str | os.PathLike, *, workers: int | None = None,
              options: ReadOptions = ReadOptions(), resume: bool = True, progress: bool | None = None,
              chunksize: int = 4, log=None) -> BatchSummary:
    """Extract every article under `paths` into `output`, streaming.

    paths: files and folders (walked recursively). output (str | Path): .jsonl, .csv,
        .sqlite, or "-" for JSONL on stdout. workers (int | None): processes; None for all
        cores; 1 runs in this process. options (ReadOptions): fields, dates, size limit.
    resume (bool): skip articles already in an existing output (else start it afresh).
    progress (bool | None): tqdm bar on stderr; None: only when stderr is a terminal.
    log: stream for error lines and the bar (default sys.stderr).
    RETURNS (BatchSummary): counts, seconds, errors; .exit_code gives 0 / 1 / 130.
    """
    from tqdm import tqdm

    log = log or sys.stderr
    paths = [str(p) for p in paths]
    workers = default_workers() if not workers or workers < 1 else workers
    t0 = time.perf_counter()
    wcls = writer_class(output)  # raises ValueError for an unknown extension
    exclude = []
    if str(output) != "-":
        out = os.path.abspath(output)
        exclude = [out, out + ".done", out + ".tmp"]
    summary = BatchSummary()
    sidecars: list = []
    total = _count_tasks(paths, exclude)

    stop = threading.Event()
    old = {}

    def on_signal(signum, frame):
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()

    if threading.current_thread() is threading.main_thread():
        for sig in (signal.SIGINT, signal.SIGTERM):
            old[sig] = signal.signal(sig, on_signal)

    writer = open_writer(output, resume=resume)
    bar = None
    pool = None
    state = {"lost": 0}  # chunks given up because their worker died
    throttle = _Throttle(workers * 4)
    try:
        done = frozenset(writer.done())
        tasks = _tasks(paths, exclude, options.max_size * 2, summary, sidecars)
        if workers == 1:
            _init_worker(options, done, wcls.encode, in_child=False)
            results = ((True, 1, _process(t)) for t in tasks)
        else:
            method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
            if method == "fork":
                _warm()  # load once here; forked workers share it
            ctx = mp.get_context(method)
            running = RunningChunks(ctx, workers * 64)
            pool = ctx.Pool(workers, _init_worker, (options, done, wcls.encode, True, running))
            results = _pool_results(pool, throttle, tasks, chunksize, stop, running, state)
        bar = tqdm(total=total, unit="file", file=log, disable=(not progress) if progress is not None else None,
                   dynamic_ncols=True, smoothing=0.05, mininterval=0.5)
        for release, n, items in results:
            if release:
                throttle.done_one()
            for item in items:
                kind = item[0]
                if kind == "ok":
                    writer.write(item[1])
                    summary.articles += 1
                    summary.words += item[2]
                    summary.mentions += item[3]
                    summary.facts += item[4]
                elif kind == "skip":
                    summary.skipped += 1
                else:
                    err = item[1]
                    writer.error(err)
                    summary.errors += 1
                    if len(summary.error_list) < 1000:
                        summary.error_list.append(err)
                    where = err.source if not err.record else f"{err.source}#{err.record}"
                    msg = f"error: {where}: {err.reason}"
                    if bar.disable:
                        print(msg, file=log, flush=True)
                    else:
                        bar.write(msg, file=log)
            bar.update(n)
            if not bar.disable:
                el = time.perf_counter() - t0
                bar.set_postfix_str(f"{summary.words / el:,.0f} words/s", refresh=False)
            if stop.is_set():
                break
    except KeyboardInterrupt:
        stop.set()
    finally:
        summary.interrupted = stop.is_set()
        throttle.stop.set()
        if pool is not None:
            if summary.interrupted or state["lost"]:
                pool.terminate()  # close() + join() would wait for the lost chunks forever
            else:
                pool.close()
            pool.join()
        writer.close()
        if bar is not None:
            bar.close()
        for sig, h in old.items():
            signal.signal(sig, h)
    summary.sidecars = len(sidecars)
    summary.seconds = time.perf_counter() - t0
    return summary


def _pool_results(pool, throttle: _Throttle, tasks, chunksize: int, stop: threading.Event, running, state: dict):
    """(release, tasks done, items) as chunks finish; release says the chunk came from the
    feeder and frees its place. A chunk whose worker died never comes back (the pool
    replaces the process, not its task): its files are tried again one at a time, and a
    file that kills its worker on its own is reported as an error. The run neither hangs
    nor loses the other files."""
    pending: dict[int, list] = {}  # chunk id -> tasks; retries get negative ids
    it = pool.imap_unordered(_process_chunk, throttle.feed(tasks, chunksize, pending))
    retried: queue.SimpleQueue = queue.SimpleQueue()
    retry_ids = itertools.count(-1, -1)
    given_up: set[int] = set()
    while not stop.is_set():
        try:
            cid, n, items = retried.get_nowait()
        except queue.Empty:
            try:
                cid, n, items = it.next(timeout=0.2)
            except mp.TimeoutError:
                for cid in running.orphaned():
                    lost = pending.pop(cid, None)
                    if lost is None:
                        continue
                    given_up.add(cid)
                    state["lost"] += 1
                    if len(lost) == 1:
                        yield cid > 0, 1, _lost(lost)
                        continue
                    yield cid > 0, 0, []  # its files come back one by one
                    for t in lost:
                        rid = next(retry_ids)
                        pending[rid] = [t]
                        pool.apply_async(_process_chunk, ((rid, [t]),), callback=retried.put)
                if given_up and not pending and throttle.exhausted:
                    return  # imap_unordered would wait for the lost chunks forever
                continue
            except StopIteration:
                return  # no chunk was lost (a lost one keeps imap_unordered from ending)
        if cid not in given_up:
            pending.pop(cid, None)
            yield cid > 0, n, items


class RunningChunks:
    """Which chunk each pool worker holds, in shared memory (no server process that could
    outlive a killed run): a worker claims a slot when it starts, writes its pid there and
    the id of each chunk it takes; the parent finds chunks whose worker is gone."""

    def __init__(self, ctx, slots: int):
        self._next = ctx.Value("i", 0)
        self._pids = ctx.Array("q", slots, lock=False)
        self._cids = ctx.Array("q", slots, lock=False)
        self._slot = -1

    def claim(self) -> "RunningChunks | None":
        """In a new worker: take the next slot (None when all are used: that worker goes untracked)."""
        with self._next.get_lock():
            slot = self._next.value
            self._next.value += 1
        if slot >= len(self._pids):
            return None
        self._slot = slot
        self._pids[slot] = os.getpid()
        return self

    def hold(self, cid: int) -> None:
        self._cids[self._slot] = cid

    def orphaned(self) -> list[int]:
        """In the parent: ids of chunks held by workers that no longer exist (each reported once)."""
        out = []
        for slot in range(min(self._next.value, len(self._pids))):
            pid, cid = self._pids[slot], self._cids[slot]
            if pid and cid and not _alive(pid):
                out.append(cid)
                self._cids[slot] = 0
        return out


def _alive(pid: int) -> bool:
    """Whether process `pid` still exists (a dead pool worker is reaped within a moment)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # pragma: no cover - someone else's process took the pid
        return False
    return True
