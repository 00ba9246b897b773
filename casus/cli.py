"""The ``casus`` command line. Each subsystem owns a Typer sub-app; this file only wires them."""
from __future__ import annotations

import typer

app = typer.Typer(
    name="casus",
    help="Political event data from news text: CAMEO/PLOVER events, actors, quotes, claims, agreements.",
    no_args_is_help=True,
    add_completion=False,
)


def _register() -> None:
    from casus.commands import register

    register(app)


def main() -> None:
    _register()
    app()


if __name__ == "__main__":
    main()
