"""PostgreSQL databases of the tests' own (DESIGN §17): each made with a unique name and
dropped afterwards, on the server at $DAICHO_TEST_POSTGRES (default: this project's machines'
127.0.0.1:5432, trust authentication). Without a server the PostgreSQL tests skip with one
line saying why; under CI (`CI=true`) that is a failure instead, so CI always runs them."""

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

import psycopg
import pytest

SERVER = os.environ.get("DAICHO_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test")


@cache
def _server_problem() -> str | None:
    try:
        psycopg.connect(SERVER, connect_timeout=3).close()
    except psycopg.Error as error:
        return str(error).strip().splitlines()[0]
    return None


def require_server() -> None:
    """Skip (fail under CI) the calling test when the server cannot be reached."""
    problem = _server_problem()
    if problem is None:
        return
    message = f"no PostgreSQL server for the shared-ledger tests ({problem})"
    if os.environ.get("CI") == "true":
        pytest.fail(message + " — CI must run them")
    pytest.skip(message)


def url_of(name: str) -> str:
    return SERVER.rsplit("/", 1)[0] + "/" + name


@contextmanager
def fresh_database() -> Iterator[str]:
    """The URL of a new, empty database, dropped (its connections ended) afterwards."""
    require_server()
    name = f"daicho_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(SERVER, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    try:
        yield url_of(name)
    finally:
        with psycopg.connect(SERVER, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
