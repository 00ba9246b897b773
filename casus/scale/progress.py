"""Progress of a batch run: input files done with an ETA, articles coded and articles/s.

On a terminal it is a Rich progress bar; elsewhere (logs, CI, a cluster job) one line per coded
batch, so a long run's log shows how far it got.
"""
from __future__ import annotations

import time
from typing import Any


class Meter:
    """Counts input files done (``advance``) and articles coded (``coded``)."""

    def __init__(self, console: Any, files: int):
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self.console, self.articles, self.started = console, 0, time.monotonic()
        self.progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TextColumn("files"),
                                 TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                                 console=console, disable=not console.is_terminal, transient=True)  # fmt: skip
        self.task = self.progress.add_task("coding", total=files)

    def __enter__(self) -> Meter:
        self.progress.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.progress.stop()

    @property
    def rate(self) -> float:
        return self.articles / max(time.monotonic() - self.started, 1e-9)

    def advance(self) -> None:
        self.progress.advance(self.task)

    def coded(self, count: int) -> None:
        self.articles += count
        summary = f"{self.articles} articles coded, {self.rate:.1f} articles/s"
        if self.console.is_terminal:
            self.progress.update(self.task, description=summary)
        else:
            self.console.print(summary, highlight=False)
