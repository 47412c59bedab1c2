"""SIGINT and SIGTERM during a run: stop at a defined point, wherever the signal lands.

The handler never raises. It records the signal, and a helper thread interrupts the
statement the engine is running (again and again, so a signal that lands just before a
statement starts is not lost). The run then stops at the next statement it would send,
or as soon as the interrupted statement returns: the step's transaction is rolled back,
the run is recorded as ``interrupted`` and the command exits 130 (SIGINT) or 143
(SIGTERM). Bookkeeping that must not be cut in half (a step's COMMIT, the state rows)
runs in :meth:`StopSignals.critical`, where nothing is interrupted.

A step that runs longer than the step timeout (:meth:`StopSignals.time_limit`) is
stopped the same way, but only the step: it raises :class:`StepTimedOut`, which the
runner records as the step's failure, and the run ends as a failed one.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from etlcheck.engines.base import Engine
    from etlcheck.errors import SourceLocation

SIGNALS = (signal.SIGINT, signal.SIGTERM)
POLL_SECONDS = 0.05
"""How often the helper thread interrupts the engine until the run has stopped."""
WATCHDOG_IDLE_SECONDS = 5.0
"""How long the step timeout's watchdog waits for the next step before it ends."""


class RunInterrupted(BaseException):
    """The run was stopped by a signal. A BaseException, like KeyboardInterrupt: no
    ``except Exception`` on the way out may take it for a failed statement."""

    def __init__(self, signum: int, step: str | None = None, atomic: bool = True) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum
        self.step = step
        """The step that was running (``3 12-block.sql``); None outside the steps."""
        self.atomic = atomic
        """Whether that step ran in a transaction (rolled back now)."""

    @property
    def sentence(self) -> str:
        """What the interrupted run left behind, for the one line the command prints."""
        if self.step is None:
            return "the run was interrupted before its steps ran (run it again)"
        undone = (
            "rolled back"
            if self.atomic
            else "left as it was (it manages its own transactions, or the engine cannot)"
        )
        return (
            f"the run was interrupted at step {self.step}, which was {undone}; "
            "it is recorded as interrupted, and etlcheck run --resume continues from that step"
        )

    @property
    def name(self) -> str:
        return signal.Signals(self.signum).name

    @property
    def exit_code(self) -> int:
        """128 + the signal number, as a shell reports a process the signal ended."""
        return 128 + self.signum


class StepTimedOut(BaseException):
    """The running step outlived the step timeout and was stopped. A BaseException, so
    that no ``except Exception`` on the way (a TRY ... CATCH) takes it for an error."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"{seconds:g} s")
        self.seconds = seconds
        self.location: SourceLocation | None = None
        """The statement that was running, where the interpreter knows it."""


class StopSignals:
    """The stop request of one run (``signum`` is None until a signal arrives)."""

    def __init__(self) -> None:
        self.signum: int | None = None
        self.timed_out: float | None = None
        """The step timeout, while the running step is being stopped for outliving it."""
        self._engine: Engine | None = None
        self._critical = 0
        self._lock = threading.Lock()
        self._stopped = threading.Event()
        self._previous: dict[int, Any] = {}
        self._deadline: tuple[float, float, threading.Event] | None = None
        """The running step's time limit: when it expires, its seconds, and the event its
        end sets."""
        self._deadline_changed = threading.Condition()
        self._watchdog: threading.Thread | None = None

    # -- the handlers ------------------------------------------------------------------
    @contextmanager
    def installed(self) -> Iterator[StopSignals]:
        """SIGINT and SIGTERM handled by this object inside the block (main thread only;
        elsewhere the block runs with the handlers as they are)."""
        if threading.current_thread() is not threading.main_thread():
            yield self
            return
        for signum in SIGNALS:
            self._previous[signum] = signal.signal(signum, self._on_signal)
        try:
            yield self
        finally:
            self._stopped.set()
            for number, previous in self._previous.items():
                signal.signal(number, previous)

    def take_over(self) -> None:
        """Handle the signals again after something installed its own handlers (the
        throwaway PostgreSQL cluster's clean-up); theirs come back when the block ends."""
        if threading.current_thread() is not threading.main_thread() or not self._previous:
            return
        for signum in SIGNALS:
            current = signal.getsignal(signum)
            if current != self._on_signal:
                self._previous[signum] = current
                signal.signal(signum, self._on_signal)

    def _on_signal(self, signum: int, frame: FrameType | None) -> None:
        if self.signum is not None:
            return  # already stopping: a second Ctrl-C does not cut the clean-up short
        self.signum = signum
        threading.Thread(target=self._interrupt_until, args=(self._stopped,), daemon=True).start()

    def _interrupt_until(self, done: threading.Event) -> None:
        while not done.is_set() and not self._stopped.is_set():
            with self._lock:
                if self._critical == 0 and self._engine is not None:
                    self._engine.interrupt()
            done.wait(POLL_SECONDS)

    @contextmanager
    def time_limit(self, seconds: float | None) -> Iterator[None]:
        """Stop what runs inside once it has run ``seconds`` (None or 0: no limit): its
        statements are interrupted and the next check raises :class:`StepTimedOut`. One
        watchdog thread serves every step of the run."""
        if not seconds:
            yield
            return
        done = threading.Event()
        with self._deadline_changed:
            self._deadline = (time.monotonic() + seconds, seconds, done)
            self._deadline_changed.notify()
            if self._watchdog is None:
                self._watchdog = threading.Thread(target=self._watch, daemon=True)
                self._watchdog.start()
        try:
            yield
        finally:
            with self._deadline_changed:
                self._deadline = None
                self._deadline_changed.notify()
            with self._lock:
                done.set()
                self.timed_out = None

    def _watch(self) -> None:
        """The watchdog: expire the running step's time limit when its moment comes; it
        ends once no step has had a limit for WATCHDOG_IDLE_SECONDS (the run is over)."""
        while not self._stopped.is_set():
            with self._deadline_changed:
                deadline = self._deadline
                if deadline is None:
                    woken = self._deadline_changed.wait(WATCHDOG_IDLE_SECONDS)
                    if not woken and self._deadline is None:
                        self._watchdog = None
                        return
                    continue
                moment, seconds, done = deadline
                left = moment - time.monotonic()
                if left > 0:
                    self._deadline_changed.wait(left)
                    continue
                self._deadline = None
            with self._lock:
                if done.is_set() or self.signum is not None:
                    continue
                self.timed_out = seconds
            self._interrupt_until(done)

    # -- what the run calls ---------------------------------------------------------------
    @property
    def requested(self) -> bool:
        """Whether a signal or the step timeout asks the run to stop what it runs."""
        return self.signum is not None or self.timed_out is not None

    def watch(self, engine: Engine) -> None:
        """Interrupt ``engine``'s statements on a signal, and check before each one."""
        self._engine = engine
        engine.statement_observer = _chain(engine.statement_observer, self.observe)

    def observe(self, sql: str) -> None:
        """Before a statement: stop here if a signal came (outside critical sections)."""
        self.check()

    def check(self) -> None:
        """Raise :class:`RunInterrupted` if a signal came (:class:`StepTimedOut` if the
        step timeout expired) and nothing critical runs."""
        if self.requested and self._critical == 0:
            raise self.stopping()

    def stopping(self) -> RunInterrupted | StepTimedOut:
        """What stops the running step: the signal's :meth:`stopped`, or the timeout's."""
        if self.signum is None and self.timed_out is not None:
            return StepTimedOut(self.timed_out)
        return self.stopped()

    def stopped(self, step: str | None = None, atomic: bool = True) -> RunInterrupted:
        """The exception to end the run with, once the run has cleaned up."""
        self._stopped.set()
        assert self.signum is not None
        return RunInterrupted(self.signum, step, atomic)

    @contextmanager
    def critical(self) -> Iterator[None]:
        """Statements inside are neither interrupted nor preceded by a stop."""
        with self._lock:
            self._critical += 1
        try:
            yield
        finally:
            with self._lock:
                self._critical -= 1


def _chain(
    first: Callable[[str], None] | None, second: Callable[[str], None]
) -> Callable[[str], None]:
    if first is None:
        return second

    def both(sql: str) -> None:
        first(sql)
        second(sql)

    return both
