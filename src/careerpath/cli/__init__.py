"""The `careerpath` command: one module per command group, each a thin shell over the Python API
(careerpath/api.py) and the shared output helpers (output.py).

    guide.py       careerpath guide FROM TO
    recommend.py   careerpath recommend FROM
    resolve.py     careerpath resolve TITLE
    occupation.py  careerpath occupation CODE
    resources.py   careerpath resources ITEM
    compare.py     careerpath compare FROM TO1 TO2 [TO3 TO4]
    kb.py          careerpath kb build | info
    serve.py       careerpath serve, careerpath db upgrade
    (export lives with its package: careerpath/export/cli.py, careerpath export)

Modules import typer and rich only; the engine, the knowledge base and the web app are
imported by the command that runs, so `careerpath --help` stays fast.
"""

from __future__ import annotations

import os

# The engine's arrays are small: OpenBLAS starting a thread per core costs a fresh process
# more than any product it computes (numpy's import: 0.11 s against 0.35 s on a busy 2-core
# machine). Set before anything imports numpy; a user's own setting wins.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import typer

from careerpath.export import cli as export
from careerpath.shipped import data_line

from . import compare, guide, kb, occupation, recommend, resolve, resources, serve

app = typer.Typer(
    help="Career transition guides grounded in O*NET and BLS data, offline.\n\n"
    'Start here:  careerpath guide "Backend Developer" "AI Technical Writer"\n\n'
    'Not sure what a title maps to?  careerpath resolve "RN - ICU".  '
    'Looking for options?  careerpath recommend "Cashier".',
    epilog=f"Data: {data_line()}. See `careerpath kb info` for the full attribution.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

app.command("guide")(guide.guide)
app.command("recommend")(recommend.recommend)
app.command("compare")(compare.compare_command)
app.command("resolve")(resolve.resolve)
app.command("occupation")(occupation.occupation)
app.command("resources")(resources.resources)
app.command("serve")(serve.serve)
app.command("export")(export.export_command)
app.add_typer(kb.app, name="kb")
app.add_typer(serve.db_app, name="db")

__all__ = ["app"]
