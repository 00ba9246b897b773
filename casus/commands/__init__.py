"""CLI commands, one module per subsystem. ``register`` adds each module's commands to the app.

To add a command group: write ``casus/commands/NAME.py`` exposing ``register(app)`` and list
NAME in ``MODULES``. Keep module-level imports light (import heavy libraries inside commands) so
``casus --help`` stays fast.
"""
from __future__ import annotations

import importlib

import typer

MODULES = ["eval", "code", "store", "actor", "explain", "analyse", "serve", "watch"]


def register(app: typer.Typer) -> None:
    for name in MODULES:
        importlib.import_module(f"casus.commands.{name}").register(app)
