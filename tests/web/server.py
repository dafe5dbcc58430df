"""Run the real app under uvicorn in a subprocess, for browser and schema tests."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_app(port: int, env: dict[str, str], *options: str) -> subprocess.Popen:
    """careerpath's app under uvicorn on 127.0.0.1:`port`, with any further uvicorn options
    (the benches add --workers and --no-access-log)."""
    command = [sys.executable, "-m", "uvicorn", "careerpath.web.app:create_app", "--factory"]
    command += ["--host", "127.0.0.1", "--port", str(port), "--log-level", "warning", *options]
    return subprocess.Popen(command, env=env)


@contextmanager
def running_server(database_url: str, **env):
    port = free_port()
    proc = start_app(port, {**os.environ, "DATABASE_URL": database_url, **env})
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(base + "/healthz", timeout=2):
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("the web server did not start") from None
                time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
