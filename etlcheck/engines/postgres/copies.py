"""PostgreSQL's copies of a seeded database: the server copies it, with
``CREATE DATABASE <copy> TEMPLATE <seeded>``.

Without ``--db`` the server is a throwaway cluster started for the benchmark and stopped
after it; with ``--db URL`` the copies are made beside that database on its server (the
login needs CREATEDB) and are named after it, so they look as disposable as it does.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlsplit, urlunsplit

from etlcheck.engines.copies import CopyTarget, DatabaseCopies
from etlcheck.engines.postgres.cluster import ThrowawayCluster


class TemplateCopies(DatabaseCopies):
    """A seeded server database, copied by the server for each run."""

    def __init__(self, db: str | None) -> None:
        import psycopg
        from psycopg.conninfo import conninfo_to_dict

        self._psycopg = psycopg
        self._cluster: ThrowawayCluster | None = None
        self._created: list[str] = []
        self.seeded = CopyTarget(db) if db is not None else self._start_cluster()
        server = conninfo_to_dict(self.seeded.db)
        self.database = str(server.get("dbname") or "")
        self._server: dict[str, Any] = {**server, "dbname": "postgres"}

    def _start_cluster(self) -> CopyTarget:
        """A throwaway cluster and an empty database on it that the benchmark owns."""
        self._cluster = ThrowawayCluster()
        address = self._cluster.start()
        database = "etlcheck_bench_seeded"
        with self._psycopg.connect(
            dbname="postgres",
            autocommit=True,
            host=str(address.socket_dir),
            port=address.port,
            user=address.user,
        ) as admin:
            admin.execute(f"CREATE DATABASE {_quoted(database)}")
        url = (
            f"postgresql://{quote(address.user)}@/{database}"
            f"?host={quote(str(address.socket_dir), safe='')}&port={address.port}"
        )
        return CopyTarget(url, own=True)

    def _admin(self) -> Any:
        return self._psycopg.connect(autocommit=True, **self._server)

    def fresh(self, label: str) -> CopyTarget:
        name = f"{self.database}_{label}"[:63]
        with self._admin() as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {_quoted(name)}")
            admin.execute(f"CREATE DATABASE {_quoted(name)} TEMPLATE {_quoted(self.database)}")
        self._created.append(name)
        parts = urlsplit(self.seeded.db)
        return CopyTarget(urlunsplit(parts._replace(path="/" + quote(name))), self.seeded.own)

    def discard(self, copy: CopyTarget) -> None:
        from psycopg.conninfo import conninfo_to_dict

        name = str(conninfo_to_dict(copy.db).get("dbname"))
        with self._admin() as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {_quoted(name)} WITH (FORCE)")
        if name in self._created:
            self._created.remove(name)

    def close(self) -> None:
        try:
            if self._cluster is None and self._created:
                with self._admin() as admin:
                    for name in self._created:
                        admin.execute(f"DROP DATABASE IF EXISTS {_quoted(name)} WITH (FORCE)")
        finally:
            if self._cluster is not None:
                self._cluster.stop()
                self._cluster = None


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
