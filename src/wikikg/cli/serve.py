"""`wikikg serve`: a read-only SPARQL endpoint and query page over a graph file or a store."""
from __future__ import annotations

import click

from wikikg.cli.common import fail


@click.command()
@click.option("--graph", "graph_path", default=None, help="A graph file (loaded into a temporary store).")
@click.option("--store", "store_dir", default=None, help="A store made by `wikikg build --store DIR`.")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=7878, show_default=True, type=click.IntRange(0, 65535))
@click.option("--timeout", default=10.0, show_default=True, help="Seconds a query may run.")
@click.option("--max-rows", default=10_000, show_default=True, help="Rows (or triples) per answer.")
@click.option("--max-bytes", default=20_000_000, show_default=True, help="Bytes per answer.")
@click.option("--max-request", default=100_000, show_default=True, help="Bytes per request.")
@click.option("--workers", default=2, show_default=True, help="Query worker processes.")
@click.option("--max-memory", default=None, metavar="SIZE",
              help="Memory per query worker (512M, 2G; 0: no cap) [default: a quarter of RAM over the "
                   "workers, 512M-4G].")
@click.option("--cors-origin", "cors", multiple=True, help="Allow browser pages from ORIGIN ('*': any).")
def serve(graph_path: str | None, store_dir: str | None, host: str, port: int, timeout: float,
          max_rows: int, max_bytes: int, max_request: int, workers: int, max_memory: str | None,
          cors: tuple[str, ...]) -> None:
    """Serve a read-only SPARQL 1.1 Protocol endpoint (/sparql) and a query page (/)."""
    from wikikg.errors import ServerError
    from wikikg.sparql.server import Limits
    from wikikg.sparql.server import serve as run
    from wikikg.sparql.store import StoreError

    if bool(graph_path) == bool(store_dir):
        fail("give one of --graph FILE or --store DIR")
    if min(timeout, max_rows, max_bytes, max_request, workers) <= 0:
        fail("--timeout, --max-rows, --max-bytes, --max-request and --workers must be positive")

    memory = None if max_memory is None else _size(max_memory)

    def ready(pool) -> None:
        guard = "on" if pool.guarded else "off (audit hook only)"
        cap = pool.limits.memory_cap()
        click.echo(f"wikikg: serving {graph_path or store_dir} ({pool.quads} quads) at http://{host}:{port}/ "
                   f"- SPARQL endpoint /sparql; read-only, network guard {guard}, "
                   f"{f'{cap >> 20} MB' if cap else 'no memory cap'} per worker", err=True)

    try:
        run(graph=graph_path, store=store_dir, host=host, port=port, cors_origins=cors, on_ready=ready,
            limits=Limits(timeout, max_rows, max_bytes, max_request, workers, memory))
    except (StoreError, ServerError) as e:
        fail(str(e))


def _size(text: str) -> int:
    """'512M', '2G', '1500000' -> bytes."""
    import re

    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kmgt]?)i?b?\s*", text, re.I)
    if not m:
        fail(f"--max-memory {text!r}: expected a size such as 512M or 2G (0: no cap)")
    size = int(float(m.group(1)) * 1024 ** " kmgt".index(m.group(2).lower() or " "))
    if 0 < size < 128 * 2**20:
        fail(f"--max-memory {text}: a query worker needs at least 128M (0: no cap)")
    return size
