"""``casus eval ...``: score casus against gold data. Each evaluator module registers one command."""
from __future__ import annotations

import importlib

import typer

eval_app = typer.Typer(help="Score casus against gold data (precision, recall, F1).", no_args_is_help=True)

# Modules under casus.evaluation exposing ``register(eval_app)``.
EVALUATORS: list[str] = ["nlp", "quotes", "time", "events", "peers", "geo", "actors"]


def register(app: typer.Typer) -> None:
    for name in EVALUATORS:
        importlib.import_module(f"casus.evaluation.{name}").register(eval_app)
    app.add_typer(eval_app, name="eval")
